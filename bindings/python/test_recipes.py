"""Runs the analysts' recipes of docs/analysts.md as written (each ```python block, in a fresh
namespace, in the folder holding evaluations.csv) and checks what they scored against the
summary `ocop score` wrote for the same file: every rated product has the same total and stars.
Prints "N passed, N failed" (and, with --time, how long each recipe took).

    python test_recipes.py DOCS_ANALYSTS_MD SUMMARY_CSV [--time]
"""

import contextlib
import csv
import io
import re
import sys
import time
from pathlib import Path

passed = failed = 0


def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print(f"FAIL {name} {detail}")


def recipes(markdown):
    """The ```python blocks under each '## With …' heading."""
    found = {}
    for heading, body in re.findall(r"^## (With [^\n]+)\n(.*?)(?=^## |\Z)", markdown, re.S | re.M):
        blocks = re.findall(r"```python\n(.*?)```", body, re.S)
        if blocks:
            found[heading] = "\n".join(blocks)
    return found


def main():
    docs, summary_csv = Path(sys.argv[1]), Path(sys.argv[2])
    timed = "--time" in sys.argv
    with open(summary_csv, encoding="utf-8-sig", newline="") as f:
        expected = {row["reference"]: row for row in csv.DictReader(f)}
    rated = {r: row for r, row in expected.items() if row["outcome"] == "rated"}
    check("the summary has rated products", len(rated) > 1000, f"{len(rated)}")
    found = recipes(docs.read_text(encoding="utf-8"))
    check("two recipes", sorted(found) == ["With DuckDB", "With pandas"], f"{sorted(found)}")
    for heading, code in sorted(found.items()):
        namespace = {"__name__": "__recipe__"}
        out = io.StringIO()
        started = time.perf_counter()
        try:
            with contextlib.redirect_stdout(out):
                exec(compile(code, heading, "exec"), namespace)
        except Exception as e:  # noqa: BLE001 - a recipe that raises fails
            check(heading, False, f"raised {e!r}")
            continue
        seconds = time.perf_counter() - started
        scored = namespace["scored"]
        check(f"{heading}: every row scored", len(scored) == len(expected), f"{len(scored)} of {len(expected)}")
        wrong = [
            (row["reference"], (row["total"], row["stars"]), (rated[row["reference"]]["total"], rated[row["reference"]]["stars"]))
            for row in scored[["reference", "total", "stars"]].astype(str).to_dict("records")
            if row["reference"] in rated
            and (row["total"], row["stars"]) != (rated[row["reference"]]["total"], rated[row["reference"]]["stars"])
        ]
        check(f"{heading}: totals and stars as `ocop score`", not wrong, f"{len(wrong)} differ, e.g. {wrong[:3]}")
        check(f"{heading}: prints a count by stars", "stars" in out.getvalue(), out.getvalue()[:200])
        if timed:
            print(f"{heading}: {len(scored)} rows in {seconds:.2f} s (reading the CSV included)")
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
