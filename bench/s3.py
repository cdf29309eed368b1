"""Benchmark a run from object storage to object storage: a local S3-compatible server
(moto's, on 127.0.0.1), the raw pages uploaded to it, and `bench/run.py`'s run with --raw
and --out as s3:// URLs. Prints the figures as bench/run.py does.

    .venv/bin/python bench/s3.py --corpus /tmp/bench20    # or --pages 10000

The server runs in a process of its own on the same machine, so its CPU competes with the
run's: a real S3 endpoint costs the run network time instead.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import run as bench  # bench/run.py

BUCKET = "newsmend-bench"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--pages", type=int, default=bench.DEFAULT_PAGES)
    source.add_argument("--corpus", type=Path, help="an existing raw folder")
    parser.add_argument("--json", type=Path, help="also write the figures here as JSON")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="newsmend-s3-bench-"))
    raw = args.corpus or bench._generate(args.pages, work / "raw")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    host = "127.0.0.1"
    _wait_for(host, port)
    os.environ.update(
        AWS_ACCESS_KEY_ID="bench",
        AWS_SECRET_ACCESS_KEY="bench",
        AWS_ENDPOINT_URL=f"http://{host}:{port}",
        AWS_REGION="us-east-1",
        XDG_CACHE_HOME=str(work / "cache"),
    )
    import s3fs

    fs = s3fs.S3FileSystem()
    fs.mkdir(BUCKET)
    fs.put(str(raw), f"{BUCKET}/raw", recursive=True)
    try:
        figures = bench.run(
            raw, f"s3://{BUCKET}/clean", work / "bench.toml", None, source=f"s3://{BUCKET}/raw"
        )
    finally:
        server.terminate()
        server.wait()
    print(bench.render(figures))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


def _wait_for(host: str, port: int, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as client:
            if client.connect_ex((host, port)) == 0:
                return
        time.sleep(0.1)
    raise SystemExit(f"the S3 server on {host}:{port} did not start")


if __name__ == "__main__":
    main()
