"""Render the README's pictures: the Korean War guide page and deck slide in each layout.

Needs poppler-utils (pdftoppm) and LibreOffice (soffice) on the PATH. Run from the
repository root: ``python docs/pictures.py``. Pictures show the page and the slide that
carry the casualty chart, found through the build manifest, so they track the content.
"""

from __future__ import annotations

import json
import subprocess
import tempfile
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
IMAGES = ROOT / "docs" / "images"
LAYOUTS = ("default", "history-101", "large-print")
FIGURE = "casualty-chart"
WIDTH = 900


def _png(pdf: Path, page: int, target: Path) -> None:
    stem = target.with_suffix("")
    subprocess.run(["pdftoppm", "-r", "110", "-png", "-singlefile", "-f", str(page), "-l", str(page),
                    str(pdf), str(stem)], check=True)
    with Image.open(target) as image:
        height = round(image.height * WIDTH / image.width)
        image.convert("RGB").resize((WIDTH, height), Image.LANCZOS).save(target, optimize=True)


def main() -> None:
    IMAGES.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        for layout in LAYOUTS:
            out = Path(scratch) / layout
            subprocess.run(["python", "-m", "builder", "build", "sources/korean-war.yaml",
                            "--layout", f"layouts/{layout}.yaml", "--out", str(out)],
                           check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
            manifest = json.loads((out / "korean-war.manifest.json").read_text())
            figure = next(f for f in manifest["figures"] if f["id"] == FIGURE)
            _png(out / "korean-war.pdf", figure["pdf_page"], IMAGES / f"{layout}-page.png")
            subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir",
                            str(out / "deck"), str(out / "korean-war.pptx")], check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            _png(out / "deck" / "korean-war.pdf", figure["deck_slide"], IMAGES / f"{layout}-slide.png")
            print(f"{layout}: page {figure['pdf_page']}, slide {figure['deck_slide']}")


if __name__ == "__main__":
    main()
