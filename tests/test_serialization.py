"""The build's outputs as Oxigraph serializes them: canonical, byte-identical, faithful to the sources.

Byte-identity across two whole builds (different hash seeds) is in test_build.py; here the pieces
that make it so, on the real build of a copy of the review graph.
"""

from __future__ import annotations

import random
import threading

import pyoxigraph as ox
import pytest

import liskg
from conftest import copy_sources
from liskg.base import vocab
from liskg.base.project import INFERRED, MERGED, STORE, Project
from liskg.builder import outputs, serialization
from liskg.querying import store as built_store
from liskg.sources.loading import load_sources

NT = ox.RdfFormat.N_TRIPLES


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Project:
    project = Project(copy_sources(tmp_path_factory.mktemp("serialized")))
    liskg.build(project)
    return project


def _relabelled_and_shuffled(data: bytes, seed: int) -> bytes:
    """The same graph with fresh blank-node labels and its lines in another order."""
    triples = list(ox.parse(data, format=NT, rename_blank_nodes=True))
    random.Random(seed).shuffle(triples)
    return ox.serialize(triples, format=NT)


def test_canonical_ntriples_do_not_depend_on_blank_node_labels_or_order(built):
    inferred = (built.build_dir / INFERRED).read_bytes()
    assert b"_:" in inferred  # the ontology's OWL axioms: the case canonical naming is for
    for seed in (1, 2):
        shuffled = _relabelled_and_shuffled(inferred, seed)
        assert shuffled != inferred
        assert serialization.ntriples(shuffled) == inferred


def test_a_literal_that_looks_like_a_blank_node_is_kept_as_written():
    data = (
        b'<http://example.org/a> <http://example.org/note> "see _:b1 here" .\n'
        b"_:x <http://example.org/p> <http://example.org/a> .\n"
    )
    lines = serialization.ntriples(data).decode().splitlines()
    assert lines[0] == '<http://example.org/a> <http://example.org/note> "see _:b1 here" .'
    assert lines[1].endswith(" <http://example.org/p> <http://example.org/a> .") and lines[1].startswith("_:c")


def test_sort_file_sorts_as_sorted_ntriples_does(built, tmp_path):
    """sort(1) in the C locale orders bytes as Python does: non-ASCII text, duplicates, a line that is
    a prefix of another."""
    lines = (built.build_dir / INFERRED).read_bytes().splitlines()
    lines += [
        b'<http://example.org/a> <http://example.org/p> "\xce\xa9 cm\xc2\xb2" .',
        b'<http://example.org/a> <http://example.org/p> "\xce\xa9" .',
        lines[0],
        lines[-1],
    ]
    random.Random(3).shuffle(lines)
    unsorted = tmp_path / "unsorted.nt"
    unsorted.write_bytes(b"\n".join(lines) + b"\n")
    assert serialization.sort_file(unsorted, tmp_path / "sorted.nt").read_bytes() == serialization.sorted_ntriples(
        lines
    )


def test_the_files_made_on_disk_are_those_made_in_memory(built, tmp_path, monkeypatch):
    """ntriples_file and turtle_file (the build's merged output, a chunk at a time) write the bytes ntriples and
    turtle make in memory: here with chunks of 4 KB, blank nodes relabelled, lines shuffled and repeated, and
    the lines of one subject left out."""
    monkeypatch.setattr(serialization, "CHUNK", 4096)
    merged = ox.serialize(ox.parse((built.build_dir / MERGED).read_bytes(), format=ox.RdfFormat.TURTLE), format=NT)
    lines = _relabelled_and_shuffled(merged, 4).splitlines()
    lines += lines[:50]
    unsorted = tmp_path / "unsorted.nt"
    unsorted.write_bytes(b"\n".join(lines) + b"\n")
    dropped = lines[7].split(b" ", 1)[0] + b" "
    expected = serialization.ntriples(b"\n".join(line for line in lines if not line.startswith(dropped)))
    made = serialization.ntriples_file(unsorted, tmp_path / "sorted.nt", keep=lambda line: not line.startswith(dropped))
    assert made.read_bytes() == expected and len(expected) > 4096 * 100 and b"_:c14n" in expected
    assert serialization.turtle_file(made, tmp_path / "merged.ttl").read_bytes() == serialization.turtle(expected)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["merged.ttl", "sorted.nt", "unsorted.nt"]
    assert serialization.turtle(serialization.ntriples(merged)) == (built.build_dir / MERGED).read_bytes()


