"""newsmend: clean, split, repair and validate machine-translated Chinese local news."""

import os

# Prefect and Great Expectations phone home by default; a data pipeline should not.
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
