"""TL1xx: how the text addresses its reader, judged against the audience.

- TL101 formal address (nl u/uw, fr vous/votre to one reader) to a young audience, with an
  unsafe fix that rewrites it into informal address, the verb agreeing.
- TL102 letter formulas ("Geachte heer", "Madame, Monsieur", "Dear Sir or Madam") and TL103 stiff
  business register (en: "kindly", "please be advised") to a young audience, from the lexicons in
  rules/address/<lang>.toml.
- TL104 formal and informal address mixed in one text, for every audience.
- TL105 informal address to a professional audience (a suggestion).

French "vous" is also the plural "you": agreement ("vous êtes prêts"), "vous tous", "vous deux",
"chers amis" and the like mark it plural, and it is then not formal; when nothing tells, the
diagnostic says so and has a lower severity.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from tonelint.context import Context, Violation
from tonelint.diagnostics import Applicability, Edit, Fix, Severity
from tonelint.phrases import norm
from tonelint.registry import Docs, Example, Rule
from tonelint.resources import data_dir

# Dutch ----------------------------------------------------------------------------------------
NL_FORMAL = {"u", "uw", "uwe", "uzelf", "alstublieft", "ustublieft"}
NL_INFORMAL = {"je", "jij", "jou", "jouw", "jezelf", "jouwe", "alsjeblieft", "jijzelf"}
NL_NOT_PRONOUN_BEFORE = {"letter", "klinker", "de", "een"}  # "de letter u", "een u"
NL_REPLACE = {
    "uw": "je",
    "uwe": "jouwe",
    "uzelf": "jezelf",
    "alstublieft": "alsjeblieft",
    "ustublieft": "alsjeblieft",
}
NL_REFLEXIVE = {"zich": "je", "zichzelf": "jezelf"}

# French ---------------------------------------------------------------------------------------
FR_FORMAL = {"vous", "-vous", "votre", "vos", "vôtre", "vôtres", "vous-même", "-même"}
FR_INFORMAL = {
    "tu",
    "-tu",
    "te",
    "t'",
    "toi",
    "-toi",
    "ton",
    "ta",
    "tes",
    "tien",
    "tienne",
    "tiens",
    "tiennes",
    "toi-même",
}
FR_PLURAL_AFTER = {
    "tous",
    "toutes",
    "deux",
    "trois",
    "quatre",
    "cinq",
    "nombreux",
    "nombreuses",
    "-mêmes",
    "mêmes",
    "autres",
}
# Words in the text that show it speaks to a group (chosen by the tonelint team).
FR_GROUP = (
    ("chers", "amis"),
    ("chères", "amies"),
    ("chers", "tous"),
    ("à", "tous"),
    ("à", "toutes"),
    ("tout", "le", "monde"),
    ("les", "amis"),
    ("mesdames", "et", "messieurs"),
    ("chers", "clients"),
    ("chers", "membres"),
    ("chers", "parents"),
    ("chers", "élèves"),
    ("chers", "fans"),
    ("d'entre", "vous"),
    ("vous", "tous"),
    ("vous", "deux"),
    ("bonjour", "à", "tous"),
)
FR_ETRE = {"êtes", "étiez", "serez", "seriez", "soyez", "fûtes", "étant"}
# Adjectives and participles whose singular already ends in s or x.
FR_SAME_NUMBER = {
    "heureux",
    "gros",
    "surpris",
    "pris",
    "assis",
    "mis",
    "inclus",
    "précis",
    "exquis",
    "soucieux",
    "curieux",
    "sérieux",
    "joyeux",
    "anxieux",
    "généreux",
    "courageux",
    "chanceux",
    "épris",
    "compris",
    "remis",
    "permis",
    "admis",
    "acquis",
}
FR_PREPOSITIONS = {
    "à",
    "de",
    "pour",
    "avec",
    "chez",
    "sans",
    "par",
    "sur",
    "contre",
    "vers",
    "entre",
    "après",
    "avant",
    "selon",
    "comme",
    "que",
    "qu'",
    "envers",
    "parmi",
}
FR_SUBJECT_PRONOUNS = {
    "je",
    "j'",
    "il",
    "elle",
    "on",
    "nous",
    "ils",
    "elles",
    "ce",
    "c'",
    "qui",
    "ça",
    "cela",
}
FR_VOWELS = tuple("aeiouyhàâäéèêëîïôöûüœ")
FR_FEMININE_ENDINGS = (
    "tion",
    "sion",
    "té",
    "ure",
    "ette",
    "ance",
    "ence",
    "ie",
    "ée",
    "ade",
    "esse",
    "ise",
    "ine",
    "elle",
    "ière",
    "euse",
    "rice",
    "ude",
    "aille",
    "ille",
    "ole",
    "ère",
)

YOUTH = "youth"


@cache
def verb_table(lang: str) -> dict[str, dict[str, str]]:
    """rules/address/<lang>-verbs.json: formal verb forms -> informal ones, by construction."""
    try:
        path = data_dir("rules") / "address" / f"{lang}-verbs.json"
        table: dict[str, dict[str, str]] = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        return {}
    return table


def _cased(new: str, old: str) -> str:
    if old[:1].isupper():
        return new[:1].upper() + new[1:]
    return new


@dataclass(frozen=True)
class Address:
    """One formal form in the text and how to make it informal."""

    start: int
    end: int
    words: str
    edits: tuple[Edit, ...]
    plural: bool | None = None  # French: True plural, False singular, None cannot tell


def _tokens(ctx: Context) -> list[Any]:
    return [t for t in ctx.doc if not t.is_space]


# Dutch ----------------------------------------------------------------------------------------


def nl_formal(ctx: Context) -> list[Address]:
    tokens = _tokens(ctx)
    verbs = verb_table("nl")
    inverted = verbs.get("inverted", {})
    declarative = verbs.get("declarative", {})
    out: list[Address] = []
    used: set[int] = set()
    for k, tok in enumerate(tokens):
        word = norm(tok.text)
        if word not in NL_FORMAL or k in used:
            continue
        prev = norm(tokens[k - 1].text) if k else ""
        if word == "u" and prev in NL_NOT_PRONOUN_BEFORE:
            continue
        edits = [
            Edit(tok.idx, tok.idx + len(tok.text), _cased(NL_REPLACE.get(word, "je"), tok.text))
        ]
        start, end = tok.idx, tok.idx + len(tok.text)
        if word == "u":
            before = tokens[k - 1] if k else None
            after = tokens[k + 1] if k + 1 < len(tokens) else None
            if before is not None and norm(before.text) in inverted and not before.is_punct:
                new = inverted[norm(before.text)]
                if new != norm(before.text):
                    edits.append(
                        Edit(before.idx, before.idx + len(before.text), _cased(new, before.text))
                    )
                start = before.idx
            elif after is not None and norm(after.text) in declarative:
                new = declarative[norm(after.text)]
                if new != norm(after.text):
                    edits.append(
                        Edit(after.idx, after.idx + len(after.text), _cased(new, after.text))
                    )
            # "kunt u zich", "u kunt zich": the reflexive follows within two words.
            for j in range(k + 1, min(k + 3, len(tokens))):
                refl = norm(tokens[j].text)
                if refl in NL_REFLEXIVE:
                    edits.append(
                        Edit(tokens[j].idx, tokens[j].idx + len(tokens[j].text), NL_REFLEXIVE[refl])
                    )
                    used.add(j)
                    break
        out.append(
            Address(start, end, ctx.text[start:end], tuple(sorted(edits, key=lambda e: e.start)))
        )
    return out


def nl_informal(ctx: Context) -> list[Any]:
    return [t for t in _tokens(ctx) if norm(t.text) in NL_INFORMAL]


# French ---------------------------------------------------------------------------------------


def _fr_group_text(words: Sequence[str]) -> bool:
    joined = " " + " ".join(words) + " "
    return any(" " + " ".join(cue) + " " in joined for cue in FR_GROUP)


def _fr_number(tokens: Sequence[Any], k: int) -> bool | None:
    """Whether the vous at k is plural (True), singular (False), or cannot tell (None)."""
    nxt = [norm(t.text) for t in tokens[k + 1 : k + 4]]
    prev = norm(tokens[k - 1].text) if k else ""
    if (nxt and nxt[0] in FR_PLURAL_AFTER) or prev == "d'entre":
        return True
    # Agreement: vous + être (+ été) + adjective or participle.
    rest = list(nxt)
    if rest and rest[0] in FR_ETRE:
        rest = rest[1:]
    elif len(rest) > 1 and rest[0] in {"avez", "aviez", "aurez", "auriez"} and rest[1] == "été":
        rest = rest[2:]
    else:
        return None
    if not rest or not rest[0].isalpha():
        return None
    word = rest[0]
    if word in FR_SAME_NUMBER or word.endswith("eux"):
        return None
    return bool(word.endswith(("s", "x")))


def _fr_gender_word(tokens: Sequence[Any], k: int) -> str:
    """ton or ta for votre at k: ton before a vowel; by the noun's ending otherwise."""
    noun = tokens[k + 1] if k + 1 < len(tokens) else None
    if noun is None:
        return "ton"
    word = norm(noun.text)
    morph = getattr(noun, "morph", None)
    if morph is not None and morph.get("Gender"):
        if "Fem" in morph.get("Gender") and not word.startswith(FR_VOWELS):
            return "ta"
        return "ton"
    if word.startswith(FR_VOWELS):
        return "ton"
    return "ta" if word.endswith(FR_FEMININE_ENDINGS) else "ton"


