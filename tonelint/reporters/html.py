"""One self-contained HTML page for editors: summary, charts, posting cadence, the worst records.

Everything is inline (CSS, SVG charts drawn here in Python, one small script for the rule
filter); a Content-Security-Policy allows nothing else, so the page works offline and loads
nothing from the network. Output is deterministic: the same report gives the same bytes.

Records come from :class:`~tonelint.documents.Origin`: a record is ``(path, record id)``; its
``author`` and ``date`` are read from ``Origin.meta``. A date is taken as written (the day the
post went out where it was written), not converted to UTC.

Cadence: records per day. A day is a *burst* when it has at least ``BURST_MIN_POSTS`` records
and at least ``BURST_FACTOR`` times the median of the 14 days around it (7 before, 7 after,
within the dated range). A burst followed by at least ``QUIET_DAYS`` days without a post (and
then a post again: the end of the export is not silence) is flagged as posting right before a
deadline and going quiet after.
"""

from __future__ import annotations

import base64
import bisect
import hashlib
import heapq
import math
import re
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, timezone
from email.utils import parsedate_tz
from html import escape
from typing import TextIO

from tonelint.diagnostics import Diagnostic, Severity
from tonelint.documents import Document
from tonelint.registry import Registry, Rule, family_of
from tonelint.report import FileResult, Report, plural
from tonelint.sources.html import scan as scan_html

TOP_AUTHORS = 15
TOP_RECORDS = 25
BURST_FACTOR = 3
BURST_MIN_POSTS = 5
BURST_WINDOW = 7  # days on each side of a day: 14 surrounding days
QUIET_DAYS = 7
WEIGHT = {Severity.INFO: 1, Severity.SUGGESTION: 2, Severity.WARNING: 4, Severity.ERROR: 8}
SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.SUGGESTION, Severity.INFO)
LANGUAGES = {"nl": "Dutch", "fr": "French", "en": "English"}
MAX_ERRORS = 100

# ---------------------------------------------------------------------------------------------
# Dates


_TIME = r"(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?"
_YMD = re.compile(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})" + _TIME, re.IGNORECASE)
_DMY = re.compile(r"(\d{1,2})[-.](\d{1,2})[-.](\d{4})" + _TIME, re.IGNORECASE)
_EPOCH = re.compile(r"\d{9,10}")  # seconds: 1973 to 2286
_EPOCH_MS = re.compile(r"\d{12,13}")  # milliseconds, as JavaScript and many APIs write them


def parse_date(value: str) -> date | None:
    """The day of a date as exports write it, or None when it is not a date tonelint reads.

    ISO 8601 (``2024-03-01``, ``2024-03-01 10:12:00``, ``2024-03-01T10:12:00Z``, with an offset
    or fractions of a second), ``2024/03/01``, day first with dashes or dots (``01-03-2024``,
    ``01.03.2024``, as Dutch and French exports write it), RFC 2822 (``Fri, 01 Mar 2024
    10:12:00 +0000``, RSS and WordPress ``pubDate``; ``Wed Oct 10 20:19:24 +0000 2018`` as X
    archives write it) and Unix timestamps in seconds or milliseconds. Slashed
    dates with the day or month first (``03/01/2024``) are ambiguous and not read.
    """
    text = value.strip()
    if m := _YMD.fullmatch(text):
        return _day(int(m[1]), int(m[2]), int(m[3]))
    if m := _DMY.fullmatch(text):
        return _day(int(m[3]), int(m[2]), int(m[1]))
    if _EPOCH.fullmatch(text):
        return datetime.fromtimestamp(int(text), tz=timezone.utc).date()
    if _EPOCH_MS.fullmatch(text):
        return datetime.fromtimestamp(int(text) / 1000, tz=timezone.utc).date()
    if re.search(r"[A-Za-z]{3}", text):
        parts = parsedate_tz(text)
        if parts is not None:
            return _day(parts[0], parts[1], parts[2])
    return None


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


# ---------------------------------------------------------------------------------------------
# Cadence


@dataclass(frozen=True)
class Burst:
    day: date
    posts: int
    median: float  # of the surrounding days
    quiet_after: int | None  # days without a post after it, None when nothing was posted after

    @property
    def deadline(self) -> bool:
        """Posting right before a deadline and going quiet after."""
        return self.quiet_after is not None and self.quiet_after >= QUIET_DAYS


