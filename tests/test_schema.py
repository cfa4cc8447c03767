"""The editor schemas in schema/ are generated from the validator's own field declarations."""

import json

from conftest import ROOT
from site_build.schema import AREA_FIELDS, TERM_FIELDS, json_schema


def test_schema_files_match_the_validator_declarations():
    for name, fields, title in (("term", TERM_FIELDS, "Glossary term"), ("area", AREA_FIELDS, "Glossary area")):
        on_disk = json.loads((ROOT / "schema" / f"{name}.schema.json").read_text(encoding="utf-8"))
        assert on_disk == json_schema(fields, title), f"schema/{name}.schema.json drifted; regenerate it"


def test_every_term_file_points_editors_at_the_schema():
    for path in (ROOT / "terms").glob("*.yml"):
        if path.name != "tags.yml":
            first = path.read_text(encoding="utf-8").splitlines()[0]
            assert first == "# yaml-language-server: $schema=../schema/term.schema.json", path.name
