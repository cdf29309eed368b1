"""Benchmark a run from object storage to object storage: a local S3-compatible server
(moto's, on 127.0.0.1), the raw pages uploaded to it, and `bench/run.py`'s run with --raw
and --out as s3:// URLs. Prints the figures as bench/run.py does.

    .venv/bin/python bench/s3.py --corpus /tmp/bench20    # or --pages 10000

The server runs in this process, so its CPU is part of the figures: a real S3 endpoint
costs the run network time instead.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

from moto.server import ThreadedMotoServer

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
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
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
        server.stop()
    print(bench.render(figures))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