def daily_counts(days: Iterable[date]) -> list[tuple[date, int]]:
    """Records per day from the first dated day to the last, days without a post as 0.

    ``days`` is the day of each record, or a Counter of records per day."""
    counts = days if isinstance(days, Counter) else Counter(days)
    if not counts:
        return []
    first, last = min(counts), max(counts)
    return [
        (first + timedelta(n), counts.get(first + timedelta(n), 0))
        for n in range((last - first).days + 1)
    ]


def find_bursts(counts: Sequence[tuple[date, int]]) -> list[Burst]:
    """The bursts of a full day-by-day series (as :func:`daily_counts` gives it)."""
    values = [n for _, n in counts]
    bursts = []
    for i, (day, posts) in enumerate(counts):
        if posts < BURST_MIN_POSTS:
            continue
        around = values[max(0, i - BURST_WINDOW) : i] + values[i + 1 : i + 1 + BURST_WINDOW]
        if not around:
            continue  # one dated day: nothing to compare with
        median = float(statistics.median(around))
        if posts < BURST_FACTOR * median:
            continue
        later = next((j for j in range(i + 1, len(values)) if values[j]), None)
        bursts.append(Burst(day, posts, median, None if later is None else later - i - 1))
    return bursts


# ---------------------------------------------------------------------------------------------
# Collecting


def _meta(result: FileResult, key: str) -> str | None:
    return next((v.strip() for k, v in result.origin.meta if k == key and v.strip()), None)


def _record_key(result: FileResult) -> tuple[str, str]:
    origin = result.origin
    if origin.record is not None:
        return result.path, origin.record
    if origin.number is not None:
        return result.path, str(origin.number)
    return result.path, ""


def _is_record(result: FileResult) -> bool:
    return result.origin.record is not None or result.origin.number is not None


def _score(result: FileResult) -> int:
    return sum(WEIGHT[d.severity] for d in result.diagnostics)


class _Record:
    """What the page needs of one record, gathered over its fields."""

    def __init__(self, key: tuple[str, str], is_record: bool) -> None:
        self.key = key
        self.is_record = is_record
        self.authors: dict[str, None] = {}
        self.missing_author = False
        self.day: date | None = None
        self.months: dict[str, None] = {}


class _Stats:
    """What the page shows, counted as results arrive; memory does not grow with the number
    of records.

    The fields of one record arrive one after the other (exports are read record by record),
    so a record is counted when the next one starts.
    """

    MAX_UNREADABLE = 100

    def __init__(self) -> None:
        self.paths: dict[str, None] = {}
        self.records = self.texts = self.flagged_texts = 0
        self.severities: Counter[Severity] = Counter()
        self.families: Counter[str] = Counter()
        self.rules: Counter[str] = Counter()
        self.languages: Counter[str] = Counter()
        self.author_diags: Counter[str] = Counter()
        self.author_records: Counter[str] = Counter()
        self.no_author = 0
        self.month_diags: Counter[str] = Counter()
        self.month_records: Counter[str] = Counter()
        self.day_records: Counter[date] = Counter()
        self.undated = 0
        self.unreadable: dict[str, None] = {}
        self.current: _Record | None = None

    def add(self, result: FileResult) -> None:
        key = _record_key(result)
        if self.current is None or self.current.key != key:
            self._close()
            self.current = _Record(key, _is_record(result))
        record = self.current
        self.paths.setdefault(result.path)
        self.texts += 1
        self.flagged_texts += bool(result.diagnostics)
        for d in result.diagnostics:
            self.severities[d.severity] += 1
            self.families[family_of(d.code)] += 1
            self.rules[d.code] += 1
            self.languages[d.lang or "unknown"] += 1
        author = _meta(result, "author")
        if author is None:
            record.missing_author = True
        else:
            self.author_diags[author] += len(result.diagnostics)
            record.authors.setdefault(author)
        raw = _meta(result, "date")
        day = parse_date(raw) if raw is not None else None
        if day is None:
            if raw is not None and len(self.unreadable) < self.MAX_UNREADABLE:
                self.unreadable.setdefault(raw)
            return
        month = f"{day.year:04d}-{day.month:02d}"
        self.month_diags[month] += len(result.diagnostics)
        record.months.setdefault(month)
        if record.day is None:
            record.day = day

    def _close(self) -> None:
        record, self.current = self.current, None
        if record is None:
            return
        self.records += record.is_record
        self.author_records.update(record.authors.keys())
        self.no_author += record.missing_author
        self.month_records.update(record.months.keys())
        if record.day is None:
            self.undated += 1
        else:
            self.day_records[record.day] += 1

    def close(self) -> _Stats:
        """Count the last record; the counts are then final."""
        self._close()
        return self

    @property
    def files(self) -> int:
        return len(self.paths)

    @property
    def unreadable_dates(self) -> list[str]:
        return list(self.unreadable)


