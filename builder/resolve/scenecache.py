"""Figure scenes computed once per process, for as long as the figure and its files stay the same.

A map's label search is the costliest step of a build, and the same scene was asked for more
than once: the guide measures a figure, then draws it at the same size; a watch rebuilds the
lecture after a one-word edit that left every figure alone. The key is everything a scene
depends on — the figure model (frozen, compared by value), the style, the box, any further
options, and the size and modification time of every file the figure names — so an edited
figure or a re-saved outline is computed afresh. Scenes are treated as immutable by their
painters, so one may serve several calls.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any, Callable, Hashable

from pydantic import BaseModel

from builder.resolve.document import Document

ASSET_FIELDS = ("path", "outline")
LIMIT = 64  # scenes kept; a long lecture's figures are each asked for only a few times in a row

_scenes: OrderedDict[Hashable, Any] = OrderedDict()
_expected: dict[Hashable, Callable[[], Any]] = {}  # scenes being computed elsewhere (``expect``)


def _files(figure: Any, document: Document) -> tuple:
    stamps = []
    for name in ASSET_FIELDS:
        value = getattr(figure, name, None)
        if isinstance(value, str) and value:
            try:
                stat = document.asset(value).stat()
                stamps.append((value, stat.st_mtime_ns, stat.st_size))
            except (OSError, ValueError):
                stamps.append((value, None, None))
    return tuple(stamps)


def content(figure: Any) -> Hashable:
    """The figure as a key holds it: its fields, nested, without the source positions
    (``where``, a private attribute of it and of each of its items), which no scene draws
    but which make equal figures unequal, so a line added above a figure (every later
    ``where`` moves) computed it again.

    Walked here rather than dumped as JSON: the deck's process receives its Document
    pickled, and pydantic builds a model class's serializer on its first dump in each
    process (~15 ms for a lecture's figure kinds), for a key nothing reads back."""
    return _plain(figure) if isinstance(figure, BaseModel) else figure


def _plain(value: Any) -> Hashable:
    """A model's fields as nested tuples, each leaf with its type (``1`` is not ``1.0``
    nor ``True``, as in JSON)."""
    if isinstance(value, BaseModel):
        return (type(value).__qualname__,
                tuple((name, _plain(getattr(value, name))) for name in type(value).model_fields))
    if isinstance(value, (tuple, list)):
        return tuple(_plain(item) for item in value)
    if isinstance(value, dict):
        return ("dict", tuple((key, _plain(item)) for key, item in value.items()))
    return (type(value).__name__, value)


def cached_scene(compute: Callable[..., Any], document: Document, figure: Any, *args: Hashable,
                 **options: Hashable) -> Any:
    """``compute(figure, *args, **options)``, remembered (see the module docstring).

    ``document.asset`` is passed by the caller inside ``args`` when ``compute`` needs it; it is
    left out of the key, which holds the named files' stamps instead.
    """
    key = _key(compute, document, figure, args, options)
    if key is None:  # something unhashable: compute without remembering
        return compute(figure, *args, **options)
    if key in _scenes:
        _scenes.move_to_end(key)
        return _scenes[key]
    fetch = _expected.pop(key, None)
    scene = fetch() if fetch is not None else None
    if scene is None:
        scene = compute(figure, *args, **options)
    _scenes[key] = scene
    if len(_scenes) > LIMIT:
        _scenes.popitem(last=False)
    return scene


def _key(compute: Callable[..., Any], document: Document, figure: Any, args: tuple,
         options: dict) -> Hashable | None:
    try:
        key = (compute, content(figure), tuple(a for a in args if not callable(a)),
               tuple(sorted(options.items())), _files(figure, document))
        hash(key)
    except TypeError:
        return None
    return key


def expect(fetch: Callable[[], Any], compute: Callable[..., Any], document: Document,
           figure: Any, *args: Hashable, **options: Hashable) -> bool:
    """The scene ``cached_scene`` would compute for these arguments is being computed
    elsewhere (``builder.deck.ahead``): when it is first asked for, ``fetch()`` gives it, or
    None, and then it is computed here after all. Asked for once, the promise is used up.
    False (nothing promised) when the scene is known here already or cannot be remembered."""
    key = _key(compute, document, figure, args, options)
    if key is None or key in _scenes or key in _expected:
        return False
    _expected[key] = fetch
    return True


def forget_expected() -> None:
    """Drop the promises nobody asked for (their computation was stopped)."""
    _expected.clear()


def clear() -> None:
    _scenes.clear()
    _expected.clear()
