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


def indentation(text: str) -> list[str]:
    return [f"{p.line}:{p.col} {p.message} [{p.code}]" for p in parse_document(text.encode(), "t.yml")[1]]


def test_a_body_line_at_column_0_is_named_not_the_next_key():
    text = "name: X\nbody: |\n  First line.\n  Second line.\nthird line, at the left edge.\nfaq: []\n"
    assert indentation(text) == ["5:1 line 5 is not indented under 'body: |' (line 2); indent it by at least "
                                 "2 spaces like the lines above [bad-indent]"]


def test_a_block_whose_first_line_is_over_indented_names_that_line():
    text = "name: X\nsummary: >-\n      First line, too far right.\n    second line.\n    third line.\nkind: term\n"
    assert indentation(text) == ["3:7 line 3 is indented 6 spaces, more than the lines after it in "
                                 "'summary: >-' (line 2); the first line sets the indentation, so indent it by "
                                 "4 spaces like them [bad-indent]"]


def test_a_block_line_between_the_key_and_the_text_is_named():
    text = "faq:\n  - answer: >-\n        Deep text.\n      shallower text.\n"
    assert indentation(text) == ["4:7 line 4 is indented 6 spaces, less than the text above it in 'answer: >-' "
                                 "(line 2); indent it by at least 8 spaces like the lines above [bad-indent]"]


def test_list_items_and_keys_off_their_siblings_column():
    three = "faq:\n  - question: A?\n    answer: B.\n   - question: C?\n     answer: D.\n"
    assert indentation(three) == ["4:4 line 4 is indented 3 spaces, but the list item on line 2 is at 2; "
                                  "indent it by 2 spaces to line it up [bad-indent]"]
    key = "sources:\n  - title: T\n     url: https://example.org/\n"
    assert indentation(key) == ["3:6 line 3 is indented 5 spaces, but the key 'title' on line 2 is at 4; "
                                "indent it by 4 spaces to line it up [bad-indent]"]
    top = "name: X\n kind: term\nsummary: S.\n"
    assert indentation(top) == ["2:2 line 2 is indented 1 space, but the key 'name' on line 1 is at 0; "
                                "remove its indentation to line it up [bad-indent]"]


def test_the_odd_line_is_named_when_the_lines_after_agree_with_the_error_line():
    item_out = ("sources:\n  - title: A\n    url: https://a.example/\n  - title: B\nurl: https://b.example/\n"
                "  - title: C\n    url: https://c.example/\n")
    assert indentation(item_out) == ["5:1 line 5 is indented 0 spaces, out of line with lines 4 and 6 around "
                                     "it; indent it by 4 spaces to line it up [bad-indent]"]
    first_key = "# header\n   name: X\nkind: term\nsummary: S.\nareas: [margin]\n"
    assert indentation(first_key) == ["2:4 line 2 is indented 3 spaces, out of line with line 3 and 2 line(s) "
                                      "below it; remove its indentation to line it up [bad-indent]"]


def test_other_syntax_errors_keep_the_parser_message():
    for text in ("name: [unclosed\nkind: term\n", 'name: "open\nkind: term\n', "a: b: c\n"):
        assert [line.rsplit("[", 1)[1] for line in indentation(text)] == ["yaml-syntax]"], text
