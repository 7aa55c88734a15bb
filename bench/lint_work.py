"""Benchmark: the work of linting posts, counted in instructions, which this machine's drifting
speed does not move (wall and CPU times do, by up to half from one quarter hour to the next).

    valgrind --tool=callgrind --callgrind-out-file=/dev/null python bench/lint_work.py 5000
    valgrind --tool=callgrind --callgrind-out-file=/dev/null python bench/lint_work.py 0
    valgrind ... python bench/lint_work.py 5000 --unique    # posts with words of their own

Lints ``N`` posts, the sentences of bench/cms.py's exports (cycled: the first 2,400 are new to
tonelint, the rest are not), in one process through the library, after ``Linter.warm_up``: the
work a worker of ``tonelint check --jobs N`` does per record. Subtract the count for 0 posts
(start-up) from the count for N. Without valgrind it prints the CPU time per post, which moves
with the machine.
"""

from __future__ import annotations

import argparse
import gc
import time

from cms import post
from foundation import sentences

import tonelint


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("posts", type=int, nargs="?", default=5000)
    parser.add_argument("--unique", action="store_true", help="a mention and a link per post")
    args = parser.parse_args()
    texts = sentences()
    documents = [tonelint.Document(post(texts, i, args.unique)) for i in range(args.posts)]
    linter = tonelint.Linter(tonelint.Settings())
    linter.warm_up()
    gc.freeze()  # as the CLI does before linting
    start = time.process_time()
    for document in documents:
        linter.lint(document)
    if documents:
        per_post = (time.process_time() - start) / len(documents) * 1e6
        print(f"{len(documents):,} posts: {per_post:.0f} µs of CPU per post")


if __name__ == "__main__":
    main()