def fr_formal(ctx: Context) -> list[Address]:
    tokens = _tokens(ctx)
    words = [norm(t.text) for t in tokens]
    group = _fr_group_text(words)
    verbs = verb_table("fr")
    indicative = verbs.get("indicative", {})
    imperative = verbs.get("imperative", {})
    subjunctive = verbs.get("subjunctive", {})
    out: list[Address] = []
    for k, tok in enumerate(tokens):
        word = words[k]
        if word not in FR_FORMAL:
            continue
        if word == "-même" and (k == 0 or words[k - 1] != "vous"):
            continue
        span_start, span_end = tok.idx, tok.idx + len(tok.text)
        edits: list[Edit] = []
        plural: bool | None = True if group else None
        if word in {"vous", "-vous"}:
            plural = True if group else _fr_number(tokens, k)
            prev = words[k - 1] if k else ""
            nxt = words[k + 1] if k + 1 < len(words) else ""
            nxt_tok = tokens[k + 1] if k + 1 < len(tokens) else None
            if word == "-vous":
                # "Pouvez-vous" -> "Peux-tu"; "Amusez-vous" -> "Amuse-toi".
                verb_tok = tokens[k - 1]
                span_start = verb_tok.idx
                if prev in indicative and tok.idx == verb_tok.idx + len(verb_tok.text):
                    new_verb = indicative[prev]
                    # -t- between a vowel-final verb and tu is not needed: "as-tu", "peux-tu".
                    edits.append(
                        Edit(
                            verb_tok.idx,
                            verb_tok.idx + len(verb_tok.text),
                            _cased(new_verb, verb_tok.text),
                        )
                    )
                    edits.append(Edit(tok.idx, tok.idx + len(tok.text), "-tu"))
                elif prev in imperative:
                    edits.append(
                        Edit(
                            verb_tok.idx,
                            verb_tok.idx + len(verb_tok.text),
                            _cased(imperative[prev], verb_tok.text),
                        )
                    )
                    edits.append(Edit(tok.idx, tok.idx + len(tok.text), "-toi"))
                else:
                    edits.append(Edit(tok.idx, tok.idx + len(tok.text), "-tu"))
            elif nxt == "vous" and k + 2 < len(tokens) and words[k + 2] in indicative:
                # Reflexive: "vous vous amusez" -> "tu t'amuses".
                verb_tok = tokens[k + 2]
                new_verb = indicative[words[k + 2]]
                refl = "t'" if new_verb.startswith(FR_VOWELS) else "te "
                edits.append(
                    Edit(
                        tok.idx,
                        verb_tok.idx + len(verb_tok.text),
                        _cased("tu ", tok.text) + refl + new_verb,
                    )
                )
                span_end = verb_tok.idx + len(verb_tok.text)
            elif (
                nxt.endswith("ez")
                and nxt not in indicative
                and prev not in FR_SUBJECT_PRONOUNS
                and prev not in FR_PREPOSITIONS
            ):
                pass  # a subject with a verb form the table does not know: no fix beats a wrong one
            elif (
                nxt in indicative
                and prev not in FR_SUBJECT_PRONOUNS
                and prev not in FR_PREPOSITIONS
            ):
                assert nxt_tok is not None
                table = subjunctive if prev in {"que", "qu'"} and nxt in subjunctive else indicative
                edits.append(Edit(tok.idx, tok.idx + len(tok.text), _cased("tu", tok.text)))
                edits.append(Edit(nxt_tok.idx, nxt_tok.idx + len(nxt_tok.text), table[nxt]))
                span_end = nxt_tok.idx + len(nxt_tok.text)
            elif (
                prev in FR_PREPOSITIONS
                or nxt in {"-même", "aussi", "seul", "seule"}
                or not nxt
                or not nxt.isalpha()
            ):
                edits.append(Edit(tok.idx, tok.idx + len(tok.text), _cased("toi", tok.text)))
            else:
                # Object before its verb: "je vous remercie" -> "je te remercie", "t'aime".
                if nxt.startswith(FR_VOWELS):
                    assert nxt_tok is not None
                    edits.append(Edit(tok.idx, nxt_tok.idx, _cased("t'", tok.text)))
                else:
                    edits.append(Edit(tok.idx, tok.idx + len(tok.text), _cased("te", tok.text)))
        elif word == "votre":
            edits.append(
                Edit(tok.idx, tok.idx + len(tok.text), _cased(_fr_gender_word(tokens, k), tok.text))
            )
        elif word == "vos":
            edits.append(Edit(tok.idx, tok.idx + len(tok.text), _cased("tes", tok.text)))
        elif word in {"vôtre", "vôtres"}:
            article = words[k - 1] if k else ""
            new = {"le": "tien", "la": "tienne", "les": "tiens"}.get(article, "tien")
            if word == "vôtres" and article == "les":
                new = "tiens"
            edits.append(Edit(tok.idx, tok.idx + len(tok.text), new))
        elif word == "vous-même":
            edits.append(Edit(tok.idx, tok.idx + len(tok.text), _cased("toi-même", tok.text)))
        elif word == "-même":
            continue
        if plural is True:
            continue
        out.append(
            Address(span_start, span_end, ctx.text[span_start:span_end], tuple(edits), plural)
        )
    # votre, vos and an undecided vous take the number the rest of the text shows, if any.
    if any(a.plural is False for a in out):
        out = [Address(a.start, a.end, a.words, a.edits, False) for a in out]
    # Imperatives in -ez that stand alone at the start of a sentence ("Profitez de l'été"):
    # formal when addressed to one reader, but also the plural; counted only as unsure.
    return out


