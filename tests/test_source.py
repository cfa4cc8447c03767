"""Unit tests: reading YAML files into data, positions and problems."""

from site_build.source import parse_document


def codes(raw: bytes) -> list[str]:
    return [p.code for p in parse_document(raw, "t.yml")[1]]


def test_positions_point_at_keys_values_and_block_lines():
    doc, problems = parse_document(b"name: X\nrelated:\n  - a\n  - b\nbody: |\n  one\n  two\n", "t.yml")
    assert problems == []
    assert doc.positions.key_at(("related",)) == (2, 1)
    assert doc.positions.value_at(("related", 1)) == (4, 5)
    assert doc.positions.line_in_text(("body",), 1) == (7, 1)
    assert doc.positions.line_in_text(("name",), 0, 0) == (1, 7)


def test_duplicate_keys_are_reported_with_both_lines():
    doc, problems = parse_document(b"name: a\nkind: term\nname: b\n", "t.yml")
    assert [str(p) for p in problems] == [
        "t.yml:3:1: error: key 'name' appears twice (first at line 1); keep one [duplicate-key]"]
    assert doc.data["name"] == "a"


def test_anchors_aliases_and_python_tags_are_refused():
    assert codes(b"a: &x [1, 2]\nb: *x\n") == ["yaml-alias"]
    assert codes(b"a: !!python/object/apply:os.system [ls]\n") == ["yaml-tag"]


def test_file_level_problems():
    assert codes(b"") == ["empty-file"]
    assert codes(b"# only a comment\n") == ["empty-file"]
    assert codes(b"- a\n- b\n") == ["not-a-mapping"]
    assert codes(b"\xef\xbb\xbfname: a\n") == ["byte-order-mark"]
    assert codes(b"name: caf\xe9\n") == ["not-utf8"]
    assert codes(b"a:\n\t- b\n") == ["tab-indent"]  # the syntax error it causes is not repeated
    assert codes(b"name: [unclosed\n") == ["yaml-syntax"]
    assert codes(b"x: " + b"a" * (256 * 1024)) == ["file-too-large"]


def test_syntax_error_carries_the_parser_position():
    _, problems = parse_document(b"name: ok\nkind: [term\nsummary: x\n", "t.yml")
    assert (problems[0].line, problems[0].code) == (3, "yaml-syntax")


def test_yaml_typed_scalars_stay_typed_for_the_validator():
    doc, _ = parse_document(b"name: No\ndate: 2024-05-01\nn: 3\n", "t.yml")
    assert doc.data["name"] is False
    assert str(doc.data["date"]) == "2024-05-01"
