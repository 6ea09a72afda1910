"""Regenerate the dashboard's vendored world map from the npm package `world-atlas`.

The map's country outlines and coastlines are Natural Earth's 1:110m Admin 0 countries
(public domain) as TopoJSON, redistributed by Mike Bostock's `world-atlas` package (ISC).
They are vendored into src/detente/web/static/geo/ so the dashboard draws its map
offline, with no CDN at run time. Run this only to move to another release:

    python scripts/vendor_world_atlas.py [--version 2.0.2]

It needs `npm` (the npm registry) and writes countries-110m.json, the package's
LICENSE and a NOTICE naming both origins; review the diff before committing.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

TARGET = Path(__file__).resolve().parents[1] / "src" / "detente" / "web" / "static" / "geo"
FILES = {"package/countries-110m.json": "countries-110m.json", "package/LICENSE": "LICENSE-world-atlas"}
NOTICE = """\
countries-110m.json: country outlines and coastlines of the dashboard's map.

Data: Natural Earth, 1:110m Cultural Vectors, Admin 0 - Countries, version 4.1.0
(https://www.naturalearthdata.com/). Natural Earth's map data is in the public
domain: it may be used in any manner, modified and redistributed, with no
permission needed (https://www.naturalearthdata.com/about/terms-of-use/).

Packaging: the TopoJSON conversion is from the npm package world-atlas@{version}
(https://github.com/topojson/world-atlas), copyright 2013-2019 Michael Bostock,
under the ISC licence in LICENSE-world-atlas beside this file.

The file is vendored unchanged (sha256 {digest}); regenerate it with
scripts/vendor_world_atlas.py. detente reads it on the server and draws each
country as one SVG path; nothing is fetched at run time.
"""


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--version", default="2.0.2", help="world-atlas release to vendor")
    args = parser.parse_args()
    if shutil.which("npm") is None:
        print(
            "npm is needed to fetch world-atlas from the npm registry; it is not installed", file=sys.stderr
        )
        return 1
    with tempfile.TemporaryDirectory(prefix="world-atlas-") as folder:
        packed = (
            subprocess.run(
                ["npm", "pack", f"world-atlas@{args.version}", "--silent"],
                cwd=folder,
                check=True,
                capture_output=True,
                text=True,
            )
            .stdout.strip()
            .splitlines()[-1]
        )
        with tarfile.open(Path(folder) / packed) as archive:
            for member, name in FILES.items():
                source = archive.extractfile(member)
                if source is None:
                    print(f"{packed} has no {member}", file=sys.stderr)
                    return 1
                (TARGET / name).write_bytes(source.read())
    topology = json.loads((TARGET / "countries-110m.json").read_text(encoding="utf-8"))
    countries = topology["objects"]["countries"]["geometries"]
    digest = hashlib.sha256((TARGET / "countries-110m.json").read_bytes()).hexdigest()
    (TARGET / "NOTICE").write_text(NOTICE.format(version=args.version, digest=digest), encoding="utf-8")
    print(f"vendored world-atlas@{args.version}: {len(countries)} countries into {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
