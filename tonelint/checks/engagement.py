"""TL4xx: hollow engagement: contentless replies, engagement bait, redirecting instead of
helping, forced cheer. Lexicons: rules/engagement/<lang>.toml (table ``engagement``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import regex

from tonelint.context import Context, Violation
from tonelint.diagnostics import Severity
from tonelint.langid import UNDETERMINED
from tonelint.registry import Docs, Example, Rule

LANGS = ("nl", "fr", "en")
LEXICON = "engagement"
EMOJI = regex.compile(
    r"^(?:\p{Extended_Pictographic}|\p{Regional_Indicator}|[\p{So}\p{Sk}\u200d\ufe0f])+$"
)


def _is_emoji(text: str) -> bool:
    """Whether ``text`` is all emoji and symbols (:data:`EMOJI`), with no regex call for the
    plain ASCII words that most tokens are: ^ and ` are the only ASCII characters EMOJI takes."""
    if text.isascii():
        return bool(text) and not text.strip("^`")
    return EMOJI.match(text) is not None


def _emoji_count(words: list[str], text: str) -> int:
    """How many of ``words`` (the words of ``text``) are emoji: none when ``text`` is ASCII
    without ^ and `, the only ASCII characters an emoji word can hold (most posts: no call
    per word)."""
    if text.isascii() and "^" not in text and "`" not in text:
        return 0
    return sum(1 for w in words if _is_emoji(w))


CELEBRATORY_EMOJI = set("🎉🥳😀😃😄😁🤩✨🙌🎊💃🕺😍🤗👏🔥💯")
GREETINGS = {
    "hoi",
    "hallo",
    "hey",
    "hi",
    "hello",
    "dag",
    "beste",
    "bonjour",
    "salut",
    "coucou",
    "dear",
    "hé",
    "he",
    "yo",
}
# TL404: exclamation marks and emoji per word above which cheer is forced. Chosen by the
# tonelint team: a lively post has one or two per sentence; five or more at one per four words
# is shouting.
CHEER_MIN_MARKS = 5
CHEER_MARKS_PER_WORD = 0.25


def _spans(ctx: Context, category: str) -> list[Any]:
    return [span for span, _ in ctx.phrases(LEXICON, category)]


def _covered(spans: list[Any]) -> set[int]:
    return {i for s in spans for i in range(s.start, s.end)}


def _is_filler(token: Any) -> bool:
    """Tokens that carry no content in a reply: punctuation, emoji, mentions, hashtags."""
    text = token.text
    return bool(token.is_punct or token.is_space or _is_emoji(text) or text.startswith(("@", "#")))


def check_hollow_reply(ctx: Context) -> Iterator[Violation]:
    if ctx.settings.kind != "reply":
        return
    if ctx.lang == UNDETERMINED:
        # Too short to tell its language: hollow if it is hollow in any of them.
        for lang in LANGS:
            found = list(_hollow(ctx.for_language(lang)))
            if found:
                yield from found
                return
        return
    yield from _hollow(ctx)


def _hollow(ctx: Context) -> Iterator[Violation]:
    tokens = ctx.tokens
    if not tokens:
        return
    hollow = _covered(_spans(ctx, "hollow"))
    words = [t for t in tokens if not _is_filler(t)]
    if any(t.i not in hollow for t in words):
        return
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    what = "only emoji" if not words else f"only “{ctx.text[start:end]}”"
    yield Violation(
        start,
        end,
        f"The reply is {what}: it could stand under any post. Say something about this post, "
        "or answer what was asked.",
    )


def check_bait(ctx: Context) -> Iterator[Violation]:
    for span in _spans(ctx, "bait"):
        yield Violation(
            span.start_char,
            span.end_char,
            f"“{span.text}” is engagement bait: platforms rank it down and readers see through it. "
            "Ask a real question instead.",
        )


