//! Council workbooks round-trip: written by `ocop council-workbook`, filled by a script (the
//! sheets' XML edited, as a program filling a template does), read back by `ocop council`:
//! the same result as the same council in JSON; and every bad cell named by sheet and cell.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // tests may panic

mod common;

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::Path;

use calamine::{Reader, open_workbook_auto};
use common::{arg, example_answers, ocop, scratch};
use serde_json::{Value, json};

const MEMBERS: [&str; 3] = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Chi"];

/// The rows of a sheet by the text in column `col` (0-based rows).
fn rows_by(path: &Path, sheet: &str, col: usize) -> BTreeMap<String, u32> {
    let mut book = open_workbook_auto(path).unwrap();
    let range = book.worksheet_range(sheet).unwrap();
    let (r0, c0) = range.start().unwrap();
    let mut out = BTreeMap::new();
    for (i, row) in range.rows().enumerate() {
        if let Some(v) = row.get(col - c0 as usize) {
            let text = v.to_string();
            if !text.is_empty() {
                out.insert(text, r0 + i as u32);
            }
        }
    }
    out
}

/// The dropdown entries of each criterion, from the hidden lists sheet: code → entries (the
/// first for "no option applies", then one per option).
fn entries(path: &Path) -> BTreeMap<String, Vec<String>> {
    let mut book = open_workbook_auto(path).unwrap();
    let range = book.worksheet_range("Danh mục").unwrap();
    let mut out = BTreeMap::new();
    for row in range.rows() {
        let code = row[0].to_string();
        if code.contains('.') || code.starts_with(['A', 'B', 'C']) {
            let list: Vec<String> = row[1..]
                .iter()
                .map(|c| c.to_string())
                .filter(|s| !s.is_empty())
                .collect();
            out.entry(code).or_insert(list);
        }
    }
    out
}

/// Writes `to`: the workbook `from` with each (sheet number, cell, text) filled in, by
/// replacing the cell's element in the sheet's XML with an inline string.
fn fill(from: &Path, to: &Path, values: &[(usize, String, String)]) {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(from).unwrap()).unwrap();
    let mut out = zip::ZipWriter::new(std::fs::File::create(to).unwrap());
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap();
        let name = file.name().to_owned();
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes).unwrap();
        for (sheet, cell, text) in values {
            if name == format!("xl/worksheets/sheet{sheet}.xml") {
                let xml = String::from_utf8(bytes).unwrap();
                let start = xml
                    .find(&format!("<c r=\"{cell}\""))
                    .unwrap_or_else(|| panic!("{cell} in {name}"));
                let open_end = start + xml[start..].find('>').unwrap();
                let (style, end) = if xml.as_bytes()[open_end - 1] == b'/' {
                    (&xml[start + 2..open_end - 1], open_end + 1)
                } else {
                    (
                        &xml[start + 2..open_end],
                        open_end + xml[open_end..].find("</c>").unwrap() + 4,
                    )
                };
                let style = style.split(" t=").next().unwrap().trim();
                let escaped = text
                    .replace('&', "&amp;")
                    .replace('<', "&lt;")
                    .replace('>', "&gt;");
                bytes = format!(
                    "{}<c {style} t=\"inlineStr\"><is><t>{escaped}</t></is></c>{}",
                    &xml[..start],
                    &xml[end..]
                )
                .into_bytes();
            }
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&bytes).unwrap();
    }
    out.finish().unwrap();
}

/// Each member's answers: the example, with a few members disagreeing.
fn answers() -> Vec<serde_json::Map<String, Value>> {
    let base = example_answers();
    let mut second = base.clone();
    second.insert("A1.1".into(), json!(1));
    second.insert("B5.1".into(), json!(2));
    let mut third = base.clone();
    third.insert("C6.4".into(), json!(1));
    third.insert("C11".into(), Value::Null); // "no option applies"
    vec![base, second, third]
}