def fr_informal(ctx: Context) -> list[Any]:
    return [t for t in _tokens(ctx) if norm(t.text) in FR_INFORMAL]


FORMAL = {"nl": nl_formal, "fr": fr_formal}
INFORMAL = {"nl": nl_informal, "fr": fr_informal}


# Rules ----------------------------------------------------------------------------------------


def check_formal_address(ctx: Context) -> Iterator[Violation]:
    if ctx.settings.audience != YOUTH:
        return
    for a in FORMAL[ctx.lang](ctx):
        fix = Fix("Use informal address", a.edits, Applicability.UNSAFE) if a.edits else None
        if a.plural is None and ctx.lang == "fr":
            yield Violation(
                a.start,
                a.end,
                f"“{a.words}”: formal address if it speaks to one reader; nothing in the text "
                "tells whether it means one reader or several. A young reader expects “tu”.",
                fix=fix,
                severity=Severity.SUGGESTION,
            )
        else:
            informal = "tu" if ctx.lang == "fr" else "je"
            yield Violation(
                a.start,
                a.end,
                f"“{a.words}” is formal address; a young reader expects “{informal}”.",
                fix=fix,
            )


def check_letter_formula(ctx: Context) -> Iterator[Violation]:
    if ctx.settings.audience != YOUTH:
        return
    for span, _ in ctx.phrases("address", "formula"):
        yield Violation(
            span.start_char,
            span.end_char,
            f"“{span.text}” is a letter formula; on social media, and to a young reader, "
            "greet and sign off as a person would.",
        )


