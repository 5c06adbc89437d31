#!/usr/bin/env python3
"""Import the compiled reference (../shared/reference) into ocop-core's catalog files.

Writes, for each edition folder under ocop-core/catalogs/:
  taxonomy.toml        product groups, subgroups and the 26 product sets
  sheets/NN-*.toml     one scoring sheet per product set
and ocop-core/tests/reference_figures.json: per-sheet counts and a digest of every option's
points and star marker, computed from the reference, which the tests compare with the catalog.

edition.toml (identity, rules, procedures) is written by hand and never touched here.
English labels come from en/batch-*.json (translation memory: Vietnamese -> English); a string
without a translation stops the import. Run from the repository root:

    python3 scripts/import_reference/import.py [--reference ../shared/reference]

After an import, the TOML files are the source of truth: review the diff like any code change.
"""

import argparse
import glob
import hashlib
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CATALOGS = os.path.join(ROOT, "ocop-core", "catalogs")

STARS = re.compile(r"\s*\*{3,5}")
CASE_PREFIX = re.compile(r"^(Trường hợp (\d): [^—]*?) — (.*)$", re.S)
MINISTRIES = {
    "Bộ Nông nghiệp và Môi trường": "Ministry of Agriculture and Environment",
    "Bộ Công Thương": "Ministry of Industry and Trade",
    "Bộ Y tế": "Ministry of Health",
    "Bộ Văn hóa, Thể thao và Du lịch": "Ministry of Culture, Sports and Tourism",
    "Nông nghiệp và Phát triển nông thôn": "Ministry of Agriculture and Rural Development",
    "Công Thương": "Ministry of Industry and Trade",
    "Y tế": "Ministry of Health",
    "Văn hóa, Thể thao và Du lịch": "Ministry of Culture, Sports and Tourism",
}
# Criteria the commune assesses before the council (Điều 7.2 of 26/2026; 1489 for 148), by name.
COMMUNE_ASSESSED = [
    "Nguồn nguyên liệu",
    "Nguồn gốc sản phẩm",
    "Sử dụng lao động địa phương",
    "Nguồn gốc ý tưởng sản phẩm",
    "Trí tuệ/bản sắc địa phương",
]


class Translations:
    def __init__(self):
        self.table = dict()
        for path in sorted(glob.glob(os.path.join(HERE, "en", "batch-*.json"))):
            with open(path, encoding="utf-8") as f:
                self.table.update(json.load(f))
        self.missing = []

    def en(self, vi):
        vi = vi.strip()
        if vi in MINISTRIES:
            return MINISTRIES[vi]
        if vi not in self.table:
            self.missing.append(vi)
            return "?"
        return self.table[vi]

    def text(self, vi):
        vi = vi.strip()
        return {"vi": vi, "en": self.en(vi)}


# ---------- TOML writing ----------

def s(value):
    """A TOML basic string (JSON escapes are valid TOML escapes)."""
    return json.dumps(value, ensure_ascii=False)


def inline(obj):
    parts = []
    for k, v in obj.items():
        if v is None or v == [] or v is False:
            continue
        parts.append(f"{k} = {value(v)}")
    return "{ " + ", ".join(parts) + " }"


def value(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, str):
        return s(v)
    if isinstance(v, dict):
        return inline(v)
    if isinstance(v, list):
        return "[" + ", ".join(value(x) for x in v) + "]"
    raise TypeError(v)


def lines_for(key, items):
    if not items:
        return []
    out = [f"{key} = ["]
    for item in items:
        out.append(f"  {value(item)},")
    out.append("]")
    return out


# ---------- reading the reference ----------

def split_markers(label):
    """('label without markers', min_star or None) for a 148 label such as 'Có …***'."""
    found = re.findall(r"\*{3,5}", label)
    if not found:
        return label.strip(), None
    if len(found) > 1:
        raise SystemExit(f"two markers in one label: {label!r}")
    return STARS.sub("", label).strip(), len(found[0])


