"""Vendor the world outlines into ``builder/atlas/data`` (run by hand when updating them).

    cd /tmp && npm pack world-atlas && tar xzf world-atlas-*.tgz
    python tools/vendor_atlas.py /tmp/package

Copies Natural Earth's countries at 1:110m and 1:50m as the npm package ``world-atlas``
publishes them (TopoJSON, unchanged, with its licence), and writes ``codes.json``: for each
country's ISO 3166-1 numeric id, its alpha-2 and alpha-3 codes and the names a teacher may
write (Natural Earth's, and ISO's short, common and official names from Debian's
``iso-codes``, /usr/share/iso-codes/json/iso_3166-1.json).
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "builder" / "atlas" / "data"
ISO = Path("/usr/share/iso-codes/json/iso_3166-1.json")
EXTRA = {"Kosovo": ("XK", "XKX")}  # user-assigned codes in common use
ALIASES = {"826": ["UK", "Britain", "Great Britain"], "384": ["Ivory Coast"], "104": ["Burma"],
           "203": ["Czech Republic"], "748": ["Swaziland"], "528": ["Holland"],
           "626": ["East Timor"], "132": ["Cape Verde"], "840": ["USA", "America"],
           "408": ["DPRK"]}
"""Names in everyday use that neither Natural Earth nor ISO writes."""


def main(package: Path) -> None:
    DATA.mkdir(parents=True, exist_ok=True)
    for name in ("countries-110m.json", "countries-50m.json"):
        shutil.copyfile(package / name, DATA / name)
    shutil.copyfile(package / "LICENSE", DATA / "LICENSE-world-atlas.txt")
    version = json.loads((package / "package.json").read_text())["version"]
    iso = {entry["numeric"]: entry for entry in json.loads(ISO.read_text())["3166-1"]}
    codes: dict[str, dict] = {}
    for name in ("countries-50m.json", "countries-110m.json"):
        topology = json.loads((DATA / name).read_text())
        for geometry in topology["objects"]["countries"]["geometries"]:
            label = geometry["properties"]["name"]
            key = geometry.get("id") or label
            entry = codes.setdefault(key, {"name": label, "names": []})
            known = iso.get(geometry.get("id") or "")
            if known:
                entry["a2"], entry["a3"] = known["alpha_2"], known["alpha_3"]
                names = [known.get(k) for k in ("name", "common_name", "official_name")]
            else:
                a2, a3 = EXTRA.get(label, (None, None))
                if a2:
                    entry["a2"], entry["a3"] = a2, a3
                names = []
            for one in [label, *names, *ALIASES.get(key, [])]:
                if one and one not in entry["names"]:
                    entry["names"].append(one)
    (DATA / "codes.json").write_text(
        json.dumps({"world-atlas": version, "countries": codes}, ensure_ascii=False,
                   indent=0, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
