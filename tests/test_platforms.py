"""Post lengths as each platform counts them: real sentences in, exact counts and offsets out."""

from __future__ import annotations

import unicodedata

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from tonelint import platforms
from tonelint.platforms import (
    DEFAULT_LIMITS,
    PLATFORMS,
    Measure,
    TweetResult,
    count_hashtags,
    measure,
    parse_tweet,
)
from tonelint.urls import UrlFinder

FAMILY = "\U0001f468\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466"  # 7 code points, 25 bytes
SUMMER = "Zomer in de stad! "  # 18 characters
KANA = "あいうえおかきくけこ"


def x_length(text: str, limit: int | None = None) -> Measure:
    (result,) = measure(text, "x", limit)
    return result


# --- the table -------------------------------------------------------------------------------


def test_platforms_and_their_limits() -> None:
    assert PLATFORMS == ("x", "bluesky", "mastodon", "threads", "linkedin", "instagram", "facebook")
    assert dict(DEFAULT_LIMITS) == {
        "x": 280,
        "bluesky": 300,
        "mastodon": 500,
        "threads": 500,
        "linkedin": 3000,
        "instagram": 2200,
        "facebook": 63206,
    }


def test_unknown_platform_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown platform 'tiktok'"):
        measure("Hallo", "tiktok")


def test_data_ships_with_the_package_not_from_shared() -> None:
    data = platforms._data_dir()
    assert (data / "twitter-text-v3.json").is_file()
    assert (data / "twitter-text-tld_lib.yml").is_file()
    assert "shared" not in data.parts


# --- X ---------------------------------------------------------------------------------------


def test_x_url_counts_23_and_emoji_2() -> None:
    text = "Nieuwe blog: https://example.com/blog/2024/toon-van-stem 🎉"
    assert x_length(text) == Measure("x", 13 + 23 + 1 + 2, 280, "weighted characters", None)


def test_x_links_without_scheme_by_their_tld() -> None:
    # www.gent.be (a ccTLD) and stad.gent (a generic TLD) are both links on X.
    assert x_length("Meer info op www.gent.be en op stad.gent").length == 13 + 23 + 7 + 23


def test_x_weighs_cjk_and_kana_2_and_cyrillic_1() -> None:
    assert x_length("今日はいい天気ですね").length == 20
    assert x_length("Tokyo 東京 Москва").length == 6 + 4 + 1 + 6


@pytest.mark.parametrize(
    ("text", "length"),
    [
        ("Bedankt 🫶🏽", 10),  # heart hands (Unicode 14) with a skin tone
        ("🐦\u200d🔥", 2),  # phoenix, a ZWJ sequence from Unicode 15.1
        ("🫩", 2),  # face with bags under eyes, Unicode 16
        ("🇧🇪", 2),  # a flag: two regional indicators
        ("#\ufe0f\u20e3", 2),  # keycap
        (FAMILY, 2),
        ("© 2024", 6),  # (c) without VS16 is text: weight 1
        ("\u00a9\ufe0f", 2),  # (c) with VS16 is an emoji
    ],
)
def test_x_counts_each_emoji_as_2(text: str, length: int) -> None:
    assert x_length(text).length == length


def test_x_normalises_decomposed_accents_first() -> None:
    text = "Cafe\u0301 cre\u0300me bru\u0302le\u0301e"  # 21 code points, "Café crème brûlée"
    result = parse_tweet(text)
    assert (result.weighted_length, result.display_range_end, result.valid_range_end) == (
        17,
        20,
        20,
    )


def test_x_counts_cr_and_lf_separately() -> None:
    assert x_length("Eerste regel\r\nTweede regel").length == 26


def test_x_overflow_at_an_emoji() -> None:
    text = SUMMER * 15 + "☀️🌳🍦🚲🎉🎈"  # 270 + 6 emoji of 2: 282
    result = x_length(text)
    assert (result.length, result.overflow) == (282, 276)
    assert text[276:] == "🎈"


def test_x_overflow_in_decomposed_text_points_into_the_original() -> None:
    sentence = unicodedata.normalize("NFD", "Één café, twee crèmes. ")  # 27 code points, 23 in NFC
    text = sentence * 13
    result = parse_tweet(text)
    # The 281st character after NFC is the "c" of the 13th "café": 12 * 27 + len("E\u0301e\u0301n ")
    assert result.overflow == 330
    assert text[330:334] == "cafe"
    assert (result.weighted_length, result.valid) == (299, False)
    # Last valid UTF-16 unit: the space before it. (twitter-text adds the whole NFC shift, 52,
    # to the normalised index and would say 331.)
    assert result.valid_range_end == 329


def test_x_overflow_right_after_a_decomposed_letter() -> None:
    text = "a" * 279 + "e\u0301" + "b"
    result = parse_tweet(text)
    assert (result.weighted_length, result.overflow, result.valid_range_end) == (281, 281, 280)


def test_x_overflow_can_fall_between_cr_and_lf() -> None:
    text = "a" + "Hallo!\r\n" * 35  # the 35th CR is the 280th character, its LF the 281st
    assert x_length(text).overflow == 280
    assert text[280] == "\n"