class _Worst:
    """The ``TOP_RECORDS`` texts with the highest score, kept as they arrive."""

    def __init__(self) -> None:
        self.heap: list[tuple[int, int, int, FileResult]] = []
        self.seen = 0

    def add(self, result: FileResult) -> None:
        self.seen += 1
        if not result.diagnostics:
            return  # a clean text is never among the worst
        # earlier texts win ties: a smaller -index is a worse rank in this min-heap
        item = (_score(result), len(result.diagnostics), -self.seen, result)
        if len(self.heap) < TOP_RECORDS:
            heapq.heappush(self.heap, item)
        elif item[:3] > self.heap[0][:3]:
            heapq.heapreplace(self.heap, item)

    def ranked(self) -> list[FileResult]:
        return [item[3] for item in sorted(self.heap, key=lambda x: x[:3], reverse=True)]


# ---------------------------------------------------------------------------------------------
# SVG charts


def _n(x: float) -> str:
    """A coordinate, the same text for the same number on every platform."""
    text = f"{x:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _clip(label: str, width: int) -> str:
    return label if len(label) <= width else label[: width - 1] + "…"


@dataclass(frozen=True)
class _Bar:
    label: str
    value: int
    tip: str
    cls: str = ""
    data: str = ""  # a data-* attribute for the bar, already escaped: ' data-code="TL101"'


def _no_data(chart_id: str, title: str, reason: str) -> str:
    return (
        f'<figure class="chart" id="{chart_id}"><figcaption>{escape(title)}</figcaption>'
        f'<p class="no-data">No data: {escape(reason)}.</p></figure>\n'
    )


def _chart_open(chart_id: str, title: str, kind: str, width: float, height: float) -> list[str]:
    """The start of a chart: figure, caption and an SVG canvas of ``width`` x ``height``."""
    return [
        f'<figure class="chart" id="{chart_id}"><figcaption>{escape(title)}</figcaption>',
        f'<svg xmlns="http://www.w3.org/2000/svg" class="{kind}" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
    ]


def _bars(chart_id: str, title: str, bars: Sequence[_Bar], no_data: str) -> str:
    """Horizontal bars, one row per label, the value after the bar."""
    if not bars or not any(b.value for b in bars):
        return _no_data(chart_id, title, no_data)
    row, label_w, bar_w, top = 22, 250, 430, 4
    width, height = label_w + bar_w + 70, top + row * len(bars) + 4
    peak = max(b.value for b in bars)
    parts = _chart_open(chart_id, title, "bars", width, height)
    for i, b in enumerate(bars):
        y = top + i * row
        w = bar_w * b.value / peak
        cls = f"bar {b.cls}".strip()
        parts.append(
            f'<g class="row"{b.data}><title>{escape(b.tip)}</title>'
            f'<text class="label" x="{label_w - 8}" y="{_n(y + 15)}" text-anchor="end">'
            f"{escape(_clip(b.label, 38))}</text>"
            f'<rect class="{cls}" x="{label_w}" y="{_n(y + 3)}" width="{_n(max(w, 1))}" '
            f'height="{row - 6}"/>'
            f'<text class="value" x="{_n(label_w + w + 6)}" y="{_n(y + 15)}">{b.value}</text></g>'
        )
    parts.append("</svg></figure>\n")
    return "".join(parts)


def _columns(
    chart_id: str, title: str, bars: Sequence[_Bar], no_data: str, note: str, widest: float
) -> str:
    """Vertical bars over time, left to right; labels thinned out so they do not overlap."""
    if not bars:
        return _no_data(chart_id, title, no_data)
    left, top, plot_h, bottom = 44, 10, 180, 46
    col = max(2.0, min(widest, 900 / len(bars)))
    width = math.ceil(left + col * len(bars) + 10)
    height = top + plot_h + bottom
    peak = max(max(b.value for b in bars), 1)
    every = max(1, math.ceil(80 / col))
    base = top + plot_h
    parts = [
        *_chart_open(chart_id, title, "columns", width, height),
        f'<line class="axis" x1="{left}" y1="{base}" x2="{width - 6}" y2="{base}"/>',
        f'<text class="tick" x="{left - 6}" y="{top + 8}" text-anchor="end">{peak}</text>',
        f'<text class="tick" x="{left - 6}" y="{base}" text-anchor="end">0</text>',
    ]
    for i, b in enumerate(bars):
        x = left + i * col
        h = plot_h * b.value / peak
        cls = f"bar {b.cls}".strip()
        parts.append(
            f'<rect class="{cls}" x="{_n(x + col * 0.1)}" y="{_n(base - h)}" '
            f'width="{_n(col * 0.8)}" height="{_n(h)}"><title>{escape(b.tip)}</title></rect>'
        )
        if i % every == 0:
            parts.append(
                f'<text class="tick" x="{_n(x + col / 2)}" y="{base + 16}" '
                f'text-anchor="middle">{escape(b.label)}</text>'
            )
    parts.append("</svg>")
    if note:
        parts.append(f'<p class="note">{note}</p>')
    parts.append("</figure>\n")
    return "".join(parts)


