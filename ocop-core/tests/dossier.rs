//! The dossier over every edition, product set, case and level: the checklist builds and agrees
//! with the sheet, a dossier that declares its checklist is complete and one that drops a
//! document misses exactly that one, slip numbers round-trip, and no input makes a reader panic.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // tests may panic

use ocop_core::calendar::{DeadlineRequest, HolidaysRequest, YearDecisions};
use ocop_core::dossier::{
    ChecklistRequest, DossierChecklist, FiledDossier, SlipParts, SlipRequest, StepDeadlineRequest,
};
use ocop_core::{Catalog, Choice, DossierKind, ErrorCode, Input, SubjectType};
use proptest::prelude::*;

/// Every checklist the built-in editions can answer, with an eligible subject type.
fn every_checklist() -> Vec<(ChecklistRequest, DossierChecklist)> {
    let catalog = Catalog::builtin();
    let mut out = Vec::new();
    for edition in catalog.editions() {
        let levels: Vec<_> = edition
            .procedure_on(None)
            .unwrap()
            .levels
            .iter()
            .map(|l| l.level)
            .collect();
        for set in 1..=26u8 {
            let subject = if set == 26 {
                SubjectType::Association
            } else {
                SubjectType::Cooperative
            };
            for &case in DossierKind::ALL {
                for &level in &levels {
                    let request = ChecklistRequest {
                        edition: Some(edition.id().to_owned()),
                        filed_on: None,
                        product_set: set,
                        subject_type: subject,
                        case,
                        level: Some(level),
                        decisions: Vec::new(),
                    };
                    let checklist = catalog.dossier_checklist(&request).unwrap();
                    out.push((request, checklist));
                }
            }
        }
    }
    out
}

#[test]
fn every_checklist_agrees_with_its_sheet() {
    let all = every_checklist();
    assert_eq!(all.len(), 26 * 3 * 2 * 2); // 2 editions, 3 cases, 2 levels each
    for (r, c) in &all {
        let sheet = Catalog::builtin()
            .edition(&c.edition)
            .unwrap()
            .sheet(r.product_set)
            .unwrap();
        // Every criterion once, in printed order.
        let codes: Vec<&str> = sheet.criteria().map(|x| x.code.as_str()).collect();
        let listed: Vec<&str> = c.criteria.iter().map(|x| x.code.as_str()).collect();
        assert_eq!(codes, listed, "{} set {}", c.edition, r.product_set);
        // Each evidence link is a criterion of this sheet, and the two views agree.
        for e in &c.evidence {
            for link in &e.criteria {
                let criterion = c.criteria.iter().find(|x| x.code == link.code).unwrap();
                assert!(criterion.evidence.contains(&e.id), "{} {}", e.id, link.code);
            }
        }
        // The producer's dossier comes first; tourism sends no samples.
        assert_eq!(c.packages[0].id, "product-dossier");
        let samples = c.samples.as_ref().unwrap();
        assert_eq!(samples.exempt, r.product_set == 26);
        // The commune assesses four criteria (two on the tourism sheet).
        let commune = c.criteria.iter().filter(|x| x.assessed_by_commune).count();
        assert_eq!(commune, if r.product_set == 26 { 2 } else { 4 });
    }
}

#[test]
fn under_26_2026_every_criterion_the_commune_assesses_has_evidence_except_the_idea_origin() {
    // Mẫu 02 Phần III has no row for the idea's origin (A2.1): the commune judges it alone.
    for (r, c) in every_checklist()
        .iter()
        .filter(|(_, c)| c.edition == "26/2026")
    {
        let without: Vec<&str> = c
            .criteria
            .iter()
            .filter(|x| x.assessed_by_commune && x.evidence.is_empty())
            .map(|x| x.code.as_str())
            .collect();
        assert_eq!(without, ["A2.1"], "set {}", r.product_set);
    }
}