def test_x_overflow_at_the_start_of_a_url_that_crosses_the_limit() -> None:
    text = SUMMER * 14 + "Lees verder: https://example.com/zomer Tot dan!"
    result = x_length(text)
    assert (result.length, result.overflow) == (252 + 13 + 23 + 9, 265)
    assert text[265:].startswith("https://")


def test_x_limit_can_be_replaced() -> None:
    assert x_length(SUMMER, limit=10) == Measure("x", 18, 10, "weighted characters", 10)


def test_parse_tweet_of_nothing() -> None:
    assert parse_tweet("") == TweetResult(0, False, 0, 0, 0, 0, 0, None)


def test_byte_order_mark_makes_a_post_invalid() -> None:
    result = parse_tweet("Hallo\ufeff wereld")
    assert (result.weighted_length, result.valid, result.valid_range_end) == (14, False, 4)


def test_directional_marks_are_valid() -> None:
    result = parse_tweet("\u202b\u05e9\u05dc\u05d5\u05dd\u202c")  # "shalom" in an RTL embedding
    assert (result.weighted_length, result.valid, result.permillage) == (8, True, 28)


# --- Bluesky ----------------------------------------------------------------------------------


def test_bluesky_counts_graphemes_and_bytes() -> None:
    text = f"Bedankt 🫶🏽 en tot morgen {FAMILY}!"
    assert measure(text, "bluesky") == [
        Measure("bluesky", 26, 300, "graphemes", None),
        Measure("bluesky", 57, 3000, "bytes", None),
    ]


def test_bluesky_crlf_is_one_grapheme_and_the_overflow_starts_at_it() -> None:
    graphemes, utf8 = measure("a" * 300 + "\r\nb", "bluesky")
    assert (graphemes.length, graphemes.overflow) == (302, 300)
    assert (utf8.length, utf8.overflow) == (303, None)


def test_bluesky_decomposed_letters_are_one_grapheme_each() -> None:
    graphemes, utf8 = measure("e\u0301" * 301, "bluesky")
    assert (graphemes.length, graphemes.overflow) == (301, 600)
    assert utf8.length == 903


def test_bluesky_byte_limit_with_emoji() -> None:
    graphemes, utf8 = measure(FAMILY * 121, "bluesky")
    assert (graphemes.length, graphemes.overflow) == (121, None)
    assert (utf8.length, utf8.overflow) == (3025, 840)  # 120 families are exactly 3000 bytes


# --- Mastodon ---------------------------------------------------------------------------------


MASTODON_POST = (
    "Hoi @anna@mastodon.social, lees https://example.com/een/heel/lang/pad/naar/een/artikel"
)


def test_mastodon_counts_url_23_and_remote_mention_as_local() -> None:
    assert measure(MASTODON_POST, "mastodon") == [
        Measure("mastodon", 4 + 5 + 7 + 23, 500, "graphemes", None)
    ]


def test_mastodon_server_limit_and_overflow_at_the_url() -> None:
    (result,) = measure(MASTODON_POST, "mastodon", limit=30)
    assert (result.length, result.overflow) == (39, 32)
    assert MASTODON_POST[32:].startswith("https://")


def test_mastodon_does_not_shorten_links_without_scheme() -> None:
    (result,) = measure("Kijk op example.com", "mastodon")
    assert result.length == 19


def test_mastodon_counts_graphemes() -> None:
    (result,) = measure(f"Gefeliciteerd {FAMILY}🎉", "mastodon")
    assert result.length == 16


def test_mastodon_overflow_inside_a_remote_mention() -> None:
    text = "a" * 498 + " @anna@mastodon.social"
    (result,) = measure(text, "mastodon")
    assert (result.length, result.overflow) == (504, 500)


# --- Threads, LinkedIn, Instagram, Facebook ---------------------------------------------------


def test_threads_counts_emoji_in_utf8_bytes() -> None:
    assert measure("Goedemorgen ☀️", "threads") == [
        Measure("threads", 12 + 6, 500, "weighted characters", None)
    ]
    assert measure(f"Proficiat {FAMILY}", "threads")[0].length == 10 + 25


def test_threads_overflow_at_an_emoji() -> None:
    (result,) = measure("a" * 497 + "🎉", "threads")
    assert (result.length, result.overflow) == (501, 497)


@pytest.mark.parametrize(("platform", "limit"), [("linkedin", 3000), ("facebook", 63206)])
def test_code_point_platforms(platform: str, limit: int) -> None:
    assert measure("Cafe\u0301 🫶🏽", platform) == [Measure(platform, 8, limit, "characters", None)]
    (over,) = measure("x" * (limit + 2), platform)
    assert (over.length, over.overflow) == (limit + 2, limit)


def test_instagram_caption_and_hashtags() -> None:
    caption = "Zomer in #Gent! #gent #zomer2024 #2024 https://example.com/#top #café \uff03stad #"
    (result,) = measure(caption, "instagram")
    assert result == Measure("instagram", len(caption), 2200, "characters", None)
    spans = count_hashtags(caption)
    assert [caption[a:b] for a, b in spans] == [
        "#Gent",
        "#gent",
        "#zomer2024",
        "#2024",
        "#café",
        "\uff03stad",
    ]
    assert spans[0] == (9, 14)


