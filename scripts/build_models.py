"""Build tonelint's spaCy pipelines into models/<lang>.

    python scripts/build_models.py

Each pipeline is the blank language class (tokenizer and language data from spaCy itself) with a
rule-based sentencizer. Trained pipelines cannot be downloaded here; this script builds only from
what installs from PyPI. tests/test_models.py fails when models/ is out of date with this script.
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

import spacy

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("nl", "fr", "en")


def build(lang: str) -> spacy.language.Language:
    nlp = spacy.blank(lang)
    nlp.add_pipe("sentencizer")
    nlp.meta["name"] = f"tonelint_{lang}"
    nlp.meta["version"] = "0.1.0"
    nlp.meta["description"] = (
        "tonelint's pipeline: blank tokenizer + sentencizer (scripts/build_models.py)"
    )
    return nlp


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "models")
    args = parser.parse_args()
    for lang in LANGUAGES:
        target = args.out / lang
        if target.exists():
            shutil.rmtree(target)
        build(lang).to_disk(target)
        print(f"built {target}")


if __name__ == "__main__":
    main()
