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
from tonelint.lexicons import norm
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
FR_FORMAL = {"vous", "-vous", "votre", "vos", "vôtre", "vôtres", "vous-même"}
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
# Gender of the noun after votre, for ton/ta, when no trained pipeline gives it: most nouns in
# -e, -ion and -té are feminine; these lists (chosen by the tonelint team) catch the common
# exceptions both ways.
FR_MASCULINE_ENDINGS = (
    "age",
    "isme",
    "ège",
    "ème",
    "ome",
    "phone",
    "aire",
    "cle",
    "ble",
    "ste",
    "ètre",
    "ôle",
    "yle",
    "ype",
    "ombre",
    "entre",
    "ire",
    "ice",
    "ère",
)
FR_MASCULINE_E = {
    "code",
    "compte",
    "genre",
    "membre",
    "groupe",
    "monde",
    "livre",
    "ordre",
    "titre",
    "chiffre",
    "théâtre",
    "service",
    "véhicule",
    "week-end",
    "foie",
    "lycée",
    "musée",
    "trophée",
    "rêve",
    "casque",
    "disque",
    "masque",
    "risque",
    "parc",
    "cadre",
    "centre",
    "poste",
    "poème",
    "stade",
    "silence",
    "dimanche",
}
FR_FEMININE_ENDINGS = ("ion", "té", "aison", "nson", "eur")
FR_FEMININE_ERE = {
    "mère",
    "carrière",
    "lumière",
    "manière",
    "rivière",
    "prière",
    "bière",
    "frontière",
    "matière",
    "première",
    "dernière",
    "cuisine",
}
FR_FEMININE_OTHER = {
    "main",
    "mort",
    "fois",
    "voix",
    "nuit",
    "part",
    "dent",
    "fin",
    "faim",
    "loi",
    "paix",
    "mer",
    "cour",
    "clé",
    "clef",
    "radio",
    "photo",
    "moto",
    "vidéo",
    "eau",
    "peau",
    "forêt",
    "croix",
    "souris",
    "toux",
    "dispute",
    "soif",
}
FR_MASCULINE_EUR = ("teur", "deur", "neur", "geur", "seur")

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


# Dutch ----------------------------------------------------------------------------------------


# A pronoun u at the end of a clause after these is stressed: "met u." -> "met jou.".
NL_STRESSED_OBJECT_AFTER = {"met", "bij", "naar", "aan", "zonder", "tegen", "dan", "zoals", "als"}
NL_STRESSED_SUBJECT_AFTER = {"en", "maar", "of"}
# Subjects before a verb that make a following u its object ("Hij stuurt u").
NL_OBJECT_SUBJECTS = {"ik", "hij", "zij", "ze", "we", "wij", "het", "jullie", "men", "er", "dat"}
# Other subjects: a verb after one of these is not u's.
NL_SUBJECTS = {"ik", "hij", "zij", "ze", "we", "wij", "het", "jullie", "men", "die", "dat", "er"}


def _edit(tok: Any, new: str) -> Edit:
    """Replace a token, keeping its capital, except the reverential capital of Dutch "U"."""
    reverential = tok.text in {"U", "Uw", "Uzelf"} and not (tok.i == 0 or tok.is_sent_start)
    return Edit(tok.idx, tok.idx + len(tok.text), new if reverential else _cased(new, tok.text))


def _clause_start(tokens: Sequence[Any], k: int) -> bool:
    return k == 0 or tokens[k].is_sent_start or tokens[k - 1].is_punct


