"""Settings: one frozen object per document, layered config < overrides < CLI < front matter.

Config lives in ``tonelint.toml`` (top level) or ``[tool.tonelint]`` of ``pyproject.toml``, found
from the linted file's directory upwards; the nearest file wins (no merging across files, as in
ruff). Per-file settings come from ``[[overrides]]`` tables (``[[tool.tonelint.overrides]]``) with
a ``files`` list of globs relative to the config file's directory.
"""

from __future__ import annotations

import fnmatch
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from tonelint.diagnostics import Severity
from tonelint.documents import InputError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

LANGS = ("auto", "nl", "fr", "en")
AUDIENCES = ("youth", "general", "professional")
PLATFORMS = ("x", "bluesky", "mastodon", "threads", "linkedin", "instagram", "facebook", "none")
KINDS = ("post", "reply")
SEVERITIES = tuple(s.value for s in Severity)


class ConfigError(InputError):
    """A setting with an unknown key or value; names the file, the key and what is allowed."""


@dataclass(frozen=True)
class Settings:
    lang: str = "auto"
    audience: str = "general"
    platform: str = "none"
    kind: str = "post"
    select: tuple[str, ...] = ("TL",)
    ignore: tuple[str, ...] = ()
    fail_on: str = "warning"
    # Per-platform limit overrides, e.g. {"mastodon": 1000} for a server with a higher limit.
    limits: Mapping[str, int] = field(default_factory=dict)
    # Longest sentence, in words, before TL303 fires; 0 means "the language's default".
    max_sentence_words: int = 0
    # The organisation's own name(s), for TL206 (a brand speaking of itself in the third person).
    brand: tuple[str, ...] = ()
    # Installed trained spaCy pipelines to use per language, e.g. {"nl": "nl_core_news_sm"}.
    pipelines: Mapping[str, str] = field(default_factory=dict)
    # Field names in CMS exports, e.g. {"text": ("title", "body"), "id": ("post_id",)}.
    fields: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # Rule packs (tonelint/packs.py), as absolute paths: set in a config file or on the
    # command line, never in a document's front matter.
    rule_packs: tuple[str, ...] = ()

    def enabled(self, code: str) -> bool:
        """Whether a rule code is selected: the longest matching prefix of select/ignore wins."""
        best_sel = max((len(p) for p in self.select if code.startswith(p)), default=-1)
        best_ign = max((len(p) for p in self.ignore if code.startswith(p)), default=-1)
        return best_sel >= 0 and best_sel > best_ign

    def fails(self, severity: Severity) -> bool:
        return severity.rank >= Severity(self.fail_on).rank

    def merged(self, values: Mapping[str, object], source: str, where: str = "") -> Settings:
        """These settings with ``values`` (kebab-case keys) validated and applied."""
        changes: dict[str, Any] = {}
        for key, value in values.items():
            attr = key.replace("-", "_")
            if attr not in _VALIDATORS:
                raise ConfigError(
                    source,
                    f"unknown key {key!r}{where}; allowed keys: {', '.join(sorted(SETTING_KEYS))}",
                )
            changes[attr] = _VALIDATORS[attr](key, value, source)
        for table in ("limits", "pipelines", "fields"):
            if table in changes:
                changes[table] = {**getattr(self, table), **changes[table]}
        return replace(self, **changes)


def _choice(allowed: tuple[str, ...]) -> Callable[[str, object, str], str]:
    def check(key: str, value: object, source: str) -> str:
        if not isinstance(value, str) or value not in allowed:
            raise ConfigError(
                source, f"{key} = {value!r} is not allowed; allowed values: {', '.join(allowed)}"
            )
        return value

    return check


