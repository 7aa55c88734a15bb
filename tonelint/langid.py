"""Language identification with langdetect, made deterministic.

langdetect samples at random; seeding its factory makes the same text give the same answer on
every run. Text with too few letters to judge is ``und`` rather than a guess.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import regex

SUPPORTED = ("nl", "fr", "en")
UNDETERMINED = "und"
MIN_LETTERS = 12
MIN_PROBABILITY = 0.70

_LETTER = regex.compile(r"\p{L}")
_NOISE = regex.compile(r"https?://\S+|www\.\S+|[@#][\w.]+", regex.UNICODE)


@lru_cache(maxsize=1)
def _factory() -> Any:
    from langdetect import DetectorFactory
    from langdetect.detector_factory import PROFILES_DIRECTORY

    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    factory.seed = 0
    return factory


def detect_language(text: str) -> str:
    """The ISO 639-1 code of ``text``'s language (``nl``, ``fr``, ``en``, ...) or ``und``."""
    cleaned = _NOISE.sub(" ", text)
    if len(_LETTER.findall(cleaned)) < MIN_LETTERS:
        return UNDETERMINED
    from langdetect.lang_detect_exception import LangDetectException

    detector = _factory().create()
    detector.append(cleaned)
    try:
        best = detector.get_probabilities()[0]
    except (LangDetectException, IndexError):
        return UNDETERMINED
    if best.prob < MIN_PROBABILITY:
        return UNDETERMINED
    return str(best.lang).split("-")[0]
