"""The command line: ``tonelint check``, ``tonelint report``, ``tonelint rules``, ``tonelint rule
CODE``."""

from __future__ import annotations

import contextlib
import difflib
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Annotated, Any, NoReturn, TextIO, cast

import typer

from tonelint import pipelines, runner
from tonelint import settings as settings_mod
from tonelint.documents import InputError
from tonelint.registry import RegistryError, Rule, default_registry
from tonelint.report import EXIT_BROKEN_PIPE, EXIT_ERROR, Report
from tonelint.reporters import FORMATS, ReportSink, sink
from tonelint.reporters import text as text_reporter
from tonelint.runner import STDIN, Options, run
from tonelint.sources import FORMATS as INPUT_FORMATS

app = typer.Typer(
    name="tonelint",
    help="A tone-of-voice linter for social posts in Dutch, French and English.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _print_version(value: bool) -> None:
    if value:
        from tonelint import __version__

        typer.echo(f"tonelint {__version__}")
        raise typer.Exit()


@app.callback()
def _tonelint(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_print_version,
            is_eager=True,
            metavar="",
            help="Print the version and exit.",
        ),
    ] = False,
) -> None:
    """A tone-of-voice linter for social posts in Dutch, French and English."""


def _choice(values: tuple[str, ...] | list[str]) -> Callable[[str], str]:
    """A parser that accepts one of ``values`` and names them all when given anything else."""

    def parse(value: str) -> str:
        if value not in values:
            raise typer.BadParameter(f"{value!r} is not one of: {', '.join(values)}")
        return value

    return parse


def _one_of(values: tuple[str, ...] | list[str], metavar: str, what: str) -> dict[str, Any]:
    """A typer.Option's parser, metavar and help for a choice of ``values``: the help names
    them, as ruff's "possible values" do (in words: typer reads [brackets] as markup)."""
    return {
        "parser": _choice(values),
        "metavar": metavar,
        "help": f"{what} One of: {', '.join(values)}.",
    }


def _field(value: str) -> str:
    """``KEY=NAME`` of ``--field``, checked: KEY is one tonelint reads, NAME is not empty."""
    key, sep, name = value.partition("=")
    if not sep or not name.strip():
        raise typer.BadParameter(f"{value!r} is not KEY=NAME (like author=byline)")
    if key.strip() not in settings_mod.FIELD_KEYS:
        keys = ", ".join(settings_mod.FIELD_KEYS)
        raise typer.BadParameter(f"{key.strip()!r} is not one of: {keys}")
    return f"{key.strip()}={name.strip()}"


def _fields(given: list[str], id_field: str | None) -> dict[str, list[str]]:
    """The ``fields`` setting from ``--field`` (and ``--text-field``/``--id-field``)."""
    fields: dict[str, list[str]] = {}
    for item in [*given, *([f"id={id_field}"] if id_field else [])]:
        key, _, name = item.partition("=")
        if key != "text" and key in fields and fields[key] != [name]:
            raise typer.BadParameter(f"the {key} field is given twice", param_hint="--field")
        fields.setdefault(key, [])
        if name not in fields[key]:
            fields[key].append(name)
    return fields


