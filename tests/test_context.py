"""What rules see: Context.tokens reads as the list of the Doc's non-whitespace tokens."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tonelint import Document, Settings
from tonelint.context import Context

_PIECES = ["Kunt", "u", "mij", "helpen", "?", "!", ",", " ", "  ", "\n", "\n\n", "\t", "🎉"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14).map(" ".join))
def test_tokens_read_as_the_list_of_non_space_tokens(text: str) -> None:
    ctx = Context(Document(text), Settings(), "nl")
    expected = [t.i for t in ctx.doc if not t.is_space]
    tokens = ctx.tokens
    assert len(tokens) == len(expected) == len(ctx.words)
    assert [t.i for t in tokens] == expected
    assert [tokens[k].i for k in range(-len(expected), len(expected))] == [
        expected[k] for k in range(-len(expected), len(expected))
    ]
    for a in range(-3, len(expected) + 2):
        for b in (a - 1, a + 1, a + 3, len(expected) + 1):
            assert [t.i for t in tokens[a:b]] == expected[a:b]
