"""CI's check that a batch streams in flat memory: `ocop score` on 100,000 and on 1,000,000
generated CSV rows (one in 10,000 refused), each in a process of its own; the peak resident
memory of the second must not grow with the input (at most 16 MiB above the first), every row
must be answered in order, and the bad rows refused alone. Prints the figures.

    python3 flat_memory.py OCOP_BINARY WORK_DIR
"""

import resource
import subprocess
import sys
from pathlib import Path

here = Path(__file__).resolve().parent
ocop, work = sys.argv[1], Path(sys.argv[2])
work.mkdir(parents=True, exist_ok=True)
catalog = work / "catalog.json"
catalog.write_bytes(subprocess.run([ocop, "catalog", "--edition", "26/2026", "--format", "json"],
                                   check=True, capture_output=True).stdout)


def peak_kib(args):
    """Runs args in a child of a fresh interpreter; that child's peak RSS in KiB."""
    probe = ("import resource, subprocess, sys; r = subprocess.run(sys.argv[1:], stderr=subprocess.DEVNULL);"
             "print(r.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", probe, *args], check=True, capture_output=True, text=True)
    code, kib = out.stdout.split()
    return int(code), int(kib)


peaks = {}
for rows in (100_000, 1_000_000):
    table, summary = work / f"evaluations-{rows}.csv", work / f"summary-{rows}.csv"
    subprocess.run([sys.executable, str(here / "generate.py"), str(catalog), str(rows), str(table),
                    "--bad-every", "10000"], check=True)
    code, peaks[rows] = peak_kib([ocop, "score", str(table), "-o", str(summary)])
    assert code == 1, f"{rows} rows: exit {code}, expected 1 (some rows refused)"
    with open(summary, encoding="utf-8-sig") as f:
        lines = [line.split(",", 2) for line in f]
    assert len(lines) == rows + 1, f"{len(lines) - 1} of {rows} rows answered"
    assert [int(l[0]) for l in lines[1:]] == list(range(2, rows + 2)), "rows out of order"
    refused = sum(1 for l in lines[1:] if l[2].startswith(",,"))
    assert refused == rows // 10_000, f"{refused} refused, expected {rows // 10_000}"
    print(f"{rows} rows: peak {peaks[rows] / 1024:.1f} MiB, {refused} refused")
    table.unlink()
    summary.unlink()
assert peaks[1_000_000] <= peaks[100_000] + 16 * 1024, f"memory grew with the input: {peaks}"
print("flat: ok")
