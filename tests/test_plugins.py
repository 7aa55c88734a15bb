"""Third-party rules through the ``tonelint.rules`` entry-point group."""

from __future__ import annotations

from pathlib import Path

from conftest import check_json, codes, tonelint

PLUGIN = """
import tonelint

def _check(ctx):
    i = ctx.prose.find("festivalitis")
    if i >= 0:
        yield tonelint.Violation(i, i + 12, "Acme does not say 'festivalitis'.")

RULE = tonelint.Rule(
    code="TL290",
    name="acme-festivalitis",
    severity=tonelint.Severity.WARNING,
    summary="Acme house style: no festivalitis",
    docs=tonelint.Docs(what="Flags festivalitis.", why="Acme says so.", fix_safety="No fix."),
    examples=(
        tonelint.Example("Our festivalitis is back.", bad=True),
        tonelint.Example("We work well together.", bad=False),
    ),
    check=_check,
)

NOT_A_RULE = "festivalitis"
"""


def make_plugin(tmp_path: Path, target: str) -> dict[str, str]:
    (tmp_path / "acme_rules.py").write_text(PLUGIN, "utf-8")
    dist = tmp_path / "acme_rules-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: acme-rules\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text(f"[tonelint.rules]\nacme = {target}\n")
    return {"PYTHONPATH": str(tmp_path)}


def test_plugin_rule_runs_and_is_listed(tmp_path: Path) -> None:
    env = make_plugin(tmp_path, "acme_rules:RULE")
    draft = tmp_path / "post.txt"
    draft.write_text("We have festivalitis again, see you all at the park.", "utf-8")
    _, out = check_json(str(draft), "--lang", "en", env=env)
    assert [(d["code"], d["start"], d["end"]) for d in out["diagnostics"]] == [("TL290", 8, 20)]
    assert "TL290  acme-festivalitis" in tonelint("rules", env=env).stdout


def test_plugin_of_wrong_type_is_a_clear_error(tmp_path: Path) -> None:
    env = make_plugin(tmp_path, "acme_rules:NOT_A_RULE")
    proc = tonelint("rules", env=env)
    assert proc.returncode != 0
    assert "must be a tonelint.Rule or a list of them, not str" in proc.stderr


def test_plugin_unused_without_entry_point(tmp_path: Path) -> None:
    draft = tmp_path / "post.txt"
    draft.write_text("We have festivalitis again, see you all at the park.", "utf-8")
    _, out = check_json(str(draft), "--lang", "en")
    assert codes(out) == []
