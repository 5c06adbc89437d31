//! Carry-over from 148 to 26/2026: a hand-worked example on the CLI's product set, the
//! reachable range against every completion by brute force, and the errors.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // tests may panic

use jiff::civil::date;
use ocop_core::carry_over::{Bound, CarryOverRequest, CarryStatus};
use ocop_core::scoring::Outcome;
use ocop_core::{Catalog, Evaluation, Input, SubjectType};
use proptest::prelude::*;

mod support;

/// A fish-sauce cooperative (set 9) scored under 148: 74 points, 3 stars.
const SET9_148: &str = r#"{
  "edition": "148/2023", "evaluatedOn": "2024-02-20", "productSet": 9, "subjectType": "cooperative",
  "answers": {"A1a": 2, "A1b": 2, "A1c": 1, "A1d": 2, "A1dd": 1, "A1e": 1,
    "A2a": 2, "A2b": 2, "A2c": 1,
    "A3a": 2, "A3b": 1, "A3c": 1, "A3d": 1, "A3dd": 1, "A3e": 1,
    "B4a": 2, "B4b": 2, "B4c": 3, "B5a": 3, "B5b": 2, "B5c": 1,
    "C6a": 2, "C6b": 2, "C6c": 2, "C6d": 3, "C6dd": 2,
    "C7": 2, "C8a": 2, "C8b": 2, "C9": 2, "C10": 1, "C11": 0}}"#;

