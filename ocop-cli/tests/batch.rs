//! Batches as officers run them: CSV and JSON Lines of any size, a summary per product in CSV
//! (with a byte-order mark) or `.xlsx`, answers in input order whatever the number of threads,
//! a bad row refused on its own; and the Excel-facing files read back with their Vietnamese.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // tests may panic

mod common;

use calamine::{Data, Reader, open_workbook_auto};
use common::{arg, example_answers, ocop, scratch};
use serde_json::{Value, json};

/// A CSV of evaluations: the example with A1.1 set to `a11` on each row (0, 1 or 2: 1, 3 or 5
/// points), and the rows given as (reference, a11).
fn csv_of(rows: &[(&str, u64)]) -> String {
    let answers = example_answers();
    let codes: Vec<&String> = answers.keys().collect();
    let mut text = format!(
        "reference,edition,evaluated_on,product_set,subject_type,{}\n",
        codes
            .iter()
            .map(|c| c.as_str())
            .collect::<Vec<_>>()
            .join(",")
    );
    for (reference, a11) in rows {
        let cells: Vec<String> = codes
            .iter()
            .map(|c| {
                if *c == "A1.1" {
                    a11.to_string()
                } else {
                    answers[*c].to_string()
                }
            })
            .collect();
        text.push_str(&format!(
            "{reference},26/2026,2026-11-23,9,cooperative,{}\n",
            cells.join(",")
        ));
    }
    text
}

#[test]
fn a_csv_batch_gives_a_summary_per_product_and_refuses_a_bad_row_alone() {
    let dir = scratch("batch-csv");
    let mut text = csv_of(&[("Nước mắm Cửa Sót", 2)]);
    // Line 3: an option out of range; line 4: a product set that is not a number.
    text.push_str(csv_of(&[("Chè xanh", 7)]).lines().nth(1).unwrap());
    text.push('\n');
    text.push_str("Thiếu,26/2026,2026-11-23,nine,cooperative\n");
    let input = dir.join("evaluations.csv");
    std::fs::write(&input, text).unwrap();
    let out = dir.join("summary.csv");
    let (_, err, code) = ocop(&["score", arg(&input), "-o", arg(&out)]);
    assert_eq!(code, 1, "a refused row makes the exit code 1");
    assert!(
        err.contains("line 3: error OPTION_OUT_OF_RANGE at /A1.1"),
        "{err}"
    );
    assert!(
        err.contains("line 4: error WRONG_TYPE at /product_set"),
        "{err}"
    );
    let bytes = std::fs::read(&out).unwrap();
    assert_eq!(
        &bytes[..3],
        b"\xef\xbb\xbf",
        "Excel needs the byte-order mark"
    );
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "line,reference,edition,product_set,subject_type,total,band,stars,certifiable,outcome,outcome_at,first_blocker,blocked_star,blocker_needs_points,recognised_at,forward_to,warnings,errors"
    );
    // The example: 75 points, band 4★, held at 3★ by B5.1 (4★ needs 5 points there); the
    // province recognises it and, below 90, forwards it nowhere.
    assert!(
        lines[1].starts_with(
            "2,Nước mắm Cửa Sót,26/2026,9,cooperative,75,4,3,true,rated,,B5.1,4,5,province,,"
        ),
        "{}",
        lines[1]
    );
    assert!(lines[2].starts_with("3,Chè xanh,,,"), "{}", lines[2]);
    assert!(
        lines[2].ends_with("\"OPTION_OUT_OF_RANGE at /A1.1: A1.1 has options 0 to 2, not 7\""),
        "{}",
        lines[2]
    );
    assert!(lines[3].starts_with("4,Thiếu,"), "{}", lines[3]);
    assert_eq!(lines.len(), 4);
}

#[test]
fn json_lines_answer_each_line_with_its_number() {
    let dir = scratch("batch-jsonl");
    let mut e: Value = serde_json::from_str(include_str!("../src/example.json")).unwrap();
    e["reference"] = json!("Chè Tây Sơn");
    let text = format!("{e}\n\n{{\"productSet\":1}}\nnot json\n{e}\n");
    let input = dir.join("evaluations.jsonl");
    std::fs::write(&input, text).unwrap();
    let (out, _, code) = ocop(&["score", arg(&input), "--format", "json"]);
    assert_eq!(code, 1);
    let rows: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let got: Vec<(u64, &str)> = rows
        .iter()
        .map(|r| (r["line"].as_u64().unwrap(), r["type"].as_str().unwrap()))
        .collect();
    // Line 2 is blank: no row.
    assert_eq!(
        got,
        [
            (1, "success"),
            (3, "failure"),
            (4, "failure"),
            (5, "success")
        ]
    );
    assert_eq!(rows[0]["result"]["reference"], "Chè Tây Sơn");
    assert_eq!(rows[1]["errors"][0]["code"], "MISSING_FIELD");
    assert_eq!(rows[2]["errors"][0]["code"], "INVALID_JSON");
    let (full, _, _) = ocop(&["score", arg(&input), "--format", "json", "--report", "full"]);
    let first: Value = serde_json::from_str(full.lines().next().unwrap()).unwrap();
    assert_eq!(first["result"]["lines"].as_array().unwrap().len(), 31);
}

