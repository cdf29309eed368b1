"""newsmend: clean, split, repair and validate machine-translated Chinese local news."""

import os

# Prefect and Great Expectations phone home by default; a data pipeline should not.
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
# Prefect's temporary server gets 20 s to start, which a busy machine (load 4 on 2 cores)
# outlasts; newsmend waits longer (flows/clean.py: share_temporary_server tries twice).
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
# polars' allocator (jemalloc) keeps freed memory for 10 s before giving it back, and a batch
# frees and takes a lot in that time: its worker then peaks 50-70 MB higher. jemalloc reads
# this when polars loads, so it is set before any newsmend module imports polars; the
# worker processes inherit it.
os.environ.setdefault("_RJEM_MALLOC_CONF", "dirty_decay_ms:0,muzzy_decay_ms:0")