def nl_formal(ctx: Context) -> list[Address]:
    words = ctx.words
    found = [k for k, word in enumerate(words) if word in NL_FORMAL]
    if not found:
        return []
    tokens = ctx.tokens
    out: list[Address] = []
    used: set[int] = set()
    for k in found:
        tok, word = tokens[k], words[k]
        if k in used:
            continue
        prev = words[k - 1] if k else ""
        if word == "u" and prev in NL_NOT_PRONOUN_BEFORE:
            continue
        if tok.pos_ and tok.pos_ not in ("PRON", "DET", "ADV", "INTJ", "X"):
            continue  # a trained pipeline says this u is no pronoun ("schrijf u als letter")
        verbs = verb_table("nl")  # loaded only once a formal form is found
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        at_clause_end = nxt is None or nxt.is_punct
        new = NL_REPLACE.get(word, "je")
        if word == "uw" and prev in {"is", "was", "zijn", "waren"}:
            new = "jouw"  # "Wat is uw favoriete film?" -> "Wat is jouw ..."
        elif word == "u" and at_clause_end and prev in NL_STRESSED_OBJECT_AFTER:
            new = "jou"
        elif word == "u" and at_clause_end and (prev in NL_STRESSED_SUBJECT_AFTER or not prev):
            new = "jij"
        edits = [_edit(tok, new)]
        start, end = tok.idx, tok.idx + len(tok.text)
        if word == "u":
            verb = tokens[k - 1] if k else None
            # The verb before u is inverted unless another subject precedes it ("Hij stuurt u":
            # u is the object there).
            inverted = (
                verb is not None
                and prev in verbs.get("inverted", {})
                and (_clause_start(tokens, k - 1) or words[k - 2] not in NL_OBJECT_SUBJECTS)
            )
            if inverted:
                assert verb is not None
                edits.append(_edit(verb, verbs["inverted"][prev]))
                start = verb.idx
            else:
                # "u heeft" -> "je hebt"; in a subordinate clause the verb comes later:
                # "dat u een hond heeft" -> "dat je een hond hebt".
                for j in range(k + 1, min(k + 9, len(tokens))):
                    w = words[j]
                    if tokens[j].is_punct or w in NL_SUBJECTS:
                        break
                    changed = verbs.get("declarative", {}).get(w)
                    if changed is not None and changed != w and (j == k + 1 or w == "heeft"):
                        edits.append(_edit(tokens[j], changed))
                        break
            # "kunt u zich", "u kunt zich": the reflexive follows within two words.
            for j in range(k + 1, min(k + 3, len(tokens))):
                refl = words[j]
                if refl in NL_REFLEXIVE:
                    edits.append(
                        Edit(tokens[j].idx, tokens[j].idx + len(tokens[j].text), NL_REFLEXIVE[refl])
                    )
                    used.add(j)
                    break
        edits.sort(key=lambda e: e.start)
        out.append(Address(start, end, ctx.text[start:end], tuple(edits)))
    return out


# French ---------------------------------------------------------------------------------------


_FR_GROUP_CUES = tuple(f" {' '.join(cue)} " for cue in FR_GROUP)


def _fr_group_text(words: Sequence[str]) -> bool:
    joined = f" {' '.join(words)} "
    return any(cue in joined for cue in _FR_GROUP_CUES)


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
    # A trained pipeline's morphology decides when it has a number for the word.
    position = k + 1 + (len(nxt) - len(rest))
    if position < len(tokens):
        number = tokens[position].morph.get("Number")
        if number:
            return "Plur" in number
    word = rest[0]
    if word in FR_SAME_NUMBER or word.endswith("eux"):
        return None
    return bool(word.endswith(("s", "x")))


def _fr_feminine(word: str) -> bool:
    if word in FR_FEMININE_OTHER or word in FR_FEMININE_ERE:
        return True
    if word in FR_MASCULINE_E or word.endswith(FR_MASCULINE_ENDINGS):
        return False
    if word.endswith("eur"):
        return not word.endswith(FR_MASCULINE_EUR)
    return word.endswith(("e", *FR_FEMININE_ENDINGS))


def _fr_gender_word(tokens: Sequence[Any], k: int) -> str:
    """ton or ta for votre at k: ton before a vowel; the noun's gender otherwise."""
    noun = tokens[k + 1] if k + 1 < len(tokens) else None
    if noun is None:
        return "ton"
    word = norm(noun.text)
    if word.startswith(FR_VOWELS):
        return "ton"
    morph = getattr(noun, "morph", None)
    gender = morph.get("Gender") if morph is not None else []
    if gender:  # a trained pipeline knows
        return "ta" if "Fem" in gender else "ton"
    return "ta" if _fr_feminine(word) else "ton"


# Object pronouns and the negation that may stand between subject vous and its verb.
FR_CLITICS = {"ne", "n'", "le", "la", "l'", "les", "lui", "leur", "en", "y", "me", "m'", "nous"}
FR_INFINITIVE_ENDINGS = ("er", "ir", "re", "oir")
FR_IMPERATIVE_TRIGGERS = {"et", "alors", "puis", "donc", "mais", "oh", "bon", "allez"}


