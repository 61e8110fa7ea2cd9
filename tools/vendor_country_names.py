"""Vendor country names in the lecture languages into ``builder/atlas/data`` (run by hand
when updating them).

    cd /tmp && npm pack i18n-iso-countries && tar xzf i18n-iso-countries-*.tgz
    python tools/vendor_country_names.py /tmp/package

Writes ``names.json``: for each country the bundled world outlines know (its ISO 3166-1
numeric id, as ``codes.json`` keys it), its names in each language ``builder/text/words.yaml``
speaks, from the npm package ``i18n-iso-countries`` (MIT licence, copied beside it), so a
Spanish lecture may write ``Brasil`` and a Japanese one ``ブラジル``. Only those languages and
only those countries: the package's other hundred languages stay out of the wheel.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "builder" / "atlas" / "data"
LANGUAGES = ("en", "fr", "de", "es", "ja", "ko", "zh")


def main(package: Path) -> None:
    known = json.loads((DATA / "codes.json").read_text(encoding="utf-8"))["countries"]
    numeric = {a2: num for a2, _, num, *_ in json.loads((package / "codes.json").read_text())}
    names: dict[str, dict[str, list[str]]] = {}
    for language in LANGUAGES:
        table = json.loads((package / "langs" / f"{language}.json").read_text(
            encoding="utf-8"))["countries"]
        for a2, value in sorted(table.items()):
            key = numeric.get(a2)
            if key not in known:
                continue
            values = [value] if isinstance(value, str) else list(value)
            names.setdefault(key, {})[language] = values
    version = json.loads((package / "package.json").read_text())["version"]
    document = {"i18n-iso-countries": version, "languages": list(LANGUAGES),
                "names": dict(sorted(names.items()))}
    (DATA / "names.json").write_text(json.dumps(document, ensure_ascii=False,
                                                separators=(",", ":")) + "\n",
                                     encoding="utf-8")
    shutil.copyfile(package / "LICENSE", DATA / "LICENSE-i18n-iso-countries.txt")
    print(f"names.json: {len(names)} countries in {len(LANGUAGES)} languages "
          f"(i18n-iso-countries {version})")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
