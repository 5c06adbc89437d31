//! The 148 → 26/2026 correspondence: the built-in one is the reviewed file, its check refuses
//! every kind of false claim, and it agrees with what the reference calls reliable.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // tests may panic

use ocop_core::Catalog;
use ocop_core::catalog::correspondence::{
    ChangeAspect, Correspondence, MatchKind, validate_correspondence,
};
use ocop_core::catalog::model::EditionData;

const FILE: &str = include_str!("../catalogs/26-2026/from-148-2023.toml");

fn file() -> Correspondence {
    toml::from_str(FILE).unwrap()
}

fn editions() -> (&'static EditionData, &'static EditionData) {
    let c = Catalog::builtin();
    (
        c.edition("148/2023").unwrap().data(),
        c.edition("26/2026").unwrap().data(),
    )
}

/// The problems found after `change` is applied to the reviewed file.
fn problems(change: impl FnOnce(&mut Correspondence)) -> Vec<String> {
    let (old, new) = editions();
    let mut c = file();
    change(&mut c);
    validate_correspondence(&c, old, new)
        .iter()
        .map(ToString::to_string)
        .collect()
}

fn entry<'a>(
    c: &'a mut Correspondence,
    set: u8,
    code: &str,
) -> &'a mut ocop_core::catalog::correspondence::CriterionMatch {
    c.sets
        .iter_mut()
        .find(|s| s.product_set == set)
        .unwrap()
        .criteria
        .iter_mut()
        .find(|m| m.code == code)
        .unwrap()
}

#[test]
fn the_built_in_correspondence_is_the_reviewed_file_and_holds() {
    let c = Catalog::builtin()
        .correspondence("148/2023", "26/2026")
        .unwrap();
    assert_eq!(*c, file());
    assert!(problems(|_| {}).is_empty());
    assert_eq!(c.sets.len(), 26);
}

#[test]
fn a_changed_criterion_cannot_be_called_the_same() {
    // Set 9 B4.2 "Tổ chức phân phối": 148 points 0, 1, 3, 4 (max 4), 26/2026 0, 1, 2, 3 (max 3).
    let found = problems(|c| {
        let m = entry(c, 9, "B4.2");
        m.kind = MatchKind::Same;
        m.changes.clear();
    });
    assert_eq!(
        found,
        ["set 9 B4.2: `same`, but the catalogs differ in: max, points"]
    );
}

#[test]
fn declared_changes_must_be_the_computed_ones() {
    let found = problems(|c| entry(c, 9, "B4.2").changes = vec![ChangeAspect::Points]);
    assert_eq!(
        found,
        ["set 9 B4.2: declares changes [points] but the catalogs differ in [max, points]"]
    );
    // A1.1 prints the same options and points on both sheets: nothing can be claimed changed.
    let found = problems(|c| {
        let m = entry(c, 9, "A1.2");
        m.kind = MatchKind::Changed;
        m.changes = vec![ChangeAspect::Wording];
    });
    assert_eq!(
        found,
        ["set 9 A1.2: `wording` is declared, but the words are identical"]
    );
}

#[test]
fn same_words_that_differ_need_a_note() {
    // A1.1 on set 9: "dưới 50%" became "nhưng có tỷ lệ dưới 50%", reviewed as the same share.
    let found = problems(|c| entry(c, 9, "A1.1").note = None);
    assert_eq!(
        found,
        ["set 9 A1.1: `same` with different words needs a `note` saying why they mean the same"]
    );
}

#[test]
fn every_old_criterion_is_paired_once_or_dropped() {
    let found = problems(|c| {
        let set = c.sets.iter_mut().find(|s| s.product_set == 9).unwrap();
        set.dropped.retain(|d| d != "A3dd");
    });
    assert_eq!(
        found,
        [
            "set 9 A3dd: an old criterion must be paired once or dropped, not paired 0 and dropped 0 times"
        ]
    );
    let found = problems(|c| entry(c, 9, "A1.2").replaces = Some("A1a".into()));
    assert!(
        found.iter().any(|p| p.starts_with("set 9 A1a: ")),
        "{found:?}"
    );
    assert!(
        found.iter().any(|p| p.starts_with("set 9 A1b: ")),
        "{found:?}"
    );
}

#[test]
fn the_criteria_are_the_new_sheets_in_printed_order() {
    let found = problems(|c| {
        let set = c.sets.iter_mut().find(|s| s.product_set == 9).unwrap();
        set.criteria.swap(0, 1);
    });
    assert_eq!(found.len(), 1);
    assert!(found[0].starts_with("set 9: criteria must be the new sheet's, in printed order"));
}

#[test]
fn a_provisional_old_sheet_is_said_so() {
    let found = problems(|c| {
        c.sets
            .iter_mut()
            .find(|s| s.product_set == 7)
            .unwrap()
            .provisional = None;
    });
    assert_eq!(found.len(), 1, "{found:?}");
    let c = file();
    let provisional: Vec<u8> = c
        .sets
        .iter()
        .filter(|s| s.provisional.is_some())
        .map(|s| s.product_set)
        .collect();
    assert_eq!(provisional, [7, 11, 12, 13]);
}

/// The patterns the reference calls reliable (they recur in 20 sheets or more; reference
/// criteria-26-2026/open-questions.md, section F): accounting (Kế toán) removed, A3.5 worth 3,
/// B4.2 and B4.3 rebalanced, a bilingual-label criterion new.
#[test]
fn the_reliable_patterns_of_the_reference_hold() {
    let c = file();
    let (old, new) = editions();
    let mut accounting_dropped = 0;
    let mut bilingual_new = 0;
    for s in &c.sets {
        let old_sheet = old
            .sheets
            .iter()
            .find(|x| x.product_set == s.product_set)
            .unwrap();
        let accounting = ocop_core::catalog::validate::criteria(old_sheet)
            .find(|x| x.name.vi == "Kế toán")
            .unwrap();
        if s.dropped.contains(&accounting.code) {
            accounting_dropped += 1;
        }
        let new_sheet = new
            .sheets
            .iter()
            .find(|x| x.product_set == s.product_set)
            .unwrap();
        for m in &s.criteria {
            let name = &ocop_core::catalog::validate::criteria(new_sheet)
                .find(|x| x.code == m.code)
                .unwrap()
                .name
                .vi;
            if name.starts_with("Ghi nhãn hàng hóa có sử dụng song ngữ") {
                assert_eq!(m.kind, MatchKind::New, "set {} {}", s.product_set, m.code);
                bilingual_new += 1;
            }
        }
    }
    assert_eq!(accounting_dropped, 26);
    assert!(bilingual_new >= 20, "{bilingual_new}");
    // B4.2/B4.3 on the food sheets: 148 4/4 points, 26/2026 3/5.
    let c9 = c.sets.iter().find(|s| s.product_set == 9).unwrap();
    let b42 = c9.criteria.iter().find(|m| m.code == "B4.2").unwrap();
    assert_eq!(b42.changes, [ChangeAspect::Max, ChangeAspect::Points]);
    let b43 = c9.criteria.iter().find(|m| m.code == "B4.3").unwrap();
    assert!(b43.changes.contains(&ChangeAspect::Max));
}

#[test]
fn answers_carry_only_over_the_same_options() {
    let c = file();
    for s in &c.sets {
        for m in &s.criteria {
            let reworded = m.changes.contains(&ChangeAspect::Wording)
                || m.changes.contains(&ChangeAspect::Options);
            assert_eq!(
                m.answer_carries(),
                m.kind != MatchKind::New && !reworded,
                "set {} {}",
                s.product_set,
                m.code
            );
        }
    }
}
