"""GX Data Docs of a run: the site of the run's GX project, rebuilt and made to work offline.

The run's batches were validated by the project's Checkpoints (validate.py), which stored
one result per table and batch under the run's id; this renders every result the project
holds, so the site shows each run's results as the Checkpoints returned them.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse
from urllib.request import url2pathname

from newsmend.offline_docs import make_offline
from newsmend.validate import open_project


def build_run_docs(project_dir: Path, run_id: str) -> Path | None:
    """Rebuild the Data Docs of the GX project; the index.html path, or None when the run
    stored no validation result (it validated nothing)."""
    context = open_project(project_dir)
    store = context.validation_results_store
    keys = [key for key in store.list_keys() if key.run_id.run_name == run_id]
    if not keys:
        return None
    for key in keys:
        name_data_asset(store, key)
    urls = context.build_data_docs()
    index = Path(url2pathname(urlparse(next(iter(urls.values()))).path))
    make_offline(index.parent)
    return index


def name_data_asset(store, key) -> None:
    """GX 1.x's validation page reads the data asset's name from the result's batch_spec,
    which for a dataframe asset holds only the frame, and says "Data asset: None" (its index
    page reads the name where GX keeps it). Copy the name there: the one thing added to a
    result the Checkpoint stored."""
    result = store.get(key)
    batch_spec = result.meta.setdefault("batch_spec", {})
    if "data_asset_name" not in batch_spec:
        batch_spec["data_asset_name"] = result.meta["active_batch_definition"]["data_asset_name"]
        store.set(key, result)
