"""TL2xx: press-release and corporate jargon, from the lexicons in ``rules/jargon/``.

The lexicons are compiled into the pipelines (``tonelint_phrases``, table ``jargon``); a span's
label indexes the lexicon entry, which carries its category, alternative and fix safety.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from tonelint.context import Context, Violation
from tonelint.diagnostics import Applicability, Edit, Fix, Severity
from tonelint.registry import Docs, Example, Rule

LANGS = ("nl", "fr", "en")
LEXICON = "jargon"

# TL205: a text reads like a press release when it has at least this many jargon terms and at
# least this many per 100 words. Chosen by the tonelint team on its own example posts: one
# buzzword in a post is a slip, three in sixty words is a press release.
DENSITY_MIN_TERMS = 3
DENSITY_PER_100_WORDS = 4.0


def _matches(ctx: Context) -> list[tuple[Any, dict[str, Any]]]:
    return ctx.phrases(LEXICON)


def _cased(replacement: str, original: str) -> str:
    if original[:1].isupper() and replacement:
        return replacement[0].upper() + replacement[1:]
    return replacement


def _fix(span: Any, entry: dict[str, Any]) -> Fix | None:
    alternative = entry.get("alternative")
    safety = entry.get("fix", "none")
    if not alternative or safety not in ("safe", "unsafe"):
        return None
    start = span.start_char
    end = span.end_char
    return Fix(
        f"Replace with “{alternative}”",
        (Edit(start, end, _cased(alternative, span.text)),),
        Applicability.SAFE if safety == "safe" else Applicability.UNSAFE,
    )


def _by_category(category: str, message: str) -> Any:
    def check(ctx: Context) -> Iterator[Violation]:
        for span, entry in ctx.phrases(LEXICON, category):
            alternative = entry.get("alternative")
            hint = f" Say “{alternative}”." if alternative else ""
            yield Violation(
                span.start_char,
                span.end_char,
                message.format(words=span.text) + hint,
                fix=_fix(span, entry),
            )

    return check


def check_density(ctx: Context) -> Iterator[Violation]:
    found = _matches(ctx)
    if len(found) < DENSITY_MIN_TERMS:
        return
    words = sum(1 for t in ctx.tokens if t.is_alpha)
    if not words:
        return
    per_100 = 100 * len(found) / words
    if per_100 < DENSITY_PER_100_WORDS:
        return
    first, last = found[0][0], found[-1][0]
    quoted = ", ".join(f"“{s.text}”" for s, _ in found[:4]) + (", ..." if len(found) > 4 else "")
    yield Violation(
        first.start_char,
        last.end_char,
        f"{len(found)} press-release terms in {words} words ({per_100:.0f} per 100 words): "
        f"{quoted}. This reads like a press release, not a post.",
    )


# A brand that writes about itself: "<brand> <verb>" at the start of a sentence, where the verb
# is one a company uses about itself. Chosen by the tonelint team.
BRAND_VERBS = {
    "nl": {
        "is",
        "zijn",
        "heeft",
        "hebben",
        "wil",
        "gaat",
        "presenteert",
        "lanceert",
        "introduceert",
        "nodigt",
        "bedankt",
        "biedt",
        "zoekt",
        "maakt",
        "werkt",
        "staat",
    },
    "en": {
        "is",
        "are",
        "has",
        "have",
        "wants",
        "will",
        "announces",
        "presents",
        "launches",
        "introduces",
        "invites",
        "thanks",
        "offers",
        "welcomes",
        "proudly",
        "makes",
        "works",
    },
    "fr": {
        "est",
        "a",
        "veut",
        "va",
        "présente",
        "lance",
        "annonce",
        "invite",
        "remercie",
        "propose",
        "accueille",
        "offre",
        "fait",
        "travaille",
    },
}


def check_brand(ctx: Context) -> Iterator[Violation]:
    brands = ctx.settings.brand
    if not brands:
        return
    doc = ctx.doc
    verbs = BRAND_VERBS[ctx.lang]
    for brand in brands:
        size = len(brand.split())
        wanted = [w.lower() for w in brand.split()]
        for sent in doc.sents:
            tokens = [t for t in sent if not t.is_space and not t.is_punct]
            if len(tokens) <= size:
                continue
            if [t.text.lower() for t in tokens[:size]] != wanted:
                continue
            verb = tokens[size]
            if verb.text.lower() not in verbs:
                continue
            yield Violation(
                tokens[0].idx,
                verb.idx + len(verb.text),
                f"“{tokens[0].text}{'' if size == 1 else ' ...'} {verb.text}”: {brand} speaks "
                "of itself in the third person. People want to hear from a person: write “we”.",
            )


ANNOUNCEMENT_OPENER = Rule(
    code="TL201",
    name="announcement-opener",
    severity=Severity.WARNING,
    summary="A press-release announcement formula",
    docs=Docs(
        what=(
            "Finds the formulas press releases open with: “we are pleased to announce”, “met "
            "trots presenteren”, “nous sommes ravis d'annoncer”, in any of their variants "
            "(rules/jargon/<lang>.toml, category opener)."
        ),
        why=(
            "On social media the formula is noise before the news, and it tells the reader a "
            "company is talking, not a person. Start with the news itself."
        ),
        fix_safety="No fix: the sentence needs rewriting around the news.",
    ),
    languages=LANGS,
    examples=(
        Example(
            "We're thrilled to announce our new store in Leeds!",
            bad=True,
            lang="en",
            flagged="We're thrilled to announce",
        ),
        Example("Our new store in Leeds opens on Friday!", bad=False, lang="en"),
        Example(
            "Wij zijn verheugd: onze nieuwe winkel in Gent is open.",
            bad=True,
            lang="nl",
            flagged="Wij zijn verheugd",
        ),
        Example("Onze nieuwe winkel in Gent is open!", bad=False, lang="nl"),
        Example(
            "Nous sommes ravis d'annoncer l'ouverture de notre boutique à Lyon !",
            bad=True,
            lang="fr",
            flagged="Nous sommes ravis d'annoncer",
        ),
        Example("Notre boutique de Lyon ouvre samedi !", bad=False, lang="fr"),
    ),
    check=_by_category("opener", "“{words}” is a press-release opener; lead with the news."),
)

BUZZWORD = Rule(
    code="TL202",
    name="corporate-buzzword",
    severity=Severity.WARNING,
    summary="Corporate jargon that sounds important and says little",
    docs=Docs(
        what=(
            "Finds buzzwords in any inflection (“leveraging”, “toonaangevende”, “solutions "
            "innovantes”) from rules/jargon/<lang>.toml, category buzzword, and offers the "
            "plainer word where the lexicon has one."
        ),
        why=(
            "Buzzwords make a post sound like a brochure. Readers skim past them, and young "
            "readers do not use them at all."
        ),
        fix_safety=(
            "Safe only where the lexicon marks the swap safe (the word does not inflect and the "
            "plain word fits every sentence); otherwise unsafe: check the grammar after it."
        ),
    ),
    languages=LANGS,
    examples=(
        Example("We leverage our best-in-class platform.", bad=True, lang="en", flagged="leverage"),
        Example("We use our platform.", bad=False, lang="en"),
        Example(
            "Wij zijn een toonaangevende fietsenmaker.",
            bad=True,
            lang="nl",
            flagged="toonaangevende",
        ),
        Example("Wij maken al dertig jaar fietsen in Gent.", bad=False, lang="nl"),
        Example(
            "Découvrez nos solutions innovantes pour votre jardin.",
            bad=True,
            lang="fr",
            flagged="solutions innovantes",
        ),
        Example("Découvre nos nouveaux outils pour ton jardin.", bad=False, lang="fr"),
    ),
    check=_by_category("buzzword", "“{words}” is corporate jargon."),
)

CLICHE = Rule(
    code="TL203",
    name="worn-cliche",
    severity=Severity.SUGGESTION,
    summary="A worn-out business cliché",
    docs=Docs(
        what="Finds business clichés (rules/jargon/<lang>.toml, category cliche).",
        why="A cliché is read as filler; a concrete word says more in less space.",
        fix_safety="Unsafe where an alternative is given: the sentence may need adjusting.",
    ),
    languages=LANGS,
    examples=(
        Example("Let's touch base next week about the festival.", bad=True, lang="en"),
        Example("Let's talk next week about the festival.", bad=False, lang="en"),
        Example(
            "Met dit festival willen we Gent op de kaart zetten.",
            bad=True,
            lang="nl",
            flagged="op de kaart zetten",
        ),
        Example("Met dit festival laten we zien wat Gent te bieden heeft.", bad=False, lang="nl"),
        Example("Notre équipe a mis le client au cœur de sa démarche.", bad=True, lang="fr"),
        Example("Notre équipe répond à tes questions.", bad=False, lang="fr"),
    ),
    check=_by_category("cliche", "“{words}” is a worn-out cliché."),
)

SELF_PRAISE = Rule(
    code="TL204",
    name="unverifiable-self-praise",
    severity=Severity.SUGGESTION,
    summary="A claim about yourself the reader cannot check",
    docs=Docs(
        what=(
            "Finds self-praise such as “market leader”, “world-class”, “leader sur le "
            "marché” (rules/jargon/<lang>.toml, category self-praise)."
        ),
        why="Claims nobody can check cost trust. Show what you do instead.",
        fix_safety="No fix.",
    ),
    languages=LANGS,
    examples=(
        Example("As the market leader we offer world-class service.", bad=True, lang="en"),
        Example("We answer every question within a day.", bad=False, lang="en"),
        Example(
            "Als marktleider weten wij wat u nodig heeft.",
            bad=True,
            lang="nl",
            flagged="marktleider",
        ),
        Example("Wij beantwoorden elke vraag binnen een dag.", bad=False, lang="nl"),
        Example("Leader sur le marché, nous livrons partout en France.", bad=True, lang="fr"),
        Example("Nous livrons partout en France en deux jours.", bad=False, lang="fr"),
    ),
    check=_by_category("self-praise", "“{words}” is self-praise the reader cannot check."),
)

DENSITY = Rule(
    code="TL205",
    name="press-release-density",
    severity=Severity.WARNING,
    summary="So much jargon that the text reads as a press release",
    docs=Docs(
        what=(
            f"Reports a text with at least {DENSITY_MIN_TERMS} jargon terms (TL201-TL204) and "
            f"at least {DENSITY_PER_100_WORDS:g} per 100 words, from the first term to the last."
        ),
        why=(
            "One buzzword is a slip; a cluster of them is a press release pasted into a post, "
            "and readers scroll on."
        ),
        fix_safety="No fix: rewrite the post for a person.",
    ),
    languages=LANGS,
    examples=(
        Example(
            "We're thrilled to announce our innovative, best-in-class platform that leverages "
            "synergies for you.",
            bad=True,
            lang="en",
        ),
        Example(
            "Our new app is out: plan your festival weekend in one place.", bad=False, lang="en"
        ),
        Example(
            "Wij zijn verheugd onze toonaangevende en innovatieve oplossing te presenteren die "
            "u volledig ontzorgt.",
            bad=True,
            lang="nl",
        ),
        Example(
            "Onze nieuwe app is er: plan je festivalweekend op één plek.", bad=False, lang="nl"
        ),
        Example(
            "Nous sommes ravis d'annoncer nos solutions innovantes clés en main, incontournables "
            "pour votre transformation digitale.",
            bad=True,
            lang="fr",
        ),
        Example(
            "Notre nouvelle appli est là : prépare ton week-end de festival.", bad=False, lang="fr"
        ),
    ),
    check=check_density,
)

BRAND_THIRD_PERSON = Rule(
    code="TL206",
    name="brand-third-person",
    severity=Severity.WARNING,
    summary="The brand speaks of itself in the third person",
    docs=Docs(
        what=(
            'With `brand = "Acme"` (or a list of names) set, reports sentences that open with '
            "the brand followed by a verb it uses about itself: “Acme is verheugd”, “Acme "
            "launches”, “Acme présente”. Mentions of the brand elsewhere are fine."
        ),
        why=(
            "People want to be addressed by a person, not a company. “We” is warmer and shorter "
            "than a company name in the third person."
        ),
        fix_safety="No fix: the verb must change with the subject.",
    ),
    languages=LANGS,
    examples=(
        Example(
            "Acme is proud to support the city marathon.",
            bad=True,
            lang="en",
            settings={"brand": ["Acme"]},
            flagged="Acme is",
        ),
        Example(
            "We support the city marathon! Come and say hi at the Acme stand.",
            bad=False,
            lang="en",
            settings={"brand": ["Acme"]},
        ),
        Example(
            "Acme is verheugd dat de marathon weer doorgaat.",
            bad=True,
            lang="nl",
            settings={"brand": ["Acme"]},
            flagged="Acme is",
        ),
        Example(
            "We zijn blij dat de marathon weer doorgaat! Kom langs bij Acme.",
            bad=False,
            lang="nl",
            settings={"brand": ["Acme"]},
        ),
        Example(
            "Acme présente sa nouvelle collection d'été.",
            bad=True,
            lang="fr",
            settings={"brand": ["Acme"]},
            flagged="Acme présente",
        ),
        Example(
            "Notre collection d'été est arrivée chez Acme !",
            bad=False,
            lang="fr",
            settings={"brand": ["Acme"]},
        ),
    ),
    check=check_brand,
)

RULES = (ANNOUNCEMENT_OPENER, BUZZWORD, CLICHE, SELF_PRAISE, DENSITY, BRAND_THIRD_PERSON)
