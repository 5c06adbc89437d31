"""Writes N evaluations of the 26/2026 edition as a CSV table (one evaluation per row) or as
JSON Lines, for the batch benchmarks and tests. Deterministic: the same N and seed give the same
file. Every row is valid (random options that fit the producer; no knock-outs), except every
`--bad-every`-th row, whose A1.1 is out of range.

    python3 generate.py CATALOG_JSON N OUT [--jsonl] [--seed 2026] [--bad-every 0]

CATALOG_JSON is `ocop catalog --edition 26/2026 --format json` saved to a file.
"""

import argparse
import json
import random

TYPES = ["cooperative", "cooperative_group", "enterprise", "farm", "household"]


def sheets(catalog):
    """Per product set (the tourism sheet left out: its two cases need care): the criteria
    with, per subject type, the options that fit."""
    out = {}
    for sheet in catalog["sheets"]:
        if sheet["productSet"] == 26:
            continue
        criteria = []
        for part in sheet["parts"]:
            for section in part["sections"]:
                for c in section["criteria"]:
                    fits = {
                        t: [i for i, o in enumerate(c["options"])
                            if not o["subjectTypes"] or t in o["subjectTypes"]]
                        for t in TYPES
                    }
                    criteria.append((c["code"], fits))
        out[sheet["productSet"]] = criteria
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("catalog")
    ap.add_argument("n", type=int)
    ap.add_argument("out")
    ap.add_argument("--jsonl", action="store_true")
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--bad-every", type=int, default=0)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    by_set = sheets(json.load(open(a.catalog, encoding="utf-8")))
    codes = sorted({code for criteria in by_set.values() for code, _ in criteria})
    sets = sorted(by_set)
    with open(a.out, "w", encoding="utf-8", newline="") as f:
        if not a.jsonl:
            f.write("reference,edition,evaluated_on,product_set,subject_type," + ",".join(codes) + "\n")
        for row in range(1, a.n + 1):
            product_set = sets[rng.randrange(len(sets))]
            subject = TYPES[rng.randrange(len(TYPES))]
            answers = {}
            for code, fits in by_set[product_set]:
                options = fits[subject]
                answers[code] = options[rng.randrange(len(options))] if options else None
            if a.bad_every and row % a.bad_every == 0:
                answers["A1.1"] = 99
            reference = f"Sản phẩm số {row}"
            if a.jsonl:
                f.write(json.dumps({"reference": reference, "edition": "26/2026",
                                    "evaluatedOn": "2026-11-23", "productSet": product_set,
                                    "subjectType": subject, "answers": answers},
                                   ensure_ascii=False) + "\n")
            else:
                cells = ["" if code not in answers else
                         ("-" if answers[code] is None else str(answers[code])) for code in codes]
                f.write(f"{reference},26/2026,2026-11-23,{product_set},{subject}," + ",".join(cells) + "\n")


if __name__ == "__main__":
    main()