fn request(evaluation: &str, extra: &str) -> CarryOverRequest {
    CarryOverRequest::from_json(&format!(r#"{{"evaluation": {evaluation}{extra}}}"#)).unwrap()
}

/// Worked by hand from `ocop catalog --edition 148/2023 --set 9`, `--set 9` (26/2026) and
/// the correspondence:
/// - carried as they were (same): A1.1 5, A1.2 3, A1.5 2, A1.6 1, C6.1 2, C6.2 2, C6.3 2,
///   C6.4 3, C7 3, C11 1;
/// - carried and re-scored (same options, new points or markers): A2.2 option 2 (2 points),
///   A2.3 option 1 (2), B4.2 option 2 (3 → 2 points), C6.5 option 2 (3 → 2), C10 option 1 (2);
/// - to answer: A1.3, A1.4, A2.1, A2.4 (new), A3.1–A3.5, B4.1, B4.3, B5.1–B5.3, C8, C9.
///
/// Carried: 5+3+2+1+2+2+2+3+3+1 + 2+2+2+2+2 = 34 points.
/// Lowest: no option on the 15 open criteria except A3.1, which a cooperative answers with
/// option 2 (3 points): 37 points, band 2★ (30–49); the 3★ markers on A3.5 and others fail: 2★.
/// Highest: the best option everywhere open: A1.3 3, A1.4 3, A2.1 3, A2.4 1, A3.1 3, A3.2 1,
/// A3.3 3, A3.4 2, A3.5 3, B4.1 5, B4.3 5, B5.1 5, B5.2 2, B5.3 5, C8 5, C9 5 = 54, so 88
/// points, band 4★; but the carried A2.3 (2 points) is below its 4★ marker (option 2, 3
/// points): 3★.
#[test]
fn the_cli_example_set_carries_over_as_worked_by_hand() {
    let r = request(
        SET9_148,
        r#", "issuedOn": "2024-03-15", "on": "2026-11-23""#,
    );
    let c = Catalog::builtin().carry_over(&r).unwrap();
    assert_eq!(
        (c.previous_edition.as_str(), c.edition.as_str()),
        ("148/2023", "26/2026")
    );
    assert_eq!(c.previous_total.to_string(), "74");
    assert_eq!(c.previous_stars, Some(3));
    let with = |s: CarryStatus| -> Vec<&str> {
        c.criteria
            .iter()
            .filter(|x| x.status == s)
            .map(|x| x.code.as_str())
            .collect()
    };
    assert_eq!(
        with(CarryStatus::Carried),
        [
            "A1.1", "A1.2", "A1.5", "A1.6", "C6.1", "C6.2", "C6.3", "C6.4", "C7", "C11"
        ]
    );
    assert_eq!(
        with(CarryStatus::Rescored),
        ["A2.2", "A2.3", "B4.2", "C6.5", "C10"]
    );
    let to_answer: Vec<&str> = c.to_answer.iter().map(|s| s.as_str()).collect();
    assert_eq!(
        to_answer,
        [
            "A1.3", "A1.4", "A2.1", "A2.4", "A3.1", "A3.2", "A3.3", "A3.4", "A3.5", "B4.1", "B4.3",
            "B5.1", "B5.2", "B5.3", "C8", "C9"
        ]
    );
    assert_eq!(with(CarryStatus::ToAnswer), to_answer);
    let b42 = c.criteria.iter().find(|x| x.code == "B4.2").unwrap();
    assert_eq!((b42.previous_points, b42.points), (Some(3), Some(2)));
    let carried: u32 = c
        .criteria
        .iter()
        .filter_map(|x| x.points)
        .map(u32::from)
        .sum();
    assert_eq!(carried, 34);
    assert_eq!(c.draft.answers.len(), 15);
    assert_eq!(c.dropped, ["A3dd", "C8b"]);
    assert_eq!(c.reachable.unanswered, 16);
    assert_eq!(
        c.reachable.lowest,
        Bound {
            total: 37,
            stars: Some(2)
        }
    );
    assert_eq!(
        c.reachable.highest,
        Bound {
            total: 88,
            stars: Some(3)
        }
    );
    // Issued 15/03/2024 under 148 (36 months): valid through 15/03/2027; the window of
    // 26/2026 Điều 7.6 runs 180 to 120 days before: 16/09/2026 to 15/11/2026.
    let cert = c.certificate.unwrap();
    assert_eq!(cert.expires_on, date(2027, 3, 15));
    let w = cert.reevaluation_window.unwrap();
    assert_eq!(
        (w.opens_on, w.closes_on),
        (date(2026, 9, 16), date(2026, 11, 15))
    );
    assert!(c.warnings.is_empty());
}

#[test]
fn the_draft_scores_once_the_open_criteria_are_answered() {
    let c = Catalog::builtin()
        .carry_over(&request(SET9_148, ""))
        .unwrap();
    let mut draft = c.draft.clone();
    let missing = Catalog::builtin().score(&draft).unwrap_err();
    let codes: Vec<&str> = missing.0.iter().map(|e| e.path.as_str()).collect();
    // A3.1 is filled from the subject type; the other 15 open criteria are missing.
    assert_eq!(codes.len(), 15, "{codes:?}");
    for code in &c.to_answer {
        draft.answers.insert(code.to_string(), Some(0));
    }
    draft.answers.insert("A3.1".into(), Some(2));
    assert!(Catalog::builtin().score(&draft).is_ok());
}

#[test]
fn a_provisional_148_sheet_warns() {
    let sheet = Catalog::builtin()
        .edition("148/2023")
        .unwrap()
        .sheet(7)
        .unwrap();
    let answers: Vec<String> = sheet
        .criteria()
        .map(|c| format!("\"{}\": 0", c.code))
        .collect();
    let e = format!(
        r#"{{"edition": "148/2023", "productSet": 7, "subjectType": "household", "answers": {{{}}}}}"#,
        answers.join(",")
    );
    let c = Catalog::builtin().carry_over(&request(&e, "")).unwrap();
    assert_eq!(c.warnings.len(), 1);
    assert_eq!(c.warnings[0].path, "/evaluation/productSet");
    // C6.4 "Mùi" comes from the 148 C6d the transcription prints short: flagged.
    assert!(c.criteria.iter().any(|x| x.doubt.is_some()));
}

#[test]
fn refused_inputs_name_their_field() {
    let catalog = Catalog::builtin();
    let bad = SET9_148.replace(r#""A1a": 2"#, r#""A1a": 9"#);
    let e = catalog.carry_over(&request(&bad, "")).unwrap_err();
    assert_eq!(e.0[0].code.as_str(), "OPTION_OUT_OF_RANGE");
    assert_eq!(e.0[0].path, "/evaluation/answers/A1a");
    let e = catalog
        .carry_over(&request(SET9_148, r#", "to": "1048/2019""#))
        .unwrap_err();
    assert_eq!(
        (e.0[0].code.as_str(), e.0[0].path.as_str()),
        ("UNKNOWN_EDITION", "/to")
    );
    let e = catalog
        .carry_over(&request(SET9_148, r#", "to": "148/2023""#))
        .unwrap_err();
    assert_eq!(
        (e.0[0].code.as_str(), e.0[0].path.as_str()),
        ("NO_CORRESPONDENCE", "/to")
    );
    let e = CarryOverRequest::from_json(r#"{"evaluation": {}, "issuedOn": "2024-02-30", "x": 1}"#)
        .unwrap_err();
    let paths: Vec<&str> = e.0.iter().map(|x| x.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "/x",
            "/evaluation/productSet",
            "/evaluation/subjectType",
            "/issuedOn"
        ]
    );
}

#[test]
fn every_set_carries_over() {
    let catalog = Catalog::builtin();
    let old = catalog.edition("148/2023").unwrap();
    for sheet in old.sheets() {
        let subject = if sheet.product_set == 26 {
            SubjectType::Association
        } else {
            SubjectType::Enterprise
        };
        let mut e = Evaluation::new("148/2023", sheet.product_set, subject);
        for c in sheet.criteria() {
            // The best option this subject type may tick, in the first tourism case.
            let best = c
                .options
                .iter()
                .enumerate()
                .filter(|(_, o)| o.subject_types.is_empty() || o.subject_types.contains(&subject))
                .filter(|(_, o)| o.case.is_none_or(|k| k == 1))
                .max_by_key(|(_, o)| o.points)
                .map(|(i, _)| i as u32);
            e.answers.insert(c.code.to_string(), best);
        }
        let request = CarryOverRequest {
            evaluation: e,
            to: None,
            issued_on: None,
            on: None,
        };
        let c = catalog.carry_over(&request).unwrap();
        let n = catalog
            .edition("26/2026")
            .unwrap()
            .sheet(sheet.product_set)
            .unwrap();
        assert_eq!(c.criteria.len(), n.criterion_count());
        assert_eq!(
            c.draft.answers.len() + c.to_answer.len(),
            n.criterion_count(),
            "set {}",
            sheet.product_set
        );
        assert!(c.reachable.lowest.total <= c.reachable.highest.total);
        assert!(c.reachable.lowest.stars <= c.reachable.highest.stars);
    }
}

/// Every way of answering the open criteria (no option, or any option; the organisation type
/// only with the options the subject type may tick), scored by the full scorer: the lowest
/// and highest total and stars.
fn brute_force(e: &Evaluation) -> (Bound, Bound) {
    let catalog = Catalog::builtin();
    let sheet = catalog
        .edition(e.edition.as_deref().unwrap())
        .unwrap()
        .sheet(e.product_set)
        .unwrap();
    // Per open criterion, the answers it may take.
    let open: Vec<(String, Vec<Option<u32>>)> = sheet
        .criteria()
        .filter(|c| !e.answers.contains_key(c.code.as_str()))
        .map(|c| {
            let organisation = c.options.iter().any(|o| !o.subject_types.is_empty());
            let mut answers: Vec<Option<u32>> = if organisation { vec![] } else { vec![None] };
            answers.extend(
                c.options
                    .iter()
                    .enumerate()
                    .filter(|(_, o)| !organisation || o.subject_types.contains(&e.subject_type))
                    .map(|(i, _)| Some(i as u32)),
            );
            (c.code.to_string(), answers)
        })
        .collect();
    let mut lowest: Option<Bound> = None;
    let mut highest: Option<Bound> = None;
    let mut choice = vec![0usize; open.len()];
    loop {
        let mut complete = e.clone();
        for ((code, answers), &k) in open.iter().zip(&choice) {
            complete.answers.insert(code.clone(), answers[k]);
        }
        if let Ok(r) = catalog.score(&complete) {
            let b = Bound {
                total: r.total.to_string().parse().unwrap(),
                stars: if r.outcome == Outcome::Rated {
                    r.stars
                } else {
                    None
                },
            };
            lowest = Some(lowest.map_or(b, |l| Bound {
                total: l.total.min(b.total),
                stars: l.stars.min(b.stars),
            }));
            highest = Some(highest.map_or(b, |h| Bound {
                total: h.total.max(b.total),
                stars: h.stars.max(b.stars),
            }));
        }
        // Next choice, like an odometer.
        let mut i = 0;
        loop {
            if i == open.len() {
                return (lowest.unwrap(), highest.unwrap());
            }
            choice[i] += 1;
            if choice[i] < open[i].1.len() {
                break;
            }
            choice[i] = 0;
            i += 1;
        }
    }
}

/// A partly answered evaluation: every criterion answered at random (by `seed`) but `open` of
/// them, chosen at random too.
fn partial(edition: &str, set: u8, subject: SubjectType, open: usize, seed: u64) -> Evaluation {
    let catalog = Catalog::builtin();
    let sheet = catalog.edition(edition).unwrap().sheet(set).unwrap();
    let mut next = support::draws(seed);
    let case = 1 + next(2) as u8;
    let n = sheet.criterion_count();
    let mut closed: Vec<usize> = (0..n).collect();
    for _ in 0..open.min(n) {
        closed.remove(next(closed.len()));
    }
    let mut e = Evaluation::new(edition, set, subject);
    for (p, c) in sheet.criteria().enumerate() {
        if !closed.contains(&p) {
            continue;
        }
        let fits: Vec<usize> = c
            .options
            .iter()
            .enumerate()
            .filter(|(_, o)| o.subject_types.is_empty() || o.subject_types.contains(&subject))
            .filter(|(_, o)| o.case.is_none_or(|k| k == case))
            .map(|(i, _)| i)
            .collect();
        // Now and then "no option applies".
        let answer = match next(fits.len() + 1) {
            0 => None,
            k => Some(fits[k - 1] as u32),
        };
        e.answers.insert(c.code.to_string(), answer);
    }
    e
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// The range is exact: it equals the lowest and highest over every completion.
    #[test]
    fn the_reachable_range_is_every_completions(
        set in 1u8..=26, open in 1usize..=4, seed in any::<u64>(), old in any::<bool>(),
    ) {
        let edition = if old { "148/2023" } else { "26/2026" };
        let subject = if set == 26 { SubjectType::Association } else { SubjectType::Household };
        let e = partial(edition, set, subject, open, seed);
        let range = Catalog::builtin().reachable(&e).unwrap();
        let (lowest, highest) = brute_force(&e);
        prop_assert_eq!(range.lowest, lowest);
        prop_assert_eq!(range.highest, highest);
    }
}

/// The sheets where the brute force matters most: tourism cases (26), an automatic knock-out
/// (16, "0 points on C6.1–C6.3 stops the evaluation"), the organisation type left open.
#[test]
fn the_reachable_range_is_exact_on_cases_and_knock_outs() {
    for seed in 0..12u64 {
        for (set, subject) in [
            (26, SubjectType::OperatingCenter),
            (16, SubjectType::Cooperative),
            (9, SubjectType::Enterprise),
        ] {
            let e = partial("26/2026", set, subject, 4, seed);
            let range = Catalog::builtin().reachable(&e).unwrap();
            assert_eq!(
                (range.lowest, range.highest),
                brute_force(&e),
                "set {set} seed {seed}: {e:?}"
            );
        }
    }
}
