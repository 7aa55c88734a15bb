"""tonelint.dask on a real distributed.LocalCluster gives the same diagnostics as linting the
same posts one by one."""

from __future__ import annotations

import re

import pytest

import tonelint

dask = pytest.importorskip("dask")
dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")
pd = pytest.importorskip("pandas")

import tonelint.dask as tdask  # noqa: E402

POSTS = [
    ("1", "Wij zijn verheugd om onze toonaangevende app te presenteren!", None),
    ("2", "Kunt u ons helpen met uw kaartje?", "nl"),
    ("3", "Merci ! 🙏", None),
    ("4", "We're thrilled to announce our best-in-class platform.", None),
    ("5", "Tag a friend who needs a holiday!", "en"),
    ("6", "Nous sommes ravis d'annoncer nos solutions innovantes.", None),
    ("7", "See you at the park tonight, bring your friends.", None),
    ("8", 42, None),
] * 5


def frame() -> object:
    # Keep the mixed text column as Python objects (dask would turn 42 into the string "42").
    dask.config.set({"dataframe.convert-string": False})
    data = pd.DataFrame(
        {
            "id": [f"{p[0]}-{i}" for i, p in enumerate(POSTS)],
            "text": [p[1] for p in POSTS],
            "lang": [p[2] for p in POSTS],
        }
    )
    return dd.from_pandas(data, npartitions=4)


def serial(settings: tonelint.Settings) -> list[tuple[str, str, int, int]]:
    out = []
    for i, (key, text, lang) in enumerate(POSTS):
        if not isinstance(text, str):
            continue
        s = settings.merged({"lang": lang}, "row") if lang else settings
        out += [(f"{key}-{i}", d.code, d.start, d.end) for d in tonelint.lint(text, settings=s)]
    return sorted(out)


def test_dask_on_local_cluster_equals_serial() -> None:
    settings = tonelint.Settings(audience="youth")
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster),
    ):
        result = tdask.lint_dataframe(frame(), settings=settings).compute()
    diags = result[result["code"] != ""]
    got = sorted(zip(diags["record"], diags["code"], diags["start"], diags["end"], strict=True))
    assert got == serial(settings)
    assert {"TL101", "TL201", "TL202", "TL402"} <= set(diags["code"])
    bad = result[result["name"] == "bad-record"]
    assert sorted(bad["record"]) == sorted(f"8-{i}" for i, p in enumerate(POSTS) if p[0] == "8")
    assert all(
        re.fullmatch(r"record \d+: field 'text' is a number, expected text", m)
        for m in bad["message"]
    )


def test_a_partition_past_the_vocabulary_budget_keeps_the_vocabulary_and_the_results(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Past the budget, a partition is linted in memory zones (one per batch of rows): its new
    words are forgotten and its diagnostics are those of an unbounded run. Posts written for
    this test by the tonelint team, each with a handle and a code of its own."""
    from tonelint import pipelines

    def posts(first: int) -> object:
        ids = range(first, first + 600)
        texts = [
            f"@lid{i}q Kunt u uw pas PX{i}Z verlengen via https://example.org/{i}?" for i in ids
        ]
        return pd.DataFrame({"id": [str(i) for i in ids], "text": texts, "lang": "nl"})

    youth = tonelint.Settings(audience="youth")
    tdask.lint_partition(posts(0), settings=youth)  # the pipeline is loaded
    nlp = pipelines.pipeline("nl")
    monkeypatch.setattr(pipelines, "VOCAB_BUDGET", len(nlp.vocab.strings))
    before = len(nlp.vocab.strings)
    bounded = tdask.lint_partition(posts(1000), settings=youth)
    assert len(nlp.vocab.strings) == before
    monkeypatch.setattr(pipelines, "VOCAB_BUDGET", 10**9)
    unbounded = tdask.lint_partition(posts(1000), settings=youth)
    assert len(nlp.vocab.strings) > before
    assert bounded.to_dict("records") == unbounded.to_dict("records")
    assert list(bounded["code"]).count("TL101") == 2 * 600


def test_a_partition_reads_the_columns_the_settings_fields_name() -> None:
    """`Settings.fields` (a config's `fields = {...}`) maps columns as for an export: here the
    text is in `body`, the id in `post_id`, and a row with a `parent` is a reply (TL401 for the
    hollow one). Posts written for this test by the tonelint team."""
    rows = pd.DataFrame(
        {
            "post_id": ["a", "b", "c"],
            "body": ["Merci ! 🙏", "Merci ! 🙏", "Kunt u ons helpen?"],
            "parent": ["p1", None, None],
        }
    )
    fields = {"text": ("body",), "id": ("post_id",), "reply-to": ("parent",)}
    settings = tonelint.Settings(audience="youth", fields=fields)
    got = tdask.lint_partition(rows, settings=settings)
    assert list(zip(got["record"], got["field"], got["code"], strict=True)) == [
        ("a", "body", "TL401"),
        ("c", "body", "TL101"),
    ]
    # Columns given by name win over the settings' fields.
    renamed = rows.rename(columns={"body": "tekst"})
    got = tdask.lint_partition(renamed, text=["tekst"], settings=settings)
    assert list(got["record"]) == ["a", "c"]
