"""``python -m helpers …`` works the same as ``workbook …``."""

import sys

from helpers.cli import main

sys.exit(main())