/// Writes the blank workbook and the cells that fill it with `answers` (sheet 1 is the
/// council's, 2–4 the members', in order).
fn blank_and_cells(dir: &Path) -> (std::path::PathBuf, Vec<(usize, String, String)>) {
    let blank = dir.join("council.xlsx");
    let (_, err, code) = ocop(&[
        "council-workbook",
        "--set",
        "9",
        "--members",
        &MEMBERS.join(","),
        "--chair",
        "1",
        "--reference",
        "Nước mắm Cửa Sót",
        "-o",
        arg(&blank),
    ]);
    assert_eq!(code, 0, "{err}");
    let keys = rows_by(&blank, "Hội đồng", 0);
    let mut cells = vec![
        (
            1,
            format!("C{}", keys["subject_type"] + 1),
            "Hợp tác xã".to_owned(),
        ),
        (
            1,
            format!("C{}", keys["evaluated_on"] + 1),
            "2026-11-23".to_owned(),
        ),
    ];
    let lists = entries(&blank);
    for (m, member_answers) in answers().iter().enumerate() {
        let rows = rows_by(&blank, MEMBERS[m], 0);
        for (code, option) in member_answers {
            // Entry 0 is "no option applies"; option k is entry k + 1.
            let entry = option.as_u64().map_or(0, |o| o as usize + 1);
            cells.push((
                m + 2,
                format!("C{}", rows[code] + 1),
                lists[code][entry].clone(),
            ));
        }
    }
    (blank, cells)
}

#[test]
fn a_council_workbook_filled_by_a_script_reads_back_as_the_json_council() {
    let dir = scratch("workbook-roundtrip");
    let (blank, cells) = blank_and_cells(&dir);
    let filled = dir.join("filled.xlsx");
    fill(&blank, &filled, &cells);
    let (from_book, err, code) = ocop(&["council", arg(&filled), "--format", "json"]);
    assert_eq!(code, 0, "{err}");

    let members: Vec<Value> = answers()
        .into_iter()
        .zip(MEMBERS)
        .enumerate()
        .map(|(i, (a, name))| json!({ "name": name, "chair": i == 0, "answers": a }))
        .collect();
    let council = json!({
        "reference": "Nước mắm Cửa Sót", "edition": "26/2026", "evaluatedOn": "2026-11-23",
        "productSet": 9, "subjectType": "cooperative", "members": members,
    });
    let json_file = dir.join("council.json");
    std::fs::write(&json_file, council.to_string()).unwrap();
    let (from_json, err, code) = ocop(&["council", arg(&json_file), "--format", "json"]);
    assert_eq!(code, 0, "{err}");

    let book: Value = serde_json::from_str(&from_book).unwrap();
    let json: Value = serde_json::from_str(&from_json).unwrap();
    assert_eq!(book, json);
    // The members disagree where their answers differ, and the names came through in Vietnamese.
    let result = &book["result"];
    assert_eq!(result["members"][1]["name"], "Trần Thị Bình");
    assert_eq!(result["members"][0]["chair"], true);
    let differ: Vec<&str> = result["disagreements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert_eq!(differ, ["A1.1", "B5.1", "C6.4", "C11"]);
}

#[test]
fn every_bad_cell_is_named_by_sheet_and_cell() {
    let dir = scratch("workbook-bad-cells");
    let (blank, mut cells) = blank_and_cells(&dir);
    let rows = rows_by(&blank, MEMBERS[1], 0);
    let keys = rows_by(&blank, "Hội đồng", 0);
    let a11 = format!("C{}", rows["A1.1"] + 1);
    let b51 = format!("C{}", rows_by(&blank, MEMBERS[2], 0)["B5.1"] + 1);
    let date = format!("C{}", keys["evaluated_on"] + 1);
    for (sheet, cell, text) in &mut cells {
        if *sheet == 3 && *cell == a11 {
            *text = "7. không có phương án này".into(); // A1.1 has 3 options
        }
        if *sheet == 1 && *cell == date {
            *text = "23-11-2026".into();
        }
    }
    cells.retain(|(sheet, cell, _)| !(*sheet == 4 && *cell == b51)); // left blank
    let filled = dir.join("bad.xlsx");
    fill(&blank, &filled, &cells);
    let (out, err, code) = ocop(&["council", arg(&filled), "--format", "json", "--lang", "en"]);
    assert_eq!(code, 1);
    let value: Value = serde_json::from_str(&out).unwrap();
    let got: Vec<(String, String)> = value["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["code"].as_str().unwrap().to_owned(),
                e["cell"].as_str().unwrap_or("-").to_owned(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("INVALID_DATE".to_owned(), format!("'Hội đồng'!{date}")),
            ("WRONG_TYPE".to_owned(), format!("'Trần Thị Bình'!{a11}")),
            ("MISSING_ANSWER".to_owned(), format!("'Lê Văn Chi'!{b51}")),
        ],
        "{err}"
    );
    assert!(
        err.contains(&format!("error WRONG_TYPE at 'Trần Thị Bình'!{a11}")),
        "{err}"
    );
}
