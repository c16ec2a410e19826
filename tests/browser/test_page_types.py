"""Every page type in real Chromium: no request to another host, no WCAG 2.1 A/AA violation (axe-core).

Each page type is loaded once (module-scoped, parametrised fixture) and both checks read the
result, so the two quality bars stay separate tests without loading every page twice.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest
from playwright.sync_api import Page
from site_under_test import (
    PAGE_TYPES,
    ROOT,
    SEARCH_INPUT,
    SEARCH_RESULT,
    NetworkLog,
    PageType,
    SiteServer,
    page_path,
)

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
RUN_AXE = """async (tags) => {
    const result = await axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
    return result.violations.map((v) => ({
        id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
        nodes: v.nodes.map((n) => ({target: n.target.join(" "), html: n.html, summary: n.failureSummary})),
    }));
}"""


@dataclass
class Visit:
    page_type: PageType
    path: str
    foreign: list[str] = field(default_factory=list)
    violations: list[dict[str, Any]] = field(default_factory=list)


@pytest.fixture(scope="module", params=PAGE_TYPES, ids=lambda t: t.name)
def visit(request: pytest.FixtureRequest, shared_page: Page, site_server: SiteServer) -> Visit:
    """Load one page of a type (typing the query on the search page), record requests, run axe."""
    page_type: PageType = request.param
    path = page_path(site_server.root, page_type)
    if path is None:  # every type is required: a missing one fails, it is never skipped
        pytest.fail(f"keine Seite vom Typ „{page_type.name}“ unter {page_type.path} gebaut")
    assert AXE.is_file(), f"{AXE} fehlt – `npm ci` installiert axe-core (macht `make test` selbst)"
    page = shared_page
    network = NetworkLog(site_server.host).attach(page)
    try:
        page.goto(site_server.url(path))
        if page_type.query:
            page.locator(SEARCH_INPUT).fill(page_type.query)
            page.locator(SEARCH_RESULT).first.wait_for()
        page.evaluate("window.scrollTo(0, document.body.scrollHeight)")  # lazy images load too
        network.settle(page)
        page.add_script_tag(path=AXE)
        return Visit(page_type, path, network.foreign, page.evaluate(RUN_AXE, WCAG_21_AA))
    finally:
        network.detach(page)


def test_page_contacts_only_its_own_host(visit: Visit) -> None:
    assert not visit.foreign, f"{visit.page_type.name} ({visit.path}) fragt andere Server an:\n  " + "\n  ".join(
        visit.foreign
    )


def test_page_has_no_wcag_21_aa_violations(visit: Visit) -> None:
    assert not visit.violations, f"{visit.page_type.name} ({visit.path}):\n" + format_violations(visit.violations)


def format_violations(violations: list[dict[str, Any]], max_nodes: int = 5) -> str:
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']} – {v['helpUrl']}")
        for node in v["nodes"][:max_nodes]:
            lines.append(f"    at {node['target']}: {node['html'][:160]}")
            lines.extend(f"      {line}" for line in node["summary"].splitlines())
        if len(v["nodes"]) > max_nodes:
            lines.append(f"    … and {len(v['nodes']) - max_nodes} more elements")
    return "\n".join(lines)
