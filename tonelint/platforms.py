"""How long a post is, counted the way each social platform counts it.

Every platform has its own unit, and the sources for each number are given where it is used:

=========  ======  ==================================================================
platform   limit   unit
=========  ======  ==================================================================
x          280     twitter-text v3 weighted length (most scripts 1, CJK and emoji 2,
                   a URL 23), after NFC normalisation
bluesky    300     grapheme clusters, and 3000 UTF-8 bytes
mastodon   500     grapheme clusters; a URL with a scheme counts 23, ``@user@domain`` ``@user``
threads    500     code points, except that an emoji counts its UTF-8 bytes
linkedin   3000    code points
instagram  2200    code points (and at most 30 hashtags: :func:`count_hashtags`)
facebook   63206   code points
=========  ======  ==================================================================

:func:`measure` returns one :class:`Measure` per limit; :func:`parse_tweet` gives the whole of
twitter-text's ``parseTweet`` result for X. Every ``overflow`` is an index into the text as
given (before any normalisation): the start of the first counted unit (a character, a
grapheme, an emoji, a URL) that takes the count past the limit.

Data: ``rules/platforms/twitter-text-v3.json`` (X's weights) and ``twitter-text-tld_lib.yml``
(the TLDs X and Mastodon link), both Apache-2.0, see ``rules/platforms/SOURCE.md``.
"""

from __future__ import annotations

import json
import math
import unicodedata
from bisect import bisect_right
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import MappingProxyType

import regex

from tonelint.resources import data_dir
from tonelint.urls import MASTODON, Tlds, UrlFinder, X, load_tlds

__all__ = [
    "DEFAULT_LIMITS",
    "PLATFORMS",
    "Measure",
    "TweetResult",
    "count_hashtags",
    "measure",
    "parse_tweet",
]

PLATFORMS: tuple[str, ...] = (
    "x",
    "bluesky",
    "mastodon",
    "threads",
    "linkedin",
    "instagram",
    "facebook",
)

DEFAULT_LIMITS: Mapping[str, int] = MappingProxyType(
    {
        # twitter-text config/v3.json, maxWeightedTweetLength (rules/platforms/).
        "x": 280,
        # app.bsky.feed.post lexicon: text maxGraphemes 300 (and maxLength 3000, in UTF-8
        # bytes: atproto's lexicon validator measures maxLength with utf8Len).
        "bluesky": 300,
        # Mastodon's StatusLengthValidator: MAX_CHARS = 500 (recent versions let the admin
        # change it, hence measure(..., limit=)).
        "mastodon": 500,
        # Threads API, "Threads Posts", Limitations: "Text posts are limited to 500
        # characters. Emojis are counted as the number of UTF-8 bytes."
        # https://developers.facebook.com/documentation/threads/posts
        "threads": 500,
        # 3,000 characters, as publishing tools document LinkedIn's post text (Ayrshare's
        # LinkedIn API page: "The post field accepts up to 3,000 characters"). No source
        # says how LinkedIn counts, so: code points.
        "linkedin": 3000,
        # Instagram captions: 2,200 characters and 30 hashtags (Meta's IG User Media
        # reference for "caption"; repeated by Ayrshare's Instagram API page: "Maximum 2,200
        # post characters", "up to 30 hashtags"; its newer translations say 5 hashtags, so
        # the caller picks the hashtag cap). Counted in code points.
        "instagram": 2200,
        # Facebook: 63,206 characters per post, the figure publishing tools and guides give;
        # Meta documents neither the limit nor its unit, so: code points.
        "facebook": 63206,
    }
)

_BLUESKY_MAX_BYTES = 3000  # app.bsky.feed.post text maxLength, UTF-8 bytes
_MASTODON_URL_LENGTH = 23  # StatusLengthValidator::URL_PLACEHOLDER_CHARS

_GRAPHEME = regex.compile(r"\X")

