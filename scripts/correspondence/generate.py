#!/usr/bin/env python3
"""Generate the criterion correspondence 148/2023 -> 26/2026 from the two catalogs.

Writes ocop-core/catalogs/26-2026/from-148-2023.toml: for every product set, each 26/2026
criterion is `same` (its answer carries over as it is), `changed` (what changed: max, options,
points, markers, wording) or `new`, and each 148 criterion is paired or `dropped`.
ocop-core's build checks the file against both catalogs (every mechanical claim is recomputed).

What a script cannot decide comes from review.toml, beside this script, written by hand:
  [[pair]]     pairings the name matcher cannot make (renamed criteria and sections);
  [[wording]]  each pair of differing texts (148 -> 26/2026), judged once: the same in meaning
               (`same = true`, with `why`) or changed. A text pair not judged there makes the
               criterion `changed` and flags it with `doubt`: never a silent guess;
  [[doubt]]    doubts the reviewer adds to a criterion.

Run from the repository root:
    python3 scripts/correspondence/generate.py            # write the file
    python3 scripts/correspondence/generate.py --check    # fail if it is not up to date
    python3 scripts/correspondence/generate.py --pending  # print the text pairs still to judge
"""

import argparse
import difflib
import glob
import os
import re
import sys
import tomllib

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CATALOGS = os.path.join(ROOT, "ocop-core", "catalogs")
OUTPUT = os.path.join(CATALOGS, "26-2026", "from-148-2023.toml")
REVIEW = os.path.join(HERE, "review.toml")

# Names closer than this (difflib ratio) within one section pair up without a reviewer.
NAME_RATIO = 0.6


def norm(text):
    """Lower case, punctuation and spacing dropped: what a reader would call the same words."""
    return re.sub(r"[\W_]+", " ", text.lower()).strip()


def load_edition(folder):
    sheets = {}
    for path in sorted(glob.glob(os.path.join(CATALOGS, folder, "sheets", "*.toml"))):
        with open(path, "rb") as f:
            sheet = tomllib.load(f)
        criteria = []
        for part in sheet["part"]:
            for section in part["section"]:
                groups = {g["code"]: g["name"]["vi"] for g in section.get("groups", [])}
                for c in section["criterion"]:
                    c["_section"] = section["code"]
                    c["_group"] = groups.get(c.get("group"), "")
                    criteria.append(c)
        sheets[sheet["product_set"]] = (sheet, criteria)
    return sheets


def floors(c):
    """Points needed on this criterion for 3, 4 and 5 stars (as ocop-core compiles markers)."""
    out = []
    for star in (3, 4, 5):
        need, marked = 0, False
        for o in c["options"]:
            if o.get("min_star") is not None and o["min_star"] <= star and o["points"] >= need:
                need, marked = o["points"], True
        if c.get("min_star") is not None and c["min_star"] <= star:
            lowest = min(o["points"] for o in c["options"])
            if not marked or lowest > need:
                need = lowest
        out.append(need)
    return out


def option_shape(o):
    return (o.get("case"), tuple(sorted(o.get("subject_types", []))))


def mechanical(old, new):
    """The aspects that differ, computed (the build recomputes the same)."""
    aspects = []
    if old["max"] != new["max"]:
        aspects.append("max")
    same_count = len(old["options"]) == len(new["options"])
    if not same_count or [option_shape(o) for o in old["options"]] != [
        option_shape(o) for o in new["options"]
    ]:
        aspects.append("options")
    elif [o["points"] for o in old["options"]] != [o["points"] for o in new["options"]]:
        aspects.append("points")
    if floors(old) != floors(new):
        aspects.append("markers")
    return aspects


def text_pairs(old, new):
    """Differing texts, (148, 26/2026): the name, and each option when the count is the same."""
    pairs = []
    if old["name"]["vi"] != new["name"]["vi"]:
        pairs.append((old["name"]["vi"], new["name"]["vi"]))
    if len(old["options"]) == len(new["options"]):
        for a, b in zip(old["options"], new["options"]):
            if a["vi"] != b["vi"]:
                pairs.append((a["vi"], b["vi"]))
    return pairs


def name_key(c):
    """A criterion's name with its sub-heading (148 prints `Ngoại hình - Tạp chất`)."""
    return norm(c["name"]["vi"]), norm(c["_group"] + " " + c["name"]["vi"])