def _ranked(counts: Counter[str]) -> list[tuple[str, int]]:
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def _months(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:])
    out = []
    while f"{year:04d}-{month:02d}" <= last:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def _charts(
    stats: _Stats, registry: Registry, counts: list[tuple[date, int]], found: list[Burst]
) -> str:
    families = [
        _Bar(name, n, f"{name}: {plural(n, 'diagnostic')}", f"family-{name}")
        for name, n in _ranked(stats.families)
    ]
    rules = []
    for code, n in _ranked(stats.rules):
        rule = registry.get(code)
        name = f"{code} {rule.name}" if rule else code
        tip = f"{name}: {plural(n, 'diagnostic')}" + (f" ({rule.summary})" if rule else "")
        rules.append(_Bar(name, n, tip, data=f' data-code="{escape(code)}"'))
    languages = [
        _Bar(
            f"{lang} ({LANGUAGES.get(lang, 'unsupported')})",
            n,
            f"{lang}: {plural(n, 'diagnostic')}",
        )
        for lang, n in _ranked(stats.languages)
    ]
    authors = [
        _Bar(
            author,
            n,
            f"{author}: {plural(n, 'diagnostic')} in "
            f"{plural(stats.author_records[author], 'record')}",
        )
        for author, n in _ranked(stats.author_diags)[:TOP_AUTHORS]
    ]
    months = []
    if stats.month_records:
        span = _months(min(stats.month_records), max(stats.month_records))
        for month in span:
            n, posted = stats.month_diags.get(month, 0), stats.month_records.get(month, 0)
            months.append(
                _Bar(month, n, f"{month}: {plural(n, 'diagnostic')} in {plural(posted, 'record')}")
            )
    bursts = {b.day: b for b in found}
    cadence = []
    for day, n in counts:
        burst = bursts.get(day)
        cls = "" if burst is None else ("burst deadline" if burst.deadline else "burst")
        tip = f"{day.isoformat()}: {plural(n, 'record')}" + (" (burst)" if burst else "")
        cadence.append(_Bar(day.isoformat(), n, tip, cls))
    undated = ""
    if stats.undated:
        undated = f"{plural(stats.undated, 'record')} without a date tonelint reads."
    notes = []
    if len(stats.author_diags) > TOP_AUTHORS:
        notes.append(f"{plural(len(stats.author_diags) - TOP_AUTHORS, 'more author')} not shown.")
    if stats.no_author and authors:
        notes.append(f"{plural(stats.no_author, 'record')} without an author not counted.")
    no_author = " ".join(notes)
    return "".join(
        [
            _bars("chart-families", "Diagnostics by rule family", families, "no diagnostics"),
            _bars("chart-rules", "Diagnostics by rule", rules, "no diagnostics"),
            _bars("chart-languages", "Diagnostics by language", languages, "no diagnostics"),
            _bars(
                "chart-authors",
                f"Diagnostics by author (top {TOP_AUTHORS})",
                authors,
                "no record has an author with diagnostics",
            ),
            f'<p class="note">{escape(no_author.strip())}</p>\n' if no_author else "",
            _columns(
                "chart-months",
                "Diagnostics per month",
                months,
                "no record has a date tonelint reads",
                escape(undated),
                widest=64,
            ),
            _columns(
                "chart-cadence",
                "Posting cadence: records per day",
                cadence,
                "no record has a date tonelint reads",
                '<span class="key burst"></span> burst '
                '<span class="key deadline"></span> burst followed by a quiet week',
                widest=16,
            ),
        ]
    )


# ---------------------------------------------------------------------------------------------
# Sections