def classify_knockout(text):
    t = text.lower()
    if "không đánh giá những sản phẩm có tính phổ biến" in t:
        return "not_assessed"
    if "bị loại" in t:
        return "eliminate"
    if "không đánh giá các bước tiếp theo" in t or "không xem xét các chỉ tiêu khác" in t:
        return "stop_evaluation"
    return None


def knockout_sentence(note):
    """The knock-out sentence inside a 148 note (from 'Ghi chú:'/'Chú ý:' on), if any."""
    m = re.search(r"(Ghi chú:|Chú ý:).*$", note, re.S)
    sentence = m.group(0).strip() if m else note.strip()
    return sentence if classify_knockout(sentence) else None


def subject_types(label, edition, product_set):
    """Which subject types may tick an option of the 'Loại hình tổ chức' criterion."""
    low = label.lower()
    types = []
    if "hộ sản xuất" in low or "hộ gia đình" in low:
        types += ["household", "farm", "cooperative_group"]
    if edition == "148" and "1 thành viên" in low:
        types.append("enterprise")
    if "công ty tnhh" in low and "1 thành viên" not in low or "cổ phần" in low and "<" in low:
        types.append("enterprise")
    if "htx" in low:
        types.append("cooperative")
        if "cổ phần" in low:
            types.append("enterprise")
    if "các đối tượng còn lại" in low:
        types += ["association", "operating_center"]
    if "trung tâm điều hành" in low:
        types.append("operating_center")
    out = []
    for t in types:
        if t not in out:
            out.append(t)
    if not out:
        raise SystemExit(f"cannot tell the subject types of {label!r}")
    return out


