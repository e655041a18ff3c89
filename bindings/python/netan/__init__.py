"""netan: link analysis of criminal networks.

    import netan
    case = netan.Case.from_edgelist("calls.csv")
    view = case.view()                      # undirected, path length = 1/weight
    view.betweenness().top(10)              # most central brokers
    view.louvain(seed=1).meta["modularity"]
    view.chart(size_by="betweenness", communities=1).save("chart.svg")

Results are lists of dicts (``Result``) with a ``meta`` dict saying how they
were computed, and ``to_pandas()`` when pandas is installed. Errors are
``netan.Error`` subclasses mapped from libnetan's error codes.
"""
from . import _netan
from ._netan import (Error, FailedError, InvalidArgumentError, NotFoundError, ParseError,
                     FileError, BackendError, CancelledError, StaleViewError)
from ._results import Result, IngestReport
from .interop import to_networkx, to_igraph, from_networkx

__version__ = _netan.version()
normalize = _netan.normalize
jaro_winkler = _netan.jaro_winkler
ingest_kinds = _netan.ingest_kinds
centrality_measures = _netan.centrality_measures
communities_methods = _netan.communities_methods

__all__ = ["Case", "View", "Chart", "Result", "IngestReport", "Error", "FailedError",
           "InvalidArgumentError", "NotFoundError", "ParseError", "FileError", "BackendError",
           "CancelledError", "StaleViewError", "to_networkx", "to_igraph", "from_networkx",
           "render_dot", "normalize", "jaro_winkler", "ingest_kinds", "centrality_measures",
           "communities_methods", "__version__"]


class Case(_netan.Case):
    """A case: sources, typed entities and links with their provenance."""

    @classmethod
    def from_edgelist(cls, path, **options):
        """A new case from an edge list (see ingest_edgelist); the report is
        kept as ``case.last_report``."""
        case = cls()
        case.ingest_edgelist(path, **options)
        return case

    def ingest_edgelist(self, path, entity_type="person", link_type="contact", delimiter=",",
                        strict=False, allow_self_loops=False):
        """Reads ``source,target[,weight]`` (header row first). Bad rows are
        rejected with line, column and reason (see the returned report);
        ``strict=True`` raises ParseError at the first one instead."""
        raw = super().ingest_edgelist(path, entity_type=entity_type, link_type=link_type,
                                      delimiter=delimiter, strict=strict,
                                      allow_self_loops=allow_self_loops)
        self.last_report = IngestReport(raw)
        return self.last_report

    def ingest(self, path, kind=None, spec=None, region=None, strict=False, **source):
        """Reads a file through a built-in spec (``kind``: see
        netan.ingest_kinds()) or a mapping spec file (``spec``). ``source``
        fields (name, agency, jurisdiction, received, grading_scheme,
        grading, handling) describe where the records came from. Returns the
        IngestReport: rows_read == rows_ingested + rows_rejected."""
        raw = super().ingest(path, kind=kind, spec=None if spec is None else str(spec), region=region,
                             strict=strict, **source)
        self.last_report = IngestReport(raw)
        return self.last_report

    def events(self):
        """Every event: id, from, to (entity ids; to may be -1), type, time
        (seconds since 1970 UTC), duration (s, -1 unknown), amount (NaN if
        none), currency, and its provenance (source, row)."""
        return Result([dict(id=i, **{"from": f}, to=t, type=ty, time=tm, duration=d, amount=a,
                            currency=cu, source=s, row=r)
                       for i, f, t, ty, tm, d, a, cu, s, r in super().events()])

    def attributes(self):
        return Result([dict(id=i, entity=e, name=n, value=v, source=s, row=r)
                       for i, e, n, v, s, r in super().attributes()])

    def suggest_merges(self, entity_type="person", threshold=0.85, shared_bonus=0.05, max_pairs=1000):
        """Pairs of entities that may be the same (Jaro-Winkler on normalised
        names + shared identifiers), best first. Nothing is merged."""
        return Result.from_table(super().suggest_merges(entity_type=entity_type, threshold=threshold,
                                                        shared_bonus=shared_bonus, max_pairs=max_pairs))

    def merges(self):
        return Result([dict(id=i, a=a, b=b, rule=r, score=sc, time=t, active=act)
                       for i, a, b, r, sc, t, act in super().merges()])

    def entities(self):
        """Every entity as a dict: id, type, key, label."""
        return Result([dict(id=i, type=t, key=k, label=l) for i, t, k, l in super().entities()])

    def links(self):
        """Every link as a dict, with its provenance (source id and row)."""
        return Result([dict(id=i, a=a, b=b, type=t, weight=w, source=s, row=r)
                       for i, a, b, t, w, s, r in super().links()])

    def sources(self):
        """Every source with agency, jurisdiction, grading, handling and the
        row counts of its ingest."""
        return Result([self.source_info(i) for i, _, _ in super().sources()])

    def entity(self, key, type="person"):
        """The entity id of (type, key); KeyError if there is none."""
        i = self.find_entity(type, key)
        if i < 0:
            raise KeyError(f"no {type} with key {key!r}")
        return i

    def view(self, directed=False, unweighted=False, entity_type=None, link_type=None,
             drop_isolates=False, time_from=None, time_to=None, sources=None, handling=None,
             min_weight=0.0, weight="count", currency=None):
        """A View of this case. Link weights are strengths (more = closer);
        path measures read length = 1/strength, or 1 with unweighted=True.

        Selection: entity_type, link_type (also event types), time_from /
        time_to (seconds since 1970 UTC, datetime, or ISO 8601 text; events
        only), sources (ids), handling (codes), min_weight. Events add up
        by weight="count" (contacts), "duration" (seconds) or "amount" (in
        one currency)."""
        kw = {}
        if time_from is not None:
            kw["time_from"] = _seconds(time_from)
        if time_to is not None:
            kw["time_to"] = _seconds(time_to)
        return View(self, directed=directed, unweighted=unweighted, entity_type=entity_type,
                    link_type=link_type, drop_isolates=drop_isolates, sources=sources,
                    handling=handling, min_weight=min_weight, weight=weight, currency=currency, **kw)

    def __repr__(self):
        return f"<netan.Case {self.n_entities} entities, {self.n_links} links>"