def check_stiff_register(ctx: Context) -> Iterator[Violation]:
    if ctx.settings.audience != YOUTH:
        return
    for span, _ in ctx.phrases("address", "register"):
        yield Violation(
            span.start_char,
            span.end_char,
            f"“{span.text}” is stiff business language; say it the way you would say it out loud.",
        )


def check_mixed_address(ctx: Context) -> Iterator[Violation]:
    formal = FORMAL[ctx.lang](ctx)
    informal = INFORMAL[ctx.lang](ctx)
    if ctx.lang == "fr":
        formal = [a for a in formal if a.plural is not None or not informal] or formal
    if not formal or not informal:
        return
    f_word = formal[0].words
    i_word = informal[0].text
    if len(formal) >= len(informal):
        for t in informal:
            yield Violation(
                t.idx,
                t.idx + len(t.text),
                f"“{t.text}” is informal, but the text also addresses the reader formally "
                f"(“{f_word}”, {len(formal)}×). Choose one.",
            )
    else:
        for a in formal:
            yield Violation(
                a.start,
                a.end,
                f"“{a.words}” is formal, but the text also addresses the reader informally "
                f"(“{i_word}”, {len(informal)}×). Choose one.",
            )


def check_informal_professional(ctx: Context) -> Iterator[Violation]:
    if ctx.settings.audience != "professional":
        return
    informal = INFORMAL[ctx.lang](ctx)
    if informal and not FORMAL[ctx.lang](ctx):
        t = informal[0]
        formal = "vous" if ctx.lang == "fr" else "u"
        yield Violation(
            t.idx,
            t.idx + len(t.text),
            f"“{t.text}” is informal; for a professional audience “{formal}” may fit better.",
        )


