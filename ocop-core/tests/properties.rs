//! Invariants over all 52 sheets, on random valid evaluations.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // tests may panic

use ocop_core::certificate::{CertificateInput, CertificateState, CertificateStatus};
use ocop_core::council::{CouncilInput, CouncilReport, MemberSheet};
use ocop_core::{
    Catalog, Choice, CompareRequest, CouncilOrSheet, Evaluation, Input, Languages, Outcome,
    PlanRequest, ScoreReport, Scorer, SheetRef, SubjectType,
};
use proptest::prelude::*;

fn plan_request(
    e: &Evaluation,
    target_star: Option<u8>,
    only_criteria: Option<Vec<String>>,
) -> PlanRequest {
    PlanRequest {
        evaluation: e.clone(),
        target_star,
        only_criteria,
    }
}

/// Every (edition, product set).
fn all_sheets() -> Vec<(&'static str, u8)> {
    let mut v = Vec::new();
    for edition in ["26/2026", "148/2023"] {
        for set in 1..=26 {
            v.push((edition, set));
        }
    }
    v
}

fn sheet(edition: &str, set: u8) -> SheetRef<'static> {
    Catalog::builtin()
        .edition(edition)
        .unwrap()
        .sheet(set)
        .unwrap()
}

/// Options a producer of `t` may tick on criterion `c` within `case`.
fn allowed(c: &ocop_core::catalog::model::Criterion, t: SubjectType, case: u8) -> Vec<usize> {
    c.options
        .iter()
        .enumerate()
        .filter(|(_, o)| o.subject_types.is_empty() || o.subject_types.contains(&t))
        .filter(|(_, o)| o.case.is_none_or(|k| k == case))
        .map(|(i, _)| i)
        .collect()
}

#[derive(Debug, Clone)]
struct Generated {
    evaluation: Evaluation,
    /// Per criterion: the ticked option.
    picks: Vec<Option<usize>>,
}

fn generated() -> impl Strategy<Value = Generated> {
    (
        0..52usize,
        any::<u8>(),
        1..=2u8,
        prop::collection::vec(any::<u16>(), 40),
        prop::collection::vec(any::<u8>(), 40),
    )
        .prop_map(|(i, subject, case, picks, nulls)| {
            let (edition, set) = all_sheets()[i];
            let s = sheet(edition, set);
            let e = s.edition();
            let types: Vec<SubjectType> = SubjectType::ALL
                .iter()
                .copied()
                .filter(|t| e.subject_type_eligible(*t, set))
                .collect();
            let t = types[usize::from(subject) % types.len()];
            let has_cases = s.criteria().any(|c| !c.cases.is_empty());
            let mut evaluation = Evaluation::new(edition, set, t);
            if has_cases {
                evaluation.tourism_case = Some(case);
            }
            let mut chosen = Vec::new();
            for (k, c) in s.criteria().enumerate() {
                let options = allowed(c, t, case);
                let pick = if nulls[k] < 12 {
                    None
                } else {
                    Some(options[usize::from(picks[k]) % options.len()])
                };
                evaluation
                    .answers
                    .insert(c.code.to_string(), pick.map(|p| p as u32));
                chosen.push(pick);
            }
            Generated {
                evaluation,
                picks: chosen,
            }
        })
}

fn score(e: &Evaluation) -> ScoreReport {
    Catalog::builtin()
        .score(e)
        .unwrap_or_else(|err| panic!("valid evaluation refused: {err}"))
}

/// The built-in editions as the npm package's `ocop/score` loads them: their rules alone.
fn rules_only() -> &'static Catalog {
    static CATALOG: std::sync::OnceLock<Catalog> = std::sync::OnceLock::new();
    CATALOG.get_or_init(|| {
        let catalog = Catalog::builtin_index();
        for id in ["26/2026", "148/2023"] {
            let [rules, _labels] = Catalog::builtin_files(id).unwrap();
            catalog.load_packed(rules.to_vec()).unwrap();
        }
        catalog
    })
}

fn stars(r: &ScoreReport) -> u8 {
    r.stars.unwrap_or(0)
}

fn band(r: &ScoreReport) -> u8 {
    r.band.unwrap_or(0)
}

