"""TL3xx: text too long for the platform it is written for, or for its reader."""

from __future__ import annotations

import bisect
from collections.abc import Iterator

from tonelint import platforms
from tonelint.context import Context, Violation
from tonelint.diagnostics import Severity
from tonelint.registry import Docs, Example, Rule

PLATFORM_NAMES = {
    "x": "X",
    "bluesky": "Bluesky",
    "mastodon": "Mastodon",
    "threads": "Threads",
    "linkedin": "LinkedIn",
    "instagram": "Instagram",
    "facebook": "Facebook",
}

INSTAGRAM_MAX_HASHTAGS = 30

# Longest sentence, in words, before TL303 fires, by language. Sources:
# - en 25: GOV.UK, "Sentence length: why 25 words is our limit" (Inside GOV.UK blog, 2014-08-04),
#   the GOV.UK style guide's limit; at 25 words sentences "become difficult".
# - fr 25: French clear-language guides aim at 15-20 words on average and put the ceiling
#   between 20 and 25 (e.g. prolipsia.com, "Rédiger des phrases courtes": "en général 25 mots").
# - nl 20: Dutch B1 writing guides ask for about 10-15 words on average and "zeker niet meer dan
#   vijftien" (bureauvoortekst.nl, "Schrijven op tekstniveau B1"); 20 leaves room for a normal
#   social post while catching the sentence that needs splitting.
SENTENCE_WORDS = {"en": 25, "fr": 25, "nl": 20}


def post_text(ctx: Context) -> tuple[str, list[int], list[int]]:
    """The text as it would be posted: prose pieces joined, outer whitespace stripped.

    Returns the text and a piecewise map back to document offsets: for each piece, its start in
    the post text and its start in the document.
    """
    post_starts: list[int] = []
    doc_starts: list[int] = []
    parts: list[str] = []
    pos = 0
    for piece in ctx.prose_pieces:
        post_starts.append(pos)
        doc_starts.append(piece.start)
        chunk = ctx.text[piece.start : piece.end]
        parts.append(chunk)
        pos += len(chunk)
    joined = "".join(parts)
    lead = len(joined) - len(joined.lstrip())
    stripped = joined.strip()
    # Shift the map so that index 0 of the stripped text is the first non-space character.
    return stripped, [s - lead for s in post_starts], doc_starts


def to_document(offset: int, post_starts: list[int], doc_starts: list[int]) -> int:
    i = max(bisect.bisect_right(post_starts, offset) - 1, 0)
    return doc_starts[i] + offset - post_starts[i]


def check_platform_limit(ctx: Context) -> Iterator[Violation]:
    platform = ctx.settings.platform
    if platform == "none":
        return
    text, post_starts, doc_starts = post_text(ctx)
    for m in platforms.measure(text, platform, ctx.settings.limits.get(platform)):
        if m.overflow is None:
            continue
        start = to_document(m.overflow, post_starts, doc_starts)
        end = to_document(len(text), post_starts, doc_starts)
        yield Violation(
            start,
            max(end, start),
            f"Text is {m.length:,} {m.unit} long; {PLATFORM_NAMES[platform]} allows "
            f"{m.limit:,} ({m.length - m.limit:,} over). Everything from here on does not fit.",
        )


def check_hashtags(ctx: Context) -> Iterator[Violation]:
    if ctx.settings.platform != "instagram":
        return
    text, post_starts, doc_starts = post_text(ctx)
    tags = platforms.count_hashtags(text)
    if len(tags) <= INSTAGRAM_MAX_HASHTAGS:
        return
    first, _ = tags[INSTAGRAM_MAX_HASHTAGS]
    _, last = tags[-1]
    yield Violation(
        to_document(first, post_starts, doc_starts),
        to_document(last, post_starts, doc_starts),
        f"{len(tags)} hashtags; Instagram allows at most {INSTAGRAM_MAX_HASHTAGS} "
        f"({len(tags) - INSTAGRAM_MAX_HASHTAGS} over). The post will not publish.",
    )


def _is_word(token: object) -> bool:
    return bool(
        getattr(token, "is_alpha", False)
        or getattr(token, "like_num", False)
        or (any(c.isalpha() for c in str(token)) and not getattr(token, "like_url", False))
    )


def check_sentence_length(ctx: Context) -> Iterator[Violation]:
    limit = ctx.settings.max_sentence_words or SENTENCE_WORDS[ctx.lang]
    if len(ctx.doc) <= limit:
        return  # no sentence has more tokens than the text, so none has too many words
    for sent in ctx.doc.sents:
        if len(sent) <= limit:
            continue  # fewer tokens than the limit: fewer words too
        words = sum(1 for t in sent if _is_word(t))
        if words > limit:
            tokens = [t for t in sent if not t.is_space]
            start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
            yield Violation(
                start,
                end,
                f"Sentence of {words} words; readers of a post take in at most about {limit}. "
                "Split it.",
            )