@app.command()
def check(
    paths: Annotated[
        list[str],
        typer.Argument(metavar="PATHS", help="Files or directories to lint; - for stdin."),
    ],
    output_format: Annotated[
        str, typer.Option("--format", **_one_of(FORMATS, "FORMAT", "Output format."))
    ] = "text",
    lang: Annotated[
        str | None,
        typer.Option(
            **_one_of(settings_mod.LANGS, "LANG", "Language of the text (auto: detected).")
        ),
    ] = None,
    audience: Annotated[
        str | None,
        typer.Option(**_one_of(settings_mod.AUDIENCES, "AUDIENCE", "Who reads it.")),
    ] = None,
    platform: Annotated[
        str | None,
        typer.Option(
            **_one_of(settings_mod.PLATFORMS, "PLATFORM", "Where it is posted (its length limit).")
        ),
    ] = None,
    kind: Annotated[
        str | None, typer.Option(**_one_of(settings_mod.KINDS, "KIND", "A post or a reply to one."))
    ] = None,
    select: Annotated[
        str | None,
        typer.Option(
            metavar="CODES", help="Codes or prefixes to run, comma-separated (TL1,TL301)."
        ),
    ] = None,
    ignore: Annotated[
        str | None,
        typer.Option(metavar="CODES", help="Codes or prefixes to skip, comma-separated."),
    ] = None,
    fail_on: Annotated[
        str | None,
        typer.Option(**_one_of(settings_mod.SEVERITIES, "SEVERITY", "Lowest severity that fails.")),
    ] = None,
    config: Annotated[
        Path | None, typer.Option(metavar="FILE", help="Use this config file instead of searching.")
    ] = None,
    rule_pack: Annotated[
        list[str] | None,
        typer.Option(
            "--rule-pack", metavar="FILE", help="A rule pack (TOML) to add; may be repeated."
        ),
    ] = None,
    input_format: Annotated[
        str,
        typer.Option(
            **_one_of(INPUT_FORMATS, "FORMAT", "How to read the files (auto: by extension)."),
        ),
    ] = "auto",
    fix: Annotated[
        bool, typer.Option("--fix", metavar="", help="Apply safe fixes to the files.")
    ] = False,
    unsafe_fixes: Annotated[
        bool, typer.Option("--unsafe-fixes", metavar="", help="Also apply unsafe fixes.")
    ] = False,
    diff: Annotated[
        bool, typer.Option("--diff", metavar="", help="Show fixes as a diff; write nothing.")
    ] = False,
    statistics: Annotated[
        bool,
        typer.Option(
            "--statistics",
            metavar="",
            help="Count the problems by rule instead of listing them (text or json).",
        ),
    ] = False,
    text_field: Annotated[
        list[str] | None,
        typer.Option(
            "--text-field",
            metavar="NAME",
            help="Field of a CMS export to lint; repeat for several.",
        ),
    ] = None,
    id_field: Annotated[
        str | None,
        typer.Option(
            "--id-field", metavar="NAME", help="Field of a CMS export with the record id."
        ),
    ] = None,
    field: Annotated[
        list[str] | None,
        typer.Option(
            "--field",
            metavar="KEY=NAME",
            parser=_field,
            help=(
                "Field of a CMS export that holds KEY: "
                f"{', '.join(settings_mod.FIELD_KEYS)}; may be repeated (--field author=byline)."
            ),
        ),
    ] = None,
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs", "-j", min=0, metavar="N", help="Processes for CMS exports; 0: one per core."
        ),
    ] = 1,
    stdin_filename: Annotated[
        str | None,
        typer.Option(
            metavar="NAME",
            help="Name for what is read from stdin: its format and config go by it "
            "(export.jsonl: an export's records).",
        ),
    ] = None,
    color: Annotated[
        str,
        typer.Option(
            "--color",
            **_one_of(("auto", "always", "never"), "WHEN", "Colour (auto: on a terminal)."),
        ),
    ] = "auto",
    output_file: Annotated[
        Path | None,
        typer.Option(
            "--output-file",
            "-o",
            metavar="FILE",
            help="Write the output to this file (whole or not at all) instead of stdout.",
        ),
    ] = None,
) -> None:
    """Lint files, directories or standard input."""
    if statistics and (diff or output_format not in ("text", "json")):
        clash = "--diff" if diff else f"--format {output_format}"
        raise typer.BadParameter(
            f"counts rules in text or json, not with {clash}", param_hint="--statistics"
        )
    cli: dict[str, object] = {}
    for key, value in (
        ("lang", lang),
        ("audience", audience),
        ("platform", platform),
        ("kind", kind),
        ("select", select),
        ("ignore", ignore),
        ("fail-on", fail_on),
    ):
        if value is not None:
            cli[key] = value
    if rule_pack:
        cli["rule-packs"] = list(rule_pack)
    fields = _fields([*(field or ()), *(f"text={f}" for f in text_field or ())], id_field)
    if fields:
        cli["fields"] = fields
    try:  # a bad flag is bad for every file: say so once, before linting any
        settings_mod.Settings().merged(cli, settings_mod.COMMAND_LINE)
    except InputError as exc:  # a bad value, or a rule pack that cannot be read
        typer.echo(f"tonelint: {exc.path}: error: {exc.message}", err=True)
        raise typer.Exit(EXIT_ERROR) from None
    options = Options(
        cli=cli,
        config=config,
        input_format=input_format,
        fix=fix or unsafe_fixes or diff,
        unsafe_fixes=unsafe_fixes,
        write=not diff,
        stdin_filename=stdin_filename,
        jobs=jobs or _cores(),
    )
    try:
        with _output(output_file) as out:
            _report(
                paths,
                options,
                out,
                output_format,
                color,
                diff,
                fix and paths == [STDIN],
                statistics,
            )
    except BrokenPipeError:  # the reader left (`| head`): end quietly, as a tool SIGPIPE ends
        raise typer.Exit(EXIT_BROKEN_PIPE) from None