# An emoji as one unit, from Unicode properties rather than a list of emoji, so that emoji
# newer than any list count as emoji too (UTS #51 sequences):
# keycaps ("1\u20e3", twitter-text counts them without FE0F too), flags (a pair of regional
# indicators), and pictographs with an optional FE0F or skin tone or tag sequence, joined by
# ZWJ. Like twitter-text's emoji parser (twemoji-parser), the text-style (c) (r) (tm) and
# chess pawn are emoji only when followed by FE0F, and a pictograph followed by FE0E (text
# presentation) is not one.
_TEXT_STYLE = "\u00a9\u00ae\u2122\u265f"
_PICTOGRAPH = (
    rf"(?:[{_TEXT_STYLE}]\uFE0F"
    rf"|(?![{_TEXT_STYLE}])\p{{Extended_Pictographic}}(?:\uFE0F|\p{{Emoji_Modifier}}|(?!\uFE0E))"
    r"(?:[\U000E0020-\U000E007E]+\U000E007F)?)"
)
_EMOJI = regex.compile(
    rf"[#*0-9]\uFE0F?\u20E3"
    rf"|\p{{Regional_Indicator}}{{2}}"
    rf"|{_PICTOGRAPH}(?:\u200D{_PICTOGRAPH})*"
    r"|[\p{Regional_Indicator}\p{Emoji_Modifier}\uFE0F]"
)

# Mastodon's Account::MENTION_RE and USERNAME_RE (app/models/account.rb). Its Extractor then
# drops a mention followed by "@", a Latin accent or "://" (twitter-text's end_mention_match).
_MASTODON_MENTION = regex.compile(
    r"(?<![=/\w])@(?P<user>[a-z0-9_]+(?:[a-z0-9_.\-]+[a-z0-9_]+)?)(?:@[\w.\-]+\w+)?",
    regex.IGNORECASE,
)
_MENTION_END = regex.compile(
    r"[@\uFF20\xC0-\xD6\xD8-\xF6\xF8-\xFF\u0100-\u024F\u0253\u0254\u0256\u0257\u0259\u025B"
    r"\u0263\u0268\u026F\u0272\u0289\u028B\u02BB\u0300-\u036F\u1E00-\u1EFF]|://"
)

# A hashtag, as twitter-text reads one: "#" (or the fullwidth U+FF03) not after a hashtag
# character or "&", then hashtag characters (letters, marks, digits, "_", ZWNJ/ZWJ and the
# few punctuation marks some scripts use inside words: Hebrew geresh, katakana middle dot,
# Tibetan tsheg, Catalan middle dot...), not followed by another "#" or by "://". One
# difference: a tag of digits only ("#2024") counts, as Instagram links those.
_HASHTAG_JOINERS = (
    "_\u200c\u200d\ua67e\u05be\u05f3\u05f4\uff5e\u301c\u309b\u309c\u30a0\u30fb\u3003"
    "\u0f0b\u0f0c\u00b7"
)
_HASHTAG = regex.compile(
    rf"(?<![\p{{L}}\p{{M}}\p{{Nd}}{_HASHTAG_JOINERS}&])[#\uFF03](?![\uFE0F\u20E3])"
    rf"(?=[{_HASHTAG_JOINERS}]*[\p{{L}}\p{{M}}\p{{Nd}}])"
    rf"[\p{{L}}\p{{M}}\p{{Nd}}{_HASHTAG_JOINERS}]++(?![#\uFF03]|://)"
)


@dataclass(frozen=True)
class Measure:
    """One limit of one platform, and how the text measures against it."""

    platform: str
    length: int
    limit: int
    unit: str
    overflow: int | None


@dataclass(frozen=True)
class TweetResult:
    """twitter-text's ``parseTweet`` result; ranges in UTF-16 code units, ends inclusive."""

    weighted_length: int
    valid: bool
    permillage: int
    display_range_start: int
    display_range_end: int
    valid_range_start: int
    valid_range_end: int
    overflow: int | None


@dataclass(frozen=True)
class _TwitterConfig:
    max_weighted_length: int
    scale: int
    default_weight: int
    transformed_url_length: int
    emoji_parsing: bool
    ranges: tuple[tuple[int, int, int], ...]  # start, end (inclusive), weight

    def weight(self, char: str) -> int:
        code = ord(char)
        for start, end, weight in self.ranges:
            if start <= code <= end:
                return weight
        return self.default_weight


