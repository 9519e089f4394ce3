"""`stand extract` for this checkout (the project's top level keeps this entry point); see `stand --help`."""

import sys
from pathlib import Path

from stand.cli import main

sys.exit(main(["--root", str(Path(__file__).resolve().parents[1]), "extract", *sys.argv[1:]]))