#[test]
fn a_dossier_declaring_its_checklist_is_complete_and_one_document_less_is_missing_it() {
    let catalog = Catalog::builtin();
    for (r, c) in every_checklist() {
        for set in &c.packages {
            let documents: Vec<String> = set.items.iter().map(|i| i.id.to_string()).collect();
            let samples = c
                .samples
                .as_ref()
                .filter(|_| set.samples)
                .map_or(0, |s| s.count);
            let copies = set.copies.as_ref();
            let mut filed = FiledDossier {
                request: r.clone(),
                package: Some(set.id.to_string()),
                documents: documents.clone(),
                samples: u32::from(samples),
                paper_copies: copies.map_or(0, |x| u32::from(x.paper)),
                electronic_copies: copies.map_or(0, |x| u32::from(x.electronic)),
                evidence: c.evidence.iter().map(|e| e.id.to_string()).collect(),
            };
            let check = catalog.check_dossier(&filed).unwrap();
            assert!(
                check.complete,
                "{} {}: {:?}",
                c.edition, set.id, check.missing
            );
            assert!(check.conditional.is_empty() && check.extra.is_empty());
            assert!(check.evidence_not_attached.is_empty());
            // Drop each plain document in turn: exactly it is missing, by name.
            for item in set
                .items
                .iter()
                .filter(|i| !i.is_set && i.condition.is_none())
            {
                filed.documents = documents
                    .iter()
                    .filter(|d| **d != *item.id)
                    .cloned()
                    .collect();
                let check = catalog.check_dossier(&filed).unwrap();
                assert!(!check.complete);
                assert_eq!(check.missing.len(), 1);
                assert_eq!(check.missing[0].id, item.id);
                assert_eq!(check.missing[0].name, item.name);
            }
        }
    }
}

#[test]
fn the_three_forms_and_the_tick_boxes_of_mau_02() {
    let edition = Catalog::builtin().edition("26/2026").unwrap();
    let forms = &edition.data().dossier.as_ref().unwrap().forms;
    let numbers: Vec<&str> = forms.iter().map(|f| f.number.as_str()).collect();
    assert_eq!(numbers, ["Mẫu số 01", "Mẫu số 02", "Mẫu số 03"]);
    // Mẫu 02 Phần I mục 7: a, b, two boxes under c, d and five of its "+" lines are tick
    // boxes; the sixth, "Khác (ghi rõ)", is kept as a blank to write in.
    let boxes = forms[1]
        .sections
        .iter()
        .flat_map(|s| &s.fields)
        .filter(|f| f.kind == ocop_core::catalog::model::FieldKind::Checkbox)
        .count();
    assert_eq!(boxes, 10);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn slip_numbers_round_trip(
        number in "[0-9]{1,6}",
        second in "[0-9A-Z]{1,10}",
        province in "[0-9]{2}",
        commune in "[0-9]{5}",
        year in 2018u16..=2100,
    ) {
        let catalog = Catalog::builtin();
        let parts = SlipParts { edition: "26/2026".into(), number: number.clone(), second: second.clone(), province: province.clone(), commune: commune.clone(), year };
        let text = catalog.format_registration_slip(&parts).unwrap();
        let slip = catalog.parse_registration_slip(&SlipRequest { slip: text.clone(), edition: None }).unwrap();
        prop_assert_eq!((slip.number, slip.second, slip.province, slip.commune, slip.year), (number, second, province, commune, year));
        prop_assert_eq!(slip.formatted, text);
    }

    #[test]
    fn any_text_is_a_slip_or_a_typed_refusal(text in "\\PC{0,90}") {
        match Catalog::builtin().parse_registration_slip(&SlipRequest { slip: text, edition: None }) {
            Ok(slip) => prop_assert!(slip.formatted.contains("/PĐK-")),
            Err(e) => prop_assert!(e.0.iter().all(|x| matches!(x.code, ErrorCode::InvalidRegistrationSlip | ErrorCode::StringTooLong))),
        }
    }

    #[test]
    fn the_readers_never_panic(text in "[{}\\[\\]\":,0-9a-zA-Z /-]{0,120}") {
        let _ = ChecklistRequest::from_json(&text);
        let _ = FiledDossier::from_json(&text);
        let _ = StepDeadlineRequest::from_json(&text);
        let _ = DeadlineRequest::from_json(&text);
        let _ = HolidaysRequest::from_json(&text);
        let _ = YearDecisions::list_from_json(&text);
        let _ = SlipRequest::from_json(&text);
        let _ = SlipParts::from_json(&text);
    }
}

#[test]
fn oversized_requests_are_refused_before_parsing() {
    let text = format!(
        r#"{{"from":"2027-02-01","workingDays":1,"x":"{}"}}"#,
        "a".repeat(ocop_core::limits::MAX_INPUT_BYTES)
    );
    let e = DeadlineRequest::from_json(&text).unwrap_err();
    assert_eq!(e.0[0].code, ErrorCode::InputTooLarge);
    let e = ChecklistRequest::from_json(&text).unwrap_err();
    assert_eq!(e.0[0].code, ErrorCode::InputTooLarge);
}
