"""``Faces`` keys every measurement cache: its hash is the dataclass's own (every field, in
order: sets and dicts of faces iterate as before), computed once and never pickled (a
forked or spawned process hashes strings its own way)."""

from __future__ import annotations

import dataclasses
import pickle
import subprocess
import sys

from builder.text.fonts import BUNDLED, faces
from tests.conftest import ROOT


class _Family:
    deck_name = regular = bold = italic = bold_italic = None

    def __init__(self, name: str) -> None:
        self.name = name


def test_faces_hash_as_a_frozen_dataclass_does() -> None:
    for name in BUNDLED:
        one, two = faces(_Family(name)), faces(_Family(name))
        fields = tuple(getattr(one, field.name) for field in dataclasses.fields(one))
        assert hash(one) == hash(fields) == hash(two) and one == two
        assert hash(dataclasses.replace(one, own="x")) != hash(one)


def test_a_pickled_face_hashes_in_the_process_that_reads_it() -> None:
    one = faces(_Family("Carlito"))
    hash(one)
    data = pickle.dumps(one)
    assert pickle.loads(data) == one and "_hash" not in pickle.loads(data).__dict__
    code = ("import pickle, sys, dataclasses; f = pickle.loads(sys.stdin.buffer.read()); "
            "print(hash(f) == hash(tuple(getattr(f, x.name) for x in dataclasses.fields(f))))")
    answer = subprocess.run([sys.executable, "-c", code], input=data, capture_output=True,
                            check=True, env={"PYTHONHASHSEED": "123", "PYTHONPATH": str(ROOT)})
    assert answer.stdout.strip() == b"True"