def _cores() -> int:
    """The cores this process may run on (a container's or `taskset`'s share, not the
    machine's: ``os.cpu_count`` counts those too)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


@contextlib.contextmanager
def _output(path: Path | None) -> Iterator[TextIO]:
    """Standard output; or ``path``, replaced when the run ends whatever its exit code (an empty
    diff is an empty file) and left alone if the run breaks: never half a report."""
    if path is None:
        yield sys.stdout
        return
    stack = contextlib.ExitStack()
    try:
        out = cast(TextIO, stack.enter_context(runner.replacing(path, "utf-8")))
    except OSError as exc:
        typer.echo(f"tonelint: cannot write {path}: {exc.strerror or exc}", err=True)
        raise typer.Exit(EXIT_ERROR) from None
    ended: typer.Exit | None = None
    with stack:
        try:
            yield out
        except typer.Exit as exc:  # the run's end, with its exit code: keep what it wrote
            ended = exc
    if ended is not None:
        raise ended


def _report(
    paths: list[str],
    options: Options,
    out: TextIO,
    output_format: str,
    color: str,
    diff: bool,
    fixing_stdin: bool,
    statistics: bool = False,
) -> NoReturn:
    """Lint, write what ``check`` writes to ``out``, and exit with the run's exit code."""
    # Results stream to the output as they are linted (memory stays flat over a CMS export).
    target: ReportSink | None = None
    if not diff and not fixing_stdin:
        colour = text_reporter.use_colour(out, color)
        if statistics:
            from tonelint.reporters import statistics as statistics_reporter

            as_json = output_format == "json"
            target = statistics_reporter.Sink(default_registry(), out, colour, as_json)
        else:
            extra = {"colour": colour} if output_format == "text" else {}
            target = sink(output_format, default_registry(), out, **extra)
    # A bad setting in a config file or a file's front matter costs that file, not the run:
    # `run` reports it with the file's other errors. (Bad flags were refused before this.)
    # --diff and a fix of standard input need the fixed texts of files; an export's are not
    # fixed, so its records are not kept.
    report = run(
        paths, options, report=Report(keep=target is None, sink=target, keep_records=False)
    )
    if (options.fix or diff) and report.records:
        typer.echo(
            "tonelint: fixes are not written into CMS exports; --format json gives each "
            "record's fixes as edits",
            err=True,
        )
    if diff:
        for result in report.files:
            if result.original is not None:
                out.writelines(
                    difflib.unified_diff(
                        result.original.splitlines(keepends=True),
                        result.text.splitlines(keepends=True),
                        fromfile=f"a/{result.path}",
                        tofile=f"b/{result.path}",
                    )
                )
        for err in report.errors:
            typer.echo(f"{err.path}: error: {err.message}", err=True)
        raise typer.Exit(report.exit_code)
    if target is None:  # fixing standard input: the fixed text is the output
        if report.files:
            out.write(report.files[0].text)
        raise typer.Exit(report.exit_code)
    target.finish(report)
    if output_format != "text":
        for err in report.errors:
            typer.echo(f"{err.path}: error: {err.message}", err=True)
    raise typer.Exit(report.exit_code)


