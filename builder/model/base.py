"""The base every content and layout model shares: strict, immutable, locatable."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, PrivateAttr


class Model(BaseModel):
    """Frozen, unknown keys forbidden; numbers given where text is expected become text.

    ``where`` is the ``path:line:col`` the object came from, filled in by the loader so that
    a renderer can report a failure at the block that caused it without ever seeing YAML.
    """

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        coerce_numbers_to_str=True,
        str_strip_whitespace=True,
        populate_by_name=True,
        defer_build=True,
    )

    _where: str = PrivateAttr(default="")

    @property
    def where(self) -> str:
        """Source location as ``path:line:col`` (empty for objects built in code)."""
        return self._where
