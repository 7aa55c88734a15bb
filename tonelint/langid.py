"""Language identification for short posts: ``nl``, ``fr``, ``en``, another language, or ``und``.

tonelint lints three languages, and a post is often a single line, so the question is not "which
of 55 languages is most likely" but "is this clearly Dutch, French or English, and if not, what
else?". A German or Afrikaans line linted with Dutch rules is worse than one not linted at all.

1. Strip what carries no language: URLs, e-mail addresses, @mentions, #hashtags, HTML entities.
2. Script. Text mostly in Greek, Hebrew, Hangul, kana, Han, Thai, ... is named by its script
   (two letters suffice). Cyrillic, Arabic and Devanagari text is scored like Latin text, over
   that script's profiles. Fewer than :data:`MIN_LETTERS` letters or :data:`MIN_WORDS` words of
   those scripts: ``und``.
3. Latin script: each language gets a score in nats, the sum of
   * a naive Bayes log-likelihood of all the character 1-, 2- and 3-grams of the words, with
     langdetect's Wikipedia profiles as the model (Cybozu Labs' language-detection, Apache-2.0,
     read as data from the installed ``langdetect`` package; langdetect's detector is not used:
     it samples n-grams at random). Names (capitalised words inside a sentence: "The Lord of
     the Rings" in a Dutch line) count only :data:`NAME_WEIGHT`;
   * :data:`FUNCTION_WORD_WEIGHT` for each word of the language's list in
     ``rules/langid/function_words.toml``, shared among the languages that list it;
   * :data:`SUPPORTED_PRIOR` for nl, fr and en, the languages tonelint is run on.
4. The best language wins if it leads the runner-up by :data:`MARGIN`; otherwise ``und``.

Start-up: the profiles of the 14 languages with a function-word list are read first, the other
17 Latin ones only when that first round does not end in nl, fr or en backed by at least one
function word (a first detection costs ~20 ms instead of ~40 ms; plain langdetect's ~250 ms).
On all the benchmark's lines, the answers are the same as with all 31 profiles read at once.

The weights were tuned on one half of the lines in ``bench/langid_accuracy.py`` and are reported
on the other half (``python bench/langid_accuracy.py``). Everything is arithmetic over data in a
fixed order: the same text gives the same answer in every process.

:func:`detect_paragraphs` judges each paragraph the same way: a clear paragraph keeps its own
language, a short or unsure one takes its neighbours' or the document's.
"""

from __future__ import annotations

import importlib.util
import json
import math
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import regex

from tonelint.resources import data_dir

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

__all__ = [
    "SUPPORTED",
    "UNDETERMINED",
    "Judgement",
    "detect_language",
    "detect_paragraphs",
    "judge",
    "paragraphs",
]

SUPPORTED = ("nl", "fr", "en")
UNDETERMINED = "und"

# Tuned on the "tune" half of bench/langid_accuracy.py's lines; see the module docstring.
MIN_LETTERS = 6  # fewer letters than this, after stripping URLs and tags, is und
MIN_WORDS = 2  # a single word is und: "Top!", "Merci !", "Fantastisch"
SMOOTHING = 5e-5  # probability of an n-gram a profile lacks (its rarest kept ones are ~1e-4)
UNSEEN_LETTER = 1e-6  # probability of a letter a profile lacks (Romanian ă in Dutch)
NAME_WEIGHT = 0.3  # weight of names in the n-gram score
FUNCTION_WORD_WEIGHT = 20.0  # nats per function word, shared among the languages listing it
SUPPORTED_PRIOR = 4.0  # nats in favour of nl, fr and en
MARGIN = 1.0  # nats the winner must lead the runner-up by; a closer race is und
CLEAR_MARGIN = 20.0  # nats a paragraph must win by to keep a language its context lacks

