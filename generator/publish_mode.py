"""Whether this run checks or builds the site that goes online ("publishing mode").

Publishing is stricter: placeholders of the `init` template are errors (`validate/placeholders.py`).
It is asked for with `--publish`, or `ENGAGIERT_PUBLISH=ja`, and is on by itself in CI on the
default branch, where the workflows publish:

- GitLab: `CI_COMMIT_BRANCH` equals `CI_DEFAULT_BRANCH` (both predefined; merge request
  pipelines have no `CI_COMMIT_BRANCH`);
- GitHub Actions: not a pull request, and `GITHUB_REF_NAME` equals `ENGAGIERT_DEFAULT_BRANCH`,
  which `.github/workflows/ci.yml` sets from `github.event.repository.default_branch` (GitHub
  has no predefined variable for it).
"""

from __future__ import annotations

from collections.abc import Mapping

ENV_FLAG = "ENGAGIERT_PUBLISH"
GITHUB_DEFAULT_BRANCH = "ENGAGIERT_DEFAULT_BRANCH"
VARIABLES = (ENV_FLAG, GITHUB_DEFAULT_BRANCH, "CI_COMMIT_BRANCH", "CI_DEFAULT_BRANCH")
"""Every variable read here (tests clear them, so the suite behaves the same in CI on main)."""


def publishing(flag: bool, env: Mapping[str, str]) -> bool:
    """``flag`` (`--publish`) or what the environment says."""
    if flag or env.get(ENV_FLAG, "").strip().lower() in {"1", "ja", "true", "yes"}:
        return True
    branch = env.get("CI_COMMIT_BRANCH")
    if branch and branch == env.get("CI_DEFAULT_BRANCH"):
        return True
    default = env.get(GITHUB_DEFAULT_BRANCH)
    return (
        env.get("GITHUB_ACTIONS") == "true"
        and env.get("GITHUB_EVENT_NAME") != "pull_request"
        and bool(default)
        and env.get("GITHUB_REF_NAME") == default
    )
