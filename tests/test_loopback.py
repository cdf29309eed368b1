"""Everything newsmend starts listens on 127.0.0.1 unless the user says otherwise: Prefect's
temporary server (started by `newsmend run` without PREFECT_API_URL), the settings behind a
served deployment, the tests' translation server. Checked on the defaults and on the sockets
of running servers (psutil)."""

import inspect
import ipaddress
import re
from pathlib import Path

import psutil

import newsmend

ROOT = Path(__file__).parent.parent


def listening(process: psutil.Process) -> set[tuple[str, int]]:
    """(address, port) of the TCP sockets a process and its children listen on."""
    found = set()
    for proc in [process, *process.children(recursive=True)]:
        try:
            sockets = proc.net_connections(kind="tcp")
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
        found |= {tuple(s.laddr)[:2] for s in sockets if s.status == psutil.CONN_LISTEN}
    return found


def loopback(address: str) -> bool:
    return ipaddress.ip_address(address).is_loopback


def test_prefect_defaults_bind_to_loopback():
    from prefect.settings import (
        PREFECT_RUNNER_SERVER_ENABLE,
        PREFECT_RUNNER_SERVER_HOST,
        PREFECT_SERVER_API_HOST,
    )

    assert PREFECT_SERVER_API_HOST.value() == "127.0.0.1"  # `prefect server start`
    # `newsmend serve` (flow.serve) starts a web server only when asked, on localhost
    assert PREFECT_RUNNER_SERVER_ENABLE.value() is False
    assert PREFECT_RUNNER_SERVER_HOST.value() in ("localhost", "127.0.0.1")


def test_newsmend_never_binds_a_public_address_itself():
    """No wildcard address, no Dask LocalCluster (a cluster is only ever joined by address),
    and the README's server command names its host."""
    packages = (Path(newsmend.__file__).parent, ROOT / "flows")
    sources = "\n".join(p.read_text() for folder in packages for p in folder.rglob("*.py"))
    assert "0.0.0.0" not in sources and "LocalCluster" not in sources
    assert not re.search(r"""host\s*=\s*["']{2}""", sources)
    readme = (ROOT / "README.md").read_text()
    starts = re.findall(r"prefect server start[^\n]*", readme)
    assert starts and all("--host 127.0.0.1" in line for line in starts)


def test_translation_server_listens_on_loopback(translation_server):
    port = int(translation_server.url.rsplit(":", 1)[1].strip("/"))
    mine = {addr for addr in listening(psutil.Process()) if addr[1] == port}
    assert mine == {("127.0.0.1", port)}


def test_temporary_prefect_server_listens_on_loopback_only(prefect_api_url):
    """`newsmend run` without PREFECT_API_URL starts Prefect's SubprocessASGIServer (through
    share_temporary_server), the class the session's test server is made of: the class
    binds 127.0.0.1, and the running server's process listens on nothing else."""
    from prefect.server.api.server import SubprocessASGIServer

    source = inspect.getsource(SubprocessASGIServer)
    assert '"127.0.0.1"' in source and "0.0.0.0" not in source
    port = int(prefect_api_url.rsplit(":", 1)[1].split("/")[0])
    sockets = listening(psutil.Process())
    assert ("127.0.0.1", port) in sockets
    assert all(loopback(address) for address, _port in sockets), sockets