def applies(entry, n):
    return "sets" not in entry or n in entry["sets"]


def pair_set(n, old, new, review):
    """{26/2026 code: its 148 criterion}, {code: the reviewer's note}, the 148 criteria left over."""
    by_old = {c["code"]: c for c in old}
    free_old = [c for c in old]
    pairs = {}
    notes = {}
    for p in review.get("pair", []):
        if not applies(p, n) or p["to"] not in {c["code"] for c in new}:
            continue
        if p["from"] not in by_old:
            sys.exit(f"review.toml: pair {p['to']} <- {p['from']} on set {n}: no such 148 criterion")
        pairs[p["to"]] = by_old[p["from"]]
        notes[p["to"]] = p.get("note")
        free_old = [c for c in free_old if c["code"] != p["from"]]
    new_only = {
        e["code"] for e in review.get("new", []) if applies(e, n)
    }
    free_new = [c for c in new if c["code"] not in pairs and c["code"] not in new_only]
    # Same name (or the same name under its sub-heading), one on each side.
    for c in list(free_new):
        keys = set(name_key(c))
        found = [o for o in free_old if keys & set(name_key(o))]
        if len(found) == 1:
            pairs[c["code"]] = found[0]
            free_old.remove(found[0])
            free_new.remove(c)
    # Close names in the same section.
    for c in list(free_new):
        scored = sorted(
            (
                (difflib.SequenceMatcher(None, name_key(c)[1], name_key(o)[1]).ratio(), o)
                for o in free_old
                if o["_section"] == c["_section"]
            ),
            key=lambda x: -x[0],
        )
        if scored and scored[0][0] >= NAME_RATIO:
            pairs[c["code"]] = scored[0][1]
            free_old.remove(scored[0][1])
            free_new.remove(c)
    return pairs, notes, free_old


def judge(pairs_of_text, wording):
    """(changed?, notes, undecided pairs) for the differing texts of one criterion."""
    changed, whys, undecided = False, [], []
    for a, b in pairs_of_text:
        if norm(a) == norm(b):
            whys.append("punctuation or case only")
            continue
        verdict = wording.get((norm(a), norm(b)))
        if verdict is None:
            undecided.append((a, b))
            changed = True
        elif verdict["same"]:
            whys.append(verdict["why"])
        else:
            changed = True
            if verdict.get("why"):
                whys.append(verdict["why"])
    return changed, list(dict.fromkeys(whys)), undecided


def build(review):
    old_edition = load_edition("148-2023")
    new_edition = load_edition("26-2026")
    wording = {(norm(w["old"]), norm(w["new"])): w for w in review.get("wording", [])}
    used_wording = set()
    doubts = {}
    for d in review.get("doubt", []):
        for n in d["sets"]:
            doubts.setdefault((n, d["code"]), []).append(d["doubt"])
    sets, pending = [], []
    for n in sorted(new_edition):
        old_sheet, old = old_edition[n]
        _, new = new_edition[n]
        pairs, pair_notes, dropped = pair_set(n, old, new, review)
        mismatched = {
            m["at"]: m for m in (old_sheet.get("provisional") or {}).get("accepted_mismatches", [])
        }
        entries = []
        for c in new:
            entry = {"code": c["code"]}
            o = pairs.get(c["code"])
            entry_doubts = list(doubts.get((n, c["code"]), []))
            if o is None:
                entry["kind"] = "new"
            else:
                entry["replaces"] = o["code"]
                aspects = mechanical(o, c)
                texts = text_pairs(o, c)
                changed, whys, undecided = judge(texts, wording)
                used_wording.update((norm(a), norm(b)) for a, b in texts)
                if changed:
                    aspects.append("wording")
                for a, b in undecided:
                    pending.append((n, c["code"], o["code"], a, b))
                    entry_doubts.append(f"wording not reviewed: “{a}” → “{b}”")
                entry["kind"] = "changed" if aspects else "same"
                if aspects:
                    entry["changes"] = aspects
                note = pair_notes.get(c["code"])
                notes = ([note] if note else []) + whys
                if notes:
                    entry["note"] = "; ".join(notes)
                m = mismatched.get(o["code"])
                if m:
                    entry_doubts.append(
                        f"148 sheet is provisional here: {o['code']} is printed with "
                        f"{m['declared']} points but its options reach {m['computed']}"
                    )
            if entry_doubts:
                entry["doubt"] = "; ".join(entry_doubts)
            entries.append(entry)
        sets.append(
            {
                "product_set": n,
                "provisional": (old_sheet.get("provisional") or {}).get("reason"),
                "criteria": entries,
                "dropped": [d["code"] for d in dropped],
            }
        )
    unused = [w for w in review.get("wording", []) if (norm(w["old"]), norm(w["new"])) not in used_wording]
    if unused:
        sys.exit("review.toml: wording judged but found on no sheet: " + "; ".join(w["old"] for w in unused))
    return sets, pending


