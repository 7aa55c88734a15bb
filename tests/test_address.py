"""Formal address: real sentences in, exact codes, spans and fixes out."""

from __future__ import annotations

import pytest

import tonelint


def lint(text: str, lang: str, audience: str = "youth") -> list[tonelint.Diagnostic]:
    return tonelint.lint(text, lang=lang, audience=audience)


@pytest.mark.parametrize(
    ("text", "flagged", "fixed"),
    [
        ("Kunt u mij helpen?", ["Kunt u"], "Kun je mij helpen?"),
        ("Heeft u uw ticket al?", ["Heeft u", "uw"], "Heb je je ticket al?"),
        ("Bent u er zaterdag bij?", ["Bent u"], "Ben je er zaterdag bij?"),
        ("U heeft gewonnen!", ["U"], "Je hebt gewonnen!"),
        ("Weet u dat al?", ["Weet u"], "Weet je dat al?"),
        ("Kunt u zich aanmelden?", ["Kunt u"], "Kun je je aanmelden?"),
        ("Ik denk dat u een hond heeft.", ["u"], "Ik denk dat je een hond hebt."),
        ("Wij sturen u een mail.", ["u"], "Wij sturen je een mail."),
        ("Dit is voor U.", ["U"], "Dit is voor je."),
        ("Wat is uw favoriete film?", ["uw"], "Wat is jouw favoriete film?"),
        (
            "Stuur ons alstublieft een bericht.",
            ["alstublieft"],
            "Stuur ons alsjeblieft een bericht.",
        ),
    ],
)
def test_dutch_formal_address_and_fix(text: str, flagged: list[str], fixed: str) -> None:
    diags = [d for d in lint(text, "nl") if d.code == "TL101"]
    assert [text[d.start : d.end] for d in diags] == flagged
    assert tonelint.apply_fixes(text, diags, unsafe=True) == fixed
    assert tonelint.apply_fixes(text, diags) == text  # unsafe: not applied by --fix


@pytest.mark.parametrize(
    "text",
    [
        "De letter u staat in het alfabet na de t.",
        "Neem bij de U-bocht de tweede afslag.",
        "Ik zei: jòu bedoel ik!",
        "Kun je mij helpen met je ticket?",
    ],
)
def test_dutch_not_formal(text: str) -> None:
    assert [d.code for d in lint(text, "nl") if d.code.startswith("TL1")] == []


@pytest.mark.parametrize(
    ("text", "flagged", "severity", "fixed"),
    [
        ("Pouvez-vous nous aider ?", ["Pouvez-vous"], "suggestion", "Peux-tu nous aider ?"),
        ("Vous êtes prête pour samedi ?", ["Vous êtes"], "warning", "Tu es prête pour samedi ?"),
        ("Avez-vous votre billet ?", ["Avez-vous", "votre"], "suggestion", "As-tu ton billet ?"),
        (
            "Vous n'avez pas reçu votre carte ?",
            ["Vous n'avez", "votre"],
            "suggestion",
            "Tu n'as pas reçu ta carte ?",
        ),
        (
            "Je vous remercie pour votre question.",
            ["vous", "votre"],
            "suggestion",
            "Je te remercie pour ta question.",
        ),
        ("Passez une bonne journée !", ["Passez"], "suggestion", "Passe une bonne journée !"),
        ("Amusez-vous bien !", ["Amusez-vous"], "suggestion", "Amuse-toi bien !"),
    ],
)
def test_french_formal_address_and_fix(
    text: str, flagged: list[str], severity: str, fixed: str
) -> None:
    diags = [d for d in lint(text, "fr") if d.code == "TL101"]
    assert [text[d.start : d.end] for d in diags] == flagged
    assert {d.severity.value for d in diags} == {severity}
    assert tonelint.apply_fixes(text, diags, unsafe=True) == fixed


@pytest.mark.parametrize(
    "text",
    [
        "Vous êtes prêts pour samedi ?",  # agreement: plural
        "Merci à vous tous d'être venus !",
        "Vous deux, vous êtes les meilleurs.",
        "Chers amis, votre soutien compte beaucoup.",
        "On a un rendez-vous samedi ?",
        "Tu viens samedi ?",
    ],
)
def test_french_plural_or_informal_not_formal(text: str) -> None:
    assert [d.code for d in lint(text, "fr") if d.code == "TL101"] == []


def test_audience_decides() -> None:
    text = "Kunt u ons laten weten of u komt?"
    assert [d.code for d in lint(text, "nl", "youth")] == ["TL101", "TL101"]
    assert lint(text, "nl", "general") == []
    assert lint(text, "nl", "professional") == []


def test_mixed_address_for_every_audience() -> None:
    text = "Heeft u vragen? Stuur je bericht naar de balie, dan helpen we je."
    for audience in ("youth", "general", "professional"):
        mixed = [d for d in lint(text, "nl", audience) if d.code == "TL104"]
        assert [text[d.start : d.end] for d in mixed] == ["Heeft u"]


def test_professional_informal_is_a_suggestion() -> None:
    (d,) = lint("Heb je vragen over de offerte?", "nl", "professional")
    assert (d.code, d.severity.value) == ("TL105", "suggestion")