def check_redirect(ctx: Context) -> Iterator[Violation]:
    if ctx.settings.kind != "reply":
        return
    redirects = _spans(ctx, "redirect")
    if not redirects:
        return
    skip = _covered(redirects) | _covered(_spans(ctx, "hollow"))
    for sent in ctx.doc.sents:
        if any(r.start >= sent.start and r.end <= sent.end for r in redirects):
            continue
        words = [t for t in sent if not _is_filler(t) and t.i not in skip]
        if len(words) > 2 and not all(t.text.lower() in GREETINGS for t in words):
            return  # a sentence with its own content: the reply does more than redirect
    first = redirects[0]
    yield Violation(
        first.start_char,
        first.end_char,
        f"The reply only sends the reader elsewhere (“{first.text}”). Answer the question here, "
        "and link for details.",
    )


def check_forced_cheer(ctx: Context) -> Iterator[Violation]:
    bad_news = _spans(ctx, "bad-news")
    if bad_news:
        cheer = list(_spans(ctx, "cheer"))
        cheer_emoji = [t for t in ctx.tokens if t.text in CELEBRATORY_EMOJI]
        news = bad_news[0].text
        for span in cheer:
            yield Violation(
                span.start_char,
                span.end_char,
                f"“{span.text}” cheers while the text brings bad news (“{news}”). Match the tone "
                "to the news.",
            )
        for t in cheer_emoji:
            yield Violation(
                t.idx,
                t.idx + len(t.text),
                f"“{t.text}” celebrates while the text brings bad news (“{news}”).",
            )
        return
    marks = ctx.prose.count("!") + _emoji_count(ctx.words, ctx.prose)
    if marks < CHEER_MIN_MARKS:
        return
    tokens = ctx.tokens
    words = sum(1 for t in tokens if t.is_alpha)
    if marks >= CHEER_MARKS_PER_WORD * max(words, 1):
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        yield Violation(
            start,
            end,
            f"{marks} exclamation marks and emoji in {words} words: the cheer feels forced. "
            "Keep one where it counts.",
        )


HOLLOW_REPLY = Rule(
    code="TL401",
    name="hollow-reply",
    severity=Severity.WARNING,
    summary="A reply that is only a generic reaction",
    docs=Docs(
        what=(
            'With `kind = "reply"`, reports a reply made only of generic reactions (“Leuk!”, '
            "“Bedankt!”, “Merci !”, “Great post!”, “Thanks for sharing!”), emoji, mentions and "
            "punctuation. A reply with anything more (“Leuk! Wanneer is de volgende?”) is fine."
        ),
        why=(
            "A reaction that could stand under any post tells the reader nobody read theirs. "
            "It is engagement without a conversation."
        ),
        fix_safety="No fix: only you know what to say about their post.",
    ),
    languages=(*LANGS, UNDETERMINED),
    examples=(
        Example("Leuk! 😍", bad=True, lang="nl", settings={"kind": "reply"}, flagged="Leuk! 😍"),
        Example("Leuk! Wanneer is de volgende?", bad=False, lang="nl", settings={"kind": "reply"}),
        Example("Merci ! 🙏", bad=True, lang="fr", settings={"kind": "reply"}),
        Example(
            "Merci, le lien marche de nouveau !", bad=False, lang="fr", settings={"kind": "reply"}
        ),
        Example("Thanks for sharing!", bad=True, lang="en", settings={"kind": "reply"}),
        Example("Merci ! 🙏", bad=True, lang="und", settings={"kind": "reply", "lang": "auto"}),
        Example("👍🎉", bad=True, lang="und", settings={"kind": "reply", "lang": "auto"}),
        Example(
            "Ja, om 14u! 👍", bad=False, lang="und", settings={"kind": "reply", "lang": "auto"}
        ),
        Example(
            "Thanks, the app works again after the update!",
            bad=False,
            lang="en",
            settings={"kind": "reply"},
        ),
    ),
    check=check_hollow_reply,
)

