"""Knowledge-base commands under hostile use (issue 12): concurrent creation of a new
database, export folders that cannot be folders, topics that look like LIKE patterns."""

from __future__ import annotations

import multiprocessing
import subprocess
import sys

import pytest

from partnergraph.store import open_store

EN = ("Orvel University and Brantic Group Sign Agreement\n\n"
      "On May 3, 2024, Orvel University and Brantic Group signed a strategic cooperation "
      "agreement in the fields of robotics and new energy.\n")


def run(*args, cwd=None, env=None):
    return subprocess.run([sys.executable, "-m", "partnergraph", *map(str, args)],
                          capture_output=True, text=True, cwd=cwd, env=env, timeout=300, check=False)


def _open_at_once(path: str, barrier) -> str | None:
    barrier.wait()
    try:
        with open_store(path) as store:
            store.conn.execute("SELECT COUNT(*) FROM documents").fetchone()
    except Exception as err:  # noqa: BLE001 - the test reports whatever went wrong
        return f"{type(err).__name__}: {err}"
    return None


def test_processes_creating_one_new_database_at_once_all_succeed(tmp_path):
    """Before the fix, 4 of 10 such starts failed with "table meta already exists"."""
    ctx = multiprocessing.get_context("fork")
    errors = []
    with ctx.Manager() as manager, ctx.Pool(4) as pool:
        for n in range(6):
            barrier = manager.Barrier(4)
            path = str(tmp_path / f"kb{n}.db")
            errors += [e for e in pool.starmap(_open_at_once, [(path, barrier)] * 4) if e]
    assert errors == []


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    root = tmp_path_factory.mktemp("kb")
    (root / "a.txt").write_text(EN, encoding="utf-8")
    res = run("ingest", root / "a.txt", "--db", root / "kb.db")
    assert res.returncode == 0, res.stderr
    return root / "kb.db"


@pytest.mark.parametrize("kind", ["devnull", "file", "dangling", "long", "blocked"])
def test_export_to_an_impossible_folder_is_a_clean_error(db, tmp_path, kind):
    target = {
        "devnull": "/dev/null",
        "file": tmp_path / "a-file",
        "dangling": tmp_path / "dangling",
        "long": tmp_path / ("x" * 300),
        "blocked": tmp_path / "blocked",
    }[kind]
    (tmp_path / "a-file").write_text("keep me")
    (tmp_path / "dangling").symlink_to(tmp_path / "nowhere")
    (tmp_path / "blocked" / "events.jsonl").mkdir(parents=True)  # a folder where a file goes
    res = run("export", "--db", db, "--out", target)
    assert res.returncode == 1
    assert res.stderr.startswith("Error: ") and "Traceback" not in res.stderr, res.stderr
    assert (tmp_path / "a-file").read_text() == "keep me"
    assert not (tmp_path / "nowhere").exists()
    assert not (tmp_path / "blocked" / ".partial").exists()


def test_export_expands_the_home_folder_once(db, tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    import os

    res = run("export", "--db", db, "--out", "~/exports", cwd=tmp_path, env={**os.environ, "HOME": str(home)})
    assert res.returncode == 0, res.stderr
    assert (home / "exports" / "events.jsonl").exists()
    assert not (tmp_path / "~").exists()


def test_topic_is_a_substring_not_a_like_pattern(db):
    with open_store(db) as store:
        from partnergraph.query import events

        assert events(store, topic="robot")
        assert events(store, topic="ROBOT")
        assert events(store, topic="%") == []
        assert events(store, topic="r_bot") == []
        assert events(store, topic="a" * 100_000) == []
