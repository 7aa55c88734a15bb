"""Offsets to line/column, and decoding files, exactly."""

from __future__ import annotations

import codecs

import pytest

from tonelint.documents import InputError, LineIndex, decode


@pytest.mark.parametrize(
    ("text", "offset", "expected"),
    [
        ("Hallo\r\nwereld", 7, (2, 1)),  # CRLF is one line break
        ("Hallo\r\nwereld", 6, (1, 7)),  # the \n of the CRLF is still on line 1
        ("Salut\rle monde", 6, (2, 1)),  # a lone CR ends a line
        ("a\n\nb", 3, (3, 1)),
        ("🫶🏽 top\nok", 3, (1, 4)),  # emoji + skin tone: two code points, two columns
        ("cafe\u0301 ouvert", 6, (1, 7)),  # decomposed é: e + combining accent
        ("\tTab here", 1, (1, 2)),  # a tab is one column
        ("end", 3, (1, 4)),  # the end of the text is a valid position
    ],
)
def test_line_and_column(text: str, offset: int, expected: tuple[int, int]) -> None:
    assert LineIndex(text).position(offset) == expected


def test_offset_outside_text_is_an_error() -> None:
    with pytest.raises(ValueError):
        LineIndex("abc").position(4)


@pytest.mark.parametrize(
    ("data", "text", "codec", "bom"),
    [
        ("Hé".encode(), "Hé", "utf-8", b""),
        (codecs.BOM_UTF8 + "Hé".encode(), "Hé", "utf-8", codecs.BOM_UTF8),
        (codecs.BOM_UTF16_LE + "Hé".encode("utf-16-le"), "Hé", "utf-16-le", codecs.BOM_UTF16_LE),
        (codecs.BOM_UTF16_BE + "Hé".encode("utf-16-be"), "Hé", "utf-16-be", codecs.BOM_UTF16_BE),
    ],
)
def test_decode_keeps_encoding(data: bytes, text: str, codec: str, bom: bytes) -> None:
    decoded, encoding = decode(data, "draft.txt")
    assert decoded == text
    assert (encoding.codec, encoding.bom) == (codec, bom)
    assert encoding.encode(decoded) == data


def test_invalid_utf8_names_file_and_byte() -> None:
    with pytest.raises(InputError, match=r"draft\.txt: not valid UTF-8 at byte 3"):
        decode(b"abc\xff\xfe", "draft.txt")


def test_binary_file_is_refused() -> None:
    with pytest.raises(InputError, match=r"logo\.png: binary file"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "logo.png")