BAIT = Rule(
    code="TL402",
    name="engagement-bait",
    severity=Severity.WARNING,
    summary="Asking for likes, shares, tags or comments for their own sake",
    docs=Docs(
        what=(
            "Finds engagement bait: “Like als je het eens bent”, “Tag een vriend”, “Partage si "
            "tu es d'accord”, “RT if you agree”, “Comment below”."
        ),
        why=(
            "Platforms demote engagement bait, and readers recognise it as a trick. A real "
            "question gets better answers."
        ),
        fix_safety="No fix.",
    ),
    languages=LANGS,
    examples=(
        Example(
            "Zomer! Tag een vriend met wie je naar het strand gaat.",
            bad=True,
            lang="nl",
            flagged="Tag een vriend",
        ),
        Example("Zomer! Met wie ga jij naar het strand?", bad=False, lang="nl"),
        Example("Partage si tu es d'accord !", bad=True, lang="fr"),
        Example("Tu es d'accord ? Dis-nous pourquoi.", bad=False, lang="fr"),
        Example("RT if you agree!", bad=True, lang="en"),
        Example("Do you agree? Tell us why.", bad=False, lang="en"),
    ),
    check=check_bait,
)

REDIRECT = Rule(
    code="TL403",
    name="redirect-instead-of-help",
    severity=Severity.WARNING,
    summary="A reply that only sends the reader elsewhere",
    docs=Docs(
        what=(
            'With `kind = "reply"`, reports a reply whose only content is sending the reader '
            "elsewhere: “kun je een account aanmaken op onze website”, “consultez notre FAQ”, "
            "“check our website”. A reply that also answers is fine."
        ),
        why="The reader asked here. Sending them away without an answer feels like a door closed.",
        fix_safety="No fix: write the answer.",
    ),
    languages=LANGS,
    examples=(
        Example(
            "Hoi Anna, daarvoor kun je een account aanmaken op onze website.",
            bad=True,
            lang="nl",
            settings={"kind": "reply"},
        ),
        Example(
            "Hoi Anna, je kaartje staat in de app onder Mijn tickets. Meer uitleg vind je ook als "
            "je kijkt op onze website.",
            bad=False,
            lang="nl",
            settings={"kind": "reply"},
        ),
        Example("Bonjour, consultez notre FAQ.", bad=True, lang="fr", settings={"kind": "reply"}),
        Example(
            "Bonjour, ton colis arrive jeudi. Plus d'infos dans notre FAQ.",
            bad=False,
            lang="fr",
            settings={"kind": "reply"},
        ),
        Example("Hi! Please check our website.", bad=True, lang="en", settings={"kind": "reply"}),
        Example(
            "Hi! Your parcel arrives on Thursday; the tracking link is in your email.",
            bad=False,
            lang="en",
            settings={"kind": "reply"},
        ),
    ),
    check=check_redirect,
)

FORCED_CHEER = Rule(
    code="TL404",
    name="forced-cheer",
    severity=Severity.WARNING,
    summary="Cheer that does not fit: far too many ! and emoji, or cheer on bad news",
    docs=Docs(
        what=(
            f"Reports a text with at least {CHEER_MIN_MARKS} exclamation marks and emoji and at "
            f"least {CHEER_MARKS_PER_WORD:g} per word, and cheer words or celebratory emoji "
            "(“Super!”, 🎉) in a text that brings bad news (“afgelast”, “annulé”, “cancelled”)."
        ),
        why=(
            "Exclamation marks lose their force when every sentence has three. Cheering on bad "
            "news reads as not caring."
        ),
        fix_safety="No fix.",
    ),
    languages=LANGS,
    examples=(
        Example(
            "Super nieuws: het concert van zaterdag is afgelast.",
            bad=True,
            lang="nl",
            flagged="Super",
        ),
        Example(
            "Helaas: het concert van zaterdag is afgelast. Je krijgt je geld terug.",
            bad=False,
            lang="nl",
        ),
        Example("Génial ! Le concert de samedi est annulé 🎉", bad=True, lang="fr"),
        Example("Le concert de samedi est annulé. Tu seras remboursé.", bad=False, lang="fr"),
        Example("New drop!!! 🔥🔥🔥 Get it now!!! 🎉🎉", bad=True, lang="en"),
        Example(
            "New drop: the summer hoodie is here! Get it in store or online.", bad=False, lang="en"
        ),
    ),
    check=check_forced_cheer,
)

RULES = (HOLLOW_REPLY, BAIT, REDIRECT, FORCED_CHEER)
