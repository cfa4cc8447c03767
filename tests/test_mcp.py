"""``glossary mcp`` through the MCP SDK's own client, over stdio, against a fixture glossary.

The server runs as a subprocess (``python -m site_build.cli --root <tmp> mcp``), exactly
as an MCP client configuration starts it. Each exchange is printed (``pytest -s`` shows
the transcript).
"""

from __future__ import annotations

import concurrent.futures
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import anyio
import pytest
from mcp.client import ClientSession
from mcp.client.stdio import StdioServerParameters, stdio_client

from conftest import FIXTURES

SITE_URL = "https://example.org/glossary/"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture glossary without its hostile files, maintenance margin with a calculator."""
    root = tmp_path_factory.mktemp("mcp")
    shutil.copytree(FIXTURES / "glossary" / "terms", root / "terms")
    (root / "terms" / "hostile-term.yml").unlink()
    (root / "terms" / "areas" / "hostile.yml").unlink()
    term = root / "terms" / "maintenance-margin.yml"
    text = term.read_text(encoding="utf-8").replace("areas: [margin, hostile]", "areas: [margin]")
    term.write_text(text + "calculator: maintenance-margin\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text(f"site_name: Test\nsite_url: {SITE_URL}\n", encoding="utf-8")
    return root


def exchange(root: Path, calls: list[tuple[str, dict[str, Any]]]) -> tuple[list[Any], list[Any]]:
    """Start the server, list its tools, make each call; the tools and the results, in order."""
    async def run() -> tuple[list[Any], list[Any]]:
        params = StdioServerParameters(command=sys.executable, args=["-m", "site_build.cli", "--root", str(root), "mcp"])
        async with stdio_client(params) as (read, write), ClientSession(read, write) as session:
            await session.initialize()
            tools = (await session.list_tools()).tools
            print("→ tools/list\n←", [tool.name for tool in tools])
            results = []
            for name, arguments in calls:
                result = await session.call_tool(name, arguments)
                text = result.content[0].text if result.content else ""
                print(f"→ {name} {json.dumps(arguments)}\n← {'ERROR ' if result.is_error else ''}{text[:400]}")
                results.append(result)
            return tools, results

    # In a thread of its own: Playwright's sync API (browser tests in the same session)
    # leaves an event loop running in the main thread, where anyio.run would refuse to start.
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(anyio.run, run).result()


def payload(result: Any) -> Any:
    assert not result.is_error, result.content[0].text
    data = result.structured_content
    return data.get("result", data) if isinstance(data, dict) and set(data) == {"result"} else data


@pytest.fixture(scope="module")
def session(project: Path) -> tuple[list[Any], list[Any]]:
    return exchange(project, [
        ("define", {"name": "mm"}),
        ("define", {"name": "margin"}),
        ("define", {"name": "Maintenance Margn"}),
        ("search", {"query": "liquidates position"}),
        ("list_calculators", {}),
        ("calculate", {"calculator": "maintenance-margin", "inputs": {"notional": 264000, "maintenance_margin_rate": 0.01}}),
        ("calculate", {"calculator": "maintenance-margin", "inputs": {"notional": -5, "maintenance_margin_rate": "lots"}}),
        ("calculate", {"calculator": "maintenence-margin", "inputs": {}}),
    ])


def test_the_four_tools_are_listed_with_their_parameters(session):
    tools = {tool.name: tool for tool in session[0]}
    assert set(tools) == {"define", "search", "list_calculators", "calculate"}
    assert tools["define"].input_schema["required"] == ["name"]
    assert set(tools["calculate"].input_schema["required"]) == {"calculator", "inputs"}


def test_define_finds_a_term_by_alias_in_any_case_with_its_formula(session):
    term = payload(session[1][0])
    assert term["name"] == "Maintenance Margin"
    assert term["url"] == SITE_URL + "terms/maintenance-margin/"
    assert term["summary"].startswith("The minimum equity")
    assert "grow in tiers" in term["definition"]
    assert term["formula"]["calculator"] == "maintenance-margin"
    assert term["formula"]["mathml"].startswith("<math")
    assert [r["id"] for r in term["related"]] == ["initial-margin", "mark-price"]


def test_define_of_an_ambiguous_word_lists_its_senses(session):
    answer = payload(session[1][1])
    assert answer["ambiguous"] == "Margin"
    assert [s["id"] for s in answer["senses"]] == ["margin-balance", "profit-margin"]


def test_define_of_an_unknown_name_is_an_error_naming_close_names(session):
    result = session[1][2]
    assert result.is_error
    assert "no term named 'Maintenance Margn'" in result.content[0].text
    assert "close names: Maintenance Margin" in result.content[0].text


def test_search_ranks_terms_with_urls(session):
    found = payload(session[1][3])
    assert found[0]["id"] == "maintenance-margin"
    assert found[0]["url"] == SITE_URL + "terms/maintenance-margin/"


def test_list_calculators_gives_inputs_with_units_and_bounds(session):
    calcs = {c["id"]: c for c in payload(session[1][4])}
    inputs = {i["name"]: i for i in calcs["maintenance-margin"]["inputs"]}
    assert inputs["maintenance_margin_rate"] == {"name": "maintenance_margin_rate", "label": "Maintenance margin rate",
                                                 "unit": "decimal", "bounds": "≥ 0 and ≤ 1", "required": True,
                                                 "example": 0.01}
    assert all({"name", "unit", "bounds", "required"} <= set(i) for c in calcs.values() for i in c["inputs"])


def test_calculate_gives_the_outputs(session, project):
    answer = payload(session[1][5])
    assert answer["calculator"] == "maintenance-margin"
    assert answer["outputs"]["maintenance_margin"] == pytest.approx(2640)
    assert answer["units"]["maintenance_margin"] == "USDT"


def test_calculate_with_bad_inputs_gives_the_cli_error_lines(session):
    result = session[1][6]
    assert result.is_error
    text = result.content[0].text.removeprefix("Error executing tool calculate: ")  # the SDK's prefix
    assert text.splitlines() == [  # what 'glossary calc' prints on stderr
        "error: notional = -5 is out of range; it must be ≥ 0 [calc-input]",
        "error: maintenance_margin_rate must be a number, got 'lots' [calc-input]"]


def test_an_unknown_calculator_names_the_closest(session):
    result = session[1][7]
    assert result.is_error
    assert "did you mean maintenance-margin" in result.content[0].text
    assert result.content[0].text.endswith("[calc-unknown]")


def test_a_glossary_with_errors_is_not_served():
    done = subprocess.run([sys.executable, "-m", "site_build.cli", "--root", str(FIXTURES / "glossary"), "mcp"],
                          capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=60)
    assert done.returncode == 1
    assert done.stdout == ""
    assert "terms/hostile-term.yml:" in done.stderr
    assert "run 'glossary check' and fix them first" in done.stderr
