"""Documentation stays true: the schema file is generated from the models; every command has help."""

import json
from pathlib import Path

import typer.main

from partnergraph.cli import app
from partnergraph.models import Extraction

ROOT = Path(__file__).resolve().parent.parent


def test_schema_file_matches_the_models():
    on_disk = json.loads((ROOT / "docs" / "schema.json").read_text(encoding="utf-8"))
    assert on_disk == Extraction.model_json_schema(), "run: partnergraph schema > docs/schema.json"


def test_every_command_has_help_and_is_documented():
    cli_md = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    group = typer.main.get_command(app)
    for name, command in group.commands.items():
        assert (command.help or "").strip(), f"{name} has no help text"
        assert f"partnergraph {name}" in cli_md, f"{name} missing from docs/cli.md (run: make docs)"
