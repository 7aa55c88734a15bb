"""The HTML report: real posts linted, the page parsed back; then the page in headless Chromium.

The browser tests drive Chromium over the DevTools protocol on ``--remote-debugging-pipe``
(file descriptors 3 and 4, messages ended by NUL), so no websocket package is needed.
"""

from __future__ import annotations

import io
import json
import os
import select
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from tonelint import Document, Linter, Settings
from tonelint.diagnostics import Diagnostic, Severity
from tonelint.documents import Origin
from tonelint.registry import default_registry
from tonelint.report import FileResult, Report
from tonelint.reporters import html as html_report
from tonelint.reporters import render

CHROMIUM = Path("/usr/bin/chromium")
SETTINGS = Settings(audience="youth")

DUTCH = "Wij verzoeken u vriendelijk om uw gegevens te controleren."
FRENCH = "Nous vous prions de bien vouloir consulter notre offre."
SCRIPTED = "We kindly ask you to leverage our synergies: <script>alert('x')</script> & more."
CLEAN = "See you at the club tonight, bring a friend."


# ---------------------------------------------------------------------------------------------
# Building reports from real posts


def record(number: int, text: str, author: str | None, when: str | None) -> FileResult:
    meta = tuple((k, v) for k, v in (("author", author), ("date", when)) if v is not None)
    doc = Document(
        text,
        path="export.csv",
        origin=Origin(record=f"p{number}", number=number, field="text", meta=meta),
    )
    diags = Linter(SETTINGS).lint(doc)
    return FileResult(doc.path, doc.text, diags, SETTINGS, origin=doc.origin)


def posts_report() -> Report:
    return Report(
        files=[
            record(1, DUTCH, "Anna", "2024-03-01 10:00:00"),
            record(2, FRENCH, "Bob", "2024-03-15T09:00:00Z"),
            record(3, SCRIPTED, "Anna", "2024-04-02"),
            record(4, CLEAN, "Chloé", "2024-04-03 18:30:00"),
        ]
    )


# One post a day for 20 days, 8 on 2024-01-21, a week and a day of silence, then daily again.
DEADLINE_DAY = date(2024, 1, 21)


def cadence_days() -> list[date]:
    start = date(2024, 1, 1)
    days = [start + timedelta(n) for n in range(20)]
    days += [DEADLINE_DAY] * 8
    days += [DEADLINE_DAY + timedelta(9 + n) for n in range(10)]
    return days


def cadence_report() -> Report:
    texts = [DUTCH, FRENCH, SCRIPTED, CLEAN]
    authors = ["Anna", "Bob", "Chloé"]
    return Report(
        files=[
            record(n, texts[n % 4], authors[n % 3], f"{day.isoformat()} 09:{n % 60:02d}:00")
            for n, day in enumerate(cadence_days(), 1)
        ]
    )


def page(report: Report) -> str:
    out = io.StringIO()
    render("html", report, default_registry(), out)
    return out.getvalue()


