"""The command line: thin wrappers that check arguments and call the flow or the core.

Every error a user can cause ends in one line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from newsmend.config import ConfigError, load_settings
from newsmend.locations import is_remote, local_folder
from newsmend.store import DOCS_SITE, StoreError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    help="Clean machine-translated news pages into validated Parquet.",
)
alerts = typer.Typer(no_args_is_help=True, help="Notifications of quality alerts.")
app.add_typer(alerts, name="alerts")


class UserError(Exception):
    """Something the user can fix; printed as one line."""


@app.command()
def run(
    raw: Annotated[
        str | None,
        typer.Option(help="Folder or URL (s3://bucket/prefix) of raw pages (*.txt, *.txt.gz)."),
    ] = None,
    out: Annotated[
        str | None, typer.Option(help="Folder or URL (s3://bucket/prefix) for the tables.")
    ] = None,
    full: Annotated[
        bool, typer.Option(help="Reprocess every file, not only new or changed ones.")
    ] = False,
    config: Annotated[
        Path | None, typer.Option(help="TOML settings (default ./newsmend.toml).")
    ] = None,
    batch_size: Annotated[int | None, typer.Option(help="Files per Prefect task.")] = None,
    dask: Annotated[
        str | None, typer.Option(help="Dask scheduler address, tcp://host:8786.")
    ] = None,
) -> None:
    """Clean the raw pages into Parquet tables (articles, headlines, quarantine, runs)."""
    settings = load_settings(config, raw=raw, out=out, batch_size=batch_size, dask=dask)
    if not _is_folder(settings.raw):
        raise UserError(f"--raw {settings.raw} is not a folder")
    from prefect import tags

    from flows.clean import QualityAlert, ServerUnavailable, clean_news, share_temporary_server

    if not settings.dask:
        try:
            share_temporary_server()  # for the local worker processes
        except ServerUnavailable as error:
            raise UserError(str(error)) from None
    alert = None
    with tags("newsmend", "cli"):
        try:
            summary = clean_news(
                raw=str(settings.raw),
                out=str(settings.out),
                full=full,
                config=str(config) if config else None,
                batch_size=settings.batch_size,
                dask=settings.dask,
            )
        except QualityAlert as error:  # alert_state = "failed": published, and exit 1
            summary, alert = error.run_row, error
    typer.echo(
        f"run {summary['run_id']}: {summary['files_processed']} files, {summary['articles']} articles, "
        f"{summary['headlines']} headlines, {summary['quarantined']} quarantined -> {settings.out}"
    )
    if alert:
        typer.echo(f"newsmend: {alert}", err=True)
        sys.exit(1)


def _is_folder(where) -> bool:
    """A folder, or an object storage prefix that holds objects; an unreachable store or
    missing credentials end in one line, never a traceback."""
    try:
        return where.is_dir()
    except Exception as error:  # noqa: BLE001 - botocore's and aiohttp's errors alike
        raise UserError(f"--raw {where}: {type(error).__name__}: {error}") from None


@app.command()
def serve(
    cron: Annotated[str, typer.Option(help="When to run, as a cron expression.")] = "0 * * * *",
    raw: Annotated[str | None, typer.Option(help="Folder or URL of raw pages.")] = None,
    out: Annotated[str | None, typer.Option(help="Output folder or URL.")] = None,
    config: Annotated[Path | None, typer.Option(help="TOML settings file.")] = None,
    name: Annotated[
        str, typer.Option(help="Deployment name in the Prefect UI.")
    ] = "newsmend-scheduled",
) -> None:
    """Serve the flow as a Prefect deployment on a schedule (runs until stopped)."""
    from prefect.client.schemas.schedules import construct_schedule

    settings = load_settings(config, raw=raw, out=out)
    try:
        construct_schedule(cron=cron)
    except ValueError:
        raise UserError(f"--cron {cron!r} is not a valid cron expression") from None
    from prefect.settings import PREFECT_API_URL

    if not PREFECT_API_URL.value():
        raise UserError(
            "serve needs a Prefect server that outlives it: start one with "
            "`prefect server start --host 127.0.0.1` and set PREFECT_API_URL=http://127.0.0.1:4200/api"
        )
    from flows.clean import clean_news

    clean_news.serve(
        name=name,
        cron=cron,
        tags=["newsmend"],
        parameters={
            "raw": str(settings.raw),
            "out": str(settings.out),
            "config": str(config.resolve()) if config else None,
        },
    )


@app.command()
def catalog(
    out: Annotated[str | None, typer.Option(help="Output folder of a run.")] = None,
) -> None:
    """Write catalog.duckdb: one DuckDB view per table over the Parquet."""
    from newsmend.catalog import write_catalog

    settings = load_settings(out=out)
    if is_remote(settings.out):
        raise UserError(
            f"--out {settings.out}: the catalog is a local DuckDB file; read tables on object "
            "storage with polars or DuckDB through deltalake (README, 'Object storage')"
        )
    if not (settings.out / "articles").exists():
        raise UserError(
            f"--out {settings.out} holds no published run yet; run `newsmend run` first"
        )
    typer.echo(write_catalog(settings.out))


@app.command()
def docs(
    out: Annotated[str | None, typer.Option(help="Output folder or URL of a run.")] = None,
    port: Annotated[int, typer.Option(help="Port on 127.0.0.1 (0: any free one).")] = 8765,
) -> None:
    """Serve the GX Data Docs of an output folder on 127.0.0.1 until stopped (Ctrl-C)."""
    from functools import partial
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    settings = load_settings(out=out)
    site = local_folder(settings.out) / DOCS_SITE
    if not (site / "index.html").is_file():
        raise UserError(f"--out {settings.out} has no Data Docs yet; run `newsmend run` first")
    handler = partial(SimpleHTTPRequestHandler, directory=str(site))
    try:
        server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    except OSError as error:
        raise UserError(f"--port {port}: {error.strerror}") from None
    with server:
        address = f"http://127.0.0.1:{server.server_port}/index.html"
        typer.echo(f"GX Data Docs of {settings.out}: {address}  (Ctrl-C stops)")
        sys.stdout.flush()
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass


@alerts.command("install")
def alerts_install(
    block: Annotated[
        str, typer.Option(help="Prefect notification block as type/name, e.g. slack-webhook/ops.")
    ],
) -> None:
    """Create the Prefect automation that notifies through BLOCK on every quality alert."""
    from prefect.settings import PREFECT_API_URL

    if not PREFECT_API_URL.value():
        raise UserError("alerts install needs the Prefect server of the runs: set PREFECT_API_URL")
    from flows.alerts import AlertSetupError, install

    try:
        automation = install(block)
    except AlertSetupError as error:
        raise UserError(str(error)) from None
    typer.echo(f"automation {automation.name!r} ({automation.id}) notifies through {block}")


@app.command()
def rules() -> None:
    """List the repair rules; switch one off with disabled_rules in the configuration."""
    from newsmend.repair import RULES

    width = max(len(rule.name) for rule in RULES)
    for rule in RULES:
        typer.echo(f"{rule.name.ljust(width)}  {rule.description}")


def main() -> None:
    """Entry point: run the app, turning user errors into one line and exit code 2."""
    try:
        code = app(standalone_mode=False)
    except (UserError, ConfigError, StoreError) as error:
        _fail(str(error))
    except Exception as error:
        if hasattr(error, "format_message"):  # a usage error of (Typer's copy of) click
            _fail(error.format_message())
        raise
    sys.exit(code if isinstance(code, int) else 0)


def _fail(message: str) -> None:
    typer.echo(f"newsmend: error: {message}", err=True)
    sys.exit(2)


if __name__ == "__main__":
    main()