class Importer:
    def __init__(self, reference, tr):
        self.ref = reference
        self.tr = tr
        self.figures = {}

    # ----- taxonomy -----
    def taxonomy_26(self):
        t = json.load(open(os.path.join(self.ref, "criteria-26-2026", "taxonomy.json"), encoding="utf-8"))
        groups, sets = [], []
        leaf = {}
        for cat in t["categories"]:
            subs = []
            for g in cat["groups"]:
                subs.append({"code": g["code"], "name": self.tr.text(g["name_vi"])})
                for sg in g["subgroups"]:
                    leaf[sg["product_set"]] = (cat["code"], g["code"], sg["name_vi"], sg["managing_agency_vi"])
                if not g["subgroups"]:
                    leaf[g["product_set"]] = (cat["code"], g["code"], None, g["managing_agency_vi"])
            groups.append({"code": cat["code"], "name": {"vi": cat["name_vi"], "en": cat["name_en"]}, "subgroups": subs})
        for ps in t["product_sets"]:
            group, subgroup, leaf_vi, agency = leaf[ps["number"]]
            others = []
            for k in ("sheet_title_vi", "name_148_vi"):
                v = re.sub(r"^Bộ sản phẩm:\s*", "", ps.get(k) or "").strip()
                if v and v != ps["name_vi"] and v not in others:
                    others.append(v)
            sets.append({
                "number": ps["number"],
                "slug": re.sub(r"^\d+-", "", ps["slug"]),
                "name": {"vi": ps["name_vi"], "en": ps["name_en"]},
                "group": group,
                "subgroup": subgroup,
                "leaf_name": self.tr.text(leaf_vi) if leaf_vi else None,
                "managing_agency": self.agency(agency.split("; ")),
                "other_names_vi": others,
            })
        return groups, sets

    def agency(self, names):
        names = [n.strip() for n in names if n.strip()]
        return {"vi": "; ".join(names), "en": "; ".join(self.tr.en(n) for n in names)}

    def taxonomy_148(self):
        t = json.load(open(os.path.join(self.ref, "criteria-148", "taxonomy.json"), encoding="utf-8"))
        manifest = json.load(open(os.path.join(self.ref, "criteria-148", "sheets", "MANIFEST.json"), encoding="utf-8"))
        groups, sets = [], []
        for g in t["groups"]:
            subs = []
            for sg in g["subgroups"]:
                subs.append({"code": sg["code"], "name": {"vi": sg["name_vi"], "en": sg["name_en"]}})
                for ps in sg["product_sets"]:
                    n = ps["set_no"]
                    others = []
                    for k in ("sheet_name_vi_148_transcription",):
                        v = (ps.get(k) or "").strip()
                        if v and v != ps["name_vi"]:
                            others.append(v)
                    sets.append({
                        "number": n,
                        "slug": manifest["sets"][str(n)]["file"][:-5],
                        "name": {"vi": ps["name_vi"], "en": ps["name_en"]},
                        "group": g["code"],
                        "subgroup": sg["code"],
                        "leaf_name": None,
                        "managing_agency": self.agency(ps.get("ministry_vi_148") or []),
                        "other_names_vi": others,
                    })
            groups.append({"code": g["code"], "name": {"vi": g["name_vi_dieu1"], "en": g["name_en"]}, "subgroups": subs})
        sets.sort(key=lambda x: x["number"])
        return groups, sets

    def write_taxonomy(self, folder, edition_label, groups, sets):
        out = [f"# {edition_label}: product groups (nhóm sản phẩm), subgroups and product sets.",
               "# Imported by scripts/import_reference/import.py; English names are ours.", ""]
        for g in groups:
            out += ["[[groups]]", f"code = {s(g['code'])}", f"name = {inline(g['name'])}", "subgroups = ["]
            for sg in g["subgroups"]:
                out.append(f"  {inline(sg)},")
            out += ["]", ""]
        for ps in sets:
            out.append("[[product_sets]]")
            for k in ("number", "slug", "name", "group", "subgroup", "leaf_name", "managing_agency", "other_names_vi"):
                if ps.get(k) not in (None, [], ""):
                    out.append(f"{k} = {value(ps[k])}")
            out.append("")
        write(os.path.join(folder, "taxonomy.toml"), out)

    # ----- sheets -----
    def sheet_26(self, path):
        d = json.load(open(path, encoding="utf-8"))
        n = d["product_set"]["number"]
        sheet = {
            "product_set": n,
            "title": self.tr.text(d["product_set"]["sheet_title_vi"]) if d["product_set"]["sheet_title_vi"] in self.tr.table
            else {"vi": d["product_set"]["sheet_title_vi"], "en": d["product_set"]["name_en"]},
            "sources": d["source"],
            "star_marker_note": self.tr.text(d["star_marker_note_vi"]) if d.get("star_marker_note_vi") else None,
            "dossier_rejected_when": [self.tr.text(x) for x in d["disqualify_when_vi"]],
            "corrections": [correction_sentence(c) for c in d["corrections"]],
            "gaps": d["gaps"],
            "parts": [],
        }
        knockouts = {k["attached_to"]: k for k in d["knockout_conditions"]}
        for p in d["parts"]:
            part = {"code": p["code"], "max": p["max_points"], "name": self.tr.text(p["name_vi"]), "sections": []}
            for sec in p["sections"]:
                section = {"code": sec["code"], "max": sec["max_points"], "name": self.tr.text(sec["name_vi"]),
                           "groups": [{"code": g["code"], "max": g["max_points"], "name": self.tr.text(g["name_vi"])}
                                      for g in sec.get("groups") or []],
                           "criteria": []}
                for c in sec["criteria"]:
                    crit = self.criterion_common(c, "26", n)
                    crit["group"] = c.get("group_code")
                    k = knockouts.get(c["code"])
                    if k:
                        crit["knockout"] = self.knockout(k["kind"], k["text_vi"], sec, c)
                        if crit.get("note") and crit["note"]["vi"] == k["text_vi"].strip():
                            crit["note"] = None
                    if c.get("cases_vi"):
                        crit["cases"] = [{"case": case_number(x), "name": self.tr.text(x)} for x in c["cases_vi"]]
                    for o, src in zip(crit["options"], c["options"]):
                        if src.get("case_vi"):
                            o["case"] = case_number(src["case_vi"])
                        if src.get("implied"):
                            o["implied"] = True
                        if "points_as_printed" in src:
                            pp = src["points_as_printed"]
                            o["printed_points"] = "blank" if pp is None else str(pp)
                        if src.get("suspected_typo"):
                            st = src["suspected_typo"]
                            o["suspected_typo"] = {"likely_points": st["likely_points"], "reason": st["reason_en"]}
                        if src.get("min_star"):
                            o["min_star"] = src["min_star"]
                    section["criteria"].append(crit)
                part["sections"].append(section)
            sheet["parts"].append(part)
        self.record_figures("26/2026", n, d)
        return sheet

    def sheet_148(self, path):
        d = json.load(open(path, encoding="utf-8"))
        n = d["product_set"]["number"]
        sheet = {
            "product_set": n,
            "title": {"vi": d["product_set"]["name_vi"], "en": d["product_set"]["name_en"]},
            "sources": d["source_urls"],
            "star_marker_note": None,
            "dossier_rejected_when": [self.tr.text(x) for x in d["disqualify_when_vi"]],
            "corrections": [],
            "gaps": d["gaps"],
            "parts": [],
        }
        for p in d["parts"]:
            part = {"code": p["code"], "max": p["max_points"], "name": self.tr.text(p["name_vi"]), "sections": []}
            for sec in p["sections"]:
                section = {"code": sec["code"], "max": sec["max_points"], "name": self.tr.text(sec["name_vi"]),
                           "groups": [], "criteria": []}
                for c in sec["criteria"]:
                    name, crit_star = split_markers(c["name_vi"])
                    c = dict(c, name_vi=name)
                    crit = self.criterion_common(c, "148", n)
                    if crit_star:
                        crit["min_star"] = crit_star
                    note = c.get("notes_vi") or ""
                    sentence = knockout_sentence(note) if note else None
                    if sentence:
                        crit["knockout"] = self.knockout(classify_knockout(sentence), sentence, sec, c)
                        rest = note.replace(sentence, "").strip()
                        crit["note"] = self.tr.text(note) if rest else None
                    cases = {}
                    for o, src in zip(crit["options"], c["options"]):
                        m = CASE_PREFIX.match(src["label_vi"])
                        if m:
                            cases.setdefault(int(m.group(2)), m.group(1))
                            o["case"] = int(m.group(2))
                    if cases:
                        crit["cases"] = [{"case": k, "name": self.tr.text(v)} for k, v in sorted(cases.items())]
                    section["criteria"].append(crit)
                part["sections"].append(section)
            sheet["parts"].append(part)
        problems = [g for g in d["gaps"] if g.startswith("CHECK FAILED")]
        if problems:
            sheet["provisional"] = {
                "reason": "The only source (a third-party transcription of 148) does not add up: "
                + " ".join(g[len("CHECK FAILED: "):] for g in problems)
                + " The missing points are unknown; nothing was corrected.",
                "accepted_mismatches": mismatches(sheet),
            }
        if n == 26:
            sheet["gaps"] = sheet["gaps"] + [
                "A3a prints no option for associations (hội, hiệp hội); the library lets an association "
                "tick any option (our reading, unverified)."]
        self.record_figures("148/2023", n, d)
        return sheet

    def criterion_common(self, c, edition, n):
        crit = {"code": c["code"], "max": c["max_points"], "name": self.tr.text(c["name_vi"])}
        if c.get("requirement_vi"):
            crit["requirement"] = self.tr.text(c["requirement_vi"])
        if c.get("notes_vi"):
            crit["note"] = self.tr.text(c["notes_vi"])
        if any(c["name_vi"].strip().startswith(x) for x in COMMUNE_ASSESSED):
            crit["assessed_by_commune"] = True
        subject = "Loại hình tổ chức" in c["name_vi"]
        options = []
        for src in c["options"]:
            label = src["label_vi"]
            m = CASE_PREFIX.match(label)
            if m:
                label = m.group(3)
            star = src.get("min_star")
            if edition == "148":
                label, star = split_markers(label)
            o = {"points": src["points"], "min_star": star, "vi": label.strip(), "en": self.tr.en(label)}
            if subject:
                types = subject_types(label, edition, n)
                if edition == "148" and n == 26:
                    types += [t for t in ["association"] if t not in types]
                o["subject_types"] = types
            options.append(o)
        crit["options"] = options
        return crit

    def knockout(self, kind, text, section, criterion):
        k = {"kind": kind, "text": self.tr.text(text)}
        if "Nếu được 0 điểm tại một trong các chỉ tiêu trên" in text:
            k["when_any_zero"] = [c["code"] for c in section["criteria"]]
        return k

    def record_figures(self, edition, n, d):
        criteria = [c for p in d["parts"] for s in p["sections"] for c in s["criteria"]]
        seq = []
        markers = 0
        for c in criteria:
            row = []
            for o in c["options"]:
                star = o.get("min_star")
                if edition == "148/2023":
                    _, star = split_markers(o["label_vi"])
                markers += 1 if star else 0
                row.append(f"{o['points']}{'*' * (star or 0)}")
            if edition == "148/2023":
                _, cstar = split_markers(c["name_vi"])
                if cstar:
                    row.append("c" + "*" * cstar)
            seq.append(c["code"] + ":" + ",".join(row))
        self.figures.setdefault(edition, {})[str(n)] = {
            "criteria": len(criteria),
            "options": sum(len(c["options"]) for c in criteria),
            "markers": markers,
            "option_points_sum": sum(o["points"] for c in criteria for o in c["options"]),
            "best_total": sum(max(o["points"] for o in c["options"]) for c in criteria if not any(
                CASE_PREFIX.match(o["label_vi"]) or o.get("case_vi") for o in c["options"])) + sum(
                c["max_points"] for c in criteria if any(
                    CASE_PREFIX.match(o["label_vi"]) or o.get("case_vi") for o in c["options"])),
            "digest": "sha256:" + hashlib.sha256("\n".join(seq).encode()).hexdigest(),
        }

    def write_sheet(self, folder, name, edition_label, sheet):
        out = [f"# OCOP scoring sheet: {edition_label}, product set {sheet['product_set']}.",
               "# Options are in printed order: an answer names one by its 0-based position.",
               "# min_star is a star marker printed beside an option (*** = 3, **** = 4, ***** = 5).",
               "# Imported by scripts/import_reference/import.py, then reviewed; English labels are ours.",
               "",
               f"product_set = {sheet['product_set']}",
               f"title = {inline(sheet['title'])}"]
        out += lines_for("sources", sheet["sources"])
        if sheet.get("star_marker_note"):
            out.append(f"star_marker_note = {inline(sheet['star_marker_note'])}")
        out += lines_for("dossier_rejected_when", sheet["dossier_rejected_when"])
        out += lines_for("corrections", sheet["corrections"])
        out += lines_for("gaps", sheet["gaps"])
        if sheet.get("provisional"):
            pr = sheet["provisional"]
            out += ["", "[provisional]", f"reason = {s(pr['reason'])}"]
            out += lines_for("accepted_mismatches", pr["accepted_mismatches"])
        for part in sheet["parts"]:
            out += ["", "[[part]]", f"code = {s(part['code'])}", f"max = {part['max']}", f"name = {inline(part['name'])}"]
            for sec in part["sections"]:
                out += ["", "[[part.section]]", f"code = {s(sec['code'])}", f"max = {sec['max']}", f"name = {inline(sec['name'])}"]
                out += lines_for("groups", sec["groups"])
                for c in sec["criteria"]:
                    out += ["", "[[part.section.criterion]]", f"code = {s(c['code'])}", f"max = {c['max']}",
                            f"name = {inline(c['name'])}"]
                    for k in ("group", "min_star", "requirement", "note", "knockout", "cases", "assessed_by_commune"):
                        if c.get(k) not in (None, [], False):
                            out.append(f"{k} = {value(c[k])}")
                    out += lines_for("options", [{k: o.get(k) for k in (
                        "points", "min_star", "case", "vi", "en", "subject_types", "implied", "printed_points",
                        "suspected_typo")} for o in c["options"]])
        write(os.path.join(folder, "sheets", name + ".toml"), out)