def write_page(path: str) -> None:
    """Used by the determinism test, in a fresh interpreter."""
    Path(path).write_text(page(cadence_report()), encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# A small DOM from the standard library's HTML parser

VOID = {"meta", "link", "br", "hr", "img", "input", "wbr", "source", "col", "area", "base"}


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    children: list[Node | str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text for c in self.children)

    @property
    def classes(self) -> list[str]:
        return self.attrs.get("class", "").split()

    def all(self, tag: str | None = None, cls: str | None = None) -> list[Node]:
        found = []
        for child in self.children:
            if isinstance(child, Node):
                if (tag is None or child.tag == tag) and (cls is None or cls in child.classes):
                    found.append(child)
                found.extend(child.all(tag, cls))
        return found

    def by_id(self, ident: str) -> Node:
        hits = [n for n in self.all() if n.attrs.get("id") == ident]
        assert len(hits) == 1, f"{len(hits)} elements with id {ident}"
        return hits[0]


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Node(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        assert any(n.tag == tag for n in self.stack), f"stray </{tag}>"
        while self.stack.pop().tag != tag:
            pass

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def dom(source: str) -> Node:
    builder = _Builder()
    builder.feed(source)
    builder.close()
    assert builder.stack == [builder.root], "unclosed elements: " + str(
        [n.tag for n in builder.stack[1:]]
    )
    return builder.root


def bar_labels(chart: Node) -> dict[str, str]:
    """label -> value of a horizontal bar chart."""
    out = {}
    for row in chart.all("g", "row"):
        texts = row.all("text")
        out[texts[0].text] = texts[1].text
    return out


# ---------------------------------------------------------------------------------------------
# The page, parsed


def test_summary_and_charts_count_the_real_diagnostics() -> None:
    report = posts_report()
    diags = report.diagnostics
    codes = {d.code for d in diags}
    assert {"TL101", "TL102", "TL103", "TL202"} <= codes  # the posts do what they should
    doc = dom(page(report))

    summary = {tr.all("th")[0].text: tr.all("td")[0].text for tr in doc.by_id("summary").all("tr")}
    assert summary["Records"] == "4"
    assert summary["Texts with diagnostics"] == "3"
    assert summary["Diagnostics"] == str(len(diags))
    assert summary["warning"] == str(sum(d.severity is Severity.WARNING for d in diags))

    rules = doc.by_id("chart-rules")
    assert {row.attrs["data-code"] for row in rules.all("g", "row")} == codes
    assert len(rules.all("rect")) == len(codes)
    registry = default_registry()
    for code in codes:
        rule = registry.get(code)
        assert rule is not None
        n = sum(d.code == code for d in diags)
        assert bar_labels(rules)[f"{code} {rule.name}"] == str(n)

    families = bar_labels(doc.by_id("chart-families"))
    assert families["address"] == str(sum(d.code.startswith("TL1") for d in diags))
    assert families["jargon"] == str(sum(d.code.startswith("TL2") for d in diags))

    languages = bar_labels(doc.by_id("chart-languages"))
    assert set(languages) == {"nl (Dutch)", "fr (French)", "en (English)"}
    assert languages["nl (Dutch)"] == str(len(report.files[0].diagnostics))

    authors = bar_labels(doc.by_id("chart-authors"))
    anna = len(report.files[0].diagnostics) + len(report.files[2].diagnostics)
    assert authors == {
        "Anna": str(anna),
        "Bob": str(len(report.files[1].diagnostics)),
        "Chloé": "0",
    }
    assert list(authors) == ["Anna", "Bob", "Chloé"]  # most diagnostics first

    march = len(report.files[0].diagnostics) + len(report.files[1].diagnostics)
    april = len(report.files[2].diagnostics)
    assert march > 1 and april > 1
    months = doc.by_id("chart-months")
    assert [t.text for t in months.all("rect")] == [
        f"2024-03: {march} diagnostics in 2 records",
        f"2024-04: {april} diagnostics in 2 records",
    ]

    cadence = doc.by_id("chart-cadence")
    assert len(cadence.all("rect")) == (date(2024, 4, 3) - date(2024, 3, 1)).days + 1
    assert [r.text for r in cadence.all("rect")][:2] == [
        "2024-03-01: 1 record",
        "2024-03-02: 0 records",
    ]
    assert doc.by_id("cadence").all("p", "none"), "four posts in a month are no burst"
    assert summary["Bursts before a quiet week"] == "0"
    for chart in ("chart-families", "chart-rules", "chart-languages", "chart-authors"):
        assert not doc.by_id(chart).all("p", "no-data")


def test_a_language_tonelint_does_not_lint_is_named_unsupported() -> None:
    # Written for this test by the tonelint team: a German post among Dutch ones.
    german = "Wir freuen uns sehr, Ihnen unsere neue App vorzustellen!"
    report = Report(files=[record(1, DUTCH, "Anna", None), record(2, german, "Bob", None)])
    languages = bar_labels(dom(page(report)).by_id("chart-languages"))
    assert languages == {
        "nl (Dutch)": str(len(report.files[0].diagnostics)),
        "de (unsupported)": "1",  # its TL001
    }
    assert [d.code for d in report.files[1].diagnostics] == ["TL001"]


def test_worst_records_show_the_text_with_every_flagged_span_marked() -> None:
    report = posts_report()
    doc = dom(page(report))
    articles = doc.by_id("worst").all("article", "record")
    assert len(articles) == 3  # the clean post is not among the worst
    registry = default_registry()
    by_text = {r.text: r for r in report.files}
    for article in articles:
        shown = article.all("div", "text")[0]
        result = by_text[shown.text]  # the text comes back exactly, escaped and unescaped
        marked: dict[str, str] = {}
        for mark in shown.all("mark"):
            for ref in mark.attrs["data-d"].split():
                marked[ref] = marked.get(ref, "") + mark.text
        items = article.all("li", "diag")
        assert len(items) == len(result.diagnostics)
        found = {(li.attrs["data-code"], marked[li.attrs["id"]]) for li in items}
        assert found == {(d.code, result.text[d.start : d.end]) for d in result.diagnostics}
        for li in items:
            rule = registry.get(li.attrs["data-code"])
            assert rule is not None
            docs = li.all("details")[0].all("div", "rule-docs")[0].text
            assert rule.docs.what.replace("`", "") in docs
            assert rule.docs.why.replace("`", "") in docs
    # The Dutch letter formula “Wij verzoeken u” overlaps the formal “u”: one piece, two refs.
    dutch = next(a for a in articles if a.all("div", "text")[0].text == DUTCH)
    assert dutch.all("div", "text")[0].attrs["lang"] == "nl"
    overlap = dutch.all("mark", "overlap")
    assert [m.text for m in overlap] == ["u"]
    assert len(overlap[0].attrs["data-d"].split()) == 2


def test_a_post_with_markup_is_shown_as_text() -> None:
    source = page(posts_report())
    assert "<script>alert(" not in source
    assert (
        '<span class="markup">&lt;script&gt;</span>alert(&#x27;x&#x27;)'
        '<span class="markup">&lt;/script&gt;</span> &amp; more.'
    ) in source  # escaped, its tags dimmed as markup
    doc = dom(source)
    assert len(doc.all("script")) == 1  # the page's own filter script, nothing from a post
    texts = [n.all("div", "text")[0].text for n in doc.all("article", "record")]
    assert SCRIPTED in texts


def test_overlapping_spans_are_cut_not_nested() -> None:
    def diag(code: str, severity: Severity, start: int, end: int) -> Diagnostic:
        return Diagnostic(code, code.lower(), severity, "m", start, end)

    text = 'ab<c>&"d'
    marked = html_report.highlight(
        text,
        [
            diag("TL901", Severity.WARNING, 0, 4),
            diag("TL902", Severity.ERROR, 2, 6),
            diag("TL903", Severity.SUGGESTION, 7, 7),
        ],
    )
    assert marked == (
        '<mark class="sev-warning" data-d="d-0" title="TL901 tl901">ab</mark>'
        '<mark class="sev-error overlap" data-d="d-0 d-1" title="TL901 tl901; TL902 tl902">'
        "&lt;c</mark>"
        '<mark class="sev-error" data-d="d-1" title="TL902 tl902">&gt;&amp;</mark>&quot;'
        '<mark class="sev-suggestion point" data-d="d-2" title="TL903 tl903"></mark>d'
    )
    assert dom(marked).text == text


def test_a_records_markup_is_dimmed_and_its_words_marked() -> None:
    from tonelint.sources.html import regions

    text = '<p>Kunt u <a href="/x">ons</a> helpen?</p>'
    markup = [(e.span.start, e.span.end) for e in regions(text)]
    tl101 = Diagnostic("TL101", "a", Severity.WARNING, "m", 3, 9)
    across = Diagnostic("TL205", "b", Severity.SUGGESTION, "m", 10, 26)  # "<a ...>ons"
    marked = html_report.highlight(text, [tl101, across], markup=markup)
    assert marked == (
        '<span class="markup">&lt;p&gt;</span>'
        '<mark class="sev-warning" data-d="d-0" title="TL101 a">Kunt u</mark> '
        '<mark class="sev-suggestion" data-d="d-1" title="TL205 b">'
        '<span class="markup">&lt;a href=&quot;/x&quot;&gt;</span></mark>'
        '<mark class="sev-suggestion" data-d="d-1" title="TL205 b">ons</mark>'
        '<span class="markup">&lt;/a&gt;</span> helpen?<span class="markup">&lt;/p&gt;</span>'
    )
    assert dom(marked).text == text


def test_a_record_is_shown_as_it_reads() -> None:
    """Character references as their characters, the marks moved with the text."""
    from tonelint.sources.records import FieldMap, record_documents

    text = "<p>We&#8217;re pleased to announce our new app&nbsp;&amp; more!</p>"
    fields = FieldMap.from_settings(SETTINGS.fields)
    [doc] = record_documents("export.jsonl", 1, {"id": "p1", "text": text}, fields)
    diags = Linter(SETTINGS).lint(doc)
    assert [(d.code, text[d.start : d.end]) for d in diags] == [
        ("TL201", "We&#8217;re pleased to announce")
    ]
    result = FileResult(doc.path, doc.text, diags, SETTINGS, origin=doc.origin)
    [article] = dom(page(Report(files=[result]))).all("article", "record")
    shown = article.all("div", "text")[0]
    assert shown.text == "<p>We’re pleased to announce our new app\xa0& more!</p>"
    assert [m.text for m in shown.all("mark")] == ["We’re pleased to announce"]
    assert [m.text for m in shown.all("span", "markup")] == ["<p>", "</p>"]


def test_charts_without_data_say_so() -> None:
    plain = Document(SCRIPTED, path="post.txt")
    result = FileResult(plain.path, plain.text, Linter(SETTINGS).lint(plain), SETTINGS)
    doc = dom(page(Report(files=[result])))
    assert doc.by_id("chart-rules").all("rect")
    for chart in ("chart-authors", "chart-months", "chart-cadence"):
        node = doc.by_id(chart)
        assert not node.all("svg"), chart
        assert node.all("p", "no-data")[0].text.startswith("No data:"), chart

    empty = dom(page(Report()))
    for chart in ("chart-families", "chart-rules", "chart-languages"):
        assert empty.by_id(chart).all("p", "no-data")[0].text == "No data: no diagnostics."
        assert not empty.by_id(chart).all("svg")
    assert empty.by_id("worst").all("p", "no-data")[0].text == "No data: no diagnostics."


# ---------------------------------------------------------------------------------------------
# Dates and cadence


@pytest.mark.parametrize(
    "value",
    [
        "2024-03-01",
        "2024-03-01 10:12:00",
        "2024-03-01T10:12:00Z",
        "2024-03-01T23:30:00-05:00",  # the day as written, not moved to UTC
        "2024-03-01T10:12:00.123+02:00",
        "2024/03/01",
        "01-03-2024",
        "1.3.2024",
        "Fri, 01 Mar 2024 10:12:00 +0000",
        "1709287920",
        "1709287920123",  # milliseconds
        "Fri Mar 01 10:12:00 +0000 2024",  # an X archive's created_at
        " 2024-03-01 ",
    ],
)
def test_common_date_formats_are_read(value: str) -> None:
    assert html_report.parse_date(value) == date(2024, 3, 1)


@pytest.mark.parametrize(
    "value", ["03/01/2024", "2024-13-01", "31-02-2024", "yesterday", "", "2024-03-01 at noon"]
)
def test_ambiguous_or_broken_dates_are_not_guessed(value: str) -> None:
    assert html_report.parse_date(value) is None


def series(values: list[int]) -> list[tuple[date, int]]:
    start = date(2024, 1, 1)
    return [(start + timedelta(n), v) for n, v in enumerate(values)]


def test_a_burst_before_a_quiet_week_is_a_deadline() -> None:
    counts = html_report.daily_counts(cadence_days())
    assert counts[0] == (date(2024, 1, 1), 1)
    assert counts[-1] == (DEADLINE_DAY + timedelta(18), 1)
    assert dict(counts)[DEADLINE_DAY + timedelta(1)] == 0
    bursts = html_report.find_bursts(counts)
    assert bursts == [html_report.Burst(DEADLINE_DAY, 8, 0.5, 8)]
    assert bursts[0].deadline


def test_burst_thresholds() -> None:
    # The 14 days around 2024-01-08: seven 2s before, six 0s and a 1 after: median 1.5, so
    # 5 posts are a burst (>= 3 x 1.5), and the six quiet days after it are not a quiet week.
    values = [2] * 7 + [5] + [0] * 6 + [1]
    (burst,) = html_report.find_bursts(series(values))
    assert (burst.day, burst.posts, burst.median, burst.quiet_after) == (
        date(2024, 1, 8),
        5,
        1.5,
        6,
    )
    assert not burst.deadline
    # Four posts on a quiet day are not a burst (fewer than 5).
    assert html_report.find_bursts(series([0] * 7 + [4] + [0] * 7 + [1])) == []
    # Seven posts where the days around have 3 are not a burst (7 < 3 x 3).
    assert html_report.find_bursts(series([3] * 7 + [7] + [3] * 7)) == []
    # Exactly 5 posts, and exactly 3 x the median: bursts. The export ends after them, which is
    # not a quiet week (nothing is known about the days after the export).
    (five,) = html_report.find_bursts(series([1] * 7 + [5]))
    assert (five.posts, five.median, five.quiet_after, five.deadline) == (5, 1.0, None, False)
    (last,) = html_report.find_bursts(series([1, 2, 2, 1, 2, 2, 1, 6]))
    assert (last.posts, last.median, last.quiet_after, last.deadline) == (6, 2.0, None, False)
    # Seven days without a post and then a post: a deadline burst.
    (deadline,) = html_report.find_bursts(series([1] * 7 + [9] + [0] * 7 + [1]))
    assert (deadline.quiet_after, deadline.deadline) == (7, True)


def test_the_page_flags_posting_only_before_a_deadline() -> None:
    doc = dom(page(cadence_report()))
    (item,) = doc.by_id("burst-list").all("li")
    assert item.attrs["data-day"] == DEADLINE_DAY.isoformat()
    assert "deadline" in item.classes
    assert "posting only right before a deadline and going quiet after" in item.text
    (flagged,) = doc.by_id("deadline-bursts").all("li")
    assert flagged.attrs["data-day"] == DEADLINE_DAY.isoformat()
    assert flagged.text == "2024-01-21: 8 records, then 8 days without a post"
    summary = {tr.all("th")[0].text: tr for tr in doc.by_id("summary").all("tr")}
    assert summary["Posting bursts"].all("td")[0].text == "1"
    assert summary["Bursts before a quiet week"].all("td")[0].text == "1"
    assert "tone-problem" in summary["Bursts before a quiet week"].classes
    cadence = doc.by_id("chart-cadence")
    assert len(cadence.all("rect", "deadline")) == 1
    assert cadence.all("rect", "deadline")[0].text == "2024-01-21: 8 records (burst)"
    assert len(cadence.all("rect")) == 39  # 2024-01-01 .. 2024-02-08, quiet days included


def test_the_same_report_gives_the_same_bytes_in_any_process(tmp_path: Path) -> None:
    pages = []
    for seed in ("1", "2"):
        target = tmp_path / f"page-{seed}.html"
        code = (
            f"import sys; sys.path.insert(0, {str(Path(__file__).parent)!r}); "
            f"import test_html_report as t; t.write_page({str(target)!r})"
        )
        subprocess.run(
            [sys.executable, "-c", code], check=True, env={**os.environ, "PYTHONHASHSEED": seed}
        )
        pages.append(target.read_bytes())
    assert pages[0] == pages[1]
    assert pages[0] == page(cadence_report()).encode("utf-8")


# ---------------------------------------------------------------------------------------------
# The page in headless Chromium, over the DevTools protocol on a pipe

needs_chromium = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="headless Chromium is not installed (/usr/bin/chromium missing; "
    "apt-get install chromium)",
)


class Chromium:
    """Headless Chromium with the DevTools protocol on fds 3 (commands) and 4 (replies)."""

    def __init__(self, profile: Path, log: Path) -> None:
        import fcntl  # POSIX only, like the pipe itself

        to_chrome, self._out = os.pipe()
        self._in, from_chrome = os.pipe()
        # Above 10 first, so moving them to 3 and 4 in the child cannot clobber one another.
        ends = [fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10) for fd in (to_chrome, from_chrome)]
        os.close(to_chrome)
        os.close(from_chrome)

        def child() -> None:
            os.dup2(ends[0], 3)
            os.dup2(ends[1], 4)

        self._log = log.open("wb")
        self.proc = subprocess.Popen(
            [
                str(CHROMIUM),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={profile}",
                "--enable-logging=stderr",
                "--v=0",
                "--remote-debugging-pipe",
                "about:blank",
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=self._log,
            preexec_fn=child,
            close_fds=False,
            start_new_session=True,
        )
        for fd in ends:
            os.close(fd)
        self._buffer = b""
        self._id = 0
        self.events: list[dict[str, Any]] = []
        self.session = ""

    def send(self, method: str, params: dict[str, Any] | None = None, timeout: float = 60) -> Any:
        self._id += 1
        message: dict[str, Any] = {"id": self._id, "method": method, "params": params or {}}
        if self.session and not method.startswith(("Target.", "Browser.")):
            message["sessionId"] = self.session
        os.write(self._out, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            reply = self._next(deadline)
            if reply.get("id") == self._id:
                assert "error" not in reply, f"{method}: {reply['error']}"
                return reply["result"]
            self.events.append(reply)

    def wait_for(self, event: str, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while not any(e.get("method") == event for e in self.events):
            self.events.append(self._next(deadline))

    def _next(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            assert left > 0, "Chromium did not answer in time"
            ready, _, _ = select.select([self._in], [], [], left)
            if ready:
                chunk = os.read(self._in, 1 << 16)
                assert chunk, "Chromium closed the DevTools pipe"
                self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        reply: dict[str, Any] = json.loads(raw)
        return reply

    def open(self, path: Path) -> None:
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})[
            "sessionId"
        ]
        for domain in ("Runtime", "Log", "Page", "Network"):
            self.send(f"{domain}.enable")
        self.send("Page.navigate", {"url": path.resolve().as_uri()})
        self.wait_for("Page.loadEventFired")

    def evaluate(self, expression: str) -> Any:
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        assert "exceptionDetails" not in result, result["exceptionDetails"]
        return result["result"].get("value")

    def problems(self) -> list[str]:
        """Uncaught exceptions, console errors, error log entries and requests off the disk."""
        out = []
        for e in self.events:
            method, params = e.get("method"), e.get("params", {})
            if method == "Runtime.exceptionThrown":
                details = params["exceptionDetails"]
                out.append("exception: " + details.get("exception", {}).get("description", ""))
            elif method == "Runtime.consoleAPICalled" and params["type"] in ("error", "assert"):
                out.append("console: " + " ".join(str(a.get("value")) for a in params["args"]))
            elif method == "Log.entryAdded" and params["entry"]["level"] == "error":
                out.append("log: " + params["entry"]["text"])
            elif method == "Network.requestWillBeSent":
                url = params["request"]["url"]
                if not url.startswith(("file:", "data:", "about:")):
                    out.append("network: " + url)
        return out

    def close(self) -> str:
        """Close the browser; returns what it logged on stderr."""
        try:
            self.send("Browser.close", timeout=20)
            self.proc.wait(timeout=20)
        except (AssertionError, subprocess.TimeoutExpired):
            os.killpg(self.proc.pid, signal.SIGKILL)  # the group this test started
            self.proc.wait(timeout=20)
        finally:
            os.close(self._out)
            os.close(self._in)
            self._log.close()
        return Path(self._log.name).read_text(encoding="utf-8", errors="replace")


def in_chromium(tmp_path: Path, source: str, checks: str) -> tuple[Any, list[str], str]:
    """Open ``source`` in Chromium; the value of ``checks``, the problems, and stderr."""
    html = tmp_path / "report.html"
    html.write_text(source, encoding="utf-8")
    browser = Chromium(tmp_path / "profile", tmp_path / "chromium.log")
    try:
        browser.open(html)
        value = browser.evaluate(checks)
    finally:
        stderr = browser.close()
    return value, browser.problems(), stderr


CHECKS = """
(() => {
  const charts = {};
  for (const id of ["chart-families", "chart-rules", "chart-languages", "chart-authors",
                    "chart-months", "chart-cadence"]) {
    const svg = document.querySelector("#" + id + " svg");
    const box = svg ? svg.getBoundingClientRect() : {width: 0, height: 0};
    const drawn = svg ? [...svg.querySelectorAll("rect")].filter(r => {
      const b = r.getBBox(); return b.width > 0 && b.height > 0; }).length : 0;
    charts[id] = {width: box.width, height: box.height, drawn: drawn};
  }
  const select = document.getElementById("filter-rule");
  select.value = "TL202";
  select.dispatchEvent(new Event("change"));
  const visible = [...document.querySelectorAll("#worst .record")].filter(r => !r.hidden);
  const withRule = visible.filter(r => r.dataset.codes.split(" ").includes("TL202")).length;
  const details = visible[0].querySelector("details");
  details.querySelector("summary").click();
  return {
    charts: charts,
    marks: document.querySelectorAll("#worst mark").length,
    visible: visible.length,
    visibleWithRule: withRule,
    count: document.getElementById("filter-count").textContent,
    opened: details.open,
    docsShown: details.querySelector(".rule-docs").getBoundingClientRect().height > 0,
  };
})()
"""


@needs_chromium
def test_the_page_renders_in_chromium_without_errors(tmp_path: Path) -> None:
    report = cadence_report()
    source = page(report)
    value, problems, stderr = in_chromium(tmp_path, source, CHECKS)
    assert problems == []
    assert "Uncaught" not in stderr
    doc = dom(source)
    for chart, seen in value["charts"].items():
        assert seen["width"] > 0 and seen["height"] > 0, chart
        bars = [r for r in doc.by_id(chart).all("rect") if r.attrs["height"] != "0"]
        assert seen["drawn"] == len(bars) > 0, chart
    assert value["marks"] == len(doc.by_id("worst").all("mark"))
    articles = doc.by_id("worst").all("article", "record")
    with_rule = [a for a in articles if "TL202" in a.attrs["data-codes"].split()]
    assert 0 < len(with_rule) < len(articles)
    assert value["visible"] == value["visibleWithRule"] == len(with_rule)
    assert value["count"] == f"{len(with_rule)} records"
    assert value["opened"] and value["docsShown"]


@needs_chromium
def test_the_browser_check_sees_errors_and_network_requests(tmp_path: Path) -> None:
    broken = (
        "<!DOCTYPE html><html><head><link rel='icon' href='data:,'></head><body>"
        "<script>console.error('bad bar');</script>"
        "<img src='http://127.0.0.1:9/x.png'>"
        "<script>notDefined();</script></body></html>"
    )
    value, problems, stderr = in_chromium(tmp_path, broken, "document.images.length")
    assert value == 1
    assert "console: bad bar" in problems
    assert "network: http://127.0.0.1:9/x.png" in problems
    assert any(p.startswith("exception: ReferenceError: notDefined") for p in problems)
    assert "Uncaught ReferenceError: notDefined is not defined" in stderr
