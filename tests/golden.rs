//! The shared golden cases give their hand-worked answers, and the digest of all answers is
//! the one every binding must print.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // tests may panic

use std::path::Path;

use ocop_conformance::{digest, load_cases, run};
use ocop_core::Catalog;

#[test]
fn golden_cases_give_their_hand_worked_answers() {
    let cases = load_cases(&Path::new(env!("CARGO_MANIFEST_DIR")).join("cases")).unwrap();
    assert!(
        cases.len() >= 15,
        "expected the full set of golden cases, found {}",
        cases.len()
    );
    let catalog = Catalog::builtin();
    let mut failures = Vec::new();
    let mut lines = Vec::new();
    for case in &cases {
        let got = run(catalog, case);
        if got != case.expect {
            failures.push(format!(
                "{}\n  expected {}\n  got      {got}",
                case.name, case.expect
            ));
        }
        lines.push(format!("{} {got}", case.name));
    }
    println!(
        "{} passed, {} failed",
        cases.len() - failures.len(),
        failures.len()
    );
    println!("digest {}", digest(&lines));
    assert!(
        failures.is_empty(),
        "{} case(s) differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn case_names_are_unique() {
    let cases = load_cases(&Path::new(env!("CARGO_MANIFEST_DIR")).join("cases")).unwrap();
    let mut names: Vec<_> = cases.iter().map(|c| c.name.as_str()).collect();
    names.sort_unstable();
    let before = names.len();
    names.dedup();
    assert_eq!(before, names.len(), "two cases share a name");
}