def _summary(report: Report, stats: _Stats, bursts: list[Burst]) -> str:
    total = sum(stats.severities.values())
    deadlines = sum(b.deadline for b in bursts)
    rows = [
        ("", "Files", stats.files),
        ("", "Records", stats.records),
        ("", "Texts linted", stats.texts),
        ("", "Texts with diagnostics", stats.flagged_texts),
        ("", "Diagnostics", total),
        *((f"sev-{s.value}", s.value, stats.severities.get(s, 0)) for s in SEVERITIES),
        ("", "Input errors", len(report.errors)),
        ("", "Posting bursts", len(bursts)),
        ("tone-problem" if deadlines else "", "Bursts before a quiet week", deadlines),
    ]
    body = "".join(
        f'<tr class="{cls}"><th>{escape(label)}</th><td>{value}</td></tr>'
        for cls, label, value in rows
    )
    dates = ""
    if stats.unreadable_dates:
        examples = ", ".join(f"“{escape(d)}”" for d in stats.unreadable_dates[:3])
        dates = (
            f'<p class="note" id="unreadable-dates">Dates tonelint cannot read '
            f"({len(stats.unreadable_dates)} different), e.g. {examples}. Write them as "
            f"2024-03-01 or 2024-03-01 10:12:00.</p>"
        )
    return (
        '<section id="summary"><h2>Summary</h2>'
        f'<p class="lead">{escape(report.summary())}</p>'
        f'<table class="summary">{body}</table>{dates}</section>\n'
    )


def _cadence(counts: list[tuple[date, int]], bursts: list[Burst]) -> str:
    intro = (
        f"A burst is a day with at least {BURST_MIN_POSTS} records and at least {BURST_FACTOR}× "
        f"the median of the {2 * BURST_WINDOW} days around it. A quiet day is a day without "
        "a post."
    )
    if not counts:
        body = '<p class="no-data">No data: no record has a date tonelint reads.</p>'
    elif not bursts:
        body = '<p class="none">No bursts: the posting rhythm is even.</p>'
    else:
        deadlines = [b for b in bursts if b.deadline]
        body = ""
        if deadlines:
            days = "".join(
                f'<li data-day="{b.day.isoformat()}"><time>{b.day.isoformat()}</time>: '
                f"{plural(b.posts, 'record')}, then {b.quiet_after} days without a post</li>"
                for b in deadlines
            )
            body += (
                '<div id="deadline-bursts" class="tone-problem"><p><strong>Tone problem: posting '
                "only right before a deadline and going quiet after.</strong> Readers notice an "
                "account that only speaks when it has to; spread the posts out.</p>"
                f"<ul>{days}</ul></div>"
            )
        items = []
        for b in bursts:
            if b.deadline:
                after = (
                    f"then {b.quiet_after} quiet days: posting only right before a deadline and "
                    "going quiet after."
                )
            elif b.quiet_after is None:
                after = "nothing was posted after it in this export."
            elif b.quiet_after == 0:
                after = "posting went on the next day."
            else:
                after = f"then {plural(b.quiet_after, 'quiet day')}."
            items.append(
                f'<li class="burst{" deadline" if b.deadline else ""}" '
                f'data-day="{b.day.isoformat()}"><time>{b.day.isoformat()}</time>: '
                f"{plural(b.posts, 'record')} (median around it {_n(b.median)}); {after}</li>"
            )
        opened = " open" if len(bursts) <= 10 else ""
        body += (
            f'<details id="bursts"{opened}><summary>{plural(len(bursts), "burst")}</summary>'
            f'<ul id="burst-list">{"".join(items)}</ul></details>'
        )
    return f'<section id="cadence"><h2>Posting cadence</h2><p>{intro}</p>{body}</section>\n'


def _inline_code(text: str) -> str:
    """Escaped text with `backticked` words as <code>."""
    pieces = escape(text).split("`")
    return "".join(f"<code>{p}</code>" if i % 2 else p for i, p in enumerate(pieces))


