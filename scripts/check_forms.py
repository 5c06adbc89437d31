"""Reads the example forms back from their PDFs (pdftotext -raw) and checks them against the data
they were printed from: every criterion and option of the sheet in order with its points and
its tick, the totals, each council member's total, each value of Mẫu 02 and 03.

Usage: check_forms.py DIR OCOP  (DIR holds <kind>.pdf; OCOP is the built `ocop` command)
Prints one line per form and exits non-zero if any check failed.
"""

import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "ocop-cli" / "src" / "examples"


def pdf_text(pdf):
    """The PDF's text in drawing order, whitespace folded, the repeated table headers removed."""
    text = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    text = folded(text)
    for header in ["Mã Chỉ tiêu, tiêu chí Điểm Chọn Điểm chấm ", "Mã Tiêu chí Điểm tối đa Điểm tự đánh giá "]:
        first = text.find(header)
        if first >= 0:
            text = text[: first + len(header)] + text[first + len(header) :].replace(header, "")
    return text


def folded(s):
    """Whitespace folded to one space, none before punctuation (pdftotext breaks some runs
    there: "HACCP ,...")."""
    return re.sub(r" ([,.;:)])", r"\1", " ".join(s.split()))


def ocop_json(ocop, *args):
    out = json.loads(subprocess.run([ocop, *args, "--format", "json"], check=True, capture_output=True, text=True).stdout)
    return out["result"] if "result" in out else out


class Reader:
    """Finds expected pieces of text in order, noting what is missing."""

    def __init__(self, text):
        self.text, self.at, self.missing = text, 0, []

    def expect(self, piece, what):
        i = self.text.find(folded(piece), self.at)
        if i < 0:
            self.missing.append(f"{what}: {piece[:70]!r}")
            return False
        self.at = i + len(folded(piece))
        return True

    def expect_anywhere(self, piece, what):
        if folded(piece) not in self.text:
            self.missing.append(f"{what}: {piece[:70]!r}")


def check_sheet(text, ocop):
    sheet = ocop_json(ocop, "catalog", "--edition", "26/2026", "--set", "9")["sheet"]
    report = ocop_json(ocop, "score", "--example")
    lines = {line["code"]: line for line in report["lines"]}
    r = Reader(text)
    ticked = 0
    for part in sheet["parts"]:
        total = next(p["points"] for p in report["parts"] if p["code"] == part["code"])
        r.expect(f"{part['name']['vi']} {part['max']} {total}", f"part {part['code']}")
        for section in part["sections"]:
            for c in section["criteria"]:
                line = lines[c["code"]]
                r.expect(f"{c['code']} {c['name']['vi']}", "criterion")
                r.expect(f"{c['max']} {line['points']}", f"{c['code']} max and points")
                for i, o in enumerate(c["options"]):
                    tick = "☑" if line.get("option") == i else "☐"
                    ticked += tick == "☑"
                    stars = f" {'*' * o['minStar']}" if o.get("minStar") else ""
                    r.expect(f"{o['vi']}{stars}", f"{c['code']} option {i}")
                    r.expect(f"{o['points']} {tick}", f"{c['code']} option {i} points and tick")
    r.expect(f"TỔNG CỘNG 100 {report['total']}", "total")
    if text.count("☑") != ticked:
        r.missing.append(f"{text.count('☑')} ticks printed, {ticked} ticked")
    details = json.loads((EXAMPLES / "sheet.json").read_text(encoding="utf-8"))
    for key, value in details["product"].items():
        r.expect_anywhere(value, f"product {key}")
    r.expect_anywhere("Người đánh giá", "signature")
    r.expect_anywhere(details["assessor"], "assessor")
    return r.missing, f"{ticked} ticks, total {report['total']}"


def check_council(text, ocop):
    form = json.loads((EXAMPLES / "council.json").read_text(encoding="utf-8"))
    r = Reader(text)
    members = form["council"]["members"]
    for m in members:
        r.expect(m["name"], "member")
    # 75, 77, 75 (see ocop-core/tests/forms.rs): 227 / 3 = 75.67, spread 2, capped at 3★ by B5.1.
    for i, (m, total) in enumerate(zip(members, [75, 77, 75])):
        r.expect_anywhere(f"{i + 1} {m['name']}", "member row")
        r.expect_anywhere(f"{total}", "member total")
    for piece in ["227 / 3 = 75.67", "2 (tối đa 10)", "Hạng sao (sau khi áp dụng dấu sao): ★★★", "B5.1", "CHỦ TỊCH HỘI ĐỒNG", "THƯ KÝ HỘI ĐỒNG"]:
        r.expect_anywhere(piece, "figure")
    return r.missing, f"{len(members)} members, mean 75.67"


# Values printed otherwise than given: a choice as its ticked box, Mẫu 03's commune upper-cased
# in its heading.
PRINTED = {("mau-01", "case"): "☑ Lần đầu", ("mau-03", "commune"): "XÃ/PHƯỜNG VÍ DỤ"}


def check_values(name):
    def check(text, ocop):
        form = json.loads((EXAMPLES / f"{name}.json").read_text(encoding="utf-8"))
        r = Reader(text)
        for key, value in form["values"].items():
            if isinstance(value, str) and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
                r.expect_anywhere(PRINTED.get((name, key), value), key)
        for description in form.get("descriptions", {}).values():
            r.expect_anywhere(description, "description")
        return r.missing, f"{len(form['values'])} values"

    return check


def main():
    out, ocop = Path(sys.argv[1]), sys.argv[2]
    failed = 0
    for kind, check in [("sheet", check_sheet), ("council", check_council), ("mau-02", check_values("mau-02")), ("mau-03", check_values("mau-03")), ("mau-01", check_values("mau-01"))]:
        missing, summary = check(pdf_text(out / f"{kind}.pdf"), ocop)
        if missing:
            failed += 1
            print(f"FAIL {kind}: {len(missing)} missing")
            for m in missing[:20]:
                print(f"     {m}")
        else:
            print(f"ok   {kind}: read back from the PDF ({summary})")
    print(f"{5 - failed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
