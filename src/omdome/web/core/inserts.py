"""A new row stored in plain SQL, for the few writes every reader's comment makes.

``Model.save()`` compiles its INSERT anew on every call and walks the model's inheritance to do
it: for a comment, its message row and its log entry, that was a quarter of a POST's CPU. The
statement for a table is the same every time, so ``insert`` builds it once per model and table,
and fills it with the values ``save()`` would have written: each field's ``pre_save`` (so that
``auto_now_add`` is set on the object, as by ``save()``) and its ``get_db_prep_save``. A model
whose saves someone listens to (``pre_save``, ``post_save``), or that has a ``save()`` of its own
(a rule of its own on storing), is saved by ``save()`` as before.

``prepare`` does the same work before the write transaction and ``Prepared.insert`` only runs the
statements: the values of a reader's comment and its log entry are worked out while no lock is
held, and the transaction that every other writer waits for holds little more than its SQL.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from django.db import connections, router, transaction
from django.db.models import Field, Model
from django.db.models.signals import post_save, pre_save


def insert(obj: Model) -> None:
    """Store the new ``obj`` as ``obj.save()`` would, its parent tables first (multi-table inheritance)."""
    prepare(obj).insert()


@dataclass
class _Row:
    """One table's INSERT: its SQL, the values to write, the primary key it returns, the field of the
    next table that links to this row, where the link to the row before goes, and the fields read late."""

    sql: str
    values: list
    pk: Field
    link: Field | None
    parent_at: int | None
    later: list[tuple[int, Field]]


class Prepared:
    """A new row's INSERT statements with their values, worked out by ``prepare``; ``insert`` runs them."""

    def __init__(self, obj: Model, using: str, rows: list[_Row] | None):
        self.obj, self.using, self.rows = obj, using, rows

    def insert(self) -> None:
        """Store the row (in the caller's transaction, if there is one): the fields named ``later``
        are read from the object now, everything else is written as it was when prepared."""
        obj, using = self.obj, self.using
        if self.rows is None:
            obj.save(force_insert=True, using=using)
            return
        connection = connections[using]
        for row in self.rows:  # before any statement: a refusal leaves the transaction as it was
            for _position, field in row.later:
                _take_related_id(obj, field)
        parent_id = None
        # As save() does: a row and its parents' rows are stored together or not at all.
        with transaction.atomic(using=using, savepoint=False), connection.cursor() as cursor:
            for row in self.rows:
                values = list(row.values)
                if row.parent_at is not None:
                    values[row.parent_at] = parent_id
                for position, field in row.later:
                    values[position] = _value(obj, field, connection)
                cursor.execute(row.sql, values)
                parent_id = cursor.fetchone()[0]
                setattr(obj, row.pk.attname, parent_id)
                if row.link is not None:  # the child's one-to-one link to this row
                    setattr(obj, row.link.attname, parent_id)
        obj._state.adding, obj._state.db = False, using


def prepare(obj: Model, *, later: tuple[str, ...] = ()) -> Prepared:
    """The INSERT statements that store the new ``obj`` as ``obj.save()`` would, with the values
    ``save()`` would write now; the fields named in ``later`` (a foreign key to a row stored in the
    same transaction) are read when ``insert`` runs."""
    model = type(obj)
    using = router.db_for_write(model, instance=obj)
    tables = _tables(model)
    if (tables is None or pre_save.has_listeners(model) or post_save.has_listeners(model)
            or not connections[using].features.can_return_columns_from_insert):
        return Prepared(obj, using, None)
    connection = connections[using]
    deferred = {model._meta.get_field(name) for name in later}
    rows: list[_Row] = []
    parent_link: Field | None = None
    for table_model, link in tables:
        sql, fields, pk = _statement(table_model, using)
        values, late, parent_at = [], [], None
        for position, field in enumerate(fields):
            if field is parent_link:  # known once the parent's row is stored
                parent_at = position
                values.append(None)
            elif field in deferred:
                late.append((position, field))
                values.append(None)
            else:
                values.append(_value(obj, field, connection))
        rows.append(_Row(sql, values, pk, link, parent_at, late))
        parent_link = link
    return Prepared(obj, using, rows)