def _codes(key: str, value: object, source: str) -> tuple[str, ...]:
    items = value.split(",") if isinstance(value, str) else value
    if not isinstance(items, (list, tuple)) or not all(isinstance(v, str) for v in items):
        raise ConfigError(source, f"{key} must be a list of rule codes or prefixes, like ['TL3']")
    out = tuple(v.strip().upper() for v in items if v.strip())
    for code in out:
        if not (code.startswith("TL") and code[2:].isdigit() and len(code) <= 5) and code != "TL":
            raise ConfigError(
                source, f"{key}: {code!r} is not a rule code or prefix (e.g. 'TL301', 'TL3', 'TL')"
            )
    return out


def _limits(key: str, value: object, source: str) -> dict[str, int]:
    if not isinstance(value, Mapping):
        raise ConfigError(source, f"{key} must be a table like {{ mastodon = 1000 }}")
    out: dict[str, int] = {}
    for platform, limit in value.items():
        if platform not in PLATFORMS or platform == "none":
            allowed = ", ".join(p for p in PLATFORMS if p != "none")
            raise ConfigError(
                source, f"{key}: unknown platform {platform!r}; allowed values: {allowed}"
            )
        if isinstance(limit, bool) or not isinstance(limit, int) or limit <= 0:
            raise ConfigError(source, f"{key}.{platform} must be a positive integer")
        out[platform] = limit
    return out


def _names(key: str, value: object, source: str) -> tuple[str, ...]:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, (list, tuple)) or not all(
        isinstance(v, str) and v.strip() for v in items
    ):
        raise ConfigError(source, f"{key} must be a name or a list of names, like ['Acme']")
    return tuple(v.strip() for v in items)


def _pipelines(key: str, value: object, source: str) -> dict[str, str]:
    if not isinstance(value, Mapping):
        raise ConfigError(source, f'{key} must be a table like {{ nl = "nl_core_news_sm" }}')
    out: dict[str, str] = {}
    for lang, name in value.items():
        if lang not in ("nl", "fr", "en"):
            raise ConfigError(
                source, f"{key}: unknown language {lang!r}; allowed values: nl, fr, en"
            )
        if not isinstance(name, str) or not name.strip():
            raise ConfigError(source, f"{key}.{lang} must be a pipeline name or path")
        out[lang] = name
    return out


FIELD_KEYS = ("text", "id", "lang", "audience", "platform", "kind", "author", "date", "reply-to")


def _fields(key: str, value: object, source: str) -> dict[str, tuple[str, ...]]:
    if not isinstance(value, Mapping):
        raise ConfigError(source, f'{key} must be a table like {{ text = ["title", "body"] }}')
    out: dict[str, tuple[str, ...]] = {}
    for name, columns in value.items():
        if name not in FIELD_KEYS:
            allowed = ", ".join(FIELD_KEYS)
            raise ConfigError(source, f"{key}: unknown field {name!r}; allowed values: {allowed}")
        items = [columns] if isinstance(columns, str) else columns
        if (
            not isinstance(items, (list, tuple))
            or not items
            or not all(isinstance(c, str) and c for c in items)
            or (name != "text" and len(items) != 1)
        ):
            several = "a field name or a list of them" if name == "text" else "one field name"
            raise ConfigError(source, f"{key}.{name} must be {several}")
        out[name] = tuple(items)
    return out


def _rule_packs(key: str, value: object, source: str) -> tuple[str, ...]:
    """Pack files, relative to the config file (or the working directory for flags); each
    is read and checked now, so a bad pack is reported once, naming its file."""
    from tonelint.packs import load_pack

    items = [value] if isinstance(value, str) else value
    if not isinstance(items, (list, tuple)) or not all(isinstance(v, str) and v for v in items):
        raise ConfigError(source, f"{key} must be a list of rule pack files, like ['house.toml']")
    base = Path.cwd() if source == COMMAND_LINE else Path(source).parent
    out = []
    for item in items:
        path = (base / item).resolve()
        load_pack(path)
        out.append(str(path))
    return tuple(out)