FORMAL_ADDRESS = Rule(
    code="TL101",
    name="formal-address-young-audience",
    severity=Severity.WARNING,
    summary="Formal address (u, vous) to a young audience",
    docs=Docs(
        what=(
            'With `audience = "youth"`, finds formal address: Dutch u, uw, uzelf, capitalised '
            "U, alstublieft and the verb with it (“kunt u”, “heeft u”); French vous, votre, vos "
            "when they speak to one reader. French vous is also the plural: agreement (“vous "
            "êtes prêts”), “vous tous”, “vous deux”, “chers amis” make it plural and it is not "
            "flagged; when nothing tells, the diagnostic says so and is a suggestion. The letter "
            "u (“de letter u”), “u-bocht” and “jòu” are not address."
        ),
        why=(
            "A sixteen-year-old addressed as “u” hears a bank or a tax office, not a club, a "
            "school or a brand that talks to them. Formal address creates distance exactly "
            "where a social post wants closeness."
        ),
        fix_safety=(
            "Unsafe: rewrites into informal address with the verb agreeing (“Kunt u” → “Kun "
            "je”, “Heeft u” → “Heb je”, “uw” → “je”; “Pouvez-vous” → “Peux-tu”, “vous avez” → "
            "“tu as”, “votre” → “ton/ta”). Check the result: the gender of “ta/ton” and "
            "stressed forms (“jouw”, “toi”) may need a hand."
        ),
    ),
    languages=("nl", "fr"),
    examples=(
        Example(
            "Kunt u ons laten weten of uw kaartje is aangekomen?",
            bad=True,
            lang="nl",
            settings={"audience": "youth"},
            flagged="Kunt u",
        ),
        Example(
            "Kun je ons laten weten of je kaartje is aangekomen?",
            bad=False,
            lang="nl",
            settings={"audience": "youth"},
        ),
        Example(
            "Pouvez-vous nous dire si votre billet est bien arrivé ?",
            bad=True,
            lang="fr",
            settings={"audience": "youth"},
            flagged="Pouvez-vous",
        ),
        Example(
            "Vous êtes tous prêts pour le concert de samedi ?",
            bad=False,
            lang="fr",
            settings={"audience": "youth"},
        ),
    ),
    check=check_formal_address,
)

LETTER_FORMULA = Rule(
    code="TL102",
    name="letter-formula",
    severity=Severity.WARNING,
    summary="A letter formula (Geachte heer, Madame, Monsieur, Dear Sir) to a young audience",
    docs=Docs(
        what=(
            'With `audience = "youth"`, finds the formulas of a formal letter: “Geachte '
            "heer/mevrouw”, “Met vriendelijke groet”, “Madame, Monsieur”, “Veuillez agréer”, "
            "“Dear Sir or Madam”, “Yours faithfully” (rules/address/<lang>.toml)."
        ),
        why=(
            "A post or a reply is not a letter; to a young reader the formula sounds like an "
            "authority."
        ),
        fix_safety="No fix: the greeting needs a person's words.",
    ),
    languages=("nl", "fr", "en"),
    examples=(
        Example(
            "Geachte heer Bakker, bedankt voor je vraag over de training.",
            bad=True,
            lang="nl",
            settings={"audience": "youth"},
            flagged="Geachte heer",
        ),
        Example(
            "Hoi Daan, bedankt voor je vraag over de training!",
            bad=False,
            lang="nl",
            settings={"audience": "youth"},
        ),
        Example(
            "Madame, Monsieur, merci pour votre question sur l'entraînement.",
            bad=True,
            lang="fr",
            settings={"audience": "youth"},
            flagged="Madame, Monsieur",
        ),
        Example(
            "Salut Léa, merci pour ta question sur l'entraînement !",
            bad=False,
            lang="fr",
            settings={"audience": "youth"},
        ),
        Example(
            "Dear Sir or Madam, thank you for your question about the training.",
            bad=True,
            lang="en",
            settings={"audience": "youth"},
            flagged="Dear Sir or Madam",
        ),
        Example(
            "Hi Sam, thanks for your question about the training!",
            bad=False,
            lang="en",
            settings={"audience": "youth"},
        ),
    ),
    check=check_letter_formula,
)

