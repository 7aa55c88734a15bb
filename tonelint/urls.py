"""Find URLs in post text the way X (twitter-text) and Mastodon find them.

Why this module and not a library: a URL only changes a post's length when the *platform*
recognises it (X counts each one as 23, Mastodon too, but only with a scheme), so the rules
must be the platform's, not "whatever looks like a URL". X's rules are twitter-text's; Mastodon's
server extracts URLs with the twitter-text gem plus a few overrides
(``config/initializers/twitter_regex.rb``). Of the PyPI candidates, ``urlextract`` has rules of
its own (IANA's TLD list, its own idea of where a URL starts and ends), so it cannot give
twitter-text's answers; ``twitter-text-parser`` is a one-person port of twitter-text 3 (last
release May 2023), a dependency for what is here one regular expression and a data file. So
the rules are re-expressed here, from twitter-text's documented behaviour and its conformance
cases (no code copied), as one regular expression per platform. The TLD list is data, not
regex text: twitter-text's own ``tld_lib.yml`` (Apache-2.0), shipped in ``rules/platforms/``
with its provenance and handed to :func:`load_tlds` by the caller.

What twitter-text does, and this module too:

* a URL starts after the start of the text or after a character that is not ``A-Za-z0-9@$#``;
* an optional ``http://`` or ``https://``, a host whose last label is a known TLD (or
  ``xn--...``) not followed by ``[0-9A-Za-z@+-]``, an optional ``:port``, path and query;
* a path or query may not end in punctuation (``example.com/a.`` stops before the dot), and
  parentheses in a path must balance (Wikipedia links keep their closing bracket);
* a host label longer than 63 characters once punycode-encoded makes the whole match void
  (twitter-text's own case, a host label of 53 kana, stays plain text), and so does a URL
  longer than 4096;
* without a scheme, only the part of the host spelled in ASCII (and Latin accented letters)
  is a link (in ``日本語example.com`` only ``example.com``), and nothing right after
  ``- _ . /``;
* ``t.co`` links stop after the slug.

Mastodon differs in its path and query characters (anything but spaces and ``<>()?``, with
trailing punctuation left out), allows ``dat gemini gopher ipfs ipns ssb dweb`` schemes and never
links a URL without a scheme.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import regex

__all__ = ["MASTODON", "Tlds", "UrlFinder", "UrlSyntax", "X", "load_tlds"]

_MAX_LABEL = 63  # RFC 1035, after punycode (RFC 3492) encoding of a label
_MAX_URL_UTF16 = 4096  # twitter-text's MAX_URL_LENGTH, in UTF-16 code units
_MAX_TCO_SLUG = 40
_DEFAULT_SCHEME = "https://"

# Character classes, as twitter-text defines them (written out, not copied).
_SPACES = r"\p{White_Space}\u180E"
_INVALID = r"\uFFFE\uFEFF\uFFFF"
_DIRECTIONAL = r"\u202A-\u202E\u061C\u200E\u200F\u2066-\u2069"
_PUNCT = r"!'#%&()*+,\\\-./:;<=>?@\[\]^_{|}~$"
_DOMAIN_CHAR = f"[^{_PUNCT}{_SPACES}{_INVALID}{_DIRECTIONAL}]"
_LATIN_ACCENTS = (
    r"\xC0-\xD6\xD8-\xF6\xF8-\xFF\u0100-\u024F\u0253\u0254\u0256\u0257\u0259\u025B\u0263"
    r"\u0268\u026F\u0272\u0289\u028B\u02BB\u0300-\u036F\u1E00-\u1EFF"
)
_CYRILLIC = r"\u0400-\u04FF"
# Non-ASCII ranges Mastodon adds to query characters (its UCHARS, the RFC 3987 ucschar set).
_UCHARS = (
    r"\xA0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF\U00010000-\U0001FFFD\U00020000-\U0002FFFD"
    r"\U00030000-\U0003FFFD\U00040000-\U0004FFFD\U00050000-\U0005FFFD\U00060000-\U0006FFFD"
    r"\U00070000-\U0007FFFD\U00080000-\U0008FFFD\U00090000-\U0009FFFD\U000A0000-\U000AFFFD"
    r"\U000B0000-\U000BFFFD\U000C0000-\U000CFFFD\U000D0000-\U000DFFFD\U000E1000-\U000EFFFD"
    r"\uE000-\uF8FF\U000F0000-\U000FFFFD\U00100000-\U0010FFFD"
)
# A URL may start at the start of the text or after any character but these.
_NOT_BEFORE = r"A-Za-z0-9@\uFF20$#\uFF03" + _INVALID
_NOT_BEFORE_WITHOUT_SCHEME = "-_./"
_TOKEN = regex.compile(r"[^ \t\n\v\f\r]+")
_CAN_PRECEDE = regex.compile(f"[^{_NOT_BEFORE}]")
_HOST_CHAR = regex.compile(_DOMAIN_CHAR)
# Labels spelled as a subdomain may spell them (domain characters with "-" and "_" inside), each
# followed by its dot; and the rest of a dot-free segment.
_SUBDOMAINS = regex.compile(f"(?:{_DOMAIN_CHAR}++(?:[_\\-]++{_DOMAIN_CHAR}++)*+\\.)*+")
_SEGMENT = regex.compile(f"(?:{_DOMAIN_CHAR}|[_\\-])*+")


_MAY_HOLD_HOST = regex.compile(r"[.\u3002\uff0e\uff61](?:[^\W\d_]{2}|xn--)", regex.IGNORECASE)


@dataclass(frozen=True)
class Tlds:
    """Top-level domains, lower case, Unicode (not punycode) for the internationalised ones."""

    generic: frozenset[str]
    country: frozenset[str]

    @property
    def all(self) -> frozenset[str]:
        return self.generic | self.country


def load_tlds(path: Path) -> Tlds:
    """Read a twitter-text ``tld_lib.yml`` (mapping ``country``/``generic`` to lists)."""
    with path.open(encoding="utf-8") as handle:
        # libyaml's loader when PyYAML has it (the list has 1,500 entries): 30 times faster.
        import yaml

        data = yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping of 'country' and 'generic' TLD lists")

    def tld_set(key: str) -> frozenset[str]:
        values = data.get(key)
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            raise ValueError(f"{path}: {key!r} must be a list of strings")
        return frozenset(v.lower() for v in values)

    return Tlds(generic=tld_set("generic"), country=tld_set("country"))


@dataclass(frozen=True)
class UrlSyntax:
    """The parts of URL recognition in which platforms differ (regex fragments)."""

    schemes: tuple[str, ...]
    scheme_required: bool
    path_char: str
    path_end_char: str
    path_at_segment: bool  # twitter-text allows a path segment "@user/" with a leading "@"
    query_char: str
    query_end_char: str


_TWITTER_PATH_CHAR = rf"[a-zA-Z{_CYRILLIC}0-9!*';:=+,.$/%#\[\]\-\u2013_~@|&{_LATIN_ACCENTS}]"
_TWITTER_QUERY_CHAR = r"[a-zA-Z0-9!?*'@();:&=+$/%#\[\]\-_.,~|]"
_TWITTER_QUERY_END = r"[a-zA-Z0-9\-_&=#/]"

X = UrlSyntax(
    schemes=("http", "https"),
    scheme_required=False,
    path_char=_TWITTER_PATH_CHAR,
    path_end_char=rf"[+\-a-zA-Z{_CYRILLIC}0-9=_#/{_LATIN_ACCENTS}]",
    path_at_segment=True,
    query_char=_TWITTER_QUERY_CHAR,
    query_end_char=_TWITTER_QUERY_END,
)

MASTODON = UrlSyntax(
    schemes=("http", "https", "dat", "dweb", "ipfs", "ipns", "ssb", "gopher", "gemini"),
    scheme_required=True,
    path_char=r"[^\p{White_Space}<>()?]",
    path_end_char=r"[^\p{White_Space}()?!*\"'\u300C\u300D<>;:=,.$%\[\]~&|@]",
    path_at_segment=False,
    query_char=rf"[a-zA-Z0-9!?*'();:&=+$/%#\[\]\-_.,~|@^{_UCHARS}]",
    query_end_char=rf"[a-zA-Z0-9_&=#/\-{_UCHARS}]",
)


def _utf16_len(text: str) -> int:
    return len(text) + sum(1 for char in text if ord(char) > 0xFFFF)


def _label_length(label: str) -> int:
    """Length of a DNS label once encoded as IDNA does it (``xn--`` + RFC 3492 punycode)."""
    if label.isascii():
        return len(label)
    return len("xn--") + len(label.encode("punycode"))


def _match_end(pattern: regex.Pattern[str], text: str, pos: int, end: int) -> int:
    """End of a match of a pattern that matches the empty string (so always matches)."""
    match = pattern.match(text, pos, end)
    return pos if match is None else match.end()


def _may_start_host(text: str, pos: int) -> bool:
    before_ok = pos == 0 or _CAN_PRECEDE.match(text, pos - 1) is not None
    return before_ok and _HOST_CHAR.match(text, pos) is not None


class UrlFinder:
    """Finds URLs with one platform's syntax and one TLD list; build once, reuse."""

    def __init__(self, tlds: Tlds, syntax: UrlSyntax) -> None:
        self._tlds = sorted(tlds.all)
        self._syntax = syntax
        self._compiled = False

    def _compile(self) -> None:
        """Build the patterns, on first use: compiling them costs ~0.2 s of start-up."""
        if self._compiled:
            return
        self._compiled = True
        syntax = self._syntax
        tld = r"(?:(?i:\L<tlds>)(?=[^0-9a-zA-Z@+\-]|$)|(?i:xn--[\-0-9a-z]+))"
        # Possessive: a label can never give back characters to the dot that follows it.
        sub_label = f"{_DOMAIN_CHAR}++(?:[_\\-]++{_DOMAIN_CHAR}++)*+"
        name_label = f"{_DOMAIN_CHAR}++(?:-++{_DOMAIN_CHAR}++)*+"
        domain = rf"(?:{sub_label}\.)*{name_label}\.{tld}"

        parens = (
            rf"\((?:{syntax.path_char}+"
            rf"|{syntax.path_char}*\({syntax.path_char}+\){syntax.path_char}*)\)"
        )
        segment = (
            rf"{syntax.path_char}*(?:{parens}{syntax.path_char}*)*"
            rf"(?:{syntax.path_end_char}|{parens})"
        )
        if syntax.path_at_segment:
            segment = rf"(?:{segment}|@{syntax.path_char}+/)"
        else:
            segment = rf"(?:{segment}|{syntax.path_char}+/)"
        any_scheme = "(?i:{})://".format("|".join(syntax.schemes))
        scheme = f"(?P<scheme>{any_scheme})" + ("" if syntax.scheme_required else "?")
        after_host = (
            rf"(?::[0-9]+)?(?P<path>/{segment}*)?"
            rf"(?:\?{syntax.query_char}*{syntax.query_end_char})?"
        )
        self._url = regex.compile(
            rf"(?<![{_NOT_BEFORE}]){scheme}(?P<domain>{domain}){after_host}", tlds=self._tlds
        )
        # Where a URL may start among labels that failed as a host: at a scheme, or (without
        # scheme) at the first character after a "_" (and any "-" after it), where only a host
        # without subdomains can be new.
        self._bare: regex.Pattern[str] | None = None
        self._restart = regex.compile(f"(?P<scheme>{any_scheme})")
        if not syntax.scheme_required:
            self._bare = regex.compile(
                rf"(?<![{_NOT_BEFORE}])(?P<scheme>)(?P<domain>{name_label}\.{tld}){after_host}",
                tlds=self._tlds,
            )
            self._restart = regex.compile(f"(?P<scheme>{any_scheme})|(?<=_[_\\-]*){_DOMAIN_CHAR}")
        self._longest_scheme = max(len(s) for s in syntax.schemes) + len("://")
        self._ascii_domain = regex.compile(
            rf"(?:[\-a-zA-Z0-9{_LATIN_ACCENTS}]+\.)+{tld}", tlds=self._tlds
        )
        self._tco = regex.compile(
            rf"(?i:https?://t\.co/)([a-zA-Z0-9]+)(?:\?{_TWITTER_QUERY_CHAR}*{_TWITTER_QUERY_END})?"
        )

    def find(self, text: str) -> list[tuple[int, int]]:
        """Spans ``(start, end)`` of the URLs in ``text``, in order, as Python str indices."""
        spans: list[tuple[int, int]] = []
        # No URL contains ASCII white space, and one without a dot followed by a TLD (two
        # letters at least, or "xn--") has no host: scan only the tokens that may hold one.
        for token in _TOKEN.finditer(text):
            if _MAY_HOLD_HOST.search(token.group()):
                self._compile()
                spans.extend(self._find_in(text, token.start(), token.end()))
        return spans

    def _find_in(self, text: str, pos: int, end: int) -> Iterable[tuple[int, int]]:
        """Leftmost-first matches in ``text[pos:end]``, as ``finditer`` finds them, but linear."""
        while pos < end:
            match = self._url.match(text, pos, end)
            if match is None:
                if not _may_start_host(text, pos):
                    pos += 1
                    continue
                match, pos = self._match_within_host(text, pos, end)
                if match is None:
                    continue
            yield from self._accept(text, match)
            # twitter-text's pattern consumes the character before a URL, so the character
            # right after a match (accepted or not) cannot start the next one.
            pos = match.end() + 1

    def _match_within_host(
        self, text: str, pos: int, end: int
    ) -> tuple[regex.Match[str] | None, int]:
        """After no URL started at ``pos``: the next one that starts among the same labels.

        Any host found from a later start among the labels read from ``pos`` would have been
        found from ``pos``, with more subdomains; so those starts are skipped. Only a scheme,
        or a host right after a ``_`` (and any ``-`` after it), can start a URL there: ``_``
        is allowed in subdomains but not in the name before the TLD. Retrying every start, as
        ``finditer`` does, takes quadratic time on unspaced Chinese text and worse on
        ``a.a.a.a...``. Returns the match, or None and where to carry on.
        """
        labels_end = _match_end(_SUBDOMAINS, text, pos, end)
        if _HOST_CHAR.match(text, labels_end, end):
            labels_end = _match_end(_SEGMENT, text, labels_end, end)
        window = min(end, labels_end + self._longest_scheme)
        for restart in self._restart.finditer(text, pos + 1, window):
            if restart.start() >= labels_end:
                break
            retry = self._url if restart.group("scheme") else self._bare
            match = retry.match(text, restart.start(), end) if retry is not None else None
            if match is not None:
                return match, restart.start()
        return None, labels_end

    def _accept(self, text: str, match: regex.Match[str]) -> Iterable[tuple[int, int]]:
        start, end = match.span()
        scheme = match.group("scheme")
        domain = match.group("domain")
        if not self._domain_is_valid(domain, match.group(), scheme or _DEFAULT_SCHEME):
            return []
        if scheme:
            tco = self._tco.match(text, start, end)
            if tco is not None:
                if len(tco.group(1)) > _MAX_TCO_SLUG:
                    return []
                end = tco.end()
            return [(start, end)]
        if start > 0 and text[start - 1] in _NOT_BEFORE_WITHOUT_SCHEME:
            return []
        # Without a scheme only ASCII host names are links (twitter-text's validAsciiDomain).
        domain_start = match.start("domain")
        found = [
            (domain_start + m.start(), domain_start + m.end())
            for m in self._ascii_domain.finditer(domain)
        ]
        if found and match.group("path"):
            found[-1] = (found[-1][0], end)
        return found

    def _domain_is_valid(self, domain: str, url: str, scheme: str) -> bool:
        """twitter-text's IDNA checks: each label 1..63 once punycoded, the URL <= 4096."""
        if domain.startswith("xn--") and self._ascii_domain.search(domain) is None:
            return False
        labels = domain.split(".")
        if not all(1 <= _label_length(label) <= _MAX_LABEL for label in labels):
            return False
        encoded = sum(_label_length(label) for label in labels) + len(labels) - 1
        return len(scheme) + _utf16_len(url) + encoded - _utf16_len(domain) <= _MAX_URL_UTF16