def _clitic(nxt: str, old: str) -> str:
    """te, or t' before a vowel."""
    return _cased("t'" if nxt.startswith(FR_VOWELS) else "te", old)


def _fr_vous(
    tokens: Sequence[Any], words: Sequence[str], k: int, verbs: dict[str, dict[str, str]]
) -> tuple[list[Edit], int, int]:
    """Edits for vous at k, and the span to report."""
    tok = tokens[k]
    indicative, imperative = verbs.get("indicative", {}), verbs.get("imperative", {})
    subjunctive = verbs.get("subjunctive", {})
    prev = words[k - 1] if k else ""
    nxt = words[k + 1] if k + 1 < len(words) else ""
    start, end = tok.idx, tok.idx + len(tok.text)
    if words[k] == "-vous":
        verb = tokens[k - 1]
        start = verb.idx
        question = any(t.text == "?" for t in tokens[k : k + 30] if not t.is_sent_start)
        if prev in imperative and (not question or prev not in indicative):
            return [_edit(verb, imperative[prev]), Edit(tok.idx, end, "-toi")], start, end
        if prev in indicative:
            return [_edit(verb, indicative[prev]), Edit(tok.idx, end, "-tu")], start, end
        return [], start, end
    if nxt == "vous" and k + 2 < len(words) and words[k + 2] in indicative:
        # Reflexive: "vous vous amusez" -> "tu t'amuses".
        verb = tokens[k + 2]
        new_verb = indicative[words[k + 2]]
        end = verb.idx + len(verb.text)
        text = (
            _cased("tu ", tok.text) + ("t'" if new_verb.startswith(FR_VOWELS) else "te ") + new_verb
        )
        return [Edit(tok.idx, end, text)], start, end
    j = k + 1
    while j < len(words) and words[j] in FR_CLITICS:
        j += 1
    verb_word = words[j] if j < len(words) else ""
    if verb_word in indicative or verb_word in subjunctive:
        verb = tokens[j]
        table = indicative if verb_word in indicative else subjunctive
        end = verb.idx + len(verb.text)
        return [_edit(tok, "tu"), Edit(verb.idx, end, table[verb_word])], start, end
    if verb_word.endswith("ez") and prev not in FR_PREPOSITIONS:
        return [], start, end  # a subject with a verb form the table does not know
    if nxt.endswith(FR_INFINITIVE_ENDINGS) and nxt.isalpha():
        # Before an infinitive vous is its object: "pour vous amuser" -> "pour t'amuser".
        return (
            [
                Edit(
                    tok.idx,
                    tokens[k + 1].idx if nxt.startswith(FR_VOWELS) else end,
                    _clitic(nxt, tok.text),
                )
            ],
            start,
            end,
        )
    if prev in FR_PREPOSITIONS or not nxt.isalpha() or nxt in {"aussi", "seul", "seule", "même"}:
        return [_edit(tok, "toi")], start, end
    # Object before its verb: "je vous remercie" -> "je te remercie", "je vous aime" -> "je t'aime".
    if nxt.startswith(FR_VOWELS):
        return [Edit(tok.idx, tokens[k + 1].idx, _clitic(nxt, tok.text))], start, end
    return [_edit(tok, "te")], start, end


# The words fr_formal looks at, besides imperatives.
_FR_FORMAL_OR_MEME = frozenset({*FR_FORMAL, "-même"})