def _seconds(t):
    """Seconds since 1970 UTC from an int, a datetime (naive = UTC) or ISO 8601 text."""
    import datetime
    if isinstance(t, (int, float)):
        return int(t)
    if isinstance(t, str):
        t = datetime.datetime.fromisoformat(t.replace("Z", "+00:00"))
    if isinstance(t, datetime.date) and not isinstance(t, datetime.datetime):
        t = datetime.datetime(t.year, t.month, t.day)
    if t.tzinfo is None:
        t = t.replace(tzinfo=datetime.timezone.utc)
    return int(t.timestamp())


class View(_netan.View):
    """A selection of a case as a graph; built once, reused for every measure.
    It keeps its case alive. If the case changes, measures raise StaleViewError."""

    def centrality(self, measure, **options):
        """Any measure of netan.centrality_measures() by name, e.g.
        view.centrality("closeness", mode="out", cutoff=3). Options: mode,
        normalized, cutoff, samples, seed, damping, weighted, threads,
        progress (see doc/measures.md)."""
        return Result.from_table(super().centrality(measure, **options))

    def degree(self, mode="all", strength=False):
        """Distinct neighbours (or, with strength=True, sum of edge strengths)."""
        return Result.from_table(super().degree(mode=mode, strength=strength))

    def betweenness(self, normalized=False, progress=None):
        """Exact betweenness; edges read as lengths (see ``self.length``).
        progress(fraction) may return True to cancel (CancelledError)."""
        return Result.from_table(super().betweenness(normalized=normalized, progress=progress))

    def pagerank(self, damping=0.85, weighted=True):
        """PageRank (igraph's PRPACK system, doc/measures.md); a walker follows edges in proportion to their
        strength. Values sum to 1."""
        return Result.from_table(super().pagerank(damping=damping, weighted=weighted))

    def edge_betweenness(self, normalized=False, cutoff=None, weighted=True, progress=None):
        """Edge betweenness: one row per edge (from, from_key, to, to_key,
        value, rank), edges read as lengths (see doc/measures.md).
        progress(fraction) may return True to cancel (CancelledError)."""
        return Result.from_table(super().edge_betweenness(normalized=normalized, cutoff=cutoff,
                                                          weighted=weighted, progress=progress))

    def communities(self, method="louvain", **options):
        """Communities by any method of netan.communities_methods(): louvain,
        leiden (objective="modularity" or "cpm"), infomap, label_propagation,
        walktrap, edge_betweenness (refused on large views). Seeded; same
        seed, same partition. See doc/communities.md."""
        return Result.from_table(super().communities(method, **options))

    def community_summary(self, partition):
        """Per community: size, density, internal and external strength,
        neighbour communities, top members and brokers. ``partition`` is a
        result of communities() (or any rows with entity and community)."""
        return Result.from_table(super().community_summary([r["entity"] for r in partition],
                                                           [r["community"] for r in partition]))

    def shortest_path(self, a, b, k=1, **options):
        """The shortest path (k > 1: the k shortest) from entity a to b, one
        row per step with its length, strength and evidence (source rows)."""
        return Result.from_table(super().shortest_path(a, b, k=k, **options))

    def all_shortest_paths(self, a, b, **options):
        return Result.from_table(super().shortest_path(a, b, all=True, **options))

    def connect(self, entities, **options):
        """The connecting network of seed entities (i2's heuristic, see
        doc/paths.md): the chosen paths; their entities in ``.entities``."""
        paths, ents = super().connect(list(entities), **options)
        result = Result.from_table(paths)
        result.entities = Result.from_table(ents) if ents else Result()
        return result

    def ego(self, entity, hops=1, **options):
        """Every entity within ``hops`` steps of ``entity``, with its distance."""
        return Result.from_table(super().ego(entity, hops=hops, **options))

    def common_contacts(self, entities, **options):
        """Entities adjacent to all of ``entities``, one row per tie with evidence."""
        return Result.from_table(super().common_contacts(list(entities), **options))

    def louvain(self, seed=42, resolution=1.0, weighted=True):
        """Louvain communities (igraph multilevel), seeded; strengths weigh
        modularity. ``meta["modularity"]`` is the partition's modularity."""
        return Result.from_table(super().louvain(seed=seed, resolution=resolution,
                                                 weighted=weighted))

    def edges(self):
        """Every edge: the two entity ids, strength, length and links merged."""
        return Result([dict(a=a, b=b, strength=s, length=l, links=k)
                       for a, b, s, l, k in super().edges()])

    def chart(self, **options):
        """A Chart of this view (see Chart and doc/charts.md): e.g.
        view.chart(title="Operation X", page="A3", landscape=True) or
        view.chart(focus=entity_id, hops=2), view.chart(collapse=True)."""
        return Chart(self, **options)

    def to_networkx(self):
        return to_networkx(self)

    def to_igraph(self):
        return to_igraph(self)

    def __repr__(self):
        kind = "directed" if self.directed else "undirected"
        return f"<netan.View {self.n_vertices} vertices, {self.n_edges} edges, {kind}, {self.length}>"


