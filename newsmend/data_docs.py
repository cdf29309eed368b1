"""GX Data Docs of a run: the site of the run's GX project, brought up to date and made to
work offline.

The run's batches were validated by the project's Checkpoints (validate.py), which stored
one result per table and batch under the run's id; the site renders those results as they
are, so it shows each run's results as the Checkpoints returned them.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse
from urllib.request import url2pathname

from great_expectations.data_context.types.resource_identifiers import (
    ExpectationSuiteIdentifier,
)

from newsmend.offline_docs import make_offline
from newsmend.validate import open_project


def build_run_docs(project_dir: Path, run_id: str) -> Path | None:
    """Render the run's results, the suites and the index into the project's Data Docs; the
    index.html path, or None when the run stored no validation result (it validated
    nothing). Earlier runs' pages stay as they were rendered, so a run costs its own pages
    (6 batches of 2 tables: 12), not the whole history; a result without a page (a run that
    failed before this step) is rendered too."""
    context = open_project(project_dir)
    store = context.validation_results_store
    keys = store.list_keys()
    ran = [key for key in keys if key.run_id.run_name == run_id]
    if not ran:
        return None
    for key in ran:
        name_data_asset(store, key)
    (url,) = [site["site_url"] for site in context.get_docs_sites_urls(only_if_exists=False)]
    site = Path(url2pathname(urlparse(url).path)).parent
    pages = [key for key in keys if key in ran or not _page(site, key).is_file()]
    suites = [ExpectationSuiteIdentifier(name=suite.name) for suite in context.suites.all()]
    context.build_data_docs(resource_identifiers=[*suites, *pages])
    make_offline(site)
    return site / "index.html"


def _page(site: Path, key) -> Path:
    """Where the site keeps the page of a validation result (GX's layout: suite, run name,
    run time, batch)."""
    *folders, batch = key.to_tuple()
    return site.joinpath("validations", *folders, f"{batch}.html")


def name_data_asset(store, key) -> None:
    """GX 1.x's validation page reads the data asset's name from the result's batch_spec,
    which for a dataframe asset holds only the frame, and says "Data asset: None" (its index
    page reads the name where GX keeps it). Copy the name there: the one thing added to a
    result a Checkpoint stored (validate.run_checkpoint stores it with the name already)."""
    result = store.get(key)
    batch_spec = result.meta.setdefault("batch_spec", {})
    if "data_asset_name" not in batch_spec:
        batch_spec["data_asset_name"] = result.meta["active_batch_definition"]["data_asset_name"]
        store.set(key, result)
