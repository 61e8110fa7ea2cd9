"""Every data file the package reads is installed with it: a file under builder/ that no
``[tool.setuptools.package-data]`` pattern names works from a checkout and is missing from a
pip install (words.yaml once made every installed build fail with exit 3)."""

from __future__ import annotations

import fnmatch
import tomllib

from tests.conftest import ROOT


def test_every_data_file_under_builder_is_package_data() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["builder"]
    package = ROOT / "builder"
    data = [path.relative_to(package).as_posix() for path in package.rglob("*")
            if path.is_file() and path.suffix not in (".py", ".pyc")
            and "__pycache__" not in path.parts]
    missing = [name for name in data
               if not any(fnmatch.fnmatchcase(name, pattern) for pattern in patterns)]
    assert data and missing == [], f"not installed by pip: {missing}; add to pyproject.toml"