def correction_sentence(c):
    """A correction as one sentence: the reference writes newer ones as {criterion, what, found}."""
    if isinstance(c, str):
        return c
    return f"{c['criterion']}: {c['what']} ({c['found']})."


def case_number(label):
    m = re.match(r"Trường hợp (\d)", label)
    if not m:
        raise SystemExit(f"not a case label: {label!r}")
    return int(m.group(1))


def mismatches(sheet):
    """The maxima that do not add up, as the validator reports them."""
    found = []
    for part in sheet["parts"]:
        total = sum(sec["max"] for sec in part["sections"])
        if total != part["max"]:
            found.append({"at": part["code"], "declared": part["max"], "computed": total})
        for sec in part["sections"]:
            total = sum(c["max"] for c in sec["criteria"])
            if total != sec["max"]:
                found.append({"at": sec["code"], "declared": sec["max"], "computed": total})
            for c in sec["criteria"]:
                best = max(o["points"] for o in c["options"])
                if not c.get("cases") and best != c["max"]:
                    found.append({"at": c["code"], "declared": c["max"], "computed": best})
    return found


def write(path, lines):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines).rstrip() + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--reference", default=os.path.join(ROOT, "..", "shared", "reference"))
    args = ap.parse_args()
    tr = Translations()
    imp = Importer(args.reference, tr)

    folder = os.path.join(CATALOGS, "26-2026")
    label = "Decision 26/2026/QĐ-TTg, Phụ lục II"
    imp.write_taxonomy(folder, "Decision 26/2026/QĐ-TTg, Điều 2.2 and Phụ lục I", *imp.taxonomy_26())
    for path in sorted(glob.glob(os.path.join(args.reference, "criteria-26-2026", "sheets", "[0-9]*.json"))):
        sheet = imp.sheet_26(path)
        imp.write_sheet(folder, os.path.basename(path)[:-5], label, sheet)

    folder = os.path.join(CATALOGS, "148-2023")
    label = "Decision 148/QĐ-TTg (2023), Phụ lục III, as transcribed by a third party"
    imp.write_taxonomy(folder, "Decision 148/QĐ-TTg (2023), Phụ lục I", *imp.taxonomy_148())
    manifest = json.load(open(os.path.join(args.reference, "criteria-148", "sheets", "MANIFEST.json"), encoding="utf-8"))
    for number, entry in sorted(manifest["sets"].items(), key=lambda kv: int(kv[0])):
        path = os.path.join(args.reference, "criteria-148", "sheets", entry["file"])
        sheet = imp.sheet_148(path)
        imp.write_sheet(folder, f"{int(number):02d}-{entry['file'][:-5]}", label, sheet)

    with open(os.path.join(ROOT, "ocop-core", "tests", "reference_figures.json"), "w", encoding="utf-8") as f:
        json.dump(imp.figures, f, ensure_ascii=False, indent=1, sort_keys=True)
        f.write("\n")
    if tr.missing:
        uniq = sorted(set(tr.missing))
        print(f"{len(uniq)} string(s) have no English translation:", file=sys.stderr)
        for m in uniq[:40]:
            print("  " + m, file=sys.stderr)
        sys.exit(1)
    print("imported 2 editions")


if __name__ == "__main__":
    main()
