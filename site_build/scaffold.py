"""``glossary new``: a new term file that is valid from the first save.

The file is a draft (built with ``noindex``, out of the A–Z index) whose texts start with
the ``TODO:`` placeholder, so ``glossary check`` passes with warnings until the
contributor writes them, and ``--strict`` (CI) refuses to publish it unfinished. Every
optional key is present as a comment taken from the same field declarations the
validator and the editor schema use.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from .collisions import collision_owner
from .model import KINDS
from .pipeline import Loaded
from .problems import Problem
from .schema import PLACEHOLDER, TERM_FIELDS
from .slugs import RESERVED_IDS, did_you_mean, slugify

_UNWRITABLE = {"Cc", "Cs", "Cn", "Zl", "Zp"}  # control, surrogate, unassigned, line breaks
SCHEMA_HEADER = "# yaml-language-server: $schema=../schema/term.schema.json"

_EXAMPLES = {
    "aliases": "[Other Name, ABBR]",
    "related": "[term-id, another-term-id]",
    "distinct_from": "[similar-but-different-term-id]",
    "tags": "[tag-id]",
    "calculator": "calculator-id            # glossary calc --list",
    "example": "{input_name: 100}",
    "replaced_by": "term-id",
    "same_as": "[https://en.wikipedia.org/wiki/An_article_you_opened]",
}
_BLOCK_EXAMPLES = {
    "faq": ["  - question: A question a reader would actually type?",
            "    answer: Two to five sentences, in your own words."],
    "sources": ["  - title: The exchange's or protocol's own documentation",
                "    url: https://example.org/where-the-fact-comes-from",
                "    accessed: 2026-01-31   # the day you read a venue figure (fees, limits, tiers)"],
    "examples": ["  - calculator: calculator-id",
                 "    inputs: {input_name: 100}",
                 "    outputs: {output_name: \"1,234.56\"}   # exactly as the body quotes it"],
}
_BODY = """\
body: |
  {marker} two or three sentences more than the summary.

  ## How it is computed
  The formula, with every symbol named and its unit; which venues use which variant.

  ## Worked example
  Real-looking numbers a reader can check by hand.

  ## Why it matters
  What traders, market makers or protocol engineers do with it; the failure modes."""


@dataclass(frozen=True)
class NewTerm:
    """The planned file: its id, path relative to the project, and text."""

    id: str
    path: str
    text: str


def term_template(name: str, area: str, kind: str) -> str:
    """The text of a new draft term file (pure, so tests can check it round-trips)."""
    lines = [SCHEMA_HEADER,
             "# Written by 'glossary new'. Replace every 'TODO:' text, uncomment the keys you need,",
             "# then run 'glossary check'. How to write a term: CONTRIBUTING.md.",
             f"name: {_yaml_string(name)}",
             f"kind: {kind}",
             f"# {_field('summary').description} At most 300 characters, no Markdown.",
             f'summary: "{PLACEHOLDER} define {_escaped(name)} in one or two plain sentences."',
             f"areas: [{area}]",
             "# draft: built with noindex, out of the A–Z index and sitemap. Delete the line to publish.",
             "status: draft"]
    if kind == "term":
        lines.append(_BODY.format(marker=PLACEHOLDER))
    for spec in TERM_FIELDS:
        if spec.key in ("name", "kind", "summary", "areas", "status") or (spec.key == "body" and kind == "term"):
            continue
        lines.append(f"# {spec.key}: {spec.description}")
        if spec.key in _BLOCK_EXAMPLES:
            lines += [f"# {spec.key}:"] + [f"# {line}" for line in _BLOCK_EXAMPLES[spec.key]]
        elif spec.key == "body":
            lines.append("# body: |\n#   Markdown text.")
        else:
            lines.append(f"# {spec.key}: {_EXAMPLES[spec.key]}")
    return "\n".join(lines) + "\n"


def _field(key: str):
    return next(spec for spec in TERM_FIELDS if spec.key == key)


def _escaped(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def _yaml_string(text: str) -> str:
    """A double-quoted YAML scalar: safe for any name (colons, #, leading symbols)."""
    return f'"{_escaped(text)}"'


def plan_new_term(loaded: Loaded, name: str, area: str, kind: str, terms_dir: str = "terms") -> tuple[
        NewTerm | None, list[Problem]]:
    """The file to write for ``name``, or the problems that refuse it (all of them)."""
    term_id = slugify(name)
    target = f"{terms_dir}/{term_id or 'new-term'}.yml"
    problems = []

    def refuse(code: str, message: str, path: str = target, line: int = 1, col: int = 1) -> None:
        problems.append(Problem(path, line, col, "error", code, message))

    if kind not in KINDS:
        refuse("bad-kind", f"--kind must be one of {', '.join(KINDS)}, not {kind!r}")
    if any(unicodedata.category(char) in _UNWRITABLE for char in name):
        refuse("bad-name", f"the name {name!r} holds control or unassigned characters; type it plainly")
    elif not name.strip() or not term_id:
        refuse("bad-id", f"the name {name!r} has no letters or digits to make an id from")
    elif term_id in RESERVED_IDS:
        refuse("reserved-id", f"'{term_id}' is reserved for site pages; choose another name")
    elif (loaded.root / target).exists() or term_id in loaded.glossary.term_by_id:
        refuse("new-exists", f"a term with id '{term_id}' already exists; edit {target} instead")
    else:
        owner = collision_owner(loaded.glossary, name)
        if owner:
            term, what, other, at = owner
            line, col = loaded.positions[term.path].value_at(at) if at else (1, 1)
            refuse("name-collision", f"{name!r} collides with {what} {other!r} of this term; add your name to its "
                   "'aliases' instead of a new file", term.path, line, col)
    if area not in loaded.glossary.area_by_id:
        refuse("unknown-area", f"unknown area '{area}'{did_you_mean(area, loaded.glossary.area_by_id)}; "
               f"the areas are {', '.join(sorted(loaded.glossary.area_by_id)) or 'none yet'}")
    if problems:
        return None, problems
    return NewTerm(term_id, target, term_template(name, area, kind)), []


def next_steps(new: NewTerm, preview: str, prefix: str = "") -> str:
    """What to do after the file is written, printed by the CLI.

    ``preview`` is the address ``mkdocs serve`` answers on (``urls.preview_address``);
    ``prefix`` goes before each command (``.venv/bin/`` when the virtualenv is not active).
    """
    return "\n".join([
        f"wrote {new.path} (a draft)",
        "next:",
        f"  1. write the summary (and body) in {new.path}, replacing every 'TODO:'",
        f"  2. run '{prefix}glossary check {new.path}': it lists every problem with its line and fix",
        f"  3. run '{prefix}mkdocs serve' and open {preview}terms/{new.id}/",
        "  4. link it: list its id in a related term's 'related', or mention its name in their text",
        f"  5. delete 'status: draft', run '{prefix}glossary check --strict', open a pull request (CONTRIBUTING.md)",
    ])
