"""AppTest fixtures. They and their helpers live in app_world.py (see its docstring)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from app_world import _template, world  # noqa: E402,F401  (fixtures, found by pytest here)
