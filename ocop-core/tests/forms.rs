//! The printed forms: each prints every line of its data (every criterion and option of the
//! sheet, each member, each value given), ticks exactly what was ticked, escapes what it is
//! given, and refuses bad input with the code and path of every problem. (The forms as PDFs,
//! read back with pdftotext, are checked by `scripts/check-forms.sh`.)

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // tests may panic

use ocop_core::forms::{CouncilForm, DossierForm, SheetForm};
use ocop_core::{Catalog, Input, InputErrors};
use serde_json::{Value, json};

const EXAMPLE: &str = include_str!("../../ocop-cli/src/example.json");

fn example() -> Value {
    serde_json::from_str(EXAMPLE).unwrap()
}

fn cli_example(name: &str) -> Value {
    let path = format!(
        "{}/../ocop-cli/src/examples/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn sheet_html(form: Value) -> Result<String, InputErrors> {
    Catalog::builtin().print_sheet(&SheetForm::from_json_value(&form)?)
}

fn dossier_html(form: Value) -> Result<String, InputErrors> {
    Catalog::builtin().print_dossier_form(&DossierForm::from_json_value(&form)?)
}

fn paths(e: &InputErrors) -> Vec<String> {
    e.0.iter()
        .map(|x| format!("{}@{}", x.code, x.path))
        .collect()
}

/// The HTML's text with the markup's escapes undone, for looking up labels as printed.
fn unescaped(html: &str) -> String {
    html.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

#[test]
fn a_members_sheet_prints_every_criterion_and_option_and_ticks_what_was_ticked() {
    let html = sheet_html(json!({ "evaluation": example(), "assessor": "Nguyễn Văn An" })).unwrap();
    let text = unescaped(&html);
    let sheet = Catalog::builtin()
        .edition("26/2026")
        .unwrap()
        .sheet(9)
        .unwrap();
    let mut options = 0;
    for c in sheet.criteria() {
        assert!(text.contains(c.name.vi.as_str()), "{}", c.code);
        for o in &c.options {
            assert!(text.contains(o.vi.as_str()), "{} {}", c.code, o.vi);
            options += 1;
        }
    }
    // One box per option; one ticked per answered criterion (30 answers and A3.1, filled in
    // from the subject type).
    assert_eq!(
        html.matches('☐').count() + html.matches('☑').count(),
        options
    );
    assert_eq!(html.matches('☑').count(), 31);
    // Parts 35 + 16 + 24 = 75 (`ocop score --example`), and the total row.
    for row in [
        "PHẦN A: SẢN PHẨM VÀ SỨC MẠNH CỦA CỘNG ĐỒNG</td><td class=\"num\">40</td><td></td><td class=\"num\">35",
        "TỔNG CỘNG</td><td class=\"num\">100</td><td></td><td class=\"num\">75",
    ] {
        assert!(html.contains(row), "{row}");
    }
    assert!(text.contains("Người đánh giá") && text.contains("Nguyễn Văn An"));
    assert!(text.contains("Dấu sao là yêu cầu tối thiểu"));
}

#[test]
fn english_on_request() {
    let html = sheet_html(json!({ "evaluation": example(), "language": "en" })).unwrap();
    assert!(html.contains("<html lang=\"en\">"));
    assert!(html.contains("TOTAL") && html.contains("Raw-material source"));
    assert!(!html.contains("TỔNG CỘNG"));
}

#[test]
fn everything_given_is_escaped() {
    let html = sheet_html(json!({
        "evaluation": example(),
        "assessor": "<script>alert(1)</script>",
        "comments": "\"quoted\" & <b>bold</b>",
        "product": { "name": "Nước mắm <Cá cơm>", "producer": "A & B" }
    }))
    .unwrap();
    assert!(!html.contains("<script>alert"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("&quot;quoted&quot; &amp; &lt;b&gt;bold&lt;/b&gt;"));
    assert!(html.contains("Nước mắm &lt;Cá cơm&gt;") && html.contains("A &amp; B"));
}

#[test]
fn a_bad_sheet_is_refused_with_every_path() {
    let mut evaluation = example();
    evaluation["answers"]["A1.1"] = json!(9);
    let e = sheet_html(json!({
        "evaluation": evaluation,
        "product": { "code": "38-1234-007-2026" },
        "language": "fr",
    }))
    .unwrap_err();
    assert_eq!(paths(&e), ["WRONG_TYPE@/language"]);
    let e = sheet_html(json!({ "evaluation": evaluation })).unwrap_err();
    assert_eq!(paths(&e), ["OPTION_OUT_OF_RANGE@/evaluation/answers/A1.1"]);
    let e =
        sheet_html(json!({ "evaluation": example(), "product": { "code": "38-1234-007-2026" } }))
            .unwrap_err();
    assert_eq!(paths(&e), ["INVALID_PRODUCT_CODE@/product/code/commune"]);
    let e = sheet_html(json!({ "assessor": "A" })).unwrap_err();
    assert_eq!(paths(&e), ["MISSING_FIELD@/evaluation"]);
}

#[test]
fn the_council_summary_prints_each_member_the_mean_the_spread_and_the_cap() {
    let form = CouncilForm::from_json_value(&cli_example("council")).unwrap();
    let report = Catalog::builtin().council(&form.council).unwrap();
    let html = Catalog::builtin().print_council(&form).unwrap();
    // 75, 77 (B5.1 at 5 points: +2) and 75 (A1.3 +1, B4.2 −1): 227 / 3 = 75.67, spread 2; the
    // mean of B5.1, (3 + 5 + 3) / 3 = 3.67, is under the 5 points 4★ needs: 3★.
    assert_eq!(report.mean.to_string(), "75.67");
    for text in [
        "Nguyễn Văn An",
        "Trần Thị Bình",
        "Lê Văn Cường",
        "227 / 3 = 75.67",
        "Chênh lệch tổng điểm giữa các thành viên: <span class=\"filled\">2 (tối đa 10)",
        "Hạng sao (sau khi áp dụng dấu sao): <span class=\"filled\">★★★</span>",
        "tiêu chí B5.1",
        "CHỦ TỊCH HỘI ĐỒNG",
        "THƯ KÝ HỘI ĐỒNG",
    ] {
        assert!(html.contains(text), "{text}");
    }
    for total in ["75", "77"] {
        assert!(
            html.contains(&format!("<td class=\"num\">{total}</td>")),
            "{total}"
        );
    }
    let e = Catalog::builtin()
        .print_council(&CouncilForm::from_json_value(&json!({ "council": { "edition": "26/2026", "productSet": 9, "subjectType": "cooperative", "members": [] } })).unwrap())
        .unwrap_err();
    assert_eq!(paths(&e), ["COUNCIL_EMPTY@/council/members"]);
}

#[test]
fn mau_02_prints_its_values_the_self_assessment_and_the_evidence_table() {
    let mut form = cli_example("mau-02");
    form["evaluation"] = example();
    let html = dossier_html(form.clone()).unwrap();
    let text = unescaped(&html);
    for (id, value) in form["values"].as_object().unwrap() {
        match value {
            Value::String(s) if id == "founded_on" => assert!(text.contains("12/03/2015"), "{s}"),
            Value::String(s) => assert!(text.contains(s.as_str()), "{id}: {s}"),
            _ => {}
        }
    }
    for (code, description) in form["descriptions"].as_object().unwrap() {
        assert!(text.contains(description.as_str().unwrap()), "{code}");
    }
    let evidence = &Catalog::builtin()
        .edition("26/2026")
        .unwrap()
        .data()
        .dossier
        .as_ref()
        .unwrap()
        .evidence;
    for kind in evidence {
        assert!(text.contains(kind.requirement.vi.as_str()), "{}", kind.id);
    }
    // Ticked: 5 boxes of Phần I mục 7 and the 8 kinds of evidence attached.
    assert_eq!(html.matches('☑').count(), 5 + 8);
    assert!(html.contains("TỔNG CỘNG</td><td class=\"num\">100</td><td class=\"num\">75"));
}

#[test]
fn mau_03_fills_the_blanks_of_its_proposal_and_signature() {
    let html = dossier_html(cli_example("mau-03")).unwrap();
    assert!(html.contains("Ủy ban nhân dân xã <span class=\"filled\">Ví Dụ</span> đề nghị Ủy ban nhân dân tỉnh <span class=\"filled\">Hà Tĩnh</span>"));
    assert!(html.contains("T.M ỦY BAN NHÂN DÂN XÃ VÍ DỤ"));
    assert!(html.contains("ỦY BAN NHÂN DÂN XÃ/PHƯỜNG VÍ DỤ"));
    // Without values the blanks are left to write in.
    let blank = dossier_html(json!({ "form": "mau-03" })).unwrap();
    assert!(blank.contains("Ủy ban nhân dân xã…… đề nghị Ủy ban nhân dân tỉnh……"));
}

#[test]
fn each_value_is_checked_against_its_field() {
    let e = dossier_html(json!({
        "form": "mau-01",
        "values": {
            "case": "second",
            "colour": "red",
            "commune_received_on": "2026-02-30",
            "commune_slip_number": "12-01/PĐK-42-1816-2026",
            "has_business_registration": true,
            "product_set": 27,
            "sample_count": "five",
            "year": true
        }
    }))
    .unwrap_err();
    assert_eq!(
        paths(&e),
        [
            "WRONG_TYPE@/values/case",
            "UNKNOWN_FIELD@/values/colour",
            "INVALID_DATE@/values/commune_received_on",
            "INVALID_REGISTRATION_SLIP@/values/commune_slip_number/commune",
            "UNKNOWN_FIELD@/values/has_business_registration",
            "UNKNOWN_PRODUCT_SET@/values/product_set",
            "WRONG_TYPE@/values/sample_count",
            "WRONG_TYPE@/values/year",
        ]
    );
    let e = dossier_html(json!({ "form": "mau-04" })).unwrap_err();
    assert_eq!(paths(&e), ["UNKNOWN_DOSSIER_ITEM@/form"]);
    let e = dossier_html(json!({ "form": "mau-02", "descriptions": { "A1.1": "x" }, "evidence": ["awards", "medals"] }))
        .unwrap_err();
    assert_eq!(
        paths(&e),
        [
            "MISSING_FIELD@/descriptions/A1.1",
            "UNKNOWN_DOSSIER_ITEM@/evidence/1"
        ]
    );
    let e = dossier_html(json!({ "form": "mau-01", "edition": "148/2023" })).unwrap_err();
    assert_eq!(paths(&e), ["UNKNOWN_DOSSIER_ITEM@/form"]);
}
