"""`glossary check` never raises: arbitrary bytes and YAML documents give problems only.

Also `glossary new` on arbitrary names: the file it writes parses back to that name.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import FIXTURES
from site_build.pipeline import check, load
from site_build.problems import Problem
from site_build.scaffold import plan_new_term, term_template
from site_build.schema import TERM_FIELDS
from site_build.source import parse_document

KEYS = [spec.key for spec in TERM_FIELDS] + ["id", "nmae", "question", "url", "title"]
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=40),
                    st.sampled_from(["margin", "mark-price", "initial-margin", "deprecated", "term", "<script>",
                                     "javascript:x", "TODO: x", "IM", "Mark Prices", "see-also"]))
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4),
    st.dictionaries(st.one_of(st.sampled_from(KEYS), st.text(max_size=8)), inner, max_size=5)), max_leaves=20)
documents = st.dictionaries(st.sampled_from(KEYS), values, max_size=len(KEYS))
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check_with(files: dict[str, bytes]) -> list[Problem]:
    """Lay ``files`` over the small valid glossary and run the whole check."""
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder) / "project"
        shutil.copytree(FIXTURES / "check-base", project)
        before = {}
        for name, content in files.items():
            (project / name).write_bytes(content)
            before[name] = content
        problems, _ = check(project, calculators={})
        assert {name: (project / name).read_bytes() for name in files} == before
        return problems


@SETTINGS
@given(st.binary(max_size=300))
def test_arbitrary_bytes_give_problems_not_exceptions(raw):
    document, problems = parse_document(raw, "terms/x.yml")
    assert document is not None or problems
    assert all(isinstance(p, Problem) and p.line >= 1 and p.col >= 1 for p in problems)


@SETTINGS
@given(st.text(alphabet=st.sampled_from(list("name: kind\n\t-[]{}&*!|>'\"#%@`,?x1 ")), max_size=120))
def test_yaml_shaped_text_gives_problems_not_exceptions(text):
    parse_document(text.encode("utf-8"), "terms/x.yml")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents, documents)
def test_random_term_documents_give_problems_not_exceptions(first, second):
    dumped = [yaml.safe_dump(doc, allow_unicode=True).encode("utf-8") for doc in (first, second)]
    problems = check_with({"terms/first.yml": dumped[0], "terms/mark-price.yml": dumped[1]})
    assert all(isinstance(p, Problem) for p in problems)


@SETTINGS
@given(st.text(min_size=1, max_size=40))
def test_new_writes_a_file_that_reads_back_its_name(name):
    loaded = load(FIXTURES / "check-base", calculators={})
    new, problems = plan_new_term(loaded, name, "margin", "definition")
    if new is None:
        assert problems and all(p.is_error for p in problems)
        return
    document, read_problems = parse_document(new.text.encode("utf-8"), new.path)
    assert read_problems == [] and document.data["name"] == name
    assert document.data["status"] == "draft"


def test_template_comments_every_optional_key():
    text = term_template("Funding Interval", "margin", "term")
    assert text.startswith("# yaml-language-server: $schema=../schema/term.schema.json\n")
    for spec in TERM_FIELDS:
        assert f"\n{spec.key}:" in text or f"\n# {spec.key}: {spec.description}" in text, spec.key