# langdetect's profiles by script (zh-cn, zh-tw and ja are named by script instead).
_SCORED_SCRIPTS: dict[str, tuple[str, ...]] = {
    "Latin": (
        *("af", "ca", "cs", "cy", "da", "de", "en", "es", "et", "fi", "fr", "hr", "hu", "id"),
        *("it", "lt", "lv", "nl", "no", "pl", "pt", "ro", "sk", "sl", "so", "sq", "sv", "sw"),
        *("tl", "tr", "vi"),
    ),
    "Cyrillic": ("bg", "mk", "ru", "uk"),
    "Arabic": ("ar", "fa", "ur"),
    "Devanagari": ("hi", "mr", "ne"),
}
_SCRIPT_LANGUAGE = {
    "Greek": "el",
    "Hebrew": "he",
    "Hangul": "ko",
    "Thai": "th",
    "Georgian": "ka",
    "Armenian": "hy",
    "Bengali": "bn",
    "Gujarati": "gu",
    "Gurmukhi": "pa",
    "Kannada": "kn",
    "Malayalam": "ml",
    "Tamil": "ta",
    "Telugu": "te",
    "Hiragana": "ja",
    "Katakana": "ja",
    "Han": "zh",
}
_SCRIPTS = (*_SCORED_SCRIPTS, *_SCRIPT_LANGUAGE)
_SCRIPT_OF = "|".join(f"(?P<{s}>\\p{{Script={s}}})" for s in _SCRIPTS)
_NOISE = (
    r"""
      (?:https?|ftp)://\S+                                  # URL with a scheme
    | \bwww\.\S+                                            # www. without one
    | [\w.+-]+@[\w-]+(?:\.[\w-]+)+                          # e-mail address
    | (?<![\w/])(?:[a-z0-9-]+\.)+[a-z]{2,}/\S*              # bare domain with a path
    | (?<![\w@.])(?:[a-z0-9-]+\.)+(?:com|org|net|nl|be|fr|eu|io|co|uk|de|info|app)\b
    | [@\#][\w.-]*\w                                        # @mention, #hashtag
    | &\#?\w+;                                              # HTML entity
    """,
    regex.VERBOSE | regex.IGNORECASE,
)
_MAY_BE_NOISE = regex.compile(r"[@#&/]|\.\w|www", regex.IGNORECASE)  # cheap test before _NOISE
_TRIGGERS = frozenset("@#&/.wW")  # a piece without these has nothing _MAY_BE_NOISE finds
_ALL_LATIN = regex.compile(r"[\p{Script=Latin}\p{M}]*+")
_LINE = regex.compile(r"[^\r\n]*+(?:\r\n|\r|\n)?+")
_LETTERS = regex.compile(r"[\p{L}\p{M}]+")
_WORD = r"['\u2019]?[\p{L}\p{M}]+(?:['\u2019][\p{L}\p{M}]+)*"
_WORDS = regex.compile(_WORD)
# A word, and the text between it and the word before.
_GAP_WORD = regex.compile(rf"(?s)(.*?)({_WORD})")
# The same two patterns for ASCII text (most Dutch and English posts once links and mentions
# are gone), where \p{L} and \p{M} are the letters A-Z and a-z: the stdlib's `re` finds
# a post's words in under half the time the `regex` module takes (8 against 19 µs).
_ASCII_WORD = r"'?[A-Za-z]+(?:'[A-Za-z]+)*"
_ASCII_WORDS = re.compile(_ASCII_WORD)
_ASCII_GAP_WORD = re.compile(rf"(?s)(.*?)({_ASCII_WORD})")
_SENTENCE_START = frozenset('.!?…:;\n"“”«»([')  # in the gap before a word that starts one
# A capitalised word of two or more characters that does not start a sentence: a capital that
# starts a word (not after a letter, nor after an apostrophe inside a word: "l'Europe") and is
# not all of it, with an earlier word before it and none of _SENTENCE_START between the two.
# Only a text with one can have names (see _words). (Lookbehinds first: the fastest form.)
_NAME_CANDIDATE = regex.compile(
    r"""(?<=[\p{L}\p{M}][^\p{L}\p{M}.!?…:;\n"“”«»(\[]*)(?<![\p{L}\p{M}])(?<![\p{L}\p{M}]['\u2019])"""
    r"""(?:(?<=['\u2019])\p{Lu}|\p{Lu}(?=['\u2019]?[\p{L}\p{M}]))"""
)


@dataclass(frozen=True)
class Judgement:
    """What the detector concluded about one text."""

    lang: str  # an ISO 639-1 code, or "und"
    margin: float  # nats between the best language and the runner-up; 0 when und by length
    evidence: float = 0.0  # function words of ``lang`` found (shared words count in part)


