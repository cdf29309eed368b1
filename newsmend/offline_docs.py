"""GX Data Docs that work with no network: every style sheet, script and font from the copies
in `newsmend/data_docs_assets/` (copied into the site's `static/vendor/`), the logo from the
site's own images, and no address of any host left in a page.

GX writes its pages with CDN links, a logo URL that carries the project's id, and links to
its website; this runs over the site after every build."""

from __future__ import annotations

import logging
import os
import re
import shutil
from functools import partial
from pathlib import Path

VENDORED = Path(__file__).parent / "data_docs_assets"
VENDOR = Path("static", "vendor")  # in the site
LOGO = Path("static", "images", "logo-long.png")  # GX ships it in the site too
GX_ASSETS_HOST = "great-expectations-web-assets."  # its logos (the URL names the project)

# CDN address (as GX writes it, query dropped) -> the vendored file
ASSETS = {
    "https://maxcdn.bootstrapcdn.com/bootstrap/4.3.1/css/bootstrap.min.css": "bootstrap.min.css",
    "https://stackpath.bootstrapcdn.com/bootstrap/4.3.1/js/bootstrap.min.js": "bootstrap.min.js",
    "https://code.jquery.com/jquery-3.7.1.min.js": "jquery.min.js",
    "https://cdnjs.cloudflare.com/ajax/libs/popper.js/1.12.9/umd/popper.min.js": "popper.min.js",
    "https://cdnjs.cloudflare.com/ajax/libs/font-awesome/6.6.0/css/all.min.css": (
        "fontawesome/css/all.min.css"
    ),
    "https://unpkg.com/bootstrap-table@1.19.1/dist/bootstrap-table.min.css": (
        "bootstrap-table.min.css"
    ),
    "https://unpkg.com/bootstrap-table@1.19.1/dist/bootstrap-table.min.js": "bootstrap-table.min.js",
    "https://unpkg.com/bootstrap-table@1.19.1/dist/extensions/filter-control/"
    "bootstrap-table-filter-control.min.js": "bootstrap-table-filter-control.min.js",
    "https://unpkg.com/bootstrap-table@1.19.0/dist/extensions/filter-control/"
    "bootstrap-table-filter-control.css": "bootstrap-table-filter-control.min.css",
    "https://unpkg.com/bootstrap-table@1.19.0/dist/extensions/filter-control/"
    "bootstrap-table-filter-control.min.css": "bootstrap-table-filter-control.min.css",
    "https://cdnjs.cloudflare.com/ajax/libs/bootstrap-datepicker/1.9.0/css/"
    "bootstrap-datepicker.min.css": "bootstrap-datepicker.min.css",
    "https://cdnjs.cloudflare.com/ajax/libs/bootstrap-datepicker/1.9.0/js/"
    "bootstrap-datepicker.min.js": "bootstrap-datepicker.min.js",
    "https://cdn.jsdelivr.net/npm/@forevolve/bootstrap-dark@1.1.0/dist/css/"
    "bootstrap-prefers-dark.css": "bootstrap-prefers-dark.min.css",
    "https://cdn.jsdelivr.net/npm/vega@5": "vega.min.js",
    "https://cdn.jsdelivr.net/npm/vega-lite@5": "vega-lite.min.js",
    "https://cdn.jsdelivr.net/npm/vega-embed@6": "vega-embed.min.js",
}
ATTRIBUTE = re.compile(r"""\s(src|href)=["'](https?://[^"']*)["']""")
CSS_URL = re.compile(r"""url\(\s*["']?(https?://[^"')]*)["']?\s*\)""")
log = logging.getLogger(__name__)


def make_offline(site: Path) -> list[str]:
    """Rewrite the site's pages and style sheets to use local files only; returns the
    addresses it had to drop without a local copy (links to GX's website, unknown assets)."""
    shutil.copytree(VENDORED, site / VENDOR, dirs_exist_ok=True, ignore=_readme)
    dropped: list[str] = []
    for page in sorted(site.rglob("*.html")):
        _rewrite(page, ATTRIBUTE, partial(_attribute, site=site, page=page, dropped=dropped))
    for sheet in sorted((site / "static").rglob("*.css")):
        if not sheet.is_relative_to(site / VENDOR):
            _rewrite(sheet, CSS_URL, partial(_css_url, site=site, sheet=sheet, dropped=dropped))
    unknown = sorted({url for url in dropped if not _is_link(url)})
    if unknown:
        log.warning("Data Docs: no local copy of %s (dropped)", ", ".join(unknown))
    return dropped


def _rewrite(path: Path, pattern: re.Pattern, replace) -> None:
    text = path.read_text(encoding="utf-8")
    local = pattern.sub(replace, text)
    if local != text:
        path.write_text(local, encoding="utf-8")


def _css_url(match: re.Match, site: Path, sheet: Path, dropped: list[str]) -> str:
    return f"url({_local(match.group(1), site, sheet, dropped)})"


def _readme(folder: str, names: list[str]) -> list[str]:
    return ["README.md"] if Path(folder) == VENDORED else []


def _attribute(match: re.Match, site: Path, page: Path, dropped: list[str]) -> str:
    name, url = match.groups()
    target = _local(url, site, page, dropped)
    return f' {name}="{target}"' if target else ""


def _local(url: str, site: Path, page: Path, dropped: list[str]) -> str:
    """The path, relative to the page, of the local copy of url; "" when there is none."""
    bare = url.split("?", 1)[0]
    if bare in ASSETS:
        target = site / VENDOR / ASSETS[bare]
    elif GX_ASSETS_HOST in bare and bare.endswith(".png"):
        target = site / LOGO
    else:
        dropped.append(url)
        return ""
    return Path(os.path.relpath(target, page.parent)).as_posix()


def _is_link(url: str) -> bool:
    """A link to a web page (GX's docs, its newsletter), not an asset a page loads."""
    return not re.search(r"\.(js|css|png|svg|gif|woff2?|ttf)$|@\d", url.split("?", 1)[0])
