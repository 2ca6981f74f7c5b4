"""``python -m etl.orchestration``: see :mod:`etl.orchestration.dagtest`."""

import sys

from etl.orchestration.dagtest import main

sys.exit(main())
