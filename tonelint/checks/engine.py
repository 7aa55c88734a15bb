"""TL0xx: what the engine itself reports. These rules have no check function: the linter emits
them (language it cannot lint, suppression comments that did nothing or name unknown rules)."""

from __future__ import annotations

from tonelint.diagnostics import Severity
from tonelint.registry import Docs, Example, Rule

UNSUPPORTED_LANGUAGE = Rule(
    code="TL001",
    name="unsupported-language",
    severity=Severity.INFO,
    summary="Text in a language tonelint has no language rules for",
    docs=Docs(
        what=(
            "Reports a document whose language is not Dutch, French or English (or could not be "
            "determined), once, at its first words. Language rules (address, jargon, engagement) "
            "are not run on it; rules that need no language, such as the length rules, still are."
        ),
        why=(
            "A linter that applies Dutch word lists to German text raises false alarms, and one "
            "that stays silent leaves you believing the text was checked. Saying so is honest."
        ),
        fix_safety="No fix. Set `lang` in the config or front matter if detection is wrong.",
    ),
    examples=(
        Example("Wir freuen uns, Ihnen unsere neue App vorzustellen!", bad=True, lang="de"),
        Example("We are launching our new app today, have a look!", bad=False, lang="en"),
    ),
    check=None,
)

UNUSED_SUPPRESSION = Rule(
    code="TL002",
    name="unused-suppression",
    severity=Severity.WARNING,
    summary="A tonelint-disable comment that suppressed nothing",
    docs=Docs(
        what=(
            "Reports a `<!-- tonelint-disable... -->` comment, or a code in it, that suppressed no "
            "diagnostic in this run."
        ),
        why=(
            "Stale suppressions hide the next real problem at that spot and clutter the draft. "
            "When the text was fixed, the comment should go too."
        ),
        fix_safety=(
            "Safe: removes the comment (with its line when it stands alone), or only the unused "
            "codes from it. The text of the post does not change."
        ),
    ),
    examples=(
        Example(
            "<!-- tonelint-disable-file TL301 -->\nShort post.\n",
            bad=True,
            settings={"platform": "x"},
            flagged="<!-- tonelint-disable-file TL301 -->",
        ),
        Example(
            "<!-- tonelint-disable-file TL301 -->\n" + "A very long post indeed. " * 14 + "\n",
            bad=False,
            settings={"platform": "x"},
        ),
    ),
    check=None,
)

UNKNOWN_SUPPRESSION_CODE = Rule(
    code="TL003",
    name="unknown-suppression-code",
    severity=Severity.WARNING,
    summary="A tonelint comment names a rule code that does not exist",
    docs=Docs(
        what="Reports codes in `<!-- tonelint-... -->` comments that match no rule.",
        why="A typo in a code suppresses nothing, while it looks as if it does.",
        fix_safety="No fix: tonelint cannot know which code was meant.",
    ),
    examples=(
        Example("<!-- tonelint-disable TL999 -->\nHello there, how are you?", bad=True),
        Example("<!-- tonelint-disable TL3 -->\nHello there, how are you?", bad=False),
    ),
    check=None,
)

RULES = (UNSUPPORTED_LANGUAGE, UNUSED_SUPPRESSION, UNKNOWN_SUPPRESSION_CODE)