def _positive_int(key: str, value: object, source: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ConfigError(source, f"{key} must be a non-negative integer")
    return value


_VALIDATORS: dict[str, Callable[[str, object, str], Any]] = {
    "lang": _choice(LANGS),
    "audience": _choice(AUDIENCES),
    "platform": _choice(PLATFORMS),
    "kind": _choice(KINDS),
    "select": _codes,
    "ignore": _codes,
    "fail_on": _choice(SEVERITIES),
    "limits": _limits,
    "max_sentence_words": _positive_int,
    "brand": _names,
    "pipelines": _pipelines,
    "fields": _fields,
    "rule_packs": _rule_packs,
}
COMMAND_LINE = "command line"  # the source of settings given as flags
SETTING_KEYS = frozenset(f.name.replace("_", "-") for f in fields(Settings))
assert {k.replace("_", "-") for k in _VALIDATORS} == SETTING_KEYS


@dataclass(frozen=True)
class Override:
    globs: tuple[str, ...]
    values: Mapping[str, object]


@dataclass(frozen=True)
class ConfigFile:
    """One config file: its base values and per-file overrides."""

    path: Path
    values: Mapping[str, object]
    overrides: tuple[Override, ...]

    def settings_for(self, file: Path, base: Settings) -> Settings:
        settings = base.merged(self.values, str(self.path))
        try:
            rel = file.resolve().relative_to(self.path.parent.resolve()).as_posix()
        except ValueError:
            rel = file.as_posix()
        for i, ov in enumerate(self.overrides):
            if any(fnmatch.fnmatchcase(rel, g) for g in ov.globs):
                settings = settings.merged(ov.values, str(self.path), f" in overrides[{i}]")
        return settings


def parse_config(path: Path) -> ConfigFile | None:
    """Read a config file; ``None`` for a pyproject.toml without ``[tool.tonelint]``."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(str(path), f"invalid TOML: {exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(str(path), f"cannot read config: {exc}") from None
    where = ""
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("tonelint")
        if table is None:
            return None
        where = " in [tool.tonelint]"
    else:
        table = data
    if not isinstance(table, dict):
        raise ConfigError(str(path), f"[tool.tonelint] must be a table{where}")
    raw_overrides = table.pop("overrides", [])
    if not isinstance(raw_overrides, list):
        raise ConfigError(str(path), "overrides must be an array of tables ([[overrides]])")
    overrides = []
    for i, ov in enumerate(raw_overrides):
        if not isinstance(ov, dict) or "files" not in ov:
            raise ConfigError(str(path), f"overrides[{i}] needs a 'files' list of globs")
        globs = ov.pop("files")
        if isinstance(globs, str):
            globs = [globs]
        if not isinstance(globs, list) or not all(isinstance(g, str) for g in globs):
            raise ConfigError(str(path), f"overrides[{i}].files must be a list of globs")
        overrides.append(Override(tuple(globs), ov))
    config = ConfigFile(path, table, tuple(overrides))
    # Validate eagerly so that a bad key is reported even if no file matches an override.
    base = Settings().merged(config.values, str(path), where)
    for i, ov in enumerate(config.overrides):
        base.merged(ov.values, str(path), f" in overrides[{i}]")
    return config


class ConfigFinder:
    """Finds the nearest config for a path, caching per directory."""

    NAMES = ("tonelint.toml", "pyproject.toml")

    def __init__(self, explicit: Path | None = None) -> None:
        self._explicit = parse_config(explicit) if explicit else None
        self._cache: dict[Path, ConfigFile | None] = {}

    def find(self, file: Path) -> ConfigFile | None:
        if self._explicit is not None:
            return self._explicit
        directory = file.resolve().parent if not file.is_dir() else file.resolve()
        seen: list[Path] = []
        found: ConfigFile | None = None
        for d in (directory, *directory.parents):
            if d in self._cache:
                found = self._cache[d]
                break
            seen.append(d)
            found = self._in_dir(d)
            if found is not None:
                break
        for d in seen:
            self._cache[d] = found
        return found

    def _in_dir(self, d: Path) -> ConfigFile | None:
        for name in self.NAMES:
            candidate = d / name
            if candidate.is_file():
                config = parse_config(candidate)
                if config is not None:
                    return config
        return None
