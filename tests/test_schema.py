"""The editor schemas in schema/ are generated from the validator's own field declarations."""

import json

from conftest import ROOT
from site_build.schema import AREA_FIELDS, TERM_FIELDS, json_schema


def test_schema_files_match_the_validator_declarations(update_golden):
    for name, fields, title in (("term", TERM_FIELDS, "Glossary term"), ("area", AREA_FIELDS, "Glossary area")):
        file, generated = ROOT / "schema" / f"{name}.schema.json", json_schema(fields, title)
        if update_golden:
            file.write_text(json.dumps(generated, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        on_disk = json.loads(file.read_text(encoding="utf-8"))
        assert on_disk == generated, f"{file.name} drifted; run pytest tests/test_schema.py --update-golden"


def test_every_term_file_points_editors_at_the_schema():
    for path in (ROOT / "terms").glob("*.yml"):
        if path.name != "tags.yml":
            first = path.read_text(encoding="utf-8").splitlines()[0]
            assert first == "# yaml-language-server: $schema=../schema/term.schema.json", path.name