#[test]
fn answers_come_in_input_order_on_any_number_of_threads() {
    let dir = scratch("batch-order");
    // 2,500 rows (more than two chunks), A1.1 cycling 0, 1, 2: totals 71, 73, 75.
    let rows: Vec<(String, u64)> = (0..2500).map(|i| (format!("SP-{i}"), i % 3)).collect();
    let borrowed: Vec<(&str, u64)> = rows.iter().map(|(r, a)| (r.as_str(), *a)).collect();
    let input = dir.join("many.csv");
    std::fs::write(&input, csv_of(&borrowed)).unwrap();
    let mut outputs = Vec::new();
    for jobs in ["1", "4"] {
        let (out, err, code) = ocop(&["score", arg(&input), "--format", "json", "--jobs", jobs]);
        assert_eq!(code, 0, "{err}");
        let totals: Vec<(u64, String, String)> = out
            .lines()
            .map(|l| {
                let v: Value = serde_json::from_str(l).unwrap();
                (
                    v["line"].as_u64().unwrap(),
                    v["result"]["reference"].as_str().unwrap().to_owned(),
                    v["result"]["total"].as_str().unwrap().to_owned(),
                )
            })
            .collect();
        for (i, (line, reference, total)) in totals.iter().enumerate() {
            assert_eq!(
                (*line, reference.as_str()),
                (i as u64 + 2, format!("SP-{i}").as_str())
            );
            assert_eq!(total, ["71", "73", "75"][i % 3], "row {i}");
        }
        assert_eq!(totals.len(), 2500);
        outputs.push(out);
    }
    assert_eq!(outputs[0], outputs[1]);
}

#[test]
fn a_json_array_keeps_the_batch_limit() {
    let dir = scratch("batch-limit");
    let input = dir.join("array.json");
    std::fs::write(&input, format!("[{}{{}}]", "{},".repeat(10_000))).unwrap();
    let (_, err, code) = ocop(&["score", arg(&input)]);
    assert_eq!(code, 1);
    assert!(err.contains("TOO_MANY_ITEMS"), "{err}");
}

#[test]
fn a_header_that_names_no_criterion_refuses_the_table() {
    let dir = scratch("batch-header");
    let input = dir.join("bad-header.csv");
    std::fs::write(
        &input,
        "reference,prodct_set,subject_type,A1.1\nX,9,farm,1\n",
    )
    .unwrap();
    let (_, err, code) = ocop(&["score", arg(&input)]);
    assert_eq!(code, 1);
    assert!(
        err.contains("UNKNOWN_FIELD at /header: `prodct_set` is not a field here"),
        "{err}"
    );
    assert!(
        err.contains("INVALID_CSV at /header: the header lacks product_set"),
        "{err}"
    );
}

/// The cells of a workbook's first sheet as text.
fn sheet_text(path: &std::path::Path) -> Vec<Vec<String>> {
    let mut book = open_workbook_auto(path).unwrap();
    let range = book.worksheet_range_at(0).unwrap().unwrap();
    range
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| {
                    if let Data::Float(f) = c {
                        f.to_string()
                    } else {
                        c.to_string()
                    }
                })
                .collect()
        })
        .collect()
}

#[test]
fn the_excel_files_read_back_with_their_vietnamese() {
    let dir = scratch("batch-vietnamese");
    let input = dir.join("evaluations.csv");
    std::fs::write(
        &input,
        csv_of(&[
            ("Nước mắm Cửa Sót — loại đặc biệt", 2),
            ("Kẹo cu đơ Hà Tĩnh", 0),
        ]),
    )
    .unwrap();
    let xlsx = dir.join("summary.xlsx");
    let (_, err, code) = ocop(&["score", arg(&input), "-o", arg(&xlsx)]);
    assert_eq!(code, 0, "{err}");
    let rows = sheet_text(&xlsx);
    assert_eq!(
        &rows[0][..4],
        ["Dòng", "Mã tham chiếu", "Bộ tiêu chí", "Bộ sản phẩm"]
    );
    assert_eq!(rows[1][1], "Nước mắm Cửa Sót — loại đặc biệt");
    assert_eq!(
        (rows[1][5].as_str(), rows[1][7].as_str()),
        ("75", "3"),
        "numbers stay numbers"
    );
    assert_eq!(rows[2][1], "Kẹo cu đơ Hà Tĩnh");

    // The portfolio's targets table, in Vietnamese, and the same portfolio read from a sheet.
    let cases: Value =
        serde_json::from_str(include_str!("../../tests/cases/portfolio.json")).unwrap();
    let case = cases
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "portfolio-tay-ninh-registrations-and-communes")
        .unwrap();
    let csv = case["input"]["csv"].as_str().unwrap();
    let products = dir.join("products.csv");
    std::fs::write(&products, csv).unwrap();
    let sheet = dir.join("products.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    for (r, line) in csv.lines().enumerate() {
        for (c, cell) in line.split(',').enumerate() {
            match cell.parse::<f64>() {
                Ok(n) => ws.write_number(r as u32, c as u16, n).unwrap(),
                Err(_) => ws.write_string(r as u32, c as u16, cell).unwrap(),
            };
        }
    }
    book.save(&sheet).unwrap();
    let targets = dir.join("targets.xlsx");
    let run = |file: &std::path::Path| {
        let (out, err, code) = ocop(&[
            "portfolio",
            arg(file),
            "--targets",
            "tay-ninh-2022-2025",
            "--on",
            "2025-12-31",
            "--format",
            "json",
            "--targets-out",
            arg(&targets),
        ]);
        assert_eq!(code, 0, "{err}");
        serde_json::from_str::<Value>(&out).unwrap()
    };
    assert_eq!(run(&products), run(&sheet), "a sheet reads as the CSV does");
    let rows = sheet_text(&targets);
    assert_eq!(rows[0][1], "Chỉ tiêu");
    assert_eq!(
        rows[4][1],
        "100% xã, phường, thị trấn có ít nhất 01 sản phẩm đăng ký tham gia Chương trình OCOP"
    );
    assert_eq!(rows[4][7], "Suối Dây (0)");
}
