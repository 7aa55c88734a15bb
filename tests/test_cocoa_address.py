"""Formal address on CoCoA-MT: the translators' formal lines are flagged, their informal twins
are not, and the unsafe fix turns formal lines into the translators' informal ones.

The floors sit just under the figures reached (bench/address_cocoa.py prints them); a change
that makes the rules or fixes worse fails here.
"""

from __future__ import annotations

import sys

import pytest
from conftest import ROOT, shared

sys.path.insert(0, str(ROOT / "bench"))
from address_cocoa import measure

FLOORS = {
    # flagged among differing formal lines, flagged informal twins (ceiling), fix exact
    "nl": (0.99, 0.01, 0.75),
    "fr": (0.98, 0.02, 0.88),
}


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_formal_lines_flagged_informal_twins_not_and_fixes_match(lang: str) -> None:
    shared("data", "cocoa-mt-train")
    recall, false_alarms, fixes = FLOORS[lang]
    m = measure(lang)
    assert m["flagged_formal_differing"] >= recall
    assert m["flagged_informal"] <= false_alarms
    assert m["fix_exact"] >= fixes
