"""Benchmark: finding the HTML in a record's text stays linear, also on text made against it.

    python bench/html_regions.py

Each case is a 1,000,000-character record (tonelint's limit for one text) of one piece
repeated: openings that never close ("<!--", "<?", an unclosed quote), many "<", and real markup.
A pattern that tries every "<" to the end of the text takes hours on these; the scan in
tonelint/sources/html.py takes seconds.
"""

from __future__ import annotations

import time

from tonelint.sources.html import regions

CASES = {
    "unclosed comments": "<!--",
    "unclosed CDATA": "<![CDATA[",
    "unclosed processing instructions": "<?",
    "unclosed declarations": "<!A",
    "unclosed quoted attributes": '<a b="',
    "a tag of attributes never closed": "<a b=c ",
    "lone '<'": "<a ",
    "empty comments": "<!-->",
    "real markup": "Kunt u ons <b>helpen</b>? ",
}


def main() -> None:
    print(f"{'case':>34} {'regions':>8} {'seconds':>8}")
    for name, piece in CASES.items():
        text = piece * (1_000_000 // len(piece))
        start = time.perf_counter()
        found = regions(text)
        print(f"{name:>34} {len(found):>8,} {time.perf_counter() - start:>8.2f}")


if __name__ == "__main__":
    main()
