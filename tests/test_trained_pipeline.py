"""A trained pipeline configured with `pipelines = { nl = ... }` is used for its POS and
morphology; without one, everything works from tonelint's own pipelines.

Official trained pipelines cannot be downloaded here, so the test builds a small pipeline that
has what a trained one offers to tonelint (part-of-speech tags and morphology) from an
attribute ruler, saves it, and configures its path like a user configures `nl_core_news_sm`.
"""

from __future__ import annotations

from pathlib import Path

import spacy
from conftest import check_json, codes


def trained_pipeline(tmp_path: Path, lang: str, patterns: list[dict[str, object]]) -> Path:
    nlp = spacy.blank(lang)
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add_patterns(patterns)
    path = tmp_path / f"{lang}_trained"
    nlp.to_disk(path)
    return path


def test_dutch_pos_from_trained_pipeline_decides_whether_u_is_a_pronoun(tmp_path: Path) -> None:
    draft = tmp_path / "post.txt"
    draft.write_text("Schrijf u met een hoofdletter in deze oefening.", "utf-8")
    args = (str(draft), "--lang", "nl", "--audience", "youth", "--select", "TL101")
    _, without = check_json(*args, cwd=tmp_path)
    assert codes(without) == ["TL101"]  # the heuristics alone take this u for a pronoun
    path = trained_pipeline(
        tmp_path,
        "nl",
        [
            {
                "patterns": [[{"LOWER": "schrijf"}, {"LOWER": "u"}]],
                "attrs": {"POS": "NOUN"},
                "index": 1,
            }
        ],
    )
    (tmp_path / "tonelint.toml").write_text(f'pipelines = {{ nl = "{path}" }}\n', "utf-8")
    _, with_pos = check_json(*args, cwd=tmp_path)
    assert codes(with_pos) == []


def test_french_morphology_decides_number_of_vous(tmp_path: Path) -> None:
    draft = tmp_path / "post.txt"
    draft.write_text("Vous êtes heureux de venir samedi ?", "utf-8")
    args = (str(draft), "--lang", "fr", "--audience", "youth", "--select", "TL101")
    _, without = check_json(*args, cwd=tmp_path)
    assert [d["severity"] for d in without["diagnostics"]] == ["suggestion"]  # heureux: either
    path = trained_pipeline(
        tmp_path,
        "fr",
        [{"patterns": [[{"LOWER": "heureux"}]], "attrs": {"MORPH": "Number=Sing"}}],
    )
    (tmp_path / "tonelint.toml").write_text(f'pipelines = {{ fr = "{path}" }}\n', "utf-8")
    _, with_morph = check_json(*args, cwd=tmp_path)
    assert [d["severity"] for d in with_morph["diagnostics"]] == ["warning"]  # one reader


def test_missing_trained_pipeline_is_a_clear_error(tmp_path: Path) -> None:
    draft = tmp_path / "post.txt"
    draft.write_text("Kunt u ons helpen met de kaartjes?", "utf-8")
    (tmp_path / "tonelint.toml").write_text('pipelines = { nl = "nl_core_news_sm" }\n', "utf-8")
    status, out = check_json(str(draft), "--lang", "nl", cwd=tmp_path)
    assert status == 2
    (error,) = out["errors"]
    assert error["path"] == str(draft)
    assert error["message"].startswith("pipelines.nl = 'nl_core_news_sm' cannot be loaded")