STIFF_REGISTER = Rule(
    code="TL103",
    name="stiff-business-register",
    severity=Severity.WARNING,
    summary="Stiff business English to a young audience",
    docs=Docs(
        what=(
            'With `audience = "youth"`, finds stiff business register: “kindly”, “we regret '
            "to inform you”, “please be advised”, “hereby”, “aforementioned”, “valued "
            "customer” (rules/address/en.toml)."
        ),
        why="Young readers hear a form letter; say it the way you would say it out loud.",
        fix_safety="No fix: the sentence needs rewording.",
    ),
    languages=("en",),
    examples=(
        Example(
            "Please be advised that the pool is closed on Monday.",
            bad=True,
            lang="en",
            settings={"audience": "youth"},
            flagged="Please be advised that",
        ),
        Example(
            "Heads up: the pool is closed on Monday!",
            bad=False,
            lang="en",
            settings={"audience": "youth"},
        ),
    ),
    check=check_stiff_register,
)

MIXED_ADDRESS = Rule(
    code="TL104",
    name="mixed-address",
    severity=Severity.WARNING,
    summary="Formal and informal address mixed in one text",
    docs=Docs(
        what=(
            "Finds a text that addresses its reader both formally and informally (u and je, "
            "vous and tu), for every audience, and points at the forms in the minority."
        ),
        why=(
            "Switching between u and je reads as careless, and the reader cannot tell which "
            "distance you mean."
        ),
        fix_safety="No fix: choose one form of address and make the text follow it.",
    ),
    languages=("nl", "fr"),
    examples=(
        Example(
            "Heeft u vragen? Stuur je bericht naar de balie.", bad=True, lang="nl", flagged="je"
        ),
        Example("Heb je vragen? Stuur je bericht naar de balie.", bad=False, lang="nl"),
        Example("Avez-vous des questions ? Envoie ton message à l'accueil.", bad=True, lang="fr"),
        Example("As-tu des questions ? Envoie ton message à l'accueil.", bad=False, lang="fr"),
    ),
    check=check_mixed_address,
)

INFORMAL_PROFESSIONAL = Rule(
    code="TL105",
    name="informal-address-professional",
    severity=Severity.SUGGESTION,
    summary="Informal address to a professional audience",
    docs=Docs(
        what=(
            'With `audience = "professional"`, points at the first informal address (je, '
            "jij, tu, ton) in a text that has no formal address."
        ),
        why="Some professional readers expect u or vous; this is a suggestion, not a rule.",
        fix_safety="No fix.",
    ),
    languages=("nl", "fr"),
    examples=(
        Example(
            "Heb je vragen over de aanbesteding? Bel ons gerust.",
            bad=True,
            lang="nl",
            settings={"audience": "professional"},
            flagged="je",
        ),
        Example(
            "Heeft u vragen over de aanbesteding? Bel ons gerust.",
            bad=False,
            lang="nl",
            settings={"audience": "professional"},
        ),
        Example(
            "As-tu des questions sur l'appel d'offres ?",
            bad=True,
            lang="fr",
            settings={"audience": "professional"},
        ),
        Example(
            "Avez-vous des questions sur l'appel d'offres ?",
            bad=False,
            lang="fr",
            settings={"audience": "professional"},
        ),
    ),
    check=check_informal_professional,
)

RULES = (FORMAL_ADDRESS, LETTER_FORMULA, STIFF_REGISTER, MIXED_ADDRESS, INFORMAL_PROFESSIONAL)