def q(text):
    """A TOML basic string."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def render(sets):
    out = [
        "# Criterion correspondence: Decision 148/QĐ-TTg (2023) → Decision 26/2026/QĐ-TTg, per product set.",
        "# GENERATED by scripts/correspondence/generate.py from the two catalogs and the reviewed",
        "# judgments in scripts/correspondence/review.toml; edit those, then regenerate. The build",
        "# checks every claim against both catalogs (see ocop-core/src/catalog/correspondence.rs).",
        "#",
        "# kind = \"same\": same options (count, points, markers, cases, who may tick them) and the same",
        "#   wording in meaning (`note` says why when the words differ): the 148 answer carries over.",
        "# kind = \"changed\": `changes` lists what changed: max, options (count, cases or who may tick",
        "#   them), points, markers (points needed for a star), wording (reviewed: the words changed in",
        "#   meaning). With only max, points or markers changed, the answer still carries over.",
        "# `replaces`: the 148 criterion paired with it. kind = \"new\": none is.",
        "# `dropped`: 148 criteria with no 26/2026 criterion.",
        "# `doubt`: a pairing or judgment a reviewer should confirm; `provisional`: the 148 sheet is short.",
        "",
        'edition = "26/2026"',
        'replaces = "148/2023"',
    ]
    for s in sets:
        out += ["", "[[set]]", f"product_set = {s['product_set']}"]
        if s["provisional"]:
            out.append(f"provisional = {q(s['provisional'])}")
        out.append("dropped = [" + ", ".join(q(d) for d in s["dropped"]) + "]")
        for e in s["criteria"]:
            out += ["", "[[set.criterion]]", f"code = {q(e['code'])}"]
            if "replaces" in e:
                out.append(f"replaces = {q(e['replaces'])}")
            out.append(f"kind = {q(e['kind'])}")
            if "changes" in e:
                out.append("changes = [" + ", ".join(q(c) for c in e["changes"]) + "]")
            if "note" in e:
                out.append(f"note = {q(e['note'])}")
            if "doubt" in e:
                out.append(f"doubt = {q(e['doubt'])}")
    return "\n".join(out) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the file is not up to date")
    parser.add_argument("--pending", action="store_true", help="print the text pairs to judge")
    args = parser.parse_args()
    with open(REVIEW, "rb") as f:
        review = tomllib.load(f)
    sets, pending = build(review)
    if args.pending:
        seen = {}
        for n, code, old_code, a, b in pending:
            seen.setdefault((a, b), []).append(f"{n}:{code}")
        for (a, b), where in seen.items():
            print(f"# {', '.join(where)}")
            print("[[wording]]")
            print(f"old = {q(a)}")
            print(f"new = {q(b)}")
            print("same = ")
            print('why = ""')
            print()
        print(f"# {len(seen)} text pair(s) to judge", file=sys.stderr)
        return
    text = render(sets)
    if args.check:
        with open(OUTPUT, encoding="utf-8") as f:
            if f.read() != text:
                sys.exit(f"{os.path.relpath(OUTPUT, ROOT)} is not up to date: run {os.path.relpath(__file__, ROOT)}")
        return
    with open(OUTPUT, "w", encoding="utf-8") as f:
        f.write(text)
    counts = {}
    for s in sets:
        for e in s["criteria"]:
            counts[e["kind"]] = counts.get(e["kind"], 0) + 1
    doubts = sum(1 for s in sets for e in s["criteria"] if "doubt" in e)
    dropped = sum(len(s["dropped"]) for s in sets)
    print(f"wrote {os.path.relpath(OUTPUT, ROOT)}: {counts}, dropped {dropped}, doubts {doubts}, pending {len(pending)}")


if __name__ == "__main__":
    main()