def highlight(
    text: str,
    diagnostics: Sequence[Diagnostic],
    prefix: str = "d",
    markup: Sequence[tuple[int, int]] = (),
) -> str:
    """The text, HTML-escaped, with each diagnostic's span in ``<mark>``.

    Overlapping spans are cut at every span boundary, so marks never nest or cross: each piece
    is marked once, with the ids of all diagnostics over it (``data-d``), the highest severity
    among them and ``overlap`` when there are several. An empty span is a ``mark.point``.
    ``markup``: the spans of a record's HTML tags and comments (in order), shown dimmed as
    ``span.markup`` so that the words stand out.
    """
    n = len(text)
    spans = [(min(max(d.start, 0), n), min(max(d.end, 0), n), i) for i, d in enumerate(diagnostics)]
    cuts = sorted(
        {
            0,
            n,
            *(s for s, _, _ in spans),
            *(e for _, e, _ in spans),
            *(x for m in markup for x in m),
        }
    )
    markup_starts = [s for s, _ in markup]
    points: dict[int, list[int]] = {}
    for s, e, i in spans:
        if s == e:
            points.setdefault(s, []).append(i)
    out = []
    for a, b in zip(cuts, [*cuts[1:], n + 1], strict=True):
        if a in points:
            ids = points[a]
            out.append(_mark("", [diagnostics[i] for i in ids], ids, prefix, "point"))
        if a >= n:
            break
        over = [i for s, e, i in spans if s <= a and e >= b and s < e]
        piece = escape(text[a:b])
        m = bisect.bisect_right(markup_starts, a) - 1
        if m >= 0 and a < markup[m][1]:
            piece = f'<span class="markup">{piece}</span>'
        if over:
            out.append(_mark(piece, [diagnostics[i] for i in over], over, prefix, ""))
        else:
            out.append(piece)
    return "".join(out)


def _mark(piece: str, diags: list[Diagnostic], ids: list[int], prefix: str, extra: str) -> str:
    worst = max(diags, key=lambda d: d.severity.rank).severity
    classes = [f"sev-{worst.value}"]
    if len(diags) > 1:
        classes.append("overlap")
    if extra:
        classes.append(extra)
    refs = " ".join(f"{prefix}-{i}" for i in ids)
    tip = "; ".join(f"{d.code} {d.name}" for d in diags)
    return f'<mark class="{" ".join(classes)}" data-d="{refs}" title="{escape(tip)}">{piece}</mark>'


def _rule_docs(rule: Rule | None, d: Diagnostic) -> str:
    if rule is None:
        return '<p class="no-docs">This rule is not in the registry of this run: no docs.</p>'
    parts = [
        f"<p><strong>{escape(rule.code)} {escape(rule.name)}</strong>: {escape(rule.summary)}</p>",
        f"<p><strong>What it does.</strong> {_inline_code(rule.docs.what)}</p>",
        f"<p><strong>Why is this bad?</strong> {_inline_code(rule.docs.why)}</p>",
    ]
    if d.explanation:
        parts.append(f"<p><strong>Here.</strong> {_inline_code(d.explanation)}</p>")
    if d.fix is not None:
        parts.append(
            f"<p><strong>Fix.</strong> {escape(d.fix.title)} ({d.fix.applicability.value})</p>"
        )
    lang = d.lang or ""
    examples = [e for e in rule.examples if e.lang == lang] or list(rule.examples)
    for bad in (True, False):
        example = next((e for e in examples if e.bad is bad), None)
        if example is not None:
            parts.append(
                f'<p class="example {"bad" if bad else "good"}"><strong>'
                f"{'Bad' if bad else 'Good'} ({escape(example.lang)}).</strong> "
                f"<q>{escape(example.text.strip())}</q></p>"
            )
    return f'<div class="rule-docs">{"".join(parts)}</div>'


def _where(result: FileResult) -> str:
    origin = result.origin
    parts = [f'<span class="path">{escape(result.path)}</span>']
    if origin.record is not None:
        parts.append(f'record <span class="record-id">{escape(origin.record)}</span>')
    elif origin.number is not None:
        parts.append(f"record {origin.number}")
    if origin.field is not None:
        parts.append(f"field {escape(origin.field)}")
    for key, value in origin.meta:
        cls = re.sub(r"[^a-z0-9-]+", "-", key.lower())
        parts.append(f'<span class="meta-{cls}">{escape(key)} {escape(value)}</span>')
    return " · ".join(parts)


def _as_read(
    result: FileResult, diagnostics: list[Diagnostic]
) -> tuple[str, list[Diagnostic], list[tuple[int, int]]]:
    """The text to show with its diagnostics and the spans of its markup. A record is shown as
    it reads: its character references as their characters (``We’re``, not ``We&#8217;re``),
    its diagnostics moved with the text, its HTML tags and comments as markup. Another text is
    shown as it is."""
    if not _is_record(result):
        return result.text, diagnostics, []
    tags, references = scan_html(result.text)
    read, offsets = Document(result.text, excluded=tags, decoded=references).reading()
    markup = [(e.span.start, e.span.end) for e in read.excluded]
    if offsets is None:
        return result.text, diagnostics, markup
    # A diagnostic starts and ends outside every reference: its offsets map exactly.
    shown = [replace(d, start=offsets.read(d.start), end=offsets.read(d.end)) for d in diagnostics]
    return read.text, shown, markup


