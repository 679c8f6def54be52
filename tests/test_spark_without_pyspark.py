"""Without the spark extra the core works and `partnergraph spark` says how to get it."""

from __future__ import annotations

import sys

from typer.testing import CliRunner

from partnergraph.cli import app


def test_spark_command_explains_the_missing_extra(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "pyspark", None)  # import pyspark raises ImportError
    result = CliRunner().invoke(app, ["spark", str(tmp_path), "--output", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "pyspark is not installed" in str(result.exception)
    assert "partnergraph[spark]" in result.exception.hint


def test_rows_and_partition_need_no_pyspark(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "pyspark", None)
    from partnergraph.spark.partition import Root, Settings, extract_files
    from partnergraph.spark.rows import month_of

    assert month_of("2023-03-08") == "2023-03" and month_of("2023") == month_of(None) == "undated"
    rows = list(extract_files([("file:/x/in/a.txt", b"Alpha University and Beta Corp. signed an agreement.")],
                              [Root("file:/x/in", "in", True)], Settings(backend="rules")))
    tables = [t for t, _ in rows]
    assert tables[0] == "documents" and rows[0][1]["id"] == "a" and rows[0][1]["source"] == "in/a.txt"


def test_module_entry_for_spark_submit_is_the_spark_command():
    import subprocess

    out = subprocess.run([sys.executable, "-m", "partnergraph.spark", "--help"], capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0 and "Usage: partnergraph spark [OPTIONS]" in " ".join(out.stdout.split())


def test_executor_finds_the_model_where_it_runs_not_where_the_driver_did(monkeypatch, tmp_path):
    """Executors run in working directories of their own: a relative --model is looked for
    there (where --archives unpacks it), then at the driver's absolute path."""
    import pytest

    from partnergraph.errors import ConfigError
    from partnergraph.spark.partition import Settings, model_folder, with_model_on_driver

    driver, executor = tmp_path / "driver", tmp_path / "executor"
    (driver / "model").mkdir(parents=True)
    executor.mkdir()
    monkeypatch.chdir(driver)
    settings = with_model_on_driver(Settings(backend="learned", model="model"))
    assert settings.model_on_driver == str(driver / "model")
    monkeypatch.chdir(executor)
    assert model_folder(settings) == str(driver / "model")  # a shared filesystem: the driver's path
    (executor / "model").mkdir()
    assert model_folder(settings) == "model"  # shipped beside the executor: its own copy
    (executor / "model").rmdir()
    (driver / "model").rmdir()
    with pytest.raises(ConfigError, match="not on this executor"):
        model_folder(settings)
    assert model_folder(Settings(backend="learned")) is None  # the shipped model, inside the package
    assert with_model_on_driver(Settings(backend="rules")).model_on_driver is None
