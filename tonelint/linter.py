"""The road: Document -> language -> rules -> suppression -> diagnostics."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import regex

from tonelint import langid, suppression
from tonelint.checks.engine import (
    UNKNOWN_SUPPRESSION_CODE,
    UNSUPPORTED_LANGUAGE,
    UNUSED_SUPPRESSION,
)
from tonelint.context import Context, Violation
from tonelint.diagnostics import Applicability, Diagnostic, Edit, Fix
from tonelint.documents import (
    Document,
    Excluded,
    InputError,
    LineIndex,
    OffsetMap,
    RecordError,
    Region,
    Span,
)
from tonelint.langid import SUPPORTED, UNDETERMINED, detect_language, detect_paragraphs
from tonelint.pipelines import bounded_memory
from tonelint.registry import ANY_LANGUAGE, Registry, Rule, default_registry
from tonelint.settings import Settings

# The longest text tonelint lints: spaCy's own limit for one Doc. A draft or a post is far
# shorter; a longer text is almost always the wrong file (a log, a dump).
MAX_CHARS = 1_000_000

# A text of fewer words whose language is unclear ("Top! 👍") gets no TL001: it is too short to
# have a language, and saying so on every short reply would be noise.
MIN_WORDS_FOR_UNDETERMINED = 5


class Linter:
    """Lints documents with one registry of rules; reusable across many texts.

    spaCy pipelines are loaded on first use per language and cached for the process.
    """

    def __init__(self, settings: Settings | None = None, registry: Registry | None = None) -> None:
        self.settings = settings or Settings()
        self.registry = registry or default_registry()
        self._selected: dict[tuple[tuple[str, ...], ...], _Selection] = {}

    def warm_up(self, settings: Settings | None = None) -> None:
        """Load what linting with ``settings`` needs (pipelines, language profiles, the URL
        patterns of X and Mastodon when that is the platform) now rather than on first use."""
        from tonelint import platforms
        from tonelint.pipelines import LANGUAGES, pipeline

        settings = settings or self.settings
        for lang in LANGUAGES:
            pipeline(lang, settings.pipelines.get(lang))
        detect_language("Warm up the language profiles with a sentence in English.")
        if settings.platform in ("x", "mastodon"):
            platforms.measure("https://example.org", settings.platform)

    def settings_for(self, document: Document, base: Settings | None = None) -> Settings:
        """Front matter over ``base`` (config and CLI flags already applied)."""
        settings = base or self.settings
        if document.front_matter:
            settings = settings.merged(document.front_matter, document.path, document.where)
        return settings

    def lint(
        self,
        document: Document,
        settings: Settings | None = None,
        *,
        languages: Languages | None = None,
        own_applied: bool = False,
    ) -> list[Diagnostic]:
        """The diagnostics of ``document``, in the order of their position.

        ``settings``: the settings over which the document's own (front matter, a record's
        fields) are applied; with ``own_applied``, settings that hold them already (what
        :meth:`settings_for` gave for this document), used as they are.
        ``languages``: what :meth:`languages` gave for this document and these settings, when
        the caller has it already (the runner has it found ahead, while it starts up).
        """
        if not own_applied:
            settings = self.settings_for(document, settings)
        elif settings is None:
            raise ValueError("own_applied=True needs the settings that hold them")
        with bounded_memory():  # the words of one text, once spaCy's vocabularies are full
            return self._lint(document, settings, languages)

    def languages(self, document: Document, settings: Settings | None = None) -> Languages:
        """The language of ``document`` and of its paragraphs under ``settings`` (front matter
        applied over them), as :meth:`lint` finds them; needs no spaCy pipeline."""
        _check_length(document)
        settings = self.settings_for(document, settings)
        document, _ = _with_directives(document.reading()[0])
        return _languages(document.prose(), settings)

    def _lint(
        self, document: Document, settings: Settings, languages: Languages | None
    ) -> list[Diagnostic]:
        _check_length(document)
        read, offsets = document.reading()  # rules see the text as it reads
        diagnostics = self._lint_read(read, settings, languages)
        if offsets is None:
            return diagnostics
        return [_written(d, offsets) for d in diagnostics]

    def _lint_read(
        self, document: Document, settings: Settings, languages: Languages | None
    ) -> list[Diagnostic]:
        document, directives = _with_directives(document)
        prose = document.prose()
        lang, paragraphs = languages or _languages(prose, settings)
        rules = self._rules(settings)
        diagnostics: list[Diagnostic] = []
        # Rules that need no language run once over the whole document.
        whole = Context(document, settings, lang)
        for rule in rules.whole:
            self._run(rule, whole, document, diagnostics)
        # Language rules run per language, each on the paragraphs in that language.
        for part_lang, part in _parts(document, lang, paragraphs):
            if part_lang not in SUPPORTED and settings.enabled(UNSUPPORTED_LANGUAGE.code):
                unsupported = self._unsupported(part, part_lang)
                if unsupported is not None:
                    diagnostics.append(unsupported)
            # Text too short to tell its language still meets rules that declare `und`
            # (a hollow reply such as "Merci !" is judged against every language's lexicon).
            ctx = Context(part, settings, part_lang)
            for rule in rules.of_language(part_lang):
                self._run(rule, ctx, part, diagnostics)
        diagnostics = self._suppress(document, directives, diagnostics, settings, lang)
        return sorted(diagnostics, key=lambda d: d.sort_key)

    def _rules(self, settings: Settings) -> _Selection:
        key = (settings.select, settings.ignore, settings.rule_packs)
        rules = self._selected.get(key)
        if rules is None:
            rules = self._selected[key] = _Selection(
                [
                    rule
                    for rule in (*self.registry, *_pack_rules(settings))
                    if rule.check is not None
                    and rule.status != "removed"
                    and settings.enabled(rule.code)
                ]
            )
        return rules

    def _run(self, rule: Rule, ctx: Context, document: Document, out: list[Diagnostic]) -> None:
        """Run one rule; its diagnostics are added to ``out``."""
        assert rule.check is not None
        for v in rule.check(ctx):
            out.append(self._diagnostic(rule, v, document, ctx.lang))

    def _diagnostic(self, rule: Rule, v: Violation, document: Document, lang: str) -> Diagnostic:
        return Diagnostic(
            code=rule.code,
            name=rule.name,
            severity=v.severity or rule.severity,
            message=v.message,
            start=v.start,
            end=v.end,
            lang=lang,
            fix=v.fix,
            path=document.path,
        )

    def _unsupported(self, document: Document, lang: str) -> Diagnostic | None:
        """TL001 at the first line of prose; none for a few words whose language is unclear."""
        prose = document.prose()
        first = regex.search(r"\S", prose)
        if lang == UNDETERMINED and len(prose.split()) < MIN_WORDS_FOR_UNDETERMINED:
            return None
        start = end = 0
        if first:
            start = first.start()
            index = LineIndex(document.text)
            line, _ = index.position(start)
            end = index.line_end(line, document.text)
        what = "could not be determined" if lang == UNDETERMINED else f"looks like {lang!r}"
        v = Violation(
            start,
            max(start, end),
            f"The language {what}; tonelint lints nl, fr and en, so language rules were not "
            "run on this text. Set `lang` if this is wrong.",
        )
        return self._diagnostic(UNSUPPORTED_LANGUAGE, v, document, lang)

    def _suppress(
        self,
        document: Document,
        directives: list[suppression.Directive],
        diagnostics: list[Diagnostic],
        settings: Settings,
        lang: str,
    ) -> list[Diagnostic]:
        if not directives:
            return diagnostics
        scopes = suppression.scopes(document.text, directives)
        used: dict[suppression.Directive, set[str]] = {d: set() for d in directives}
        kept = []
        for diag in diagnostics:
            suppressed = False
            for scope in scopes:
                matched = scope.directive.matching(diag.code)
                if matched is not None and scope.start <= diag.start <= scope.end:
                    used[scope.directive].add(matched)
                    suppressed = True
            if not suppressed:
                kept.append(diag)
        for d in directives:
            unknown = [
                c
                for c in d.codes
                if not self.registry.matching(c)
                and not any(r.code.startswith(c) for r in _pack_rules(settings))
            ]
            if unknown and settings.enabled(UNKNOWN_SUPPRESSION_CODE.code):
                kept.append(
                    self._diagnostic(
                        UNKNOWN_SUPPRESSION_CODE,
                        Violation(
                            d.codes_span.start,
                            d.codes_span.end,
                            f"No rule has the code {', '.join(unknown)}; the comment suppresses "
                            "nothing for it.",
                        ),
                        document,
                        lang,
                    )
                )
            if d.kind == "enable" or not settings.enabled(UNUSED_SUPPRESSION.code):
                continue
            unused = [c for c in (d.codes or ("",)) if c not in used[d] and c not in unknown]
            if not unused:
                continue
            kept.append(
                self._diagnostic(
                    UNUSED_SUPPRESSION,
                    self._unused(document.text, d, unused),
                    document,
                    lang,
                )
            )
        return kept

    def _unused(self, text: str, d: suppression.Directive, unused: list[str]) -> Violation:
        comment = text[d.span.start : d.span.end]
        remaining = [c for c in d.codes if c not in unused]
        if remaining:
            replacement = f"<!-- tonelint-{d.kind} {', '.join(remaining)} -->"
            edit = Edit(d.span.start, d.span.end, replacement)
            title = f"Remove unused code{'s' if len(unused) > 1 else ''} {', '.join(unused)}"
            what = f"Code{'s' if len(unused) > 1 else ''} {', '.join(unused)} in {comment}"
        else:
            edit = _remove_comment(text, d.span)
            title = "Remove the unused suppression comment"
            what = comment
        return Violation(
            d.span.start,
            d.span.end,
            f"{what} suppressed nothing.",
            fix=Fix(title, (edit,), Applicability.SAFE),
        )


class _Selection:
    """The rules a run selected: those that run once over the whole document (no language),
    and, per language, those that run on its paragraphs; each list in the registry's order."""

    def __init__(self, rules: list[Rule]) -> None:
        self.whole = [rule for rule in rules if rule.languages == (ANY_LANGUAGE,)]
        self._rest = [rule for rule in rules if rule.languages != (ANY_LANGUAGE,)]
        self._by_language: dict[str, list[Rule]] = {}

    def of_language(self, lang: str) -> list[Rule]:
        found = self._by_language.get(lang)
        if found is None:
            found = self._by_language[lang] = [r for r in self._rest if r.applies_to(lang)]
        return found