def _worst(ranked: list[FileResult], registry: Registry) -> str:
    if not ranked:
        return (
            '<section id="worst"><h2>Worst records</h2>'
            '<p class="no-data">No data: no diagnostics.</p></section>\n'
        )
    codes = sorted({d.code for r in ranked for d in r.diagnostics})
    options = "".join(
        f'<option value="{escape(c)}">{escape(c)}'
        f"{' ' + escape(rule.name) if (rule := registry.get(c)) else ''}</option>"
        for c in codes
    )
    items = []
    for n, result in enumerate(ranked, 1):
        prefix = f"r{n}-d"
        diags = sorted(result.diagnostics, key=lambda d: (d.start, d.end, d.code, d.message))
        listed = [
            f'<li id="{prefix}-{i}" class="diag sev-{d.severity.value}" '
            f'data-code="{escape(d.code)}"><details><summary>'
            f'<code class="code">{escape(d.code)}</code> {escape(d.name)} '
            f'<span class="severity">{d.severity.value}</span>: '
            f'<span class="message">{escape(d.message)}</span></summary>'
            f"{_rule_docs(registry.get(d.code), d)}</details></li>"
            for i, d in enumerate(diags)
        ]
        by_sev = Counter(d.severity for d in diags)
        langs = {d.lang for d in diags}
        lang = f' lang="{next(iter(langs))}"' if len(langs) == 1 and langs <= set(LANGUAGES) else ""
        counts = ", ".join(f"{by_sev[s]} {s.value}" for s in SEVERITIES if by_sev[s])
        text, shown, markup = _as_read(result, diags)
        items.append(
            f'<article class="record" id="record-{n}" '
            f'data-codes="{escape(" ".join(sorted({d.code for d in diags})))}">'
            f'<h3><span class="rank">#{n}</span> {_where(result)}</h3>'
            f'<p class="score">score {_score(result)} ({counts})</p>'
            f'<div class="text"{lang}>{highlight(text, shown, prefix, markup)}</div>'
            f'<ol class="diagnostics">{"".join(listed)}</ol></article>'
        )
    weights = ", ".join(f"{s.value} {WEIGHT[s]}" for s in SEVERITIES)
    return (
        f'<section id="worst"><h2>Worst records (top {TOP_RECORDS})</h2>'
        f"<p>Texts ranked by their diagnostics weighted by severity ({weights}). Click a "
        f"diagnostic for the rule's explanation.</p>"
        f'<p class="filter"><label for="filter-rule">Show only records with rule</label> '
        f'<select id="filter-rule"><option value="">all rules</option>{options}</select> '
        f'<span id="filter-count">{plural(len(ranked), "record")}</span></p>'
        f"{''.join(items)}</section>\n"
    )


def _errors(report: Report) -> str:
    if not report.errors:
        return ""
    items = "".join(
        f'<li><span class="path">{escape(e.path)}</span>: {escape(e.message)}</li>'
        for e in report.errors[:MAX_ERRORS]
    )
    more = len(report.errors) - MAX_ERRORS
    tail = f"<p>and {more} more.</p>" if more > 0 else ""
    return (
        f'<section id="errors"><h2>Input errors</h2><p>These could not be linted.</p>'
        f"<ul>{items}</ul>{tail}</section>\n"
    )


# ---------------------------------------------------------------------------------------------
# The page