@pytest.mark.parametrize(
    "text",
    [
        "Wij zijn #1",  # digits only: a hashtag on Instagram
        "Hebreeuws #מ״כ",  # gershayim inside the word
        "Català #il·lusió",  # middle dot inside the word
    ],
)
def test_hashtags_across_scripts(text: str) -> None:
    (span,) = count_hashtags(text)
    assert text[span[0] : span[1]] == text.split()[-1]


@pytest.mark.parametrize(
    "text",
    [
        "geen#hashtag",  # glued to a word
        "keycap #\ufe0f\u20e3",
        "#http://example.com",
        "#_",
        "#een#twee",
    ],
)
def test_not_hashtags(text: str) -> None:
    assert count_hashtags(text) == []


# --- URL extraction (X and Mastodon rules) ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "urls"),
    [
        (
            "Zie https://nl.wikipedia.org/wiki/Gent_(stad).",
            ["https://nl.wikipedia.org/wiki/Gent_(stad)"],
        ),
        ("Lees example.com/pad. Dan www.gent.be!", ["example.com/pad", "www.gent.be"]),
        (
            "http://foobar.پاکستان/ en http://foobar.みんな/",
            ["http://foobar.پاکستان/", "http://foobar.みんな/"],
        ),
        ("これは日本語です。example.com中国語", ["example.com"]),
        ("http://t.co/abcdef/xyz", ["http://t.co/abcdef"]),
        ("mail me@example.com of v2.0 of bestand.tar.bz2", []),
        # 53 kana: a label of 64 once punycoded (xn--...), one too many; 52 fit.
        (f"http://{KANA * 5}あいう.com", []),
        (f"http://{KANA * 5}あい.com", [f"http://{KANA * 5}あい.com"]),
    ],
)
def test_x_url_extraction(text: str, urls: list[str]) -> None:
    assert [text[a:b] for a, b in platforms._url_finder("x").find(text)] == urls


def test_mastodon_url_extraction() -> None:
    text = "Zie example.com en gemini://example.org/a, of https://mastodon.social/@Gargron."
    found = [text[a:b] for a, b in platforms._url_finder("mastodon").find(text)]
    assert found == ["gemini://example.org/a", "https://mastodon.social/@Gargron"]


def _naive_find(finder: UrlFinder, text: str) -> list[tuple[int, int]]:
    """Reference: try every start, as a regex engine's global search does."""
    spans: list[tuple[int, int]] = []
    for token in regex.finditer(r"[^ \t\n\v\f\r]+", text):
        pos = token.start()
        while (match := finder._url.search(text, pos, token.end())) is not None:
            spans.extend(finder._accept(text, match))
            pos = match.end() + 1
    return spans


URLISH = st.lists(
    st.sampled_from(
        (
            *("a", "b", "7", "_", "-", ".", ".", "com", "co", "jp", "xn--", "t.co/"),
            *("http://", "https://", "gemini://", "故", "é", "/", ":", "@", "#", " "),
            *("?", "(", ")", "$", "\u202a", "\uff20"),
        )
    ),
    max_size=30,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(URLISH)
def test_linear_url_scan_finds_what_retrying_every_start_finds(text: str) -> None:
    for name in ("x", "mastodon"):
        finder = platforms._url_finder(name)
        assert finder.find(text) == _naive_find(finder, text)


def test_url_scan_stays_linear_on_unspaced_text() -> None:
    # 20 000 Chinese characters with dots but no space, and a dotted run without a TLD:
    # retrying every start (_naive_find) takes about 40 s on the first and 20 s on the second.
    long_run = ("故" * 200 + "3.5") * 100 + " " + "a_b-c." * 3000
    assert platforms._url_finder("x").find(long_run) == []


# --- overflow, checked against the length of the prefix ----------------------------------------

PROSE = st.lists(
    st.sampled_from(
        (
            *("Hallo ", "wereld", "\r\n", "é", "e\u0301", "a\u0308\u0301", "東京"),
            *("🎉", "🫶🏽", "🇧🇪", FAMILY, "#", "@"),
        )
    ),
    max_size=40,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(PROSE, st.integers(min_value=1, max_value=40))
def test_x_overflow_is_where_the_prefix_stops_fitting(text: str, limit: int) -> None:
    result = x_length(text, limit)
    if result.overflow is None:
        assert result.length <= limit
        return
    assert x_length(text[: result.overflow], limit).length <= limit
    cluster = regex.match(r"\X", text, pos=result.overflow)
    assert cluster is not None
    assert x_length(text[: cluster.end()], limit).length > limit


@settings(max_examples=300, deadline=None)
@given(PROSE, st.integers(min_value=1, max_value=40))
def test_bluesky_overflow_is_the_first_grapheme_past_the_limit(text: str, limit: int) -> None:
    graphemes = measure(text, "bluesky", limit)[0]
    if graphemes.overflow is None:
        assert graphemes.length <= limit
    else:
        assert measure(text[: graphemes.overflow], "bluesky")[0].length == limit
