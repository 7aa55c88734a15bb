"""Config discovery, layering and validation, through the real CLI."""

from __future__ import annotations

from pathlib import Path

from conftest import check_json, codes, tonelint

LONG_EN = (
    "Our summer festival is back and it is bigger than ever before, with three stages, forty "
    "bands, a food market, a quiet zone for families and a brand new camping site right next to "
    "the lake, so bring your friends, your tent and your best mood. Tickets go on sale Friday at "
    "ten in the morning and the early bird price is only valid for the first thousand buyers."
)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_pyproject_found_from_file_directory_upwards(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.tonelint]\nplatform = "x"\n')
    draft = write(tmp_path / "drafts" / "deep" / "post.txt", LONG_EN)
    status, out = check_json(str(draft), cwd=tmp_path)
    assert codes(out) == ["TL303", "TL301"]
    assert status == 1


def test_tonelint_toml_wins_over_pyproject_in_same_directory(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.tonelint]\nplatform = "x"\n')
    write(tmp_path / "tonelint.toml", 'platform = "linkedin"\n')
    draft = write(tmp_path / "post.txt", LONG_EN)
    _, out = check_json(str(draft), cwd=tmp_path)
    assert "TL301" not in codes(out)


def test_override_by_glob_and_cli_over_config(tmp_path: Path) -> None:
    write(
        tmp_path / "tonelint.toml",
        'platform = "linkedin"\n[[overrides]]\nfiles = ["x/*.txt"]\nplatform = "x"\n',
    )
    on_x = write(tmp_path / "x" / "post.txt", LONG_EN)
    on_linkedin = write(tmp_path / "li" / "post.txt", LONG_EN)
    _, out = check_json(str(on_x), str(on_linkedin), "--select", "TL301", cwd=tmp_path)
    assert [(Path(d["path"]).parent.name, d["code"]) for d in out["diagnostics"]] == [
        ("x", "TL301")
    ]
    # A flag beats the config: both files are now linted for X.
    _, out = check_json(
        str(on_x), str(on_linkedin), "--select", "TL301", "--platform", "x", cwd=tmp_path
    )
    assert codes(out) == ["TL301", "TL301"]


def test_front_matter_over_cli_and_config(tmp_path: Path) -> None:
    write(tmp_path / "tonelint.toml", 'platform = "x"\n')
    draft = write(tmp_path / "post.md", f"---\nplatform: linkedin\n---\n{LONG_EN}\n")
    _, out = check_json(str(draft), "--platform", "x", "--select", "TL301", cwd=tmp_path)
    assert codes(out) == []


def test_mastodon_limit_overridden_in_config(tmp_path: Path) -> None:
    write(tmp_path / "tonelint.toml", "[limits]\nmastodon = 100\n")
    draft = write(tmp_path / "toot.txt", LONG_EN)
    _, out = check_json(str(draft), "--platform", "mastodon", "--select", "TL301", cwd=tmp_path)
    assert codes(out) == ["TL301"]
    assert "allows 100 (" in out["diagnostics"][0]["message"]


def test_unknown_key_names_file_key_and_allowed_keys(tmp_path: Path) -> None:
    config = write(tmp_path / "tonelint.toml", 'platfrom = "x"\n')
    draft = write(tmp_path / "post.txt", "Hello there, see you soon at the park tonight.")
    proc = tonelint("check", str(draft), cwd=tmp_path)
    assert proc.returncode == 2
    assert f"{config}: error: unknown key 'platfrom'" in proc.stdout
    assert (
        "allowed keys: audience, brand, fail-on, fields, ignore, kind, lang, limits" in proc.stdout
    )


def test_unknown_value_names_file_key_and_allowed_values(tmp_path: Path) -> None:
    config = write(tmp_path / "pyproject.toml", '[tool.tonelint]\naudience = "kids"\n')
    draft = write(tmp_path / "post.txt", "Hello there, see you soon at the park tonight.")
    proc = tonelint("check", str(draft), cwd=tmp_path)
    assert proc.returncode == 2
    assert (
        f"{config}: error: audience = 'kids' is not allowed; allowed values: youth, general, "
        "professional" in proc.stdout
    )


def test_bad_front_matter_value_names_the_draft(tmp_path: Path) -> None:
    bad = write(tmp_path / "bad.md", "---\nplatform: myspace\n---\nHello there, how are you?\n")
    good = write(tmp_path / "good.md", "---\nplatform: x\n---\n" + LONG_EN + "\n")
    proc = tonelint("check", str(bad), str(good), cwd=tmp_path)
    assert proc.returncode == 2
    assert f"{bad}: error: platform = 'myspace' is not allowed; allowed values: x, bluesky" in (
        proc.stdout
    )
    assert f"{good}:4:" in proc.stdout  # the other file is still linted


def test_select_and_ignore_by_prefix(tmp_path: Path) -> None:
    draft = write(tmp_path / "post.txt", LONG_EN)
    _, out = check_json(str(draft), "--platform", "x", "--ignore", "TL3", cwd=tmp_path)
    assert codes(out) == []
    _, out = check_json(
        str(draft), "--platform", "x", "--ignore", "TL3", "--select", "TL301", cwd=tmp_path
    )
    assert codes(out) == ["TL301"]  # the longer prefix wins
