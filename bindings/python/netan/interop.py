"""Moving views to networkx and python-igraph, and networkx graphs in."""


def to_networkx(view):
    """A networkx Graph/DiGraph: nodes are entity keys (with type, label and
    entity id attributes), edges carry strength, length and links."""
    import networkx as nx
    from . import _netan
    g = nx.DiGraph() if view.directed else nx.Graph()
    ents = {i: (t, k, l) for i, t, k, l in _netan.Case.entities(view.case)}
    for eid in _netan.View.vertices(view):
        t, k, l = ents[eid]
        g.add_node(k, type=t, label=l, entity=eid)
    for a, b, s, length, n in _netan.View.edges(view):
        g.add_edge(ents[a][1], ents[b][1], strength=s, length=length, links=n)
    return g


def to_igraph(view):
    """A python-igraph Graph with the same vertex order as the view:
    vertex attributes name (key), type, label, entity; edge attributes
    strength, length, links."""
    import igraph
    from . import _netan
    ents = {i: (t, k, l) for i, t, k, l in _netan.Case.entities(view.case)}
    order = _netan.View.vertices(view)
    pos = {eid: i for i, eid in enumerate(order)}
    edges = _netan.View.edges(view)
    g = igraph.Graph(n=len(order), edges=[(pos[a], pos[b]) for a, b, *_ in edges],
                     directed=view.directed)
    g.vs["name"] = [ents[e][1] for e in order]
    g.vs["type"] = [ents[e][0] for e in order]
    g.vs["label"] = [ents[e][2] for e in order]
    g.vs["entity"] = list(order)
    g.es["strength"] = [e[2] for e in edges]
    g.es["length"] = [e[3] for e in edges]
    g.es["links"] = [e[4] for e in edges]
    return g


def from_networkx(graph, weight="weight", entity_type="person", link_type="contact"):
    """A netan Case from a networkx graph: node names become keys (their
    'label' attribute, if any, the label), edges become links whose weight
    is the edge's `weight` attribute (default 1)."""
    from . import Case, InvalidArgumentError
    case = Case()
    ids = {}
    keys = {}
    for node, data in graph.nodes(data=True):
        etype = data.get("type", entity_type)
        key = (etype, str(node))
        if key in keys:
            # two nodes (say 1 and "1") would silently become one entity
            raise InvalidArgumentError(
                f"nodes {keys[key]!r} and {node!r} have the same key {str(node)!r}; rename one")
        keys[key] = node
        ids[node] = case.add_entity(etype, str(node), data.get("label"))
    for a, b, data in graph.edges(data=True):
        case.add_link(ids[a], ids[b], type=data.get("type", link_type),
                      weight=float(data.get(weight, 1.0)))
    return case