# What decides which rules run on which part of a document: its language, and its paragraphs
# with their languages (``None`` for a document of one paragraph, or with `lang` set).
Languages = tuple[str, "tuple[tuple[int, int, str], ...] | None"]


def _written(diagnostic: Diagnostic, offsets: OffsetMap) -> Diagnostic:
    """A diagnostic of a document as it reads, placed in its text as written."""
    fix = diagnostic.fix
    if fix is not None:
        edits = tuple(
            Edit(offsets.start(e.start), offsets.end(e.end), e.replacement) for e in fix.edits
        )
        fix = replace(fix, edits=edits)
    start = offsets.start(diagnostic.start)
    end = max(start, offsets.end(diagnostic.end))
    return replace(diagnostic, start=start, end=end, fix=fix)


def _check_length(document: Document) -> None:
    if len(document.text) > MAX_CHARS:
        message = (
            f"too long to lint: {len(document.text):,} characters; tonelint lints texts of "
            f"up to {MAX_CHARS:,} (a draft or a post is far shorter)"
        )
        if document.origin.number is not None:
            raise RecordError(document.path, document.origin.number, message)
        raise InputError(document.path, message)


def _with_directives(document: Document) -> tuple[Document, list[suppression.Directive]]:
    """The document with its suppression comments excluded from its prose, and the comments."""
    directives = suppression.find_directives(document.text)
    if directives:
        document = replace(
            document,
            excluded=(
                *document.excluded,
                *(Excluded(d.span, Region.DIRECTIVE) for d in directives),
            ),
        )
    return document, directives


