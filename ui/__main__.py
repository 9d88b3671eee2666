"""``python -m ui`` and the packaged executable's entry point."""

import sys

from ui.cli import main

sys.exit(main())
