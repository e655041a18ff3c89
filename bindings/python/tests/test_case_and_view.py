"""The case model (entities, links, sources) and views: selection,
aggregation of links into edges, lengths, staleness, lifetime."""
import gc

import pytest

import netan


@pytest.fixture
def small_case():
    """alice -meeting 2- bob, bob -call 1.5- alice, alice -call 3- phone, ivan alone."""
    c = netan.Case()
    ids = dict(alice=c.add_entity("person", "alice", "Alice A."), bob=c.add_entity("person", "bob"),
               phone=c.add_entity("phone", "+33123"), ivan=c.add_entity("person", "ivan"))
    src = c.add_source("wiretap-7")
    c.add_link(ids["alice"], ids["bob"], type="meeting", weight=2, source=src, row=10)
    c.add_link(ids["bob"], ids["alice"], type="call", weight=1.5)
    c.add_link(ids["alice"], ids["phone"], type="call", weight=3)
    return c, ids


def edge_set(view):
    """{(key_a, key_b): (strength, length, links)}; sorted keys when undirected."""
    keys = {e["id"]: e["key"] for e in view.case.entities()}
    out = {}
    for e in view.edges():
        a, b = keys[e["a"]], keys[e["b"]]
        if not view.directed:
            a, b = sorted((a, b))
        out[(a, b)] = (e["strength"], e["length"], e["links"])
    return out


def test_entities_are_dense_ids_in_insertion_order_and_unique_by_type_and_key(small_case):
    c, ids = small_case
    assert list(ids.values()) == [0, 1, 2, 3]
    assert c.add_entity("person", "alice", "another label") == ids["alice"]
    assert c.add_entity("phone", "alice") == 4, "same key, other type: another entity"
    assert c.entities()[0] == dict(id=0, type="person", key="alice", label="Alice A.")
    assert c.entities()[1]["label"] == "bob", "the key is the label by default"
    assert c.entity("bob") == 1 and c.entity("+33123", type="phone") == 2
    with pytest.raises(KeyError):
        c.entity("nobody")


def test_links_keep_type_weight_and_provenance(small_case):
    c, ids = small_case
    links = c.links()
    assert links[0] == dict(id=0, a=0, b=1, type="meeting", weight=2.0, source=0, row=10)
    assert links[1]["source"] == -1 and links[1]["row"] == -1, "no provenance given"
    assert c.sources() == [dict(id=0, name="wiretap-7", agency=None, jurisdiction=None, received=None,
                                sha256=None, grading_scheme=None, grading=None, handling=None,
                                rows_read=None, rows_ingested=None, rows_rejected=None)]
    assert repr(c) == "<netan.Case 4 entities, 3 links>"


@pytest.mark.parametrize("call,exc", [
    (lambda c: c.add_link(0, 99), netan.NotFoundError),
    (lambda c: c.add_link(0, 1, weight=0), netan.InvalidArgumentError),
    (lambda c: c.add_link(0, 1, weight=-1), netan.InvalidArgumentError),
    (lambda c: c.add_link(0, 1, weight=float("nan")), netan.InvalidArgumentError),
    (lambda c: c.add_link(0, 1, weight=float("inf")), netan.InvalidArgumentError),
    (lambda c: c.add_link(0, 1, source=5), netan.NotFoundError),
    (lambda c: c.add_entity("person", ""), netan.InvalidArgumentError),
    (lambda c: c.add_entity("", "x"), netan.InvalidArgumentError),
    (lambda c: c.add_source(""), netan.InvalidArgumentError),
], ids=["unknown endpoint", "zero weight", "negative weight", "nan weight", "inf weight",
        "unknown source", "empty key", "empty type", "empty source name"])
def test_invalid_additions_raise_and_change_nothing(small_case, call, exc):
    c, _ = small_case
    before = (list(c.entities()), list(c.links()), list(c.sources()))
    with pytest.raises(exc):
        call(c)
    assert (list(c.entities()), list(c.links()), list(c.sources())) == before


def test_exception_hierarchy_matches_python_builtins():
    assert issubclass(netan.ParseError, ValueError)
    assert issubclass(netan.InvalidArgumentError, ValueError)
    assert issubclass(netan.NotFoundError, LookupError)
    assert issubclass(netan.FileError, OSError)
    assert issubclass(netan.BackendError, RuntimeError)
    for cls in (netan.ParseError, netan.InvalidArgumentError, netan.NotFoundError, netan.FileError,
                netan.BackendError, netan.CancelledError, netan.StaleViewError, netan.FailedError):
        assert issubclass(cls, netan.Error)
    assert not issubclass(netan.CancelledError, ValueError)