@app.command(
    "report",
    context_settings={"allow_extra_args": True, "ignore_unknown_options": True},
    options_metavar="--html FILE [CHECK OPTIONS] PATHS...",
    help="Write the HTML report of a CMS export (or of any files tonelint checks): "
    "`tonelint report EXPORT --html report.html` is `tonelint check EXPORT --format html "
    "--output-file report.html`, and takes check's other options (--jobs, --field, --config...).",
)
def report_page(
    ctx: typer.Context,
    html: Annotated[Path, typer.Option("--html", metavar="FILE", help="The report page to write.")],
) -> None:
    given = {arg.split("=", 1)[0] for arg in ctx.args}
    clash = sorted(given & {"--format", "--output-file", "-o", "--fix", "--unsafe-fixes", "--diff"})
    if clash:
        raise typer.BadParameter(
            f"{', '.join(clash)}: report writes its HTML page to --html; use check for other output"
        )
    group = ctx.parent.command if ctx.parent else typer.main.get_command(app)
    command = cast(typer.core.TyperGroup, group).get_command(ctx, "check")
    assert command is not None
    args = [*ctx.args, "--format", "html", "--output-file", str(html)]
    command.main(args, prog_name=f"{ctx.find_root().info_name} check")


@app.command("rules")
def list_rules(
    output_format: Annotated[
        str, typer.Option("--format", **_one_of(("text", "json"), "FORMAT", "Output format."))
    ] = "text",
) -> None:
    """List every rule: code, name, family, default severity, languages, status."""
    registry = default_registry()
    if output_format == "json":
        import json

        typer.echo(json.dumps([_rule_dict(r) for r in registry], ensure_ascii=False, indent=2))
        return
    for r in registry:
        langs = ",".join(r.languages)
        typer.echo(
            f"{r.code}  {r.name:<28} {r.family:<11} {r.severity.value:<10} {langs:<9} {r.status}"
        )


@app.command("rule")
def show_rule(code: Annotated[str, typer.Argument(help="A rule code (TL301) or name.")]) -> None:
    """Print a rule's documentation: what it does, why, examples, fix safety."""
    rule = default_registry().get(code)
    if rule is None:
        typer.echo(f"tonelint: no rule {code!r}; `tonelint rules` lists them", err=True)
        raise typer.Exit(EXIT_ERROR)
    typer.echo(render_docs(rule))


def render_docs(rule: Rule) -> str:
    lines = [
        f"# {rule.code} {rule.name}",
        "",
        f"Family: {rule.family}. Default severity: {rule.severity.value}. "
        f"Languages: {', '.join(rule.languages)}. Status: {rule.status}.",
        "",
        "## What it does",
        rule.docs.what,
        "",
        "## Why is this bad?",
        rule.docs.why,
        "",
        "## Example",
    ]
    for e in rule.examples:
        settings = "".join(f" {k}={v}" for k, v in e.settings.items())
        lines += [
            "",
            f"{'Bad' if e.bad else 'Good'} ({e.lang}{settings}):",
            "",
            f"    {e.text.strip()}",
        ]
    lines += ["", "## Fix safety", rule.docs.fix_safety]
    return "\n".join(lines)


def _rule_dict(r: Rule) -> dict[str, object]:
    return {
        "code": r.code,
        "name": r.name,
        "family": r.family,
        "severity": r.severity.value,
        "languages": list(r.languages),
        "status": r.status,
        "summary": r.summary,
    }


def main() -> NoReturn:
    """The ``tonelint`` command."""
    runner.defer_collection()
    pipelines.defer_spacy_cli()
    try:
        app()
        code = 0
    except RegistryError as exc:
        typer.echo(f"tonelint: {exc}", err=True)
        code = EXIT_ERROR
    except SystemExit as exc:  # how typer ends every run
        if isinstance(exc.code, str):
            typer.echo(exc.code, err=True)
        code = exc.code if isinstance(exc.code, int) else int(exc.code is not None)
    _exit(code)


def _exit(code: int) -> NoReturn:
    """Flush the output and leave without tearing the interpreter down.

    Freeing spaCy's modules and the loaded pipelines object by object takes about 0.15 s on a
    2-core machine, longer than linting a draft, and pre-commit pays it on every commit. mypy
    leaves the same way. Nothing of tonelint's needs the teardown: files are written and closed
    and worker pools shut down before this point.
    """
    for stream in (sys.stdout, sys.stderr):
        # A reader that left (`| head`) or a closed stream: nothing more can be written.
        with contextlib.suppress(BrokenPipeError, ValueError):
            stream.flush()
    os._exit(code)
