"""Charts: DOT built by libnetan, rendered by netan-render (Graphviz).
Labels can never inject markup; same view => same bytes."""
import re
import xml.etree.ElementTree as ET

import pytest

import netan

SVG = "{http://www.w3.org/2000/svg}"

HOSTILE = [
    'He said "hi"',
    "back\\slash",
    "C:\\new\\table",
    "\\N \\G \\L \\l \\r",
    "<script>alert(1)</script>",
    "A & B",
    "&lt;b&gt;",
    "Иван Петров",
    "ends with backslash\\",
    '"]; n0 [label="pwned',
    "two\nlines",
]


@pytest.fixture(scope="module")
def hostile_view():
    c = netan.Case()
    ids = [c.add_entity("person", f"k{i}", label) for i, label in enumerate(HOSTILE)]
    for i in range(len(ids) - 1):
        c.add_link(ids[i], ids[i + 1], weight=i + 1)
    return c.view()


def node_texts(svg_bytes):
    """{node id in the DOT (n0, n1...): [text lines]} from a rendered SVG;
    the page items around the network (legend, title block) are left out."""
    root = ET.fromstring(svg_bytes)
    out = {}
    for g in root.iter(SVG + "g"):
        if g.get("class") == "node" and not g.find(SVG + "title").text.startswith("netan_page"):
            out[g.find(SVG + "title").text] = [t.text for t in g.iter(SVG + "text")]
    return out


def test_svg_parses_and_has_a_node_and_edge_per_vertex_and_edge(real_cases):
    view = real_cases["siren"][0].view()
    root = ET.fromstring(view.chart().render("svg"))
    assert root.tag == SVG + "svg"
    classes = [g.get("class") for g in root.iter(SVG + "g")]
    entities = [g for g in root.iter(SVG + "g") if g.get("id", "").startswith("entity")]
    assert len(entities) == view.n_vertices == 44
    assert classes.count("edge") == view.n_edges == 103


def test_hostile_labels_appear_in_the_svg_exactly_as_typed(hostile_view):
    texts = node_texts(hostile_view.chart(title=None, wrap=0).render("svg"))
    assert len(texts) == len(HOSTILE), "no label created or swallowed a node"
    for i, label in enumerate(HOSTILE):
        # a newline in a label is a line break: one <text> per line
        assert texts[f"n{i}"] == label.split("\n"), (label, texts[f"n{i}"])


def test_hostile_title_appears_exactly_as_typed(hostile_view):
    title = 'Case <42> "Ciel" & co \\ Ж'
    root = ET.fromstring(hostile_view.chart(title=title).render("svg"))
    # in the title block, one of the page items
    page_texts = [t.text for g in root.iter(SVG + "g") if g.get("class") == "node"
                  and g.find(SVG + "title").text.startswith("netan_page") for t in g.iter(SVG + "text")]
    assert title in page_texts


def test_no_markup_injected_into_the_svg(hostile_view):
    svg = hostile_view.chart().render("svg")
    root = ET.fromstring(svg)
    assert not any(el.tag.endswith("script") for el in root.iter())
    assert b"<script" not in svg


def test_dot_escapes_labels(hostile_view):
    dot = hostile_view.chart().dot()
    assert dot.startswith("graph ") and dot.rstrip().endswith("}")
    # one node statement per entity: no label closed its HTML-like label
    # and started a statement of its own
    assert len(re.findall(r'^\s*n\d+ \[id="entity\d+"', dot, re.M)) == len(HOSTILE)
    assert "pwned" in dot and not re.search(r'^\s*n0 \[label=', dot, re.M)
    assert not re.search(r'^\s*n0 \[label="pwned', dot, re.M)
    # the DOT parses back with the same number of nodes (netan-render lays it out)
    assert len(node_texts(netan.render_dot(dot, "svg"))) == len(HOSTILE)


def test_same_view_gives_byte_identical_svg_and_dot(real_cases):
    # siren, not a bigger network: neato with splines=true takes seconds there
    case = real_cases["siren"][0]
    view = case.view()
    svg = view.chart(title="Siren").render("svg")
    assert svg == view.chart(title="Siren").render("svg")
    assert svg == case.view().chart(title="Siren").render("svg"), "and from a fresh view"
    assert view.chart().dot() == case.view().chart().dot()


def test_pdf_and_png_have_their_magic_numbers(real_cases):
    chart = real_cases["siren"][0].view().chart(title="Siren")
    assert chart.render("pdf").startswith(b"%PDF")
    assert chart.render("png").startswith(b"\x89PNG\r\n\x1a\n")


@pytest.mark.parametrize("ext,magic", [("svg", b"<?xml"), ("pdf", b"%PDF"), ("png", b"\x89PNG"),
                                       ("dot", b"graph ")])
def test_save_picks_the_format_from_the_extension(real_cases, tmp_path, ext, magic):
    path = tmp_path / f"chart.{ext}"
    real_cases["siren"][0].view().chart().save(path)
    assert path.read_bytes().startswith(magic)


def test_save_refuses_an_unknown_extension(real_cases, tmp_path):
    with pytest.raises(netan.InvalidArgumentError):
        real_cases["siren"][0].view().chart().save(tmp_path / "chart.gif")
    assert not (tmp_path / "chart.gif").exists()


def test_repr_svg_for_jupyter(real_cases):
    svg = real_cases["siren"][0].view().chart()._repr_svg_()
    assert isinstance(svg, str)
    ET.fromstring(svg.encode("utf-8"))


@pytest.mark.parametrize("layout", ["dot", "neato", "fdp", "sfdp", "circo", "twopi"])
def test_every_documented_layout_renders(real_cases, layout):
    svg = real_cases["siren"][0].view().chart(layout=layout).render("svg")
    ET.fromstring(svg)


def test_bad_layout_is_an_invalid_argument(real_cases):
    view = real_cases["siren"][0].view()
    with pytest.raises(netan.InvalidArgumentError):
        view.chart(layout="spiral").render("svg")
    with pytest.raises(netan.InvalidArgumentError):
        netan.render_dot("graph { a -- b }", "svg", "spiral")


def test_bad_format_is_an_invalid_argument(real_cases):
    with pytest.raises(netan.InvalidArgumentError):
        real_cases["siren"][0].view().chart().render("gif")
    with pytest.raises(netan.InvalidArgumentError):
        netan.render_dot("graph { a -- b }", "gif")


def test_broken_dot_is_a_backend_error():
    with pytest.raises(netan.BackendError) as e:
        netan.render_dot("graph { a -- ", "svg")
    assert isinstance(e.value, RuntimeError)


def test_render_dot_renders_any_graph():
    svg = netan.render_dot('digraph { "x" -> "y" }', "svg", "dot")
    assert sorted(sum(node_texts(svg).values(), [])) == ["x", "y"]


def test_node_size_follows_the_measure_and_colour_the_communities(real_cases):
    view = real_cases["siren"][0].view()
    dot = view.chart(size_by="betweenness", communities=42).dot()
    n_communities = int(view.louvain(seed=42).meta["communities"])
    colours = {m.group(1) for m in re.finditer(r'^\s*n\d+ \[.*fillcolor="([^"]+)"', dot, re.M)}
    assert len(colours) == n_communities
    plain = view.chart(size_by=None, communities=None).dot()
    assert plain != dot
    assert view.chart(size_by="degree").dot() != dot
    with pytest.raises(netan.NotFoundError, match="no centrality measure"):
        view.chart(size_by="shoe size").dot()