@pytest.mark.parametrize("call,cls,code", [
    (lambda c: c.add_link(0, 1, weight=0), netan.InvalidArgumentError, 1),
    (lambda c: c.add_link(0, 99), netan.NotFoundError, 2),
], ids=["invalid argument", "not found"])
def test_exceptions_carry_the_message_and_the_error_code(small_case, call, cls, code):
    c, _ = small_case
    with pytest.raises(cls) as e:
        call(c)
    assert e.value.code == code  # NETAN_ERROR_* (netan-error.h)
    assert str(e.value) == e.value.args[0] and str(e.value)[0] not in "('["


def test_undirected_view_merges_both_orientations_and_all_link_types(small_case):
    c, _ = small_case
    view = c.view()
    assert (view.n_vertices, view.n_edges, view.directed) == (4, 2, False)
    assert edge_set(view) == {("alice", "bob"): (3.5, 1 / 3.5, 2),
                              ("+33123", "alice"): (3.0, 1 / 3.0, 1)}
    assert view.length.startswith("length=1/strength")


def test_directed_view_keeps_ordered_pairs_apart(small_case):
    c, _ = small_case
    assert edge_set(c.view(directed=True)) == {("alice", "bob"): (2.0, 0.5, 1),
                                               ("bob", "alice"): (1.5, 1 / 1.5, 1),
                                               ("alice", "+33123"): (3.0, 1 / 3.0, 1)}


def test_unweighted_view_has_length_one_and_keeps_strengths(small_case):
    c, _ = small_case
    view = c.view(unweighted=True)
    assert {k: v for k, v in edge_set(view).items()} == {("alice", "bob"): (3.5, 1.0, 2),
                                                         ("+33123", "alice"): (3.0, 1.0, 1)}
    assert "1/strength" not in view.length
    assert view.betweenness().meta["weights"] == view.length


def test_view_selects_entity_type_link_type_and_drops_isolates(small_case):
    c, _ = small_case
    people = c.view(entity_type="person")
    assert sorted(people.degree().by_key()) == ["alice", "bob", "ivan"]
    assert edge_set(people) == {("alice", "bob"): (3.5, 1 / 3.5, 2)}
    calls = c.view(link_type="call")
    assert edge_set(calls) == {("alice", "bob"): (1.5, 1 / 1.5, 1),
                               ("+33123", "alice"): (3.0, 1 / 3.0, 1)}
    assert "ivan" not in c.view(drop_isolates=True).degree().by_key()
    assert c.view(drop_isolates=True).n_vertices == 3
    both = c.view(entity_type="person", drop_isolates=True)
    assert sorted(both.degree().by_key()) == ["alice", "bob"]
    none = c.view(link_type="no such type")
    assert none.n_edges == 0 and none.n_vertices == 4


def test_isolated_entities_have_zero_degree_and_betweenness(small_case):
    c, _ = small_case
    view = c.view()
    assert view.degree().by_key()["ivan"] == 0
    assert view.betweenness().by_key()["ivan"] == 0
    assert view.betweenness().by_key()["alice"] == 1.0  # bob -- alice -- phone


def test_view_of_an_empty_case():
    view = netan.Case().view()
    assert (view.n_vertices, view.n_edges) == (0, 0)
    assert list(view.degree()) == [] and list(view.betweenness()) == []


@pytest.mark.parametrize("change", [
    lambda c: c.add_entity("person", "zoe"),
    lambda c: c.add_link(0, 3),
    lambda c: c.add_source("more"),
], ids=["entity", "link", "source"])
def test_measures_on_a_view_raise_stale_after_the_case_changes(small_case, change):
    c, _ = small_case
    view = c.view()
    change(c)
    for measure in (view.degree, view.betweenness, view.louvain, lambda: view.chart().dot()):
        with pytest.raises(netan.StaleViewError):
            measure()
    # a new view sees the change
    assert len(c.view().degree()) >= 4


def test_adding_an_existing_entity_is_not_a_change(small_case):
    c, _ = small_case
    view = c.view()
    c.add_entity("person", "alice")
    assert len(view.degree()) == 4


def test_view_keeps_its_case_alive(small_case):
    c, _ = small_case
    view = c.view()
    del c, small_case
    gc.collect()
    assert view.betweenness().by_key()["alice"] == 1.0
    assert view.case.n_entities == 4


def test_view_repr_and_results_meta(small_case):
    c, _ = small_case
    view = c.view(directed=True)
    assert repr(view).startswith("<netan.View 4 vertices, 3 edges, directed")
    res = view.degree()
    assert res.top(2) == res[:2] and res.top(2).meta == res.meta
    assert repr(res).startswith("Result([{") and "(4 rows)" in repr(res)