fn total(r: &ScoreReport) -> u32 {
    r.total.to_string().parse().unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// An edition's rules without its labels' words score exactly as the whole edition.
    #[test]
    fn the_rules_alone_score_as_the_whole_edition(g in generated(), members in 1..4usize) {
        let e = &g.evaluation;
        prop_assert_eq!(rules_only().score(e), Catalog::builtin().score(e));
        let council = CouncilInput::from_json(&format!(
            r#"{{"edition":{:?},"productSet":{},"subjectType":{:?},"members":[{}]}}"#,
            e.edition.as_deref().unwrap(),
            e.product_set,
            e.subject_type.id(),
            vec![format!(r#"{{"answers":{}}}"#, serde_json::to_string(&e.answers).unwrap()); members].join(","),
        ));
        let council = council.unwrap();
        prop_assert_eq!(rules_only().council(&council), Catalog::builtin().council(&council));
    }

    /// Days are read and written by ocop itself (not jiff's ISO 8601 parser): the same text as
    /// jiff prints, read back to the same day; anything but strict YYYY-MM-DD is refused.
    #[test]
    fn days_read_and_write_as_jiff_prints_them(days in -3_000_000i32..2_900_000, junk in "[0-9T:+ -]{0,12}") {
        let day = jiff::civil::date(2000, 1, 1)
            .checked_add(jiff::Span::new().days(days))
            .unwrap();
        let text = ocop_core::text::iso_date(day);
        prop_assert_eq!(&text, &day.to_string());
        let read = ocop_core::text::parse_iso_date(&text);
        prop_assert_eq!(read, (day.year() >= 0).then_some(day));
        let strict = junk.len() == 10 && junk.as_bytes()[4] == b'-' && junk.as_bytes()[7] == b'-'
            && junk.bytes().enumerate().all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
        if !strict {
            prop_assert_eq!(ocop_core::text::parse_iso_date(&junk), None);
        }
    }

    #[test]
    fn total_is_the_sum_of_the_ticked_options_and_within_0_to_100(g in generated()) {
        let e = &g.evaluation;
        let s = sheet(e.edition.as_deref().unwrap(), e.product_set);
        let r = score(e);
        // Sheet 16 stops by itself after a 0 on a sensory criterion: count up to the stop.
        let stop = match &r.outcome {
            ocop_core::Outcome::NotRated { at, .. } => s.position(at).unwrap(),
            _ => usize::MAX,
        };
        let sum_to = |end: usize| -> u32 {
            s.criteria().zip(&g.picks).take(end.saturating_add(1)).map(|(c, p)| p.map_or(0, |p| u32::from(c.options[p].points))).sum()
        };
        let by_hand = sum_to(stop);
        prop_assert_eq!(total(&r), by_hand);
        prop_assert!(total(&r) <= 100);
        let parts: u32 = r.parts.iter().map(|p| p.points.to_string().parse::<u32>().unwrap()).sum();
        prop_assert_eq!(parts, by_hand);
        // The typed fast path ignores knock-outs: it always counts every criterion.
        let fast = s.score(&g.picks.iter().map(|p| p.map(|p| p as u8)).collect::<Vec<_>>()).unwrap();
        prop_assert_eq!(u32::from(fast.total), sum_to(usize::MAX));
        if matches!(r.outcome, ocop_core::Outcome::Rated) {
            prop_assert_eq!(fast.band, band(&r));
            prop_assert_eq!(fast.stars, stars(&r));
        }
    }

    #[test]
    fn markers_only_ever_lower_the_stars(g in generated()) {
        let r = score(&g.evaluation);
        prop_assume!(matches!(r.outcome, ocop_core::Outcome::Rated));
        prop_assert!(stars(&r) <= band(&r));
        prop_assert_eq!(r.blockers.is_empty(), stars(&r) == band(&r));
        prop_assert_eq!(r.certifiable, stars(&r) >= 3);
    }

    #[test]
    fn upgrading_an_option_never_lowers_band_or_stars(g in generated(), which in any::<u16>(), to in any::<u16>()) {
        let e = &g.evaluation;
        let s = sheet(e.edition.as_deref().unwrap(), e.product_set);
        let before = score(e);
        let k = usize::from(which) % g.picks.len();
        let c = s.criterion(k).unwrap();
        let current = g.picks[k].map_or(0, |p| c.options[p].points);
        let case = e.tourism_case.unwrap_or(1);
        let better: Vec<usize> = allowed(c, e.subject_type, case).into_iter().filter(|&o| c.options[o].points > current).collect();
        prop_assume!(!better.is_empty());
        let mut up = e.clone();
        up.answers.insert(c.code.to_string(), Some(better[usize::from(to) % better.len()] as u32));
        let after = score(&up);
        prop_assert!(band(&after) >= band(&before));
        prop_assert!(stars(&after) >= stars(&before));
    }

    #[test]
    fn a_plan_applied_reaches_its_target(g in generated(), target in 2..=5u8) {
        let e = &g.evaluation;
        let plan = Catalog::builtin().plan(&plan_request(e, Some(target), None)).unwrap();
        prop_assert_eq!(usize::from(plan.criteria_changed), plan.changes.len());
        if plan.reachable && !plan.changes.is_empty() {
            let mut applied = e.clone();
            for c in &plan.changes {
                applied.answers.insert(c.code.to_string(), Some(u32::from(c.to_option)));
            }
            let r = score(&applied);
            prop_assert!(stars(&r) >= target, "plan to {}★ gave {}★", target, stars(&r));
            prop_assert_eq!(total(&r), u32::from(plan.new_total));
            prop_assert_eq!(stars(&r), plan.new_stars);
        }
    }

    #[test]
    fn no_smaller_plan_exists_among_four_criteria(g in generated(), seeds in prop::collection::vec(any::<u16>(), 4), target in 3..=5u8) {
        let e = &g.evaluation;
        let s = sheet(e.edition.as_deref().unwrap(), e.product_set);
        let n = g.picks.len();
        let mut only: Vec<usize> = seeds.iter().map(|x| usize::from(*x) % n).collect();
        only.sort_unstable();
        only.dedup();
        let codes: Vec<String> = only.iter().map(|&k| s.criterion(k).unwrap().code.to_string()).collect();
        let plan = Catalog::builtin().plan(&plan_request(e, Some(target), Some(codes.clone()))).unwrap();
        let start = score(e);
        prop_assume!(stars(&start) < target);
        // Brute force: every combination of options on the chosen criteria.
        let case = e.tourism_case.unwrap_or(1);
        let choices: Vec<Vec<Option<usize>>> = only
            .iter()
            .map(|&k| {
                let c = s.criterion(k).unwrap();
                let mut v = vec![g.picks[k]];
                v.extend(allowed(c, e.subject_type, case).into_iter().filter(|&o| Some(o) != g.picks[k]).map(Some));
                v
            })
            .collect();
        let mut best: Option<(usize, u32)> = None;
        let mut index = vec![0usize; only.len()];
        loop {
            let mut picks = g.picks.clone();
            for (slot, &k) in only.iter().enumerate() {
                picks[k] = choices[slot][index[slot]];
            }
            let mut candidate = e.clone();
            for (&k, p) in only.iter().zip(only.iter().map(|&k| picks[k])) {
                candidate.answers.insert(s.criterion(k).unwrap().code.to_string(), p.map(|p| p as u32));
            }
            let full = score(&candidate);
            if stars(&full) >= target {
                let sc_total = total(&full);
                let changed = only.iter().filter(|&&k| picks[k] != g.picks[k]).count();
                let lowered = only.iter().any(|&k| {
                    let c = s.criterion(k).unwrap();
                    picks[k].map_or(0, |p| c.options[p].points) < g.picks[k].map_or(0, |p| c.options[p].points)
                });
                let base: u32 = s.criteria().zip(&g.picks).map(|(c, p)| p.map_or(0, |p| u32::from(c.options[p].points))).sum();
                let added = sc_total.saturating_sub(base);
                if !lowered && best.is_none_or(|b| (changed, added) < b) {
                    best = Some((changed, added));
                }
            }
            let mut slot = 0;
            loop {
                if slot == index.len() { break; }
                index[slot] += 1;
                if index[slot] < choices[slot].len() { break; }
                index[slot] = 0;
                slot += 1;
            }
            if slot == index.len() { break; }
        }
        match best {
            None => prop_assert!(!plan.reachable, "brute force finds no plan, the planner does: {:?}", plan.changes),
            Some((changed, added)) => {
                prop_assert!(plan.reachable, "brute force finds a plan of {} changes", changed);
                prop_assert_eq!((usize::from(plan.criteria_changed), u32::from(plan.points_added)), (changed, added));
            }
        }
    }

    #[test]
    fn a_councils_mean_lies_between_its_members(members in prop::collection::vec(generated(), 1..7), sheet_index in 0..52usize) {
        // Re-target every generated sheet to one product so they form a council.
        let (edition, set) = all_sheets()[sheet_index];
        let s = sheet(edition, set);
        let template = &members[0].evaluation;
        let t = if s.edition().subject_type_eligible(template.subject_type, set) { template.subject_type } else { SubjectType::Cooperative };
        let case = 1;
        let sheets: Vec<MemberSheet> = members
            .iter()
            .map(|m| {
                let picks: Vec<u16> = m.picks.iter().map(|p| p.map_or(7, |x| x as u16)).collect();
                let answers: ocop_core::Answers = s
                    .criteria()
                    .enumerate()
                    .map(|(k, c)| {
                        let options = allowed(c, t, case);
                        (c.code.to_string(), Some(options[usize::from(picks.get(k).copied().unwrap_or(0)) % options.len()] as u32))
                    })
                    .collect();
                MemberSheet { answers, ..MemberSheet::default() }
            })
            .collect();
        let has_cases = s.criteria().any(|c| !c.cases.is_empty());
        let input = CouncilInput {
            format_version: None, reference: None, edition: Some(edition.into()), evaluated_on: None,
            product_set: set, subject_type: t, knockouts: vec![], dossier_rejected: false,
            tourism_case: has_cases.then_some(case), level: None, requirements_not_met: vec![],
            requirement_rule: Default::default(), members: sheets, rules: Default::default(),
        };
        let r = Catalog::builtin().council(&input).unwrap();
        let lo = r.members.iter().map(|m| m.total).min().unwrap();
        let hi = r.members.iter().map(|m| m.total).max().unwrap();
        let mean: f64 = r.mean.to_string().parse().unwrap();
        prop_assert!(f64::from(lo) - 0.005 <= mean && mean <= f64::from(hi) + 0.005);
        prop_assert_eq!(r.sum_of_totals, r.members.iter().map(|m| u32::from(m.total)).sum::<u32>());
        prop_assert!(stars(&r.result) <= band(&r.result));
    }

    #[test]
    fn inputs_and_outputs_round_trip_through_json(g in generated()) {
        let e = &g.evaluation;
        let back = Evaluation::from_json(&e.to_json()).unwrap();
        prop_assert_eq!(&back, e);
        let typed: Evaluation = serde_json::from_str(&e.to_json()).unwrap();
        prop_assert_eq!(&typed, e);
        let r = score(e);
        let again: ScoreReport = serde_json::from_str(&serde_json::to_string(&r).unwrap()).unwrap();
        prop_assert_eq!(again, r);
    }

    #[test]
    fn every_output_round_trips_through_json(g in generated()) {
        let catalog = Catalog::builtin();
        let e = &g.evaluation;
        fn again<T: serde::Serialize + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug>(value: &T) -> Result<(), TestCaseError> {
            let back: T = serde_json::from_str(&serde_json::to_string(value).unwrap()).unwrap();
            prop_assert_eq!(&back, value);
            Ok(())
        }
        again(&catalog.plan(&plan_request(e, Some(5), None)).unwrap())?;
        again(&catalog.compare(&CompareRequest { self_assessment: e.clone(), council: CouncilOrSheet::Sheet(e.clone()) }).unwrap())?;
        let member = MemberSheet { answers: e.answers.clone(), ..MemberSheet::default() };
        let council = CouncilInput {
            format_version: None, reference: None, edition: e.edition.clone(), evaluated_on: None,
            product_set: e.product_set, subject_type: e.subject_type, knockouts: vec![], dossier_rejected: false,
            tourism_case: e.tourism_case, level: None, requirements_not_met: vec![],
            requirement_rule: Default::default(), members: vec![member.clone(), member], rules: Default::default(),
        };
        again(&council)?;
        let report: CouncilReport = catalog.council(&council).unwrap();
        again(&report)?;
    }

    #[test]
    fn certificates_expire_36_months_on_and_their_window_comes_before(issued in 0..1600i64, after in 0..2000i64, filed in prop::option::of(0..1500i64)) {
        let start = jiff::civil::date(2023, 2, 24);
        let issued_on = start.checked_add(jiff::Span::new().days(issued)).unwrap();
        let on = issued_on.checked_add(jiff::Span::new().days(after)).unwrap();
        let input = CertificateInput {
            edition: None, issued_on, stars: Some(4), on,
            reevaluation_filed_on: filed.map(|f| issued_on.checked_add(jiff::Span::new().days(f)).unwrap()),
            reevaluation_decided_on: None, revoked_on: None, revocation_ground: None,
        };
        let status: CertificateStatus = Catalog::builtin().certificate(&input).unwrap();
        prop_assert_eq!(status.expires_on, issued_on.checked_add(jiff::Span::new().months(36)).unwrap());
        prop_assert_eq!(status.valid, on <= status.expires_on || status.state == CertificateState::InTransitionalGrace);
        if let Some(w) = status.reevaluation_window {
            prop_assert!(w.opens_on < w.closes_on && w.closes_on < status.expires_on);
        }
        if let Some(g) = status.grace_until {
            prop_assert!(g > status.expires_on);
        }
        let back: CertificateStatus = serde_json::from_str(&serde_json::to_string(&status).unwrap()).unwrap();
        prop_assert_eq!(back, status);
    }

    #[test]
    fn a_form_ticked_one_answer_at_a_time_scores_as_the_sheet(g in generated()) {
        let e = &g.evaluation;
        let r = score(e);
        prop_assume!(r.outcome == Outcome::Rated);
        let catalog = Catalog::builtin();
        let mut form = Scorer::new(catalog, e.edition.as_deref().unwrap(), e.product_set, e.subject_type).unwrap();
        for (code, option) in &e.answers {
            form.set(code, option.map(|o| o as u8)).unwrap();
        }
        let now = form.result();
        prop_assert_eq!(u32::from(now.total), total(&r));
        prop_assert_eq!(Some(now.band), r.band);
        prop_assert_eq!(Some(now.stars), r.stars);
        prop_assert_eq!(now.blocker.is_some(), !r.blockers.is_empty());
        prop_assert_eq!(usize::from(now.answered), e.answers.len());
        prop_assert_eq!(&form.report().unwrap(), &r);
    }

    #[test]
    fn every_report_is_worded_in_both_languages(g in generated()) {
        let r = score(&g.evaluation);
        let x = Catalog::builtin().explain(&r, Languages::Both).unwrap();
        prop_assert_eq!(x.lines.len(), r.lines.len());
        prop_assert_eq!(x.warnings.len(), r.warnings.len());
        for label in x.warnings.iter().chain([&x.summary, &x.recognition.next_step]) {
            prop_assert!(label.vi.as_deref().is_some_and(|t| !t.trim().is_empty()), "{:?}", label);
            prop_assert!(label.en.as_deref().is_some_and(|t| !t.trim().is_empty()), "{:?}", label);
        }
        let vi = Catalog::builtin().explain(&r, Languages::Vi).unwrap();
        prop_assert!(vi.summary.en.is_none() && vi.summary.vi == x.summary.vi);
    }

    #[test]
    fn a_doubt_that_decides_names_other_stars(g in generated()) {
        let r = score(&g.evaluation);
        let warned = r.warnings.iter().any(|w| w.code == ocop_core::WarningCode::DoubtDecides);
        prop_assert_eq!(warned, !r.doubts.is_empty());
        for d in &r.doubts {
            prop_assert_ne!(Some(d.stars), r.stars);
        }
    }
}
