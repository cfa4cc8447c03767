"""The editor schemas in schema/ are generated from the validator's own field declarations."""


import jsonschema

from conftest import ROOT
from site_build.schema import schema_files, schema_text

SCHEMAS = {name.removesuffix(".schema.json"): schema for name, schema in schema_files().items()}


def test_schema_files_match_the_validator_declarations():
    assert sorted(SCHEMAS) == ["area", "senses", "tags", "term"]
    for name, schema in schema_files().items():
        on_disk = (ROOT / "schema" / name).read_text(encoding="utf-8")
        assert on_disk == schema_text(schema), f"schema/{name} drifted; run glossary regenerate schemas"


def test_the_tag_schema_refuses_what_the_validator_refuses():
    validator = jsonschema.Draft202012Validator(SCHEMAS["tags"])
    good = {"name": "Funding", "summary": "Payments between longs and shorts."}
    assert not list(validator.iter_errors({"funding": good}))
    for bad in ({"Funding": good}, {"funding": {**good, "summry": "x"}}, {"funding": {"name": "Funding"}},
                {"funding": {**good, "name": 3}}, {"funding": {**good, "summary": " "}}, {"funding": None}):
        assert list(validator.iter_errors(bad)), bad


def test_glossary_regenerate_schemas_writes_what_the_test_compares(tmp_path, capsys):
    from site_build.cli import main

    folder = tmp_path / "schema"
    assert main(["--root", str(tmp_path), "regenerate", "schemas"]) == 0
    assert {p.name: p.read_text(encoding="utf-8") for p in folder.iterdir()} == {
        name: schema_text(schema) for name, schema in schema_files().items()}
    (folder / "tags.schema.json").write_text("{}\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["--root", str(tmp_path), "regenerate", "schemas"]) == 0
    assert capsys.readouterr().out.startswith("wrote tags.schema.json in ")
    assert main(["--root", str(tmp_path), "regenerate", "schemas"]) == 0
    assert capsys.readouterr().out.startswith("unchanged: ")