def fr_formal(ctx: Context) -> list[Address]:
    words = ctx.words
    if not FR_FORMAL & set(words) and not any(w.endswith("ez") for w in words):
        return []
    verbs = verb_table("fr")
    imperative = verbs.get("imperative", {})
    found = [k for k, w in enumerate(words) if w in _FR_FORMAL_OR_MEME or w in imperative]
    if not found:
        return []
    tokens = ctx.tokens
    group = _fr_group_text(words)
    out: list[Address] = []
    for k in found:
        tok, word = tokens[k], words[k]
        plural: bool | None = True if group else None
        span_start, span_end = tok.idx, tok.idx + len(tok.text)
        edits: list[Edit] = []
        if word in {"vous", "-vous"}:
            if word == "vous" and k + 1 < len(words) and words[k + 1] == "-même":
                continue  # "vous-même": handled at "-même"
            if (
                word == "-vous"
                and k
                and words[k - 1] in {"rendez"}
                and k > 1
                and not _clause_start(tokens, k - 1)
            ):
                continue  # "un rendez-vous": the noun
            plural = True if group else _fr_number(tokens, k)
            edits, span_start, span_end = _fr_vous(tokens, words, k, verbs)
        elif word == "-même" and k and words[k - 1] == "vous":
            span_start = tokens[k - 1].idx
            edits = [Edit(span_start, span_end, _cased("toi-même", tokens[k - 1].text))]
        elif word == "vous-même":
            edits = [_edit(tok, "toi-même")]
        elif word == "votre":
            edits = [_edit(tok, _fr_gender_word(tokens, k))]
        elif word == "vos":
            edits = [_edit(tok, "tes")]
        elif word in {"vôtre", "vôtres"}:
            article = words[k - 1] if k else ""
            new = {"le": "tien", "la": "tienne", "les": "tiens"}.get(article, "tien")
            edits = [_edit(tok, new)]
        elif (
            word in imperative
            and tok.text[:1].isalpha()
            and (_clause_start(tokens, k) or words[k - 1] in FR_IMPERATIVE_TRIGGERS)
            and not (k + 1 < len(words) and words[k + 1] in {"-vous", "-nous"})
        ):
            # An imperative on its own: "Passez une bonne journée" -> "Passe une bonne journée".
            new = imperative[word]
            following = words[k + 1] if k + 1 < len(words) else ""
            if following in {"-en", "-y"} and new.endswith(("e", "a")):
                new += "s"  # "Profitez-en" -> "Profites-en"
            if following in FR_PLURAL_AFTER:
                plural = True
            edits = [_edit(tok, new)]
        else:
            continue
        if plural is True:
            continue
        text = ctx.text[span_start:span_end]
        out.append(
            Address(span_start, span_end, text, tuple(sorted(edits, key=lambda e: e.start)), plural)
        )
    # votre, vos and an undecided vous take the number the rest of the text shows, if any.
    if any(a.plural is False for a in out):
        out = [Address(a.start, a.end, a.words, a.edits, False) for a in out]
    return out


FORMAL = {"nl": nl_formal, "fr": fr_formal}
INFORMAL = {"nl": NL_INFORMAL, "fr": FR_INFORMAL}


def formal_address(ctx: Context) -> list[Address]:
    """The formal address in the text, scanned once however many rules ask."""
    return ctx.derived("address.formal", lambda: FORMAL[ctx.lang](ctx))


def informal_address(ctx: Context) -> list[Any]:
    """The informal address tokens in the text, scanned once."""

    def scan() -> list[Any]:
        wanted = INFORMAL[ctx.lang]
        return [ctx.tokens[k] for k, word in enumerate(ctx.words) if word in wanted]

    return ctx.derived("address.informal", scan)


# Rules ----------------------------------------------------------------------------------------


def _informal(a: Address) -> str:
    """The address as the fix writes it: "Kunt u" -> "Kun je"."""
    text = a.words
    for edit in sorted(a.edits, key=lambda e: e.start, reverse=True):
        if a.start <= edit.start and edit.end <= a.end:
            text = text[: edit.start - a.start] + edit.replacement + text[edit.end - a.start :]
    return text


def check_formal_address(ctx: Context) -> Iterator[Violation]:
    if ctx.settings.audience != YOUTH:
        return
    for a in formal_address(ctx):
        fix = Fix("Use informal address", a.edits, Applicability.UNSAFE) if a.edits else None
        informal = _informal(a) if a.edits else ("tu" if ctx.lang == "fr" else "je")
        if a.plural is None and ctx.lang == "fr":
            yield Violation(
                a.start,
                a.end,
                f"“{a.words}”: formal address if it speaks to one reader; nothing in the text "
                f"tells whether it means one reader or several. To a young reader: “{informal}”.",
                fix=fix,
                severity=Severity.SUGGESTION,
            )
        else:
            yield Violation(
                a.start,
                a.end,
                f"“{a.words}” is formal address; to a young reader write “{informal}”.",
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
    formal = formal_address(ctx)
    informal = informal_address(ctx)
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
    informal = informal_address(ctx)
    if informal and not formal_address(ctx):
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