class Chart:
    """A link chart of a view, laid out and rendered by Graphviz through
    netan-render; shows inline in Jupyter (SVG). Options (all optional):

    title, case_ref, author, date, banner: the title block and the
        classification banner (top and bottom);
    page ('A4' or 'A3'), landscape: the page (default: the size the
        chart needs);
    layout: dot, neato, fdp, sfdp, circo, twopi (default by size);
    size_by: a centrality measure name (default 'betweenness'; None);
    color_by: 'communities' (default), 'type', 'jurisdiction' or None;
    communities: the seed of the partition (default 42), method: its
        method (default 'louvain');
    focus (entity id) with hops; community (number); connect (entity ids);
        path ((from, to) entity ids); collapse (one node per community);
    show_keys, edge_labels ('count', 'dates', 'amount'), wrap (characters),
        max_labels (label only the N most prominent nodes; -1: all up to 500
        nodes, else 150; 0: all), legend (False: the network alone),
        command (text for the footer).
    """

    FORMATS = ("svg", "pdf", "png", "dot")

    def __init__(self, view, **options):
        self.view = view
        self.options = options

    def render(self, format="svg"):
        """The chart as bytes: 'svg', 'pdf', 'png' or 'dot' (the DOT netan built)."""
        if format not in self.FORMATS:
            raise InvalidArgumentError(f"format must be one of {', '.join(self.FORMATS)}")
        return _netan.View.chart(self.view, format=format, **self.options)

    def dot(self):
        return self.render("dot").decode("utf-8")

    def save(self, path, format=None):
        """Writes the chart; the format comes from the extension by default.
        Nothing is written if rendering fails."""
        import os
        fmt = format or os.path.splitext(str(path))[1].lstrip(".").lower()
        if fmt not in self.FORMATS:
            raise InvalidArgumentError(f"{path}: use .svg, .pdf, .png or .dot")
        data = self.render(fmt)
        with open(path, "wb") as f:
            f.write(data)
        return path

    def _repr_svg_(self):
        return self.render("svg").decode("utf-8")

    def __repr__(self):
        opts = ", ".join(f"{k}={v!r}" for k, v in sorted(self.options.items()))
        return f"<netan.Chart of {self.view!r}{': ' + opts if opts else ''}>"


def render_dot(dot, format="svg", layout=None):
    """Lays out and renders DOT text with Graphviz (through netan-render)."""
    return _netan.render_dot(dot, format, layout)
