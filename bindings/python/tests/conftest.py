"""Shared fixtures of the netan pytest suite.

Run by tests/run-pytest.sh (make check), which puts the staged package on
PYTHONPATH and exports NETAN_TEST_DATA (tests/data), NETAN_RENDER (the
in-tree netan-render) and NETAN_CLI (the in-tree netan command). The source
tree may be read-only: tests write only under tmp_path.
"""
import os

import pytest

import netan
import oracles

for var in ("NETAN_TEST_DATA", "NETAN_RENDER", "NETAN_CLI"):
    if not os.environ.get(var):
        raise pytest.UsageError(f"{var} is not set: run the suite through tests/run-pytest.sh")


@pytest.fixture(scope="session")
def data_dir():
    d = os.environ["NETAN_TEST_DATA"]
    assert os.path.isfile(os.path.join(d, "siren.csv")), d
    return d


@pytest.fixture(scope="session")
def cli():
    path = os.environ["NETAN_CLI"]
    assert os.access(path, os.X_OK), path
    return path


@pytest.fixture(scope="session")
def real_cases(data_dir):
    """{name: (netan.Case, oracle rows)} for every real network, ingested once."""
    out = {}
    for name in oracles.NETWORKS:
        path = oracles.data_path(name)
        case = netan.Case.from_edgelist(path)
        out[name] = (case, oracles.read_rows(path))
    return out


@pytest.fixture
def write_csv(tmp_path):
    """write_csv(text_or_bytes, name='edges.csv') -> path of a file under tmp_path."""
    def write(content, name="edges.csv"):
        p = tmp_path / name
        p.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return str(p)
    return write