# twitter-text's invalid characters since the directional marks (U+202A..U+202E, U+2066..)
# became valid: its conformance case "Tweet text containing directional characters should be
# considered valid" requires them to be accepted.
_INVALID_CHARS = frozenset("\ufffe\ufeff\uffff")


def _data_dir() -> Path:
    """``rules/platforms``, wherever this installation keeps ``rules/``."""
    return data_dir("rules") / "platforms"


def _load_twitter_config(path: Path) -> _TwitterConfig:
    """Read a twitter-text configuration file (``config/v3.json``)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return _TwitterConfig(
        max_weighted_length=int(data["maxWeightedTweetLength"]),
        scale=int(data["scale"]),
        default_weight=int(data["defaultWeight"]),
        transformed_url_length=int(data["transformedURLLength"]),
        emoji_parsing=bool(data.get("emojiParsingEnabled", False)),
        ranges=tuple(
            (int(r["start"]), int(r["end"]), int(r["weight"])) for r in data.get("ranges", [])
        ),
    )


@cache
def _twitter_config() -> _TwitterConfig:
    return _load_twitter_config(_data_dir() / "twitter-text-v3.json")


@cache
def _url_finder(platform: str) -> UrlFinder:
    """URLs as X finds them, or as Mastodon does (``platform == "mastodon"``)."""
    return UrlFinder(_tlds(), MASTODON if platform == "mastodon" else X)


@cache
def _tlds() -> Tlds:
    return load_tlds(_data_dir() / "twitter-text-tld_lib.yml")


# --- NFC with a map back to the original text -----------------------------------------------


@dataclass(frozen=True)
class _Nfc:
    """NFC of a text, cut into pieces (grapheme clusters) that normalise on their own."""

    text: str
    norm_starts: tuple[int, ...]
    orig_starts: tuple[int, ...]
    norm_len: int
    orig_len: int

    def _piece(self, norm_index: int) -> tuple[int, int, int, int]:
        i = bisect_right(self.norm_starts, norm_index) - 1
        last = i + 1 == len(self.norm_starts)
        n_end = self.norm_len if last else self.norm_starts[i + 1]
        o_end = self.orig_len if last else self.orig_starts[i + 1]
        return self.norm_starts[i], n_end, self.orig_starts[i], o_end

    def start_in_original(self, norm_index: int) -> int:
        """Where the character at ``norm_index`` of the NFC text starts in the original."""
        if norm_index >= self.norm_len:
            return self.orig_len
        n_start, n_end, o_start, o_end = self._piece(norm_index)
        if norm_index == n_start:
            return o_start
        # NFC composes at the start of a piece; the marks after that stay as they were.
        return max(o_start + 1, o_end - (n_end - norm_index))

    def end_in_original(self, norm_end: int) -> int:
        """Where the NFC text up to ``norm_end`` (exclusive) ends in the original."""
        if norm_end <= 0:
            return 0
        _, n_end, o_start, o_end = self._piece(norm_end - 1)
        return max(o_start + 1, o_end - (n_end - norm_end))


def _nfc(text: str) -> _Nfc:
    if unicodedata.is_normalized("NFC", text):
        return _Nfc(text, (0,), (0,), len(text), len(text))
    norm_pieces: list[str] = []
    orig_pieces: list[str] = []
    for cluster in _GRAPHEME.findall(text):
        normalised = unicodedata.normalize("NFC", cluster)
        if orig_pieces and not cluster.isascii():
            joined = unicodedata.normalize("NFC", orig_pieces[-1] + cluster)
            if joined != norm_pieces[-1] + normalised:  # composes across clusters: keep together
                orig_pieces[-1] += cluster
                norm_pieces[-1] = joined
                continue
        orig_pieces.append(cluster)
        norm_pieces.append(normalised)
    normalised_text = "".join(norm_pieces)
    if normalised_text != unicodedata.normalize("NFC", text):  # pragma: no cover - defensive
        whole = unicodedata.normalize("NFC", text)
        return _Nfc(whole, (0,), (0,), len(whole), len(text))
    norm_starts: list[int] = []
    orig_starts: list[int] = []
    n = o = 0
    for norm_piece, orig_piece in zip(norm_pieces, orig_pieces, strict=True):
        norm_starts.append(n)
        orig_starts.append(o)
        n += len(norm_piece)
        o += len(orig_piece)
    return _Nfc(normalised_text, tuple(norm_starts), tuple(orig_starts), n, o)


def _utf16_len(text: str) -> int:
    return len(text) + sum(1 for char in text if ord(char) > 0xFFFF)


# --- X ---------------------------------------------------------------------------------------


def _tweet_units(text: str, config: _TwitterConfig) -> Iterator[tuple[int, int, int]]:
    """(start, end, scaled weight) of each unit twitter-text counts, in NFC text."""
    urls = dict(_url_finder("x").find(text))
    emoji = {m.start(): m.end() for m in _EMOJI.finditer(text)} if config.emoji_parsing else {}
    url_weight = config.transformed_url_length * config.scale
    pos = 0
    while pos < len(text):
        if pos in urls:
            yield pos, urls[pos], url_weight
            pos = urls[pos]
        elif pos in emoji:
            yield pos, emoji[pos], config.default_weight
            pos = emoji[pos]
        else:
            yield pos, pos + 1, config.weight(text[pos])
            pos += 1


def parse_tweet(text: str) -> TweetResult:
    """twitter-text's ``parseTweet`` with the v3 configuration, plus ``overflow``.

    As twitter-text: NFC first; a URL counts ``transformedURLLength`` (23); an emoji (any UTS
    #51 sequence, also those newer than twitter-text's data) counts 2; other code points weigh
    1 inside the configured ranges and 2 outside. U+FFFE, U+FEFF and U+FFFF make a post
    invalid, and so does an empty one. ``valid_range_end`` is the last UTF-16 unit of the
    longest valid prefix, mapped back to the text as given (twitter-text adds the whole
    normalisation shift instead; the two agree when nothing after the prefix was decomposed).
    """
    config = _twitter_config()
    nfc = _nfc(text)
    max_scaled = config.max_weighted_length * config.scale
    total = 0
    chars_ok = True
    valid_end = 0  # exclusive end, in NFC text, of the last unit still valid
    overflow: int | None = None
    for start, end, weight in _tweet_units(nfc.text, config):
        total += weight
        if chars_ok and not _INVALID_CHARS.isdisjoint(nfc.text[start:end]):
            chars_ok = False
        if chars_ok and total <= max_scaled:
            valid_end = end
        if overflow is None and total > max_scaled:
            overflow = nfc.start_in_original(start)
    weighted = total / config.scale
    utf16_length = _utf16_len(text)
    valid_range_end = 0
    if valid_end:
        valid_range_end = _utf16_len(text[: nfc.end_in_original(valid_end)]) - 1
    return TweetResult(
        weighted_length=total // config.scale,
        valid=chars_ok and 0 < total <= max_scaled,
        # As twitter-text computes it, in floating point (Math.floor of a double).
        permillage=math.floor(weighted / config.max_weighted_length * 1000),
        display_range_start=0,
        display_range_end=max(utf16_length - 1, 0),
        valid_range_start=0,
        valid_range_end=valid_range_end,
        overflow=overflow,
    )


def _measure_x(text: str, limit: int) -> Measure:
    config = _twitter_config()
    nfc = _nfc(text)
    total = 0
    overflow: int | None = None
    for start, _end, weight in _tweet_units(nfc.text, config):
        total += weight
        if overflow is None and total > limit * config.scale:
            overflow = nfc.start_in_original(start)
    return Measure("x", total // config.scale, limit, "weighted characters", overflow)


# --- the others -------------------------------------------------------------------------------


def _over(platform: str, units: Iterator[tuple[int, int]], limit: int, unit: str) -> Measure:
    """Sum ``(start, size)`` units; the overflow is the start of the first one past ``limit``."""
    total = 0
    overflow: int | None = None
    for start, size in units:
        total += size
        if overflow is None and total > limit:
            overflow = start
    return Measure(platform, total, limit, unit, overflow)


def _graphemes(text: str) -> Iterator[tuple[int, int]]:
    return ((m.start(), 1) for m in _GRAPHEME.finditer(text))


def _utf8_bytes(text: str) -> Iterator[tuple[int, int]]:
    return ((i, len(char.encode("utf-8", "surrogatepass"))) for i, char in enumerate(text))


def _code_points(text: str) -> Iterator[tuple[int, int]]:
    return ((i, 1) for i in range(len(text)))


def _threads_units(text: str) -> Iterator[tuple[int, int]]:
    """Code points, but an emoji counts its UTF-8 bytes (Threads API, "Limitations")."""
    pos = 0
    for match in _EMOJI.finditer(text):
        yield from ((i, 1) for i in range(pos, match.start()))
        yield match.start(), len(match.group().encode("utf-8"))
        pos = match.end()
    yield from ((i, 1) for i in range(pos, len(text)))


def _mastodon_units(text: str) -> Iterator[tuple[int, int]]:
    """Graphemes of the text as Mastodon's StatusLengthValidator rewrites it.

    The validator (app/validators/status_length_validator.rb) replaces each URL that
    ``Extractor.extract_urls_with_indices(str, extract_url_without_protocol: false)`` finds by
    23 "x" and each mention ``@user@domain`` by ``@user``, then counts
    ``str.each_grapheme_cluster.size`` (older versions: ``mb_chars.grapheme_length``; both
    are grapheme clusters). The content warning (spoiler text) counts too; it is not part
    of ``text`` here.
    """
    entities: list[tuple[int, int, str]] = [
        (start, end, "x" * _MASTODON_URL_LENGTH)
        for start, end in _url_finder("mastodon").find(text)
    ]
    entities += [
        (m.start(), m.end(), "@" + m.group("user"))
        for m in _MASTODON_MENTION.finditer(text)
        if _MENTION_END.match(text, m.end()) is None
    ]
    entities.sort()
    rewritten: list[str] = []
    origin: list[int] = []  # for each rewritten code point, the index it stands for
    pos = 0
    for start, end, replacement in entities:
        if start < pos:  # overlaps the entity before it: Extractor.remove_overlapping_entities
            continue
        rewritten.append(text[pos:start])
        origin.extend(range(pos, start))
        rewritten.append(replacement)
        if replacement.startswith("@"):
            origin.extend(range(start, start + len(replacement)))
        else:
            origin.extend([start] * len(replacement))
        pos = end
    rewritten.append(text[pos:])
    origin.extend(range(pos, len(text)))
    return ((origin[m.start()], 1) for m in _GRAPHEME.finditer("".join(rewritten)))


def measure(text: str, platform: str, limit: int | None = None) -> list[Measure]:
    """Measure ``text`` against each limit ``platform`` has.

    ``limit`` replaces the platform's main limit (a Mastodon server that allows 1000);
    Bluesky's byte limit stays 3000. Raises ``ValueError`` for a platform not in
    :data:`PLATFORMS`.
    """
    if platform not in DEFAULT_LIMITS:
        known = ", ".join(PLATFORMS)
        raise ValueError(f"unknown platform {platform!r}; known platforms: {known}")
    main = DEFAULT_LIMITS[platform] if limit is None else limit
    if platform == "x":
        return [_measure_x(text, main)]
    if platform == "bluesky":
        return [
            _over(platform, _graphemes(text), main, "graphemes"),
            _over(platform, _utf8_bytes(text), _BLUESKY_MAX_BYTES, "bytes"),
        ]
    if platform == "mastodon":
        return [_over(platform, _mastodon_units(text), main, "graphemes")]
    if platform == "threads":
        return [_over(platform, _threads_units(text), main, "weighted characters")]
    return [_over(platform, _code_points(text), main, "characters")]


def count_hashtags(text: str) -> list[tuple[int, int]]:
    """Spans ``(start, end)`` of the hashtags in ``text`` (``#`` included), for Instagram's cap.

    A ``#`` inside a URL (``example.com/#top``) is not a hashtag.
    """
    urls = _url_finder("x").find(text)
    return [
        m.span()
        for m in _HASHTAG.finditer(text)
        if not any(start <= m.start() < end for start, end in urls)
    ]