def _take_related_id(obj: Model, field: Field) -> None:
    """As ``save()`` does: a foreign key set to an object stored since takes that object's id."""
    if not field.is_relation or not field.is_cached(obj):
        return
    related = field.get_cached_value(obj)
    if related is not None and getattr(obj, field.attname) is None:
        if related.pk is None:
            raise ValueError(f"{type(obj).__name__}.{field.name}: the related object is not stored yet")
        setattr(obj, field.attname, related.pk)


def insert_if_absent(obj: Model, unique_field: str) -> bool:
    """Store the new ``obj`` unless a row with its value of ``unique_field`` (a unique column) is already
    there, in one statement: ``INSERT … ON CONFLICT DO NOTHING``. Whether it was stored; a row that
    another transaction is storing at the same moment is waited for, and then counts as there.
    For a model of one table, whose saves nobody listens to."""
    model = type(obj)
    using = router.db_for_write(model, instance=obj)
    if (_tables(model) != [(model, None)] or pre_save.has_listeners(model) or post_save.has_listeners(model)
            or not connections[using].features.can_return_columns_from_insert):
        raise TypeError(f"insert_if_absent: {model.__name__} is not a plain one-table model")
    connection = connections[using]
    sql, fields, pk = _statement(model, using, unique_field)
    with connection.cursor() as cursor:
        cursor.execute(sql, _values(obj, fields, connection))
        row = cursor.fetchone()
    if row is None:
        return False
    setattr(obj, pk.attname, row[0])
    obj._state.adding, obj._state.db = False, using
    return True


def _values(obj: Model, fields: list[Field], connection) -> list:  # type: ignore[no-untyped-def]
    return [_value(obj, field, connection) for field in fields]


def _value(obj: Model, field: Field, connection):  # type: ignore[no-untyped-def]
    """What ``save()`` writes for the field: ``pre_save`` (``auto_now_add`` sets the object's value,
    as ``save()`` does), then ``get_db_prep_save``."""
    return field.get_db_prep_save(field.pre_save(obj, add=True), connection)


@cache
def _tables(model: type[Model]) -> list[tuple[type[Model], Field | None]] | None:
    """The model's tables in the order they are written, root first, each with the field of the
    next table that links to its row; None for a model with more than one parent or a save() of its
    own (save() does it)."""
    chain = [model]
    while chain[-1]._meta.parents:
        if len(chain[-1]._meta.parents) != 1:
            return None
        chain.append(next(iter(chain[-1]._meta.parents)))
    if any("save" in vars(m) for m in model.__mro__ if issubclass(m, Model) and m is not Model):
        return None  # a save() of its own, which a plain INSERT would pass by
    chain.reverse()
    return [(m, chain[i + 1]._meta.parents[m] if i + 1 < len(chain) else None) for i, m in enumerate(chain)]


@cache
def _statement(model: type[Model], using: str, unique_field: str = "") -> tuple[str, list[Field], Field]:
    """The INSERT for the model's own table: its SQL, the fields it writes, the primary key it returns.
    With ``unique_field``, a row whose value of it is taken already is left as it is."""
    meta = model._meta
    pk = meta.pk
    fields = [f for f in meta.local_concrete_fields if not (f is pk and getattr(f, "db_returning", False))]
    quote = connections[using].ops.quote_name
    columns = ", ".join(quote(f.column) for f in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    conflict = ""
    if unique_field:
        field = meta.get_field(unique_field)
        if not field.unique:
            raise TypeError(f"{model.__name__}.{unique_field} is not unique")
        conflict = f" ON CONFLICT ({quote(field.column)}) DO NOTHING"
    sql = (f"INSERT INTO {quote(meta.db_table)} ({columns}) VALUES ({placeholders}){conflict} "
           f"RETURNING {quote(pk.column)}")
    return sql, fields, pk
