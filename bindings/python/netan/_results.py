"""Result containers: plain lists of dicts that know how they were made."""


class Result(list):
    """A list of row dicts plus ``meta`` (measure, weights used, seed, ...)."""

    def __init__(self, rows=(), meta=None, columns=None):
        super().__init__(rows)
        self.meta = dict(meta or {})
        self.columns = list(columns) if columns else (list(rows[0].keys()) if rows else [])

    @classmethod
    def from_table(cls, table):
        columns, rows, meta = table
        return cls([dict(zip(columns, r)) for r in rows], meta, columns)

    def top(self, n=10):
        """The first n rows (tables come sorted, most central first)."""
        return Result(self[:n], self.meta, self.columns)

    def by_key(self, column="value"):
        """{key: row[column]} for every row."""
        return {r["key"]: r[column] for r in self}

    def to_pandas(self):
        """A DataFrame (requires pandas); ``df.attrs`` holds the metadata."""
        import pandas as pd
        df = pd.DataFrame(list(self), columns=self.columns or None)
        df.attrs.update(self.meta)
        return df

    def __repr__(self):
        head = ", ".join(repr(r) for r in self[:3])
        more = f", ... ({len(self)} rows)" if len(self) > 3 else ""
        return f"Result([{head}{more}], meta={self.meta!r})"


class IngestReport(dict):
    """What an ingest did: rows_read == rows_ingested + rows_rejected, and
    ``rejects``: one dict per rejected row (file, line, column, reason)."""

    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None

    def __repr__(self):
        return (f"<IngestReport {self['rows_read']} read, {self['rows_ingested']} ingested, "
                f"{self['rows_rejected']} rejected>")
