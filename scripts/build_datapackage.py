"""Write data/datapackage.json from the loader's schemas (kzcn/schemas.py) and descriptions (kzcn/fields.py).

Run after changing either: `python scripts/build_datapackage.py`. `--check` exits 1 if the committed file
is out of date, without writing.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kzcn import datapackage  # noqa: E402

TARGET = Path(__file__).resolve().parent.parent / "data" / "datapackage.json"


def main(argv: list[str]) -> int:
    fresh = datapackage.text()
    if "--check" in argv:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != fresh:
            print(f"{TARGET.name} is out of date: run python scripts/build_datapackage.py")
            return 1
        print(f"{TARGET.name} is up to date")
        return 0
    TARGET.write_text(fresh, encoding="utf-8")
    print(f"wrote {TARGET} ({len(datapackage.build()['resources'])} tables)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
