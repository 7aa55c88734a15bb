"""Fuzzing tonelint's entry points with hypothesis: the whole `lint` and every input parser.

    python bench/fuzz.py --cases 100000          # the documented run (minutes)
    python bench/fuzz.py --cases 200 --target csv

A target passes when no input makes it raise anything but tonelint's own InputError (a clear
message about the input): never a crash, never a hang past hypothesis's deadline. Texts mix
emoji, ZWJ sequences, combining accents, RTL marks, tabs, every newline style and words the rules
react to; bytes for the parsers are random, and real exports (as written, in UTF-16 or UTF-32, gzip-
compressed) mutated.
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import gzip
import tempfile
from collections.abc import Callable
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tonelint
from tonelint.documents import Encoding, InputError
from tonelint.sources import markdown, records

PIECES = [
    "Kunt u",
    "uw",
    "U",
    "vous",
    "Pouvez-vous",
    "votre",
    "Leuk!",
    "Merci !",
    "synergy",
    "toonaangevend",
    "We are thrilled to announce",
    "Tag a friend",
    "👩‍👩‍👧",
    "🫶🏽",
    "🇳🇱",
    "e\u0301",
    "\u200f",
    "\u202e",
    "\t",
    "\n",
    "\r\n",
    "\r",
    "  ",
    "#zomer",
    "@jan@mastodon.social",
    "https://example.org/a?b=1",
    "<!-- tonelint-disable-next-line TL301 -->",
    "```",
    "`code`",
    "---\nplatform: x\n---\n",
    "[link](https://x.org)",
    "\ufeff",
    "\x00",
    "\ud7ff",
    "!!!",
]
TEXT = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), max_size=30).map("".join)
SETTINGS = st.builds(
    tonelint.Settings,
    lang=st.sampled_from(["auto", "nl", "fr", "en"]),
    audience=st.sampled_from(["youth", "general", "professional"]),
    platform=st.sampled_from(["x", "bluesky", "mastodon", "instagram", "none"]),
    kind=st.sampled_from(["post", "reply"]),
)
REAL = {
    "csv": b'id,text,lang\n1,"Kunt u ons helpen?",nl\n2,Leuk!,\n',
    "jsonl": (
        b'{"id": 1, "text": "Merci !", "kind": "reply"}\n{"id": 2, "text": "RT if you agree"}\n'
    ),
    "json": b'[{"id": 1, "text": "Tag a friend!"}]',
    "wxr": (
        Path(__file__).resolve().parent.parent / "tests" / "data" / "wxr" / "blog.xml"
    ).read_bytes(),
}


def stored(data: bytes) -> list[bytes]:
    """A real export as it may be stored: as written, in UTF-16 or UTF-32 with a byte order
    mark, gzip-compressed."""
    text = data.decode("utf-8")
    return [
        data,
        codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
        codecs.BOM_UTF32_LE + text.encode("utf-32-le"),
        gzip.compress(data, mtime=0),
    ]


def mutated(fmt: str) -> st.SearchStrategy[bytes]:
    def mutate(data: tuple[bytes, int, int, bytes]) -> bytes:
        base, at, cut, insert = data
        at = at % (len(base) + 1)
        return base[:at] + insert + base[at + cut :]

    return st.one_of(
        st.binary(max_size=300),
        st.tuples(
            st.sampled_from(stored(REAL[fmt])),
            st.integers(0, 10**6),
            st.integers(0, 40),
            st.binary(max_size=20),
        ).map(mutate),
    )


def target_lint(cases: int) -> Callable[[], None]:
    @settings(
        max_examples=cases, deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )
    @given(TEXT, SETTINGS, st.booleans())
    def run(text: str, config: tonelint.Settings, as_markdown: bool) -> None:
        try:
            diags = tonelint.lint(text, settings=config, markdown=as_markdown)
        except InputError:
            return
        fixed = tonelint.apply_fixes(text, diags, unsafe=True)
        assert isinstance(fixed, str)
        for d in diags:
            assert 0 <= d.start <= d.end <= len(text)

    return run


def target_markdown(cases: int) -> Callable[[], None]:
    @settings(
        max_examples=cases, deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )
    @given(TEXT)
    def run(text: str) -> None:
        try:
            document = markdown.parse(text, "fuzz.md", Encoding())
        except InputError:
            return
        assert len(document.prose()) == len(text)

    return run


def target_export(fmt: str, cases: int) -> Callable[[], None]:
    @settings(
        max_examples=cases, deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )
    @given(mutated(fmt))
    def run(data: bytes) -> None:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / f"export.{fmt}"
            path.write_bytes(data)
            for item in records.documents(path, fmt, records.FieldMap()):
                if isinstance(item, InputError):
                    continue
                with contextlib.suppress(InputError):
                    tonelint.Linter().lint(item)

    return run


def targets(cases: int) -> dict[str, Callable[[], None]]:
    out = {"lint": target_lint(cases), "markdown": target_markdown(cases)}
    for fmt in REAL:
        out[fmt] = target_export(fmt, max(cases // 10, 1))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--target", choices=["lint", "markdown", *REAL], default=None)
    args = parser.parse_args()
    for name, run in targets(args.cases).items():
        if args.target in (None, name):
            run()
            print(f"{name}: no crash")


if __name__ == "__main__":
    main()