OVER_PLATFORM_LIMIT = Rule(
    code="TL301",
    name="over-platform-limit",
    severity=Severity.ERROR,
    summary="Text longer than the target platform allows",
    docs=Docs(
        what=(
            "Counts the text exactly as the target platform (`platform` setting) does and points "
            "at the first character past the limit. X: twitter-text v3 weighted length (URLs 23, "
            "CJK and emoji 2). Bluesky: 300 grapheme clusters and 3,000 bytes. Mastodon: 500 "
            "characters, URLs 23, remote mentions as their username. Threads 500, LinkedIn "
            "3,000, Instagram 2,200, Facebook 63,206 characters. Limits can be changed per "
            "platform with `limits = { mastodon = 1000 }`. Code blocks, HTML and front matter in "
            "Markdown are not counted."
        ),
        why=(
            "The platform cuts the post or refuses it. Whatever was past the limit, often the "
            "call to action or the link, is lost, and a post that was cut reads as careless."
        ),
        fix_safety="No fix: only the writer can decide what to leave out.",
    ),
    examples=(
        Example(
            "Big news from the team! " * 12,
            bad=True,
            settings={"platform": "x"},
        ),
        Example(
            "Big news from the team! Our summer festival is back on 12 July: tickets go on sale "
            "on Friday at https://example.org/festival-tickets-2026-summer-edition",
            bad=False,
            settings={"platform": "x"},
        ),
    ),
    check=check_platform_limit,
)

TOO_MANY_HASHTAGS = Rule(
    code="TL302",
    name="too-many-hashtags",
    severity=Severity.ERROR,
    summary="More hashtags than the platform allows",
    docs=Docs(
        what=(
            "On Instagram, reports a caption with more than 30 hashtags, pointing from the 31st "
            "hashtag to the last."
        ),
        why="Instagram refuses to publish a caption with more than 30 hashtags.",
        fix_safety="No fix: choose which hashtags matter yourself.",
    ),
    examples=(
        Example(
            "Summer! " + " ".join(f"#tag{i}" for i in range(31)),
            bad=True,
            settings={"platform": "instagram"},
            flagged="#tag30",
        ),
        Example(
            "Summer! #festival #music #summer",
            bad=False,
            settings={"platform": "instagram"},
        ),
    ),
    check=check_hashtags,
)

LONG_SENTENCE = Rule(
    code="TL303",
    name="long-sentence",
    severity=Severity.SUGGESTION,
    summary="A sentence too long to take in at a glance",
    docs=Docs(
        what=(
            "Reports a sentence with more words than readers of the language take in easily: 25 "
            "in English (GOV.UK's limit), 25 in French (clear-language guides), 20 in Dutch (B1 "
            "writing guides). Set `max-sentence-words` to change it. URLs, emoji and punctuation "
            "are not words."
        ),
        why=(
            "Comprehension falls as sentences grow: GOV.UK cites readers understanding over 90% "
            "of 14-word sentences and under 10% at 43 words. On social media people scan, and a "
            "long sentence is skipped."
        ),
        fix_safety="No fix: splitting a sentence is a writer's job.",
    ),
    languages=("nl", "fr", "en"),
    examples=(
        Example(
            "We want to thank everyone who came to the festival last weekend and who helped us "
            "set up the stage, sell the tickets, clean the park and make it the best edition "
            "we have ever had.",
            bad=True,
            lang="en",
        ),
        Example(
            "Thanks to everyone who came to the festival! You made it our best edition yet.",
            bad=False,
            lang="en",
        ),
        Example(
            "We willen iedereen bedanken die vorig weekend naar het festival kwam en ons hielp "
            "met het opbouwen van het podium, de kaartverkoop en het opruimen van het park.",
            bad=True,
            lang="nl",
        ),
        Example(
            "Bedankt dat je naar het festival kwam! Het was onze beste editie ooit.",
            bad=False,
            lang="nl",
        ),
        Example(
            "Nous voulons remercier toutes les personnes qui sont venues au festival le week-end "
            "dernier et qui nous ont aidés à monter la scène, à vendre les billets et à nettoyer "
            "le parc après la fête.",
            bad=True,
            lang="fr",
        ),
        Example(
            "Merci d'être venu au festival ! C'était notre meilleure édition.",
            bad=False,
            lang="fr",
        ),
    ),
    check=check_sentence_length,
)

RULES = (OVER_PLATFORM_LIMIT, TOO_MANY_HASHTAGS, LONG_SENTENCE)
