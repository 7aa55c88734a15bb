"""twitter-text's own conformance cases for the v3 weighted length, run against parse_tweet.

The cases come from twitter-text's ``conformance/validate.yml`` (Apache-2.0), kept in the shared
data folder next to the repository; every case of the two sections that apply to the v3
configuration runs, and every expected field is compared.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from tonelint.platforms import parse_tweet

VALIDATE_YML = (
    Path(__file__).resolve().parents[2] / "shared" / "data" / "twitter-text" / "validate.yml"
)
SECTIONS = ("WeightedTweetsWithDiscountedEmojiCounterTest", "UnicodeDirectionalMarkerCounterTest")
FIELDS = {
    "weightedLength": "weighted_length",
    "valid": "valid",
    "permillage": "permillage",
    "displayRangeStart": "display_range_start",
    "displayRangeEnd": "display_range_end",
    "validRangeStart": "valid_range_start",
    "validRangeEnd": "valid_range_end",
}


def _cases() -> list[Any]:
    if not VALIDATE_YML.is_file():
        return [
            pytest.param(
                None,
                marks=pytest.mark.skip(
                    reason=f"twitter-text conformance file missing: {VALIDATE_YML}"
                ),
                id="validate.yml-missing",
            )
        ]
    with VALIDATE_YML.open(encoding="utf-8") as handle:
        tests = yaml.safe_load(handle)["tests"]
    return [
        pytest.param(case, id=f"{section}: {case['description']}")
        for section in SECTIONS
        for case in tests[section]
    ]


CASES = _cases()


def test_both_v3_sections_are_there() -> None:
    if not VALIDATE_YML.is_file():
        pytest.skip(f"twitter-text conformance file missing: {VALIDATE_YML}")
    # 22 weighted-length cases and 2 directional-mark cases in twitter-text 3.x: a file that
    # lost a section would otherwise pass with nothing run.
    assert len(CASES) >= 24


@pytest.mark.parametrize("case", CASES)
def test_parse_tweet_matches_twitter_text(case: dict[str, Any]) -> None:
    result = parse_tweet(case["text"])
    actual = {name: getattr(result, attribute) for name, attribute in FIELDS.items()}
    assert actual == case["expected"]