def test_without_sort_on_path_the_build_says_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    (tmp_path / "in.nt").write_bytes(b"")
    with pytest.raises(
        liskg.LiskgError,
        match=r"^sort\(1\) is not on PATH: the build sorts liskg-inferred.nt with it; "
        r"install coreutils$",
    ):
        serialization.sort_file(tmp_path / "in.nt", tmp_path / "out.nt")


def test_inferred_ntriples_are_sorted_oxigraph_ntriples_without_duplicates(built):
    lines = (built.build_dir / INFERRED).read_bytes().decode().splitlines()
    assert lines == sorted(set(lines))
    reserialized = ox.serialize(ox.parse("\n".join(lines), format=NT), format=NT).decode().splitlines()
    assert sorted(reserialized) == lines


def test_merged_turtle_holds_exactly_the_asserted_triples(built):
    merged = (built.build_dir / MERGED).read_bytes()
    assert merged.startswith(b"@prefix ")
    loaded = load_sources(built)  # every file as Python triples: an oracle beside the build's own path
    modules = {f.ontology_iri for f in loaded.files[1:]} - {loaded.files[0].ontology_iri}
    kept = [
        t
        for f in loaded.files
        for t in f.triples
        if t.predicate.value != vocab.OWL_IMPORTS and t.subject.value not in modules
    ]
    expected = serialization.ntriples(ox.serialize(kept, format=NT))
    assert serialization.ntriples(ox.serialize(ox.parse(merged, format=ox.RdfFormat.TURTLE), format=NT)) == expected


def test_the_store_holds_the_inferred_triples_and_is_read_only(built):
    store = built_store.load(built)
    dumped = store.dump(format=NT, from_graph=ox.DefaultGraph())  # blank nodes keep their canonical names
    assert serialization.sorted_ntriples(dumped.splitlines()) == (built.build_dir / INFERRED).read_bytes()
    with pytest.raises(RuntimeError, match="only possible on read-write instances"):
        store.add(ox.Quad(ox.NamedNode("http://example.org/s"), ox.NamedNode("http://example.org/p"), ox.Literal("o")))


def test_a_reader_keeps_its_store_while_a_rebuild_replaces_it(built, tmp_path):
    reader = built_store.load(built)
    before = len(reader)
    store_path = built.build_dir / STORE
    one = tmp_path / "one.nt"
    one.write_bytes(b'<http://example.org/s> <http://example.org/p> "o" .\n')
    work = outputs.Workspace(built.build_dir, STORE)
    outputs.install_store(outputs.prepare_store(work.path(STORE), one), store_path)
    work.close()
    assert len(reader) == before  # the old files stay readable to the process that opened them
    assert len(built_store.load(built)) == 1
    assert sorted(p.name for p in built.build_dir.iterdir() if p.name.startswith(".")) == []  # no leftovers
    work = outputs.Workspace(built.build_dir, STORE)
    outputs.install_store(outputs.prepare_store(work.path(STORE), built.build_dir / INFERRED), store_path)
    work.close()
    assert len(built_store.load(built)) == before


def test_readers_opening_the_store_while_builds_swap_it_never_fail(built):
    """RocksDB reads a store's file list, then its files by name: a swap in between once handed a reader
    another store's files ("Mismatch in unique ID on table file 16", a crash in CI). About 2 of every 100
    opens failed that way while stores were swapped in a loop; SwapLock makes it none."""
    store_path, inferred = built.build_dir / STORE, built.build_dir / INFERRED
    size, failures, opened, done = len(built_store.load(built)), [], [], threading.Event()

    def read() -> None:
        while not done.is_set():
            try:
                opened.append(len(built_store.load(built)))
            except Exception as exc:  # noqa: BLE001 - every failure is the finding
                failures.append(f"{type(exc).__name__}: {exc}")

    readers = [threading.Thread(target=read) for _ in range(2)]
    for reader in readers:
        reader.start()
    try:
        for _ in range(6):
            work = outputs.Workspace(built.build_dir, STORE)
            outputs.install_store(outputs.prepare_store(work.path(STORE), inferred), store_path)
            work.close()
    finally:
        done.set()
        for reader in readers:
            reader.join()
    assert failures == []
    assert len(opened) > 6 and set(opened) == {size}
