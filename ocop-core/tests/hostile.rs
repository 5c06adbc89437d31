//! Hostile input: every input gets a result or typed errors, over-limit input is refused before
//! it is parsed, and a batch never loses its good items.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // tests may panic

use ocop_core::limits::{
    MAX_ANSWERS, MAX_BATCH_ITEMS, MAX_COUNCIL_MEMBERS, MAX_DEPTH, MAX_INPUT_BYTES, MAX_KNOCKOUTS,
    MAX_PRODUCT_CODE_BYTES, MAX_TEXT_CHARS,
};
use ocop_core::portfolio::TargetSet;
use ocop_core::requests::ProductCodeRequest;
use ocop_core::{Catalog, CouncilInput, Decimal, ErrorCode, Evaluation, Input, SafeResult};

fn codes(text: &str) -> Vec<ErrorCode> {
    match Evaluation::from_json(text) {
        Ok(e) => Catalog::builtin()
            .score(&e)
            .err()
            .map(|e| e.0.iter().map(|x| x.code).collect())
            .unwrap_or_default(),
        Err(e) => e.0.iter().map(|x| x.code).collect(),
    }
}

#[test]
fn oversized_input_is_refused_before_parsing() {
    let mut text = String::from(r#"{"productSet":9,"subjectType":"farm","reference":""#);
    text.push_str(&"x".repeat(MAX_INPUT_BYTES));
    text.push_str(r#""}"#);
    assert_eq!(codes(&text), [ErrorCode::InputTooLarge]);
}

#[test]
fn deep_nesting_is_refused() {
    let deep = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
    assert_eq!(codes(&deep), [ErrorCode::TooDeep]);
    // Brackets inside strings do not count.
    let quoted = format!(
        r#"{{"productSet":9,"subjectType":"farm","edition":"26/2026","reference":"{}"}}"#,
        "[".repeat(100)
    );
    assert!(!codes(&quoted).contains(&ErrorCode::TooDeep));
}

#[test]
fn not_json_and_wrong_types_are_reported() {
    assert_eq!(codes("{"), [ErrorCode::InvalidJson]);
    assert_eq!(codes("[1, 2"), [ErrorCode::InvalidJson]);
    assert_eq!(codes("1e400"), [ErrorCode::InvalidJson]);
    assert_eq!(codes("null"), [ErrorCode::WrongType]);
    assert_eq!(
        codes(r#"{"productSet":null,"subjectType":null}"#),
        [ErrorCode::MissingField, ErrorCode::MissingField]
    );
    assert_eq!(
        codes(r#"{"productSet":9.5,"subjectType":"farm","edition":"26/2026"}"#),
        [ErrorCode::WrongType]
    );
    assert_eq!(
        codes(r#"{"productSet":-1,"subjectType":"farm","edition":"26/2026"}"#),
        [ErrorCode::WrongType]
    );
    assert_eq!(
        codes(r#"{"productSet":9,"subjectType":"farm","edition":"26/2026","answers":{"A1.1":-3}}"#)
            [0],
        ErrorCode::OptionOutOfRange
    );
    assert_eq!(
        codes(
            r#"{"productSet":9,"subjectType":"farm","edition":"26/2026","answers":{"A1.1":"2"}}"#
        ),
        [ErrorCode::WrongType]
    );
    assert_eq!(
        codes(r#"{"productSet":9,"subjectType":"farm","evaluatedOn":"2026-02-30"}"#),
        [ErrorCode::InvalidDate]
    );
    assert_eq!(
        codes(r#"{"productSet":9,"subjectType":"farm","evaluatedOn":"23/11/2026"}"#),
        [ErrorCode::InvalidDate]
    );
}

#[test]
fn strings_and_lists_over_their_limits_are_refused() {
    let long = "ư".repeat(MAX_TEXT_CHARS + 1);
    let text = format!(
        r#"{{"productSet":9,"subjectType":"farm","edition":"26/2026","reference":"{long}"}}"#
    );
    assert_eq!(codes(&text), [ErrorCode::StringTooLong]);
    let many: Vec<String> = (0..300).map(|i| format!(r#""X{i}":0"#)).collect();
    let text = format!(
        r#"{{"productSet":9,"subjectType":"farm","edition":"26/2026","answers":{{{}}}}}"#,
        many.join(",")
    );
    assert_eq!(codes(&text), [ErrorCode::TooManyItems]);
    let code = "1".repeat(MAX_PRODUCT_CODE_BYTES + 1);
    let err = Catalog::builtin()
        .parse_product_code(&ProductCodeRequest {
            code,
            edition: None,
            known: None,
        })
        .unwrap_err();
    assert_eq!(err.0[0].code, ErrorCode::StringTooLong);
}

#[test]
fn a_batch_over_the_limit_is_refused_and_a_bad_item_never_loses_the_others() {
    let item = r#"{"productSet":9,"subjectType":"farm"}"#;
    let big = format!("[{}]", vec![item; MAX_BATCH_ITEMS + 1].join(","));
    let err = Catalog::builtin().score_json_batch(&big).unwrap_err();
    assert_eq!(err.0[0].code, ErrorCode::TooManyItems);

    let example = include_str!("../../ocop-cli/src/example.json");
    let batch = format!(r#"[{example}, 42, {{"productSet": 9}}, {example}]"#);
    let answers = Catalog::builtin().score_json_batch(&batch).unwrap();
    assert_eq!(answers.len(), 4);
    assert!(matches!(answers[0], SafeResult::Success { .. }));
    assert!(
        matches!(&answers[1], SafeResult::Failure { errors } if errors[0].code == ErrorCode::WrongType)
    );
    assert!(
        matches!(&answers[2], SafeResult::Failure { errors } if errors[0].code == ErrorCode::MissingField)
    );
    assert!(matches!(answers[3], SafeResult::Success { .. }));
}

#[test]
fn a_council_over_the_limit_is_refused() {
    let members: Vec<&str> = vec![r#"{"answers":{}}"#; MAX_COUNCIL_MEMBERS + 1];
    let text = format!(
        r#"{{"edition":"26/2026","productSet":9,"subjectType":"farm","members":[{}]}}"#,
        members.join(",")
    );
    let err = CouncilInput::from_json(&text).unwrap_err();
    assert!(
        err.0
            .iter()
            .any(|e| e.code == ErrorCode::TooManyItems && e.path == "/members")
    );
    let empty = r#"{"edition":"26/2026","productSet":9,"subjectType":"farm","members":[]}"#;
    let err = Catalog::builtin()
        .council(&CouncilInput::from_json(empty).unwrap())
        .unwrap_err();
    assert_eq!(err.0[0].code, ErrorCode::CouncilEmpty);
}

#[test]
fn odd_text_is_an_ordinary_unknown_code() {
    let text = r#"{"productSet":9,"subjectType":"farm","edition":"26/2026","answers":{"🍜":0,"A1.1\u0000":1,"":2}}"#;
    let got = codes(text);
    assert_eq!(
        got.iter()
            .filter(|c| **c == ErrorCode::UnknownCriterion)
            .count(),
        3,
        "{got:?}"
    );
}

#[test]
fn a_portfolio_keeps_its_good_rows() {
    let on = jiff::civil::date(2026, 11, 23);
    let csv = "product,product_set,subject_type,stars,recognised_on\nA,9,farm,3,2024-01-01\nX,nine,farm,3,2024-01-01\nB,1,household,4,2025-02-02\n";
    let report = Catalog::builtin()
        .portfolio_csv(csv, on, 180, None)
        .unwrap();
    assert_eq!(report.products, 2);
    assert_eq!(report.row_errors.len(), 1);
    assert_eq!(
        (
            report.row_errors[0].line,
            report.row_errors[0].errors[0].path.as_str()
        ),
        (3, "/product_set")
    );
    // An unclosed quote swallows the rest of the file into one bad row; the rows before it count.
    let csv = "product,product_set,subject_type,stars,recognised_on\nA,9,farm,3,2024-01-01\n\"unclosed,9,farm,3,2024-01-01\nB,1,household,4,2025-02-02\n";
    let report = Catalog::builtin()
        .portfolio_csv(csv, on, 180, None)
        .unwrap();
    assert_eq!((report.products, report.row_errors.len()), (1, 1));
    let garbage = "\u{feff}product,product_set,subject_type,stars,recognised_on\n,,,,\n";
    let report = Catalog::builtin()
        .portfolio_csv(garbage, on, 180, None)
        .unwrap();
    assert_eq!((report.products, report.row_errors.len()), (0, 1));
    assert_eq!(report.row_errors[0].line, 2);
}

#[test]
fn limits_hold_for_evaluations_built_in_code() {
    // Bindings and Rust callers build evaluations without JSON; the same limits apply.
    let mut e =
        Evaluation::from_json(r#"{"edition":"26/2026","productSet":9,"subjectType":"farm"}"#)
            .unwrap();
    for i in 0..=MAX_ANSWERS {
        e.answers.insert(format!("Z{i}"), Some(1));
    }
    e.knockouts = vec!["K".into(); MAX_KNOCKOUTS + 1];
    let errors = Catalog::builtin().score(&e).unwrap_err().0;
    let got: Vec<_> = errors.iter().map(|x| (x.code, x.path.as_str())).collect();
    assert_eq!(
        got,
        [
            (ErrorCode::TooManyItems, "/answers"),
            (ErrorCode::TooManyItems, "/knockouts")
        ]
    );
}

#[test]
fn a_portfolio_horizon_past_the_calendar_does_not_overflow() {
    let on = jiff::civil::date(2026, 11, 23);
    let csv = "product,product_set,subject_type,stars,recognised_on\nA,9,farm,3,2025-01-01\n";
    let report = Catalog::builtin()
        .portfolio_csv(csv, on, u32::MAX, None)
        .unwrap();
    assert_eq!(report.expiring.len(), 1);
}

#[test]
fn target_sets_built_in_code_are_checked() {
    let mut targets = TargetSet::bundled("ha-tinh-2023-2025").unwrap();
    targets.targets[1].at_least_percent = Some(Decimal::MAX);
    let csv = "product,product_set,subject_type,stars,recognised_on\nA,9,farm,3,2025-01-01\n";
    let on = jiff::civil::date(2026, 11, 23);
    let errors = Catalog::builtin()
        .portfolio_csv(csv, on, 180, Some(&targets))
        .unwrap_err()
        .0;
    assert_eq!(
        (errors[0].code, errors[0].path.as_str()),
        (ErrorCode::InvalidTargetSet, "/targets/1")
    );
}

#[test]
fn a_council_that_is_not_an_object_is_one_error() {
    let errors = CouncilInput::from_json("[]").unwrap_err().0;
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(
        (errors[0].code, errors[0].path.as_str()),
        (ErrorCode::WrongType, "")
    );
}

#[test]
fn every_bundled_target_set_reads() {
    for name in TargetSet::BUNDLED {
        let set = TargetSet::bundled(name).unwrap_or_else(|| panic!("{name} does not read"));
        assert!(!set.targets.is_empty(), "{name}");
    }
}

#[test]
fn serde_reads_through_the_same_reader_and_its_limits() {
    // No public path skips a check: serde_json into an Evaluation runs the core's reader.
    let many: Vec<String> = (0..=MAX_ANSWERS).map(|i| format!(r#""X{i}":0"#)).collect();
    let text = format!(
        r#"{{"productSet":9,"subjectType":"farm","edition":"26/2026","answers":{{{}}}}}"#,
        many.join(",")
    );
    let err = serde_json::from_str::<Evaluation>(&text)
        .unwrap_err()
        .to_string();
    assert!(err.contains("TOO_MANY_ITEMS at /answers"), "{err}");
    let err = serde_json::from_str::<CouncilInput>(
        r#"{"productSet":9,"subjectType":"bank","members":[]}"#,
    )
    .unwrap_err()
    .to_string();
    assert!(
        err.contains("UNKNOWN_SUBJECT_TYPE at /subjectType"),
        "{err}"
    );
    // …and reads what the reader reads.
    let example = include_str!("../../ocop-cli/src/example.json");
    assert_eq!(
        serde_json::from_str::<Evaluation>(example).unwrap(),
        Evaluation::from_json(example).unwrap()
    );
}
