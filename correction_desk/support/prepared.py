"""Querysets whose SQL Django builds once per process, then runs with new values.

A page read on every request spent most of its database time in the ORM
building SQL, not in the database: the article page's statement took 1.0 ms
through the ORM and 0.07 ms sent by hand (bench/RESULTS.md, "The article's SQL
built once per process"). `Prepared` lets the ORM build a queryset, with
stand-ins for the values, keeps the statement and what Django needs to make
model instances from its rows, and from then on only puts the new values into
the statement's parameters.

The queryset's SQL must not depend on the values: they are what a lookup
compares with (a slug, a primary key, the members of an `__in` list), given as
the column holds them (str for a text column, int for a key), since they reach
the database as they are. A list of another length is another shape, built once
too (up to MAX_SHAPES of them). The rows still become what the ORM makes of them:
model instances, `select_related` included, or the dicts and tuples of
`values()` and `values_list()`, with the fallbacks of translated fields that
django-modeltranslation's iterables add. `prefetch_related` is not carried
over (read such rows with a prepared queryset of their own). Each run hands
the queryset's iterable a stand-in for the queryset whose query gives this
run's compiler, not a copy of the queryset: copying it took a fifth of the
instructions of the article page's queries (bench/RESULTS.md, "The render a
fifth lighter"). A page that shows only some values of its rows reads them
with `values_list()`: four model instances of the section menu took more
instructions than reading their rows (bench/RESULTS.md, "The menu's rows").
"""

import copy
import itertools
from collections.abc import Callable

from django.db import connections
from django.db.models import QuerySet
from django.utils.translation import get_language

MAX_SHAPES = 64


def _placeholder(value, build: int, number: int):
    """The stand-in for the `number`th value in one of two builds."""
    if isinstance(value, str):
        return f"\x00prepared-{build}-{number}\x00"
    if isinstance(value, int) and not isinstance(value, bool):
        # Within the range of every integer column, even a positive small one:
        # Django drops a comparison with a value its column cannot hold.
        return 10_000 + 2 * number + build
    raise TypeError(f"a prepared query takes str and int values, not {value!r}")


class Prepared:
    """`Prepared(lambda slug: Article.objects.filter(slug=slug))("my-slug")` is
    the list that queryset gives, its SQL built only on the first call."""

    def __init__(self, build: Callable[..., QuerySet]):
        self.build = build
        self.shapes: dict = {}

    def __call__(self, *values) -> list:
        shape = tuple(
            len(value) if isinstance(value, list | tuple) else None for value in values
        )
        # The language is part of the key: a translated field's lookups may
        # name another column in another language.
        key = (shape, get_language())
        compiled = self.shapes.get(key)
        if compiled is None:
            compiled = self._compile(values)
            # Lists of ever new lengths must not grow the process without end.
            if len(self.shapes) < MAX_SHAPES:
                self.shapes[key] = compiled
        queryset, compiler, sql, params, positions, converters = compiled
        params = list(params)
        for position, value in zip(positions, _flat(values), strict=True):
            for index in position:
                params[index] = value
        # Each call has its own compiler, on this thread's connection.
        compiler = copy.copy(compiler)
        compiler.connection = connections[queryset.db]
        compiler.as_sql = lambda *args, **kwargs: (sql, tuple(params))
        compiler.get_converters = lambda expressions: converters
        return list(queryset._iterable_class(_Run(queryset, compiler)))

    def _compile(self, values):
        # Built twice with other stand-ins: a parameter that is one of the
        # values holds the first build's stand-in there and the second's in
        # the same place; one that merely equals a stand-in does not move.
        queryset, compiler, sql, params, first = self._build(values, 0)
        _, _, other_sql, others, second = self._build(values, 1)
        if sql != other_sql:
            raise ValueError("a prepared query's SQL must not depend on its values")
        positions = []
        for mine, theirs in zip(first, second, strict=True):
            found = [
                i
                for i, (param, other) in enumerate(zip(params, others, strict=True))
                if param == mine and other == theirs
            ]
            if not found:
                raise ValueError("a prepared query's value is not in its SQL")
            positions.append(found)
        # How each column's value is read (dates, JSON...): the same each time.
        converters = compiler.get_converters(
            [column[0] for column in compiler.select[: compiler.col_count]]
        )
        return queryset, compiler, sql, params, positions, converters

    def _build(self, values, build: int):
        numbers = itertools.count()
        placeholders = [
            [_placeholder(v, build, next(numbers)) for v in value]
            if isinstance(value, list | tuple)
            else _placeholder(value, build, next(numbers))
            for value in values
        ]
        queryset = self.build(*placeholders)
        if queryset._prefetch_related_lookups:
            raise ValueError("a prepared query cannot prefetch; prepare each query")
        compiler = queryset.query.get_compiler(using=queryset.db)
        sql, params = compiler.as_sql()
        return queryset, compiler, sql, params, list(_flat(placeholders))


class _Run:
    """The queryset, for one run: its query gives this run's compiler."""

    __slots__ = ("_queryset", "query")

    def __init__(self, queryset, compiler):
        self._queryset = queryset
        self.query = _RunQuery(queryset.query, compiler)

    def __getattr__(self, name):
        return getattr(self._queryset, name)


class _RunQuery:
    """The queryset's query, which the iterables only read, but for one run."""

    __slots__ = ("_query", "_compiler")

    def __init__(self, query, compiler):
        self._query = query
        self._compiler = compiler

    def get_compiler(self, *args, **kwargs):
        return self._compiler

    def __getattr__(self, name):
        return getattr(self._query, name)


def _flat(values):
    for value in values:
        if isinstance(value, list | tuple):
            yield from value
        else:
            yield value


def prefetched(instance, name: str, objects: list) -> None:
    """Make `instance.<name>.all()` the list `objects`, as `prefetch_related`
    would, without asking the database again."""
    descriptor = getattr(type(instance), name)
    rel = descriptor.rel
    model = rel.related_model if descriptor.reverse else rel.model
    cached = model._default_manager.all()
    cached._result_cache = list(objects)
    cached._prefetch_done = True
    instance.__dict__.setdefault("_prefetched_objects_cache", {})[name] = cached