_CSS = """
:root { font-family: system-ui, sans-serif; color: #1f2328; background: #fff; }
body { max-width: 1000px; margin: 0 auto; padding: 1rem 1.5rem 4rem; line-height: 1.45; }
h1 { margin-bottom: 0; } h2 { border-bottom: 1px solid #d0d7de; margin-top: 2.5rem; }
.version, .note { color: #59636e; font-size: 0.9rem; }
table.summary { border-collapse: collapse; }
table.summary th { text-align: left; font-weight: normal; padding: 2px 2rem 2px 0; }
table.summary tr[class^=sev-] th { padding-left: 1.5rem; }
table.summary td { text-align: right; font-variant-numeric: tabular-nums; }
.chart { margin: 1.5rem 0; overflow-x: auto; } figcaption { font-weight: 600; }
svg text { font: 12px system-ui, sans-serif; fill: #1f2328; } svg .tick { fill: #59636e; }
svg .bar { fill: #4e79a7; } svg .row:hover .bar { fill: #2c5582; }
svg .bar.burst, .key.burst { fill: #e8a33d; background: #e8a33d; }
svg .bar.deadline, .key.deadline { fill: #c0392b; background: #c0392b; }
svg .axis { stroke: #8c959f; }
.key { display: inline-block; width: 0.8em; height: 0.8em; margin-left: 0.8em; }
#chart-rules .row { cursor: pointer; }
.no-data, .none { color: #59636e; font-style: italic; }
tr.tone-problem, .tone-problem strong { color: #c0392b; }
#deadline-bursts { border-left: 4px solid #c0392b; background: #fdecea; padding: 0.1rem 1rem; }
.record { border: 1px solid #d0d7de; border-radius: 6px; padding: 0.2rem 1rem 0.6rem;
  margin: 1rem 0; }
.record h3 { font-size: 1rem; font-weight: normal; } .rank { font-weight: 700; }
.path { font-family: ui-monospace, monospace; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; background: #f6f8fa; padding: 0.6rem;
  border-radius: 4px; }
mark { border-radius: 2px; padding: 0 1px; }
mark.sev-error { background: #ffc1b8; } mark.sev-warning { background: #ffe08a; }
mark.sev-suggestion { background: #c4e5f6; } mark.sev-info { background: #e3e6e8; }
mark.overlap { box-shadow: inset 0 -3px 0 #9a6700; }
mark.point::before { content: "‸"; font-weight: 700; }
.markup { color: #6e7781; font-size: 0.85em; }
.severity { font-size: 0.8rem; padding: 0 4px; border-radius: 3px; background: #eaeef2; }
.sev-error .severity { background: #ffc1b8; } .sev-warning .severity { background: #ffe08a; }
.sev-suggestion .severity { background: #c4e5f6; }
summary { cursor: pointer; } .rule-docs { margin: 0.3rem 0 0.8rem 1rem; font-size: 0.92rem; }
.example.bad q { text-decoration: underline wavy #c0392b; }
"""

_JS = """
(function () {
  var select = document.getElementById("filter-rule");
  if (!select) { return; }
  var records = document.querySelectorAll("#worst .record");
  function apply() {
    var code = select.value, shown = 0;
    records.forEach(function (r) {
      var hit = !code || (" " + r.getAttribute("data-codes") + " ").indexOf(" " + code + " ") >= 0;
      r.hidden = !hit;
      if (hit) { shown += 1; }
    });
    document.getElementById("filter-count").textContent =
      shown + (shown === 1 ? " record" : " records");
  }
  select.addEventListener("change", apply);
  document.querySelectorAll("#chart-rules .row[data-code]").forEach(function (row) {
    row.addEventListener("click", function () {
      var code = row.getAttribute("data-code");
      if (select.querySelector('option[value="' + code + '"]')) {
        select.value = code;
        apply();
        document.getElementById("worst").scrollIntoView();
      }
    });
  });
})();
"""


def _sha256(source: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode()


# Nothing but this page's own style and script; no network, no other origin.
CSP = (
    f"default-src 'none'; style-src '{_sha256(_CSS)}'; script-src '{_sha256(_JS)}'; "
    "img-src data:; base-uri 'none'; form-action 'none'"
)


class Sink:
    """Gathers counts and the worst records as results arrive; writes the page at the end."""

    def __init__(self, registry: Registry, out: TextIO) -> None:
        self.registry = registry
        self.out = out
        self.stats = _Stats()
        self.worst = _Worst()

    def add(self, result: FileResult) -> None:
        self.stats.add(result)
        self.worst.add(result)

    def finish(self, report: Report) -> None:
        _page(report, self.stats.close(), self.worst.ranked(), self.registry, self.out)


def _page(
    report: Report, stats: _Stats, worst: list[FileResult], registry: Registry, out: TextIO
) -> None:
    from tonelint import __version__

    counts = daily_counts(stats.day_records)
    out.write(
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<link rel="icon" href="data:,">\n'
        "<title>tonelint report</title>\n"
        f"<style>{_CSS}</style>\n"
        "</head><body>\n"
        f'<header><h1>tonelint report</h1><p class="version">tonelint {escape(__version__)}'
        "</p></header>\n"
    )
    bursts = find_bursts(counts)
    out.write(_summary(report, stats, bursts))
    out.write(
        f'<section id="charts"><h2>Charts</h2>\n{_charts(stats, registry, counts, bursts)}'
        "</section>\n"
    )
    out.write(_cadence(counts, bursts))
    out.write(_worst(worst, registry))
    out.write(_errors(report))
    out.write(f"<script>{_JS}</script>\n</body></html>\n")
