"""The editor schemas in schema/ are generated from the validator's own field declarations."""

import json

import jsonschema
import yaml

from conftest import ROOT
from site_build.schema import AREA_FIELDS, SENSE_FIELDS, TAG_FIELDS, TERM_FIELDS, json_schema, keyed_json_schema

SCHEMAS = (("term", json_schema(TERM_FIELDS, "Glossary term")),
           ("area", json_schema(AREA_FIELDS, "Glossary area")),
           ("tags", keyed_json_schema(TAG_FIELDS, "Glossary tags (terms/tags.yml)")),
           ("senses", keyed_json_schema(SENSE_FIELDS, "Words with several meanings (terms/senses.yml)")))


def test_schema_files_match_the_validator_declarations(update_golden):
    for name, generated in SCHEMAS:
        file = ROOT / "schema" / f"{name}.schema.json"
        if update_golden:
            file.write_text(json.dumps(generated, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        on_disk = json.loads(file.read_text(encoding="utf-8"))
        assert on_disk == generated, f"{file.name} drifted; run pytest tests/test_schema.py --update-golden"


def test_every_term_file_points_editors_at_the_schema():
    for path in (ROOT / "terms").glob("*.yml"):
        if path.name not in ("tags.yml", "senses.yml"):
            first = path.read_text(encoding="utf-8").splitlines()[0]
            assert first == "# yaml-language-server: $schema=../schema/term.schema.json", path.name


def test_the_tag_file_points_editors_at_its_schema_and_passes_it():
    text = (ROOT / "terms" / "tags.yml").read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../schema/tags.schema.json"
    schema = json.loads((ROOT / "schema" / "tags.schema.json").read_text(encoding="utf-8"))
    assert [e.message for e in jsonschema.Draft202012Validator(schema).iter_errors(yaml.safe_load(text))] == []


def test_the_tag_schema_refuses_what_the_validator_refuses():
    validator = jsonschema.Draft202012Validator(dict(SCHEMAS)["tags"])
    good = {"name": "Funding", "summary": "Payments between longs and shorts."}
    assert not list(validator.iter_errors({"funding": good}))
    for bad in ({"Funding": good}, {"funding": {**good, "summry": "x"}}, {"funding": {"name": "Funding"}},
                {"funding": {**good, "name": 3}}, {"funding": {**good, "summary": " "}}, {"funding": None}):
        assert list(validator.iter_errors(bad)), bad


def test_the_senses_file_points_editors_at_its_schema_and_passes_it():
    text = (ROOT / "terms" / "senses.yml").read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../schema/senses.schema.json"
    validator = jsonschema.Draft202012Validator(dict(SCHEMAS)["senses"])
    assert [e.message for e in validator.iter_errors(yaml.safe_load(text))] == []
    assert list(validator.iter_errors({"margin": {"name": "Margin", "senses": ["margin-balance"]}}))
