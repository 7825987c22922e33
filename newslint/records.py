"""Named tuples declared as classes (fields annotated, defaults and methods in the body), without `typing`.

`typing.NamedTuple` costs a one-file run, the pre-commit case, about a tenth of its time: importing
`typing` (and the `contextlib` it imports), then, for every field of every record, compiling its
annotation (a string, under `from __future__ import annotations`) to check it is a type. `record` makes
the same class from the same body with `collections.namedtuple`, as `typing` itself does, and reads
the annotations only for the field names: they are kept as written, for readers.
"""

from __future__ import annotations

from collections import namedtuple

# What the class statement adds to a body, or namedtuple defines itself.
_NOT_COPIED = frozenset({"__module__", "__qualname__", "__dict__", "__weakref__", "__annotations__", "__doc__"})


def record(cls: type) -> type:
    """A named tuple with `cls`'s annotated fields, in order, their defaults, its docstring and its methods:

        @record
        class Hit:
            start: int
            end: int
            replacement: str | None = None  # a comment on a field stays beside it
    """
    body = cls.__dict__
    annotations = body.get("__annotations__", {})
    fields = list(annotations)
    defaults = [body[name] for name in fields if name in body]
    for before, name in zip(fields, fields[1:]):
        if before in body and name not in body:
            raise TypeError(f"{cls.__name__}: field {name} without a default cannot follow {before}, which has one")
    built = namedtuple(cls.__name__, fields, defaults=defaults, module=cls.__module__)
    built.__annotations__ = dict(annotations)
    if cls.__doc__ is not None:
        built.__doc__ = cls.__doc__
    for name, value in body.items():
        if name not in _NOT_COPIED and name not in annotations:
            setattr(built, name, value)
    return built