def _languages(prose: str, settings: Settings) -> Languages:
    """The language of a document's prose, and of its paragraphs if they differ; with `lang`
    set, that language for all of it."""
    if settings.lang != "auto":
        return settings.lang, None
    lang = detect_language(prose)
    if len(langid.paragraphs(prose)) < 2:
        return lang, None
    return lang, tuple(detect_paragraphs(prose, default=lang))


def _parts(
    document: Document, lang: str, paragraphs: tuple[tuple[int, int, str], ...] | None
) -> list[tuple[str, Document]]:
    """The document once per language it has paragraphs in, other paragraphs blanked; a
    document in one language is the document itself."""
    if paragraphs is None:
        return [(lang, document)]
    langs = list(dict.fromkeys(p_lang for _, _, p_lang in paragraphs))
    if len(langs) < 2:
        return [(langs[0] if langs else lang, document)]
    parts = []
    for part_lang in langs:
        others = tuple(
            Excluded(Span(start, end), Region.OTHER_LANGUAGE)
            for start, end, p_lang in paragraphs
            if p_lang != part_lang
        )
        parts.append((part_lang, replace(document, excluded=(*document.excluded, *others))))
    return parts


def _remove_comment(text: str, span: Span) -> Edit:
    """Remove a comment; with its line when it stands alone on it."""
    line_start = max(text.rfind("\n", 0, span.start), text.rfind("\r", 0, span.start)) + 1
    line_end = span.end
    while line_end < len(text) and text[line_end] in " \t":
        line_end += 1
    alone = not text[line_start : span.start].strip()
    if alone and (line_end == len(text) or text[line_end] in "\r\n"):
        if text.startswith("\r\n", line_end):
            line_end += 2
        elif line_end < len(text):
            line_end += 1
        return Edit(line_start, line_end, "")
    return Edit(span.start, span.end, "")


def _pack_rules(settings: Settings) -> tuple[Rule, ...]:
    if not settings.rule_packs:
        return ()
    from tonelint.packs import load_pack

    return tuple(rule for pack in settings.rule_packs for rule in load_pack(Path(pack)))
