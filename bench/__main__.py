import sys

from bench.table import main

sys.exit(main())