@cache
def _compiled(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """Patterns most texts never need, compiled on first use rather than at start-up."""
    return regex.compile(pattern, flags)


# -- data -------------------------------------------------------------------------------------


class _Profile:
    """One langdetect profile: its n-gram counts."""

    UNSEEN = (math.log(UNSEEN_LETTER), math.log(SMOOTHING), math.log(SMOOTHING))

    def __init__(self, counts: dict[str, int], totals: list[int]) -> None:
        self.counts = counts
        self.totals = totals


class _Table:
    """What each word scores under several profiles, one number per profile: the
    log-probabilities of its letters and its 2- and 3-grams, plus :data:`FUNCTION_WORD_WEIGHT`
    for each function word of the profile's language in it.

    Scores are made when a word is first met and kept: posts share most of their words, so
    scoring a text is a dictionary lookup per word and a column sum (``zip`` and ``sum`` run in
    C), not a lookup per n-gram per language. A new word is scored the same way from its
    n-grams, whose log-probabilities are kept too, one row per n-gram.
    """

    def __init__(self, langs: tuple[str, ...]) -> None:
        self.langs = langs
        self.profiles = [_profile(lang) for lang in langs]
        # Each bounded to MAX_WORDS entries over millions of posts.
        self.grams: dict[str, tuple[float, ...]] = {}  # n-gram -> its log-probabilities
        self.vectors: dict[str, tuple[float, ...]] = {}  # run of letters -> n-gram score
        self.scores: dict[str, tuple[float, ...]] = {}  # word -> its score

    def vector(self, letters: str) -> tuple[float, ...]:
        """The n-gram score of a run of letters."""
        found = self.vectors.get(letters)
        if found is None:
            if len(self.vectors) >= MAX_WORDS:
                self.vectors.clear()
            if len(self.grams) >= MAX_WORDS:
                self.grams.clear()
            grams = self.grams
            rows = [grams.get(gram) or self._gram(gram) for gram in _word_ngrams(letters)]
            found = self.vectors[letters] = tuple(self._summed(rows))
        return found

    def _gram(self, gram: str) -> tuple[float, ...]:
        n = len(gram) - 1
        unseen = _Profile.UNSEEN[n]
        row = self.grams[gram] = tuple(
            [
                math.log(count / p.totals[n] + SMOOTHING)
                if (count := p.counts.get(gram))
                else unseen
                for p in self.profiles
            ]
        )
        return row

    def score(self, word: str) -> tuple[float, ...]:
        """The score of a word as found in the text ("l'homme": two runs of letters, and the
        function word "l'")."""
        found = self.scores.get(word)
        if found is None:
            if len(self.scores) >= MAX_WORDS:
                self.scores.clear()
            runs = _letter_words((word,))
            # One run (most words): its row is the sum.
            totals = list(self.vector(runs[0])) if len(runs) == 1 else self.log_likelihoods(runs)
            evidence = _word_evidence(word)
            if evidence:
                for i, lang in enumerate(self.langs):
                    for weight in evidence.get(lang, ()):
                        totals[i] += FUNCTION_WORD_WEIGHT * weight
            found = self.scores[word] = tuple(totals)
        return found

    def log_likelihoods(self, runs: list[str]) -> list[float]:
        """The n-gram score of runs of letters, summed."""
        return self._summed(map(self.vector, runs))

    def totals(self, words: list[str]) -> list[float]:
        """The score of words, summed."""
        scores = self.scores
        return self._summed([scores.get(word) or self.score(word) for word in words])

    def _summed(self, rows: Iterable[tuple[float, ...]]) -> list[float]:
        """Rows of one number per profile, added up column by column (zeros for no rows)."""
        return [sum(column) for column in zip(*rows, strict=True)] or [0.0] * len(self.profiles)


MAX_WORDS = 100_000  # per cache: ~20-50 MB at 14 languages


_TABLES: dict[tuple[str, ...], _Table] = {}


def _table(langs: tuple[str, ...]) -> _Table:
    table = _TABLES.get(langs)
    if table is None:
        table = _TABLES[langs] = _Table(langs)
    return table


def word_scores() -> dict[tuple[str, ...], dict[str, tuple[float, ...]]]:
    """The words scored so far, by the languages scored: to hand to another process."""
    return {langs: table.scores for langs, table in _TABLES.items()}


def learn_word_scores(scores: dict[tuple[str, ...], dict[str, tuple[float, ...]]]) -> None:
    """Take words scored by another process (:func:`word_scores`): a word's score is the same
    in every process, so these words are not scored again here. Only for the languages this
    process has scored already (the others' profiles are read when a text needs them)."""
    for langs, found in scores.items():
        table = _TABLES.get(langs)
        if table is not None and len(table.scores) + len(found) <= MAX_WORDS:
            table.scores.update(found)


def _profile_dir() -> Path:
    spec = importlib.util.find_spec("langdetect")  # finds the package without importing it
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("tonelint needs the langdetect package for its profiles")
    return Path(next(iter(spec.submodule_search_locations))) / "profiles"


@cache
def _profile(lang: str) -> _Profile:
    with (_profile_dir() / lang).open(encoding="utf-8") as f:
        data = json.load(f)
    return _Profile(data["freq"], data["n_words"])


@lru_cache(maxsize=1)
def _function_words() -> dict[str, dict[str, float]]:
    """``word -> {lang: weight}``; a word listed for k languages weighs 1/k for each."""
    path = data_dir("rules") / "langid" / "function_words.toml"
    table: dict[str, list[str]] = tomllib.loads(path.read_text("utf-8"))["words"]
    langs_of: dict[str, list[str]] = {}
    for lang, words in table.items():
        for word in dict.fromkeys(words):
            langs_of.setdefault(word, []).append(lang)
    return {w: {lang: 1.0 / len(langs) for lang in langs} for w, langs in langs_of.items()}


@cache
def _rounds(script: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The profiles scored first (languages with function words) and those scored if needed."""
    langs = _SCORED_SCRIPTS[script]
    listed = {lang for weights in _function_words().values() for lang in weights}
    first = tuple(lang for lang in langs if lang in listed)
    if not first:
        return langs, ()
    return first, tuple(lang for lang in langs if lang not in listed)


# -- features ---------------------------------------------------------------------------------


def _script(letters: str) -> str | None:
    """The script of most of ``letters`` (Latin wins ties); ``None`` for a script not known."""
    if _ALL_LATIN.fullmatch(letters):
        return "Latin" if letters else None  # the common case, in one pass
    counts: dict[str, int] = {}
    for m in _compiled(_SCRIPT_OF).finditer(letters):
        if m.lastgroup is not None:
            counts[m.lastgroup] = counts.get(m.lastgroup, 0) + 1
    if not counts:
        return None
    if "Han" in counts and ("Hiragana" in counts or "Katakana" in counts):
        return "Hiragana"  # Japanese mixes kana with kanji; Chinese has no kana
    best = max(counts.values())
    if counts.get("Latin", 0) == best:
        return "Latin"
    return next(s for s in _SCRIPTS if counts.get(s) == best)


def _words(text: str, found: list[str]) -> tuple[list[str], list[str]]:
    """The words of ``text`` (``found``: as :data:`_WORDS` finds them), and separately the names
    among them.

    A name is a capitalised word that does not start a sentence ("Chris Pratt", "Netflix"), a
    capitalised function word right before one ("The Dark Knight") and up to two short words
    between two names ("Lord of the Rings"): titles and brands are often in another language
    than the sentence around them. Text with no lower-case word after its sentence starts
    (Title Case, ALL CAPS) has no names.
    """
    if not _NAME_CANDIDATE.search(text):  # most texts: no names, and no need for the gaps
        return [w.replace("\u2019", "'") for w in found] if "\u2019" in text else found, []
    known = _function_words()
    pairs = (_ASCII_GAP_WORD if text.isascii() else _GAP_WORD).findall(text)
    words = [word.replace("\u2019", "'") for _, word in pairs]
    # Does the word start a sentence?
    starts = [i == 0 or not _SENTENCE_START.isdisjoint(gap) for i, (gap, _) in enumerate(pairs)]
    capital = [w.lstrip("'")[:1].isupper() and not s for w, s in zip(words, starts, strict=True)]
    if not any(capital) or all(c or s for c, s in zip(capital, starts, strict=True)):
        return words, []  # no capital inside a sentence, or Title Case: no names
    listed = [w.lower() in known for w in words]
    name = [c and not k and len(w) > 1 for w, c, k in zip(words, capital, listed, strict=True)]
    for i in range(len(words) - 2, -1, -1):
        if capital[i] and listed[i] and name[i + 1]:
            name[i] = True
    for i in range(1, len(words) - 1):
        if not name[i - 1] or name[i] or capital[i]:
            continue
        j = i
        while j < min(i + 2, len(words)) and not name[j] and len(words[j]) <= 3:
            j += 1
        if j < len(words) and name[j]:
            name[i:j] = [True] * (j - i)
    kept = [w for w, n in zip(words, name, strict=True) if not n]
    return kept, [w for w, n in zip(words, name, strict=True) if n]


def _letter_words(pieces: Iterable[str]) -> list[str]:
    """The runs of letters in words ("l'homme" has two); words hold no other apostrophe."""
    return [w for piece in pieces for w in (piece.split("'") if "'" in piece else (piece,)) if w]


def _word_ngrams(word: str) -> list[str]:
    """langdetect's features of one word: its letters, then its 2- and 3-grams padded with
    spaces."""
    if len(word) > 1 and word.isupper():
        word = word.lower()  # langdetect skips ALL-CAPS words; lower-case them instead
    word = word.replace("\u0219", "\u015f").replace("\u021b", "\u0163")  # as langdetect
    padded = f" {word} "
    return [
        *word,
        *[padded[i : i + 2] for i in range(len(padded) - 1)],
        *[padded[i : i + 3] for i in range(len(padded) - 2)],
    ]


def _tokens(word: str, known: dict[str, dict[str, float]]) -> list[str]:
    """A word as function-word tokens: whole if listed ("aujourd'hui"), else split ("c'", "est")."""
    word = word.lower().replace("\u015f", "\u0219").replace("\u0163", "\u021b")  # Romanian ş ţ
    if word not in known and word.startswith("'"):
        word = word[1:]
    if word in known or "'" not in word:
        return [word]
    *heads, tail = word.split("'")
    return [*(f"{head}'" for head in heads), tail]


@lru_cache(maxsize=65_536)
def _word_evidence(word: str) -> dict[str, tuple[float, ...]]:
    """``lang -> weights`` of the function words in a word, in order (most words have none)."""
    evidence: dict[str, tuple[float, ...]] = {}
    known = _function_words()
    for token in (t for t in _tokens(word, known) if t in known):
        for lang, weight in known[token].items():
            evidence[lang] = (*evidence.get(lang, ()), weight)
    return evidence


@dataclass(frozen=True)
class _Features:
    words: list[str]  # the words that are not names, as found ("l'homme")
    names: list[str]  # the runs of letters of the names

    @classmethod
    def of(cls, text: str, found: list[str]) -> _Features:
        words, names = _words(text, found)
        return cls(words, _letter_words(names))

    def scores(self, langs: tuple[str, ...]) -> list[tuple[float, str]]:
        """``(-score in nats, lang)`` for each of ``langs``."""
        table = _table(langs)
        totals = table.totals(self.words)
        if self.names:
            names = table.log_likelihoods(self.names)
            totals = [t + NAME_WEIGHT * n for t, n in zip(totals, names, strict=True)]
        return [
            (-(total + SUPPORTED_PRIOR) if lang in SUPPORTED else -total, lang)
            for lang, total in zip(langs, totals, strict=True)
        ]

    def evidence(self, lang: str) -> float:
        """The function words of ``lang`` among the words (a shared word counts in part)."""
        total = 0.0  # added up in the words' order, one weight at a time, as sum() would
        for word in self.words:
            found = _word_evidence(word)
            if found:  # most words are no function word
                for weight in found.get(lang, ()):
                    total += weight
        return total

    def decide(self, scores: list[tuple[float, str]]) -> Judgement:
        """The best language (the first name of those tied), if it leads by :data:`MARGIN`."""
        (top, best), (second, _) = sorted(scores)[:2]
        margin = second - top  # of negated scores
        if margin < MARGIN:
            return Judgement(UNDETERMINED, margin)
        return Judgement(best, margin, self.evidence(best))


# -- public API -------------------------------------------------------------------------------


def _without_noise(text: str) -> str:
    """``text`` with what :data:`_NOISE` matches replaced by a space.

    No match of it spans white space, and next to a space its lookbehinds and ``\\b`` see the
    same as at the start or end of the string: so the text is cleaned piece by piece between
    its spaces, and only the pieces the cheap test finds something in. (The whole pattern over
    the whole text tries every alternative at every character: 0.1-0.2 ms for a post with a
    mention and a link, as long as the rest of detecting its language.)
    """
    noise = _compiled(*_NOISE)
    pieces = text.split(" ")
    for i, piece in enumerate(pieces):
        if not _TRIGGERS.isdisjoint(piece) and _MAY_BE_NOISE.search(piece):
            pieces[i] = noise.sub(" ", piece)
    return " ".join(pieces)


# Detection reads at most this many characters: enough for any language, and it keeps the
# cost bounded (the scorer is superlinear in the length of one unspaced "word", as in CJK text).
MAX_DETECT_CHARS = 2_000


def judge(text: str) -> Judgement:
    """The language of ``text``, with the margin it won by and its function-word evidence."""
    cleaned = text[: MAX_DETECT_CHARS * 2]
    if _MAY_BE_NOISE.search(cleaned):
        cleaned = _without_noise(cleaned)
    cleaned = cleaned[:MAX_DETECT_CHARS]
    # All its letters, and apostrophes inside words.
    words = (_ASCII_WORDS if cleaned.isascii() else _WORDS).findall(cleaned)
    letters = "".join(words).replace("'", "").replace("\u2019", "")
    script = _script(letters)
    if script in _SCRIPT_LANGUAGE and len(letters) >= 2:
        return Judgement(_SCRIPT_LANGUAGE[script], math.inf)  # one word of Greek is Greek
    if (
        script not in _SCORED_SCRIPTS
        or len(letters) < MIN_LETTERS
        or (len(words) < MIN_WORDS and len(_LETTERS.findall(cleaned)) < MIN_WORDS)
    ):
        return Judgement(UNDETERMINED, 0.0)
    features = _Features.of(cleaned, words)
    first, rest = _rounds(script)
    scores = features.scores(first)
    judgement = features.decide(scores)
    if rest and not (judgement.lang in SUPPORTED and judgement.evidence >= 1.0):
        judgement = features.decide(scores + features.scores(rest))
    return judgement


def detect_language(text: str) -> str:
    """The ISO 639-1 code of ``text``'s language (``nl``, ``fr``, ``en``, ``de``...) or ``und``."""
    return judge(text).lang


def paragraphs(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each paragraph: a run of non-blank lines, without its final newline."""
    if "\n" not in text and "\r" not in text:  # one line
        return [(0, len(text))] if text.strip() else []
    spans: list[tuple[int, int]] = []
    start: int | None = None
    end = 0
    for m in _LINE.finditer(text):
        line = m.group()
        if not line:
            break
        if line.strip():
            if start is None:
                start = m.start()
            end = m.start() + len(line.rstrip("\r\n"))
        elif start is not None:
            spans.append((start, end))
            start = None
    if start is not None:
        spans.append((start, end))
    return spans


def detect_paragraphs(text: str, default: str | None = None) -> list[tuple[int, int, str]]:
    """Each paragraph of ``text`` (see :func:`paragraphs`) as ``(start, end, lang)``.

    The document's language is ``default`` if given, else :func:`detect_language` of the whole
    text. A paragraph keeps a language of its own when it is clear: in the document's language
    (or, for an ``und`` document, in any language) by :data:`MARGIN`, in another language by
    :data:`CLEAR_MARGIN`. Any other paragraph (short, unsure) takes the language of the clear
    paragraphs before and after it when these agree, else the document's language, else the
    nearest clear paragraph's.
    """
    spans = paragraphs(text)
    document = default if default is not None else detect_language(text)
    clear: list[str | None] = []
    for start, end in spans:
        j = judge(text[start:end])
        if j.lang != UNDETERMINED and (
            j.lang == document or document == UNDETERMINED or j.margin >= CLEAR_MARGIN
        ):
            clear.append(j.lang)
        else:
            clear.append(None)
    result: list[tuple[int, int, str]] = []
    for i, (start, end) in enumerate(spans):
        lang = clear[i]
        if lang is None:
            before = next((x for x in reversed(clear[:i]) if x is not None), None)
            after = next((x for x in clear[i + 1 :] if x is not None), None)
            if before is not None and before == after:
                lang = before
            elif document != UNDETERMINED:
                lang = document
            else:
                lang = before or after or UNDETERMINED
        result.append((start, end, lang))
    return result
