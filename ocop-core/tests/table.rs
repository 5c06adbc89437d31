//! Evaluations read from table rows (CSV, spreadsheets) are the evaluations their JSON gives,
//! every problem at its column; and a report's one-line summary says what the report says.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // tests may panic

use csv::StringRecord;
use ocop_core::summary::{OutcomeKind, SUMMARY_COLUMNS, Summary};
use ocop_core::table::{EvaluationTable, delimiter};
use ocop_core::{Catalog, Evaluation, Input};

const EXAMPLE: &str = include_str!("../../ocop-cli/src/example.json");

/// The rows of CSV `text` (delimiter detected as the CLI does), header first.
fn records(text: &str) -> Vec<StringRecord> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter(text.as_bytes()))
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    reader.records().map(Result::unwrap).collect()
}

/// The example as a CSV header and row, with `-` (no option applies) on C11.
fn example_csv(separator: &str, day: &str) -> String {
    let e: serde_json::Value = serde_json::from_str(EXAMPLE).unwrap();
    let answers = e["answers"].as_object().unwrap();
    let codes: Vec<&str> = answers.keys().map(String::as_str).collect();
    let cells: Vec<String> = codes
        .iter()
        .map(|c| {
            if *c == "C11" {
                "-".to_owned()
            } else {
                answers[*c].to_string()
            }
        })
        .collect();
    format!(
        "\u{feff}Reference{s}edition{s}evaluated_on{s}product_set{s}subject_type{s}{}\n\
         Example: fish sauce from a cooperative (set 9){s}26/2026{s}{day}{s}9{s}cooperative{s}{}\n",
        codes.join(separator),
        cells.join(separator),
        s = separator
    )
}

#[test]
fn a_row_reads_as_the_json_it_stands_for() {
    let mut expected = Evaluation::from_json(EXAMPLE).unwrap();
    expected.answers.insert("C11".into(), None);
    // Excel in a Vietnamese locale: `;` between cells, days as DD/MM/YYYY, a byte-order mark.
    for (separator, day) in [(",", "2026-11-23"), (";", "23/11/2026")] {
        let rows = records(&example_csv(separator, day));
        let table = EvaluationTable::from_header(Catalog::builtin(), &rows[0]).unwrap();
        assert_eq!(
            table.read(&rows[1]).unwrap(),
            expected,
            "separator {separator}"
        );
    }
}

#[test]
fn every_problem_of_a_row_is_at_its_column() {
    let header = StringRecord::from(vec![
        "reference",
        "edition",
        "product_set",
        "subject_type",
        "knockouts",
        "dossier_rejected",
        "A1.1",
        "A1.2",
    ]);
    let table = EvaluationTable::from_header(Catalog::builtin(), &header).unwrap();
    let row = StringRecord::from(vec!["X", "26/2026", "9", "bank", "", "maybe", "two", "-1"]);
    let errors = table.read(&row).unwrap_err().0;
    let got: Vec<(&str, &str)> = errors
        .iter()
        .map(|e| (e.code.as_str(), e.path.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("WRONG_TYPE", "/A1.1"),
            ("OPTION_OUT_OF_RANGE", "/A1.2"),
            ("UNKNOWN_SUBJECT_TYPE", "/subject_type"),
            ("WRONG_TYPE", "/dossier_rejected"),
        ]
    );
    // Problems found in scoring come back at their columns too, with the row's line.
    let row = StringRecord::from(vec!["X", "26/2026", "9", "farm", "Z9", "", "1", "9"]);
    let refused = table.score(Catalog::builtin(), &row).unwrap_err();
    let paths: Vec<&str> = refused.errors.iter().map(|e| e.path.as_str()).collect();
    assert!(paths.contains(&"/knockouts"), "{paths:?}");
    assert!(paths.contains(&"/A1.2"), "{paths:?}"); // A1.2 has no option 9
    assert!(paths.contains(&"/A1.3"), "{paths:?}"); // unanswered
    assert!(
        !paths.iter().any(|p| p.starts_with("/answers")),
        "{paths:?}"
    );
}

#[test]
fn a_header_is_checked_once_for_the_whole_table() {
    let header = StringRecord::from(vec!["product_set", "subject_type", "a1.1", "A1.1", "Z.99"]);
    let errors = EvaluationTable::from_header(Catalog::builtin(), &header)
        .unwrap_err()
        .0;
    let got: Vec<(&str, &str)> = errors
        .iter()
        .map(|e| (e.code.as_str(), e.message.as_str()))
        .collect();
    assert_eq!(got[0].0, "UNKNOWN_FIELD");
    assert!(
        got[0].1.starts_with("`Z.99` is not a field here"),
        "{got:?}"
    );
    assert_eq!(got[1], ("INVALID_CSV", "the column `a1.1` appears twice"));
}

#[test]
fn the_summary_says_what_the_report_says() {
    let catalog = Catalog::builtin();
    let report = catalog
        .score(&Evaluation::from_json(EXAMPLE).unwrap())
        .unwrap();
    let s = Summary::of(&report);
    let cells: Vec<String> = s.cells(Some(7)).iter().map(ToString::to_string).collect();
    let by_column = |id: &str| {
        let i = SUMMARY_COLUMNS.iter().position(|c| c.id == id).unwrap();
        cells[i].as_str()
    };
    assert_eq!(
        [
            by_column("line"),
            by_column("total"),
            by_column("band"),
            by_column("stars")
        ],
        ["7", "75", "4", "3"]
    );
    assert_eq!(
        [
            by_column("first_blocker"),
            by_column("blocked_star"),
            by_column("recognised_at"),
            by_column("errors")
        ],
        [report.blockers[0].code.as_str(), "4", "province", ""]
    );
    // A rejected dossier: no stars, the outcome in words, nothing recognised.
    let mut rejected = Evaluation::from_json(EXAMPLE).unwrap();
    rejected.dossier_rejected = true;
    let s = Summary::of(&catalog.score(&rejected).unwrap());
    assert_eq!(
        (
            s.outcome,
            s.stars,
            s.certifiable,
            s.recognised_at,
            s.outcome_at
        ),
        (OutcomeKind::Rejected, None, false, None, None)
    );
}
