//! Checks that an edition's data is whole and adds up, before anything is scored on it.
//!
//! Also compiled into `build.rs`: a built-in edition that fails a check stops the build.
//! A sheet whose source is known to be short is marked `provisional` and lists each maximum
//! that does not add up; those, and only those, are accepted.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use jiff::civil::Date;

use super::model::{
    AcceptedMismatch, CouncilLevel, Criterion, CriterionLink, DossierSpec, EditionData, Identity,
    LinkStrength, Procedure, ProcedureStep, Round, Section, Sheet, SubjectType, TimeUnit,
};
use crate::text::{Str, Text};

/// A problem found in an edition's data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CatalogIssue {
    /// Where: a file, or a product set and code.
    pub at: String,
    /// What is wrong.
    pub message: String,
}

impl CatalogIssue {
    /// An issue at `at`.
    pub fn new(at: impl Into<String>, message: impl Into<String>) -> CatalogIssue {
        CatalogIssue {
            at: at.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for CatalogIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.at, self.message)
    }
}

/// Every problem in `data`; empty when the edition is sound.
pub fn validate(data: &EditionData) -> Vec<CatalogIssue> {
    let mut c = Checker::default();
    c.identity(&data.identity);
    c.rating(data);
    c.certificate(data);
    c.procedures(data);
    c.rounds(&data.rounds);
    c.product_code(data);
    c.taxonomy(data);
    let max_total: u32 = data.rating.parts.iter().map(|p| u32::from(p.max)).sum();
    for sheet in &data.sheets {
        c.sheet(data, sheet, max_total);
    }
    if let Some(d) = &data.dossier {
        c.dossier(data, d);
    }
    c.issues
}

#[derive(Default)]
struct Checker {
    issues: Vec<CatalogIssue>,
}

impl Checker {
    fn fail(&mut self, at: impl Into<String>, message: impl Into<String>) {
        self.issues.push(CatalogIssue::new(at, message));
    }

    fn text(&mut self, at: &str, what: &str, text: &Text) {
        if text.vi.trim().is_empty() || text.en.trim().is_empty() {
            self.fail(
                at,
                format!("{what} needs both a Vietnamese and an English label"),
            );
        }
    }

    fn identity(&mut self, id: &Identity) {
        for (what, value) in [
            ("id", &id.id),
            ("number", &id.number),
            ("data_version", &id.data_version),
        ] {
            if value.trim().is_empty() {
                self.fail("edition.toml", format!("identity.{what} is empty"));
            }
        }
        self.text("edition.toml", "identity.title", &id.title);
        if id.sources.is_empty() {
            self.fail(
                "edition.toml",
                "identity.sources is empty: say where the text comes from",
            );
        }
        if let Some(until) = id.in_force_until {
            if until < id.effective_from {
                self.fail(
                    "edition.toml",
                    "identity.in_force_until is before effective_from",
                );
            }
        }
    }

    fn rating(&mut self, data: &EditionData) {
        let r = &data.rating;
        let stars: Vec<u8> = r.bands.iter().map(|b| b.star).collect();
        let mut sorted = stars.clone();
        sorted.sort_unstable();
        if sorted != [1, 2, 3, 4, 5] {
            self.fail(
                "edition.toml",
                format!("rating.bands must have stars 1 to 5 once each, found {stars:?}"),
            );
        }
        let mut by_star: Vec<_> = r.bands.iter().collect();
        by_star.sort_by_key(|b| b.star);
        if by_star.first().is_some_and(|b| b.min_points != 0) {
            self.fail(
                "edition.toml",
                "rating.bands: the 1-star band must start at 0",
            );
        }
        for pair in by_star.windows(2) {
            if let [low, high] = pair {
                if high.min_points <= low.min_points {
                    self.fail(
                        "edition.toml",
                        format!(
                            "rating.bands: {}★ must start above {}★",
                            high.star, low.star
                        ),
                    );
                }
            }
        }
        let max_total: u32 = r.parts.iter().map(|p| u32::from(p.max)).sum();
        if by_star
            .last()
            .is_some_and(|b| u32::from(b.min_points) > max_total)
        {
            self.fail(
                "edition.toml",
                "rating.bands: the 5-star band starts above the maximum total",
            );
        }
        for b in &r.bands {
            self.text(
                "edition.toml",
                &format!("rating.bands {}★ name", b.star),
                &b.name,
            );
        }
        if !(1..=5).contains(&r.certified_from_star) {
            self.fail("edition.toml", "rating.certified_from_star must be 1 to 5");
        }
        let codes: BTreeSet<&str> = r.parts.iter().map(|p| p.code.as_str()).collect();
        if codes.len() != r.parts.len() || r.parts.is_empty() {
            self.fail("edition.toml", "rating.parts must list each part once");
        }
        self.text("edition.toml", "rating.marker_rule", &r.marker_rule);
    }

    fn certificate(&mut self, data: &EditionData) {
        let c = &data.certificate;
        if c.validity_months == 0 {
            self.fail(
                "edition.toml",
                "certificate.validity_months must be positive",
            );
        }
        if let Some(w) = c.reevaluation_window {
            if w.opens_days_before_expiry <= w.closes_days_before_expiry {
                self.fail(
                    "edition.toml",
                    "certificate.reevaluation_window must open before it closes",
                );
            }
        }
        let ids: BTreeSet<_> = c.revocation_grounds.iter().map(|g| g.id).collect();
        if ids.len() != c.revocation_grounds.len() {
            self.fail(
                "edition.toml",
                "certificate.revocation_grounds lists a ground twice",
            );
        }
        for g in &c.revocation_grounds {
            self.text(
                "edition.toml",
                "certificate.revocation_grounds name",
                &g.name,
            );
        }
    }

    fn procedures(&mut self, data: &EditionData) {
        let max_total: u32 = data.rating.parts.iter().map(|p| u32::from(p.max)).sum();
        let certified: Vec<u8> = (data.rating.certified_from_star..=5).collect();
        match data.procedures.first() {
            None => self.fail("edition.toml", "at least one procedure is needed"),
            Some(first) if first.from != data.identity.effective_from => self.fail(
                "edition.toml",
                format!(
                    "procedure {} must start when the edition takes effect",
                    first.id
                ),
            ),
            Some(_) => {}
        }
        for pair in data.procedures.windows(2) {
            if let [a, b] = pair {
                let next_day = a.until.and_then(|d| d.tomorrow().ok());
                if next_day != Some(b.from) {
                    self.fail(
                        "edition.toml",
                        format!("procedure {} must end the day before {} starts", a.id, b.id),
                    );
                }
            }
        }
        if data.procedures.last().is_some_and(|p| p.until.is_some()) {
            self.fail("edition.toml", "the last procedure must have no end date");
        }
        for p in &data.procedures {
            self.procedure(p, &certified, max_total);
        }
    }

    fn procedure(&mut self, p: &Procedure, certified: &[u8], max_total: u32) {
        let at = format!("procedure {}", p.id);
        self.text(&at, "name", &p.name);
        let levels: Vec<_> = p.levels.iter().map(|l| l.level).collect();
        if levels.is_empty() || levels.iter().collect::<BTreeSet<_>>().len() != levels.len() {
            self.fail(&at, "levels must be listed once each");
        }
        for star in certified {
            let n = p
                .levels
                .iter()
                .filter(|l| l.recognises.contains(star))
                .count();
            if n != 1 {
                self.fail(
                    &at,
                    format!("{star}★ must be recognised by exactly one level, found {n}"),
                );
            }
        }
        for (i, l) in p.levels.iter().enumerate() {
            self.level(&at, l, i, &levels, certified, max_total);
        }
    }

    fn level(
        &mut self,
        at: &str,
        l: &CouncilLevel,
        i: usize,
        levels: &[super::model::Level],
        certified: &[u8],
        max_total: u32,
    ) {
        self.text(at, "level name", &l.name);
        self.text(at, "recognised_by", &l.recognised_by);
        if l.recognises.iter().any(|s| !certified.contains(s)) {
            self.fail(
                at,
                format!("{:?} recognises a star that is not certified", l.level),
            );
        }
        match (l.forwards_to, l.forward_min_total) {
            (None, None) => {}
            (Some(to), Some(min)) => {
                let later = levels.iter().skip(i + 1).any(|x| *x == to);
                if !later || u32::from(min) > max_total {
                    self.fail(at, format!("{:?} forwards to a level that does not follow it, or above the maximum", l.level));
                }
            }
            _ => self.fail(at, "forwards_to and forward_min_total go together"),
        }
    }

    fn rounds(&mut self, rounds: &[Round]) {
        let mut seen = BTreeSet::new();
        for r in rounds {
            if !seen.insert((r.level, r.number)) {
                self.fail(
                    "edition.toml",
                    format!("round {:?} {} is listed twice", r.level, r.number),
                );
            }
            for day in [&r.proposals_before, &r.completed_before] {
                if parse_month_day(day).is_none() {
                    self.fail(
                        "edition.toml",
                        format!("round day `{day}` is not a valid MM-DD"),
                    );
                }
            }
        }
    }

    fn product_code(&mut self, data: &EditionData) {
        let f = &data.product_code;
        if f.segments.is_empty() {
            self.fail("edition.toml", "product_code.segments is empty");
        }
        for s in &f.segments {
            if s.min_digits == 0 || s.min_digits > s.max_digits || s.max_digits > 9 {
                self.fail(
                    "edition.toml",
                    format!(
                        "product_code segment {:?}: digits must be 1 ≤ min ≤ max ≤ 9",
                        s.kind
                    ),
                );
            }
            self.text("edition.toml", "product_code segment name", &s.name);
        }
    }

    fn taxonomy(&mut self, data: &EditionData) {
        let mut groups = BTreeMap::new();
        let mut subgroups = BTreeMap::new();
        for g in &data.groups {
            self.text("taxonomy.toml", &format!("group {}", g.code), &g.name);
            if groups.insert(g.code.as_str(), g).is_some() {
                self.fail("taxonomy.toml", format!("group {} is listed twice", g.code));
            }
            for s in &g.subgroups {
                self.text("taxonomy.toml", &format!("subgroup {}", s.code), &s.name);
                if subgroups.insert(s.code.as_str(), g.code.as_str()).is_some() {
                    self.fail(
                        "taxonomy.toml",
                        format!("subgroup {} is listed twice", s.code),
                    );
                }
            }
        }
        let mut slugs = BTreeSet::new();
        for (i, set) in data.product_sets.iter().enumerate() {
            let at = format!("taxonomy.toml set {}", set.number);
            if usize::from(set.number) != i + 1 {
                self.fail(&at, "product sets must be numbered 1, 2, 3… in order");
            }
            if subgroups.get(set.subgroup.as_str()) != Some(&set.group.as_str()) {
                self.fail(
                    &at,
                    format!("subgroup {} is not in group {}", set.subgroup, set.group),
                );
            }
            if !slugs.insert(set.slug.as_str()) {
                self.fail(&at, "slug is repeated");
            }
            self.text(&at, "name", &set.name);
            if data
                .sheets
                .iter()
                .filter(|s| s.product_set == set.number)
                .count()
                != 1
            {
                self.fail(&at, "needs exactly one sheet");
            }
        }
        let mut types = BTreeSet::new();
        for t in &data.subject_types {
            if !types.insert(t.id) {
                self.fail(
                    "edition.toml",
                    format!("subject type {} is listed twice", t.id.id()),
                );
            }
            self.text("edition.toml", "subject type name", &t.name);
            if t.only_product_sets
                .iter()
                .any(|n| !data.product_sets.iter().any(|s| s.number == *n))
            {
                self.fail(
                    "edition.toml",
                    format!("subject type {} names an unknown product set", t.id.id()),
                );
            }
        }
    }

    fn sheet(&mut self, data: &EditionData, sheet: &Sheet, max_total: u32) {
        let at = format!("sheet {}", sheet.product_set);
        if !data
            .product_sets
            .iter()
            .any(|s| s.number == sheet.product_set)
        {
            self.fail(&at, "no product set has this number");
        }
        self.text(&at, "title", &sheet.title);
        for t in &sheet.dossier_rejected_when {
            self.text(&at, "dossier_rejected_when", t);
        }
        let mut mismatches = Vec::new();
        let expected: Vec<(&str, u8)> = data
            .rating
            .parts
            .iter()
            .map(|p| (p.code.as_str(), p.max))
            .collect();
        let found: Vec<(&str, u8)> = sheet
            .parts
            .iter()
            .map(|p| (p.code.as_str(), p.max))
            .collect();
        if expected != found {
            self.fail(&at, format!("parts must be {expected:?}, found {found:?}"));
        }
        let total: u32 = sheet.parts.iter().map(|p| u32::from(p.max)).sum();
        if total != max_total {
            self.fail(&at, format!("parts add up to {total}, not {max_total}"));
        }
        let mut section_codes = BTreeSet::new();
        let mut criterion_codes = BTreeSet::new();
        for part in &sheet.parts {
            self.text(&at, &format!("part {}", part.code), &part.name);
            let sum = part.sections.iter().map(|s| u32::from(s.max)).sum();
            note_mismatch(&mut mismatches, &part.code, part.max, sum);
            for section in &part.sections {
                if !section.code.starts_with(part.code.as_str())
                    || !section_codes.insert(section.code.clone())
                {
                    self.fail(
                        &at,
                        format!(
                            "section code {} is repeated or outside part {}",
                            section.code, part.code
                        ),
                    );
                }
                self.section(&at, section, &mut mismatches, &mut criterion_codes);
            }
        }
        self.sheet_cases(&at, sheet);
        self.subject_criterion(&at, data, sheet);
        self.knockouts(&at, sheet);
        self.doubts(&at, sheet);
        self.accept_mismatches(&at, sheet, mismatches);
    }

    fn doubts(&mut self, at: &str, sheet: &Sheet) {
        let find = |code: &str| criteria(sheet).find(|c| c.code == code);
        for d in &sheet.doubts {
            let codes: Vec<&str> = d.criteria.iter().map(Str::as_str).collect();
            let here = format!("{at} doubt on {}", codes.join(", "));
            if d.criteria.is_empty() || d.printed.trim().is_empty() || d.elsewhere.trim().is_empty()
            {
                self.fail(
                    &here,
                    "name its criteria and say what is printed and what is printed elsewhere",
                );
            }
            for code in &d.criteria {
                if find(code).is_none() {
                    self.fail(&here, format!("{code} is not on the sheet"));
                }
            }
            if d.alternatives.is_empty() {
                self.fail(&here, "give at least one alternative reading");
            }
            for alt in &d.alternatives {
                if alt.changes.is_empty() {
                    self.fail(&here, "an alternative reading changes nothing");
                }
                for ch in &alt.changes {
                    let option = find(&ch.criterion)
                        .filter(|_| d.criteria.contains(&ch.criterion))
                        .and_then(|c| c.options.get(usize::from(ch.option)));
                    let Some(o) = option else {
                        self.fail(
                            &here,
                            format!(
                                "{} option {} is not one of the doubt's options",
                                ch.criterion, ch.option
                            ),
                        );
                        continue;
                    };
                    let same = ch.points.is_none_or(|p| p == o.points)
                        && ch.min_star.is_none_or(|m| Some(m) == o.min_star);
                    if same || ch.min_star.is_some_and(|m| !(3..=5).contains(&m)) {
                        self.fail(
                            &here,
                            format!("{} option {}: the alternative must change the points or set a 3, 4 or 5 marker", ch.criterion, ch.option),
                        );
                    }
                }
            }
        }
        let mut seen = BTreeSet::new();
        for a in &sheet.as_printed {
            if find(&a.criterion).is_none() || !seen.insert(a.criterion.clone()) {
                self.fail(
                    at,
                    format!(
                        "as_printed {}: not on the sheet, or listed twice",
                        a.criterion
                    ),
                );
            }
            if a.note.trim().is_empty() {
                self.fail(
                    at,
                    format!("as_printed {}: say how it differs", a.criterion),
                );
            }
        }
    }

    fn section(
        &mut self,
        at: &str,
        section: &Section,
        mismatches: &mut Vec<AcceptedMismatch>,
        codes: &mut BTreeSet<Str>,
    ) {
        self.text(at, &format!("section {}", section.code), &section.name);
        let sum = section.criteria.iter().map(|c| u32::from(c.max)).sum();
        note_mismatch(mismatches, &section.code, section.max, sum);
        for group in &section.groups {
            self.text(at, &format!("group {}", group.code), &group.name);
            let members: Vec<_> = section
                .criteria
                .iter()
                .filter(|c| c.group.as_ref() == Some(&group.code))
                .collect();
            if members.is_empty() {
                self.fail(at, format!("group {} has no criteria", group.code));
            }
            note_mismatch(
                mismatches,
                &group.code,
                group.max,
                members.iter().map(|c| u32::from(c.max)).sum(),
            );
        }
        if section.criteria.is_empty() {
            self.fail(at, format!("section {} has no criteria", section.code));
        }
        for criterion in &section.criteria {
            if !criterion.code.starts_with(section.code.as_str())
                || !codes.insert(criterion.code.clone())
            {
                self.fail(
                    at,
                    format!(
                        "criterion code {} is repeated or outside section {}",
                        criterion.code, section.code
                    ),
                );
            }
            if let Some(g) = &criterion.group {
                if !section.groups.iter().any(|x| &x.code == g) {
                    self.fail(
                        at,
                        format!("criterion {} names unknown group {g}", criterion.code),
                    );
                }
            }
            self.criterion(at, criterion, mismatches);
        }
    }

    fn criterion(&mut self, at: &str, c: &Criterion, mismatches: &mut Vec<AcceptedMismatch>) {
        let here = format!("{at} {}", c.code);
        self.text(&here, "name", &c.name);
        if c.options.is_empty() {
            self.fail(&here, "has no options");
        }
        for t in [&c.requirement, &c.note].into_iter().flatten() {
            self.text(&here, "requirement/note", t);
        }
        if c.min_star.is_some_and(|s| !(3..=5).contains(&s)) {
            self.fail(&here, "a criterion marker must be 3, 4 or 5");
        }
        for (i, o) in c.options.iter().enumerate() {
            if o.vi.trim().is_empty() || o.en.trim().is_empty() {
                self.fail(&here, format!("option {i} needs both labels"));
            }
            // An asterisk in a label is a star marker the import did not read (sheet 3 B5.1
            // printed `* * * *`): it belongs in min_star, where scoring sees it.
            if o.vi.contains('*') || o.en.contains('*') {
                self.fail(
                    &here,
                    format!("option {i}: an asterisk in the label is a star marker; set min_star instead"),
                );
            }
            if o.min_star.is_some_and(|s| !(3..=5).contains(&s)) {
                self.fail(&here, format!("option {i}: a marker must be 3, 4 or 5"));
            }
        }
        // Markers ascend with points: a higher star never asks for fewer points.
        let marked: Vec<(u8, u8, Option<u8>)> = c
            .options
            .iter()
            .filter_map(|o| o.min_star.map(|s| (s, o.points, o.case)))
            .collect();
        for a in &marked {
            for b in &marked {
                if a.2 == b.2 && a.0 < b.0 && a.1 > b.1 {
                    self.fail(
                        &here,
                        format!(
                            "the {}★ marker asks for fewer points than the {}★ marker",
                            b.0, a.0
                        ),
                    );
                }
                if a.2 == b.2 && a.0 == b.0 && a.1 != b.1 {
                    self.fail(&here, format!("two options carry the {}★ marker", a.0));
                }
            }
        }
        if c.cases.is_empty() {
            if c.options.iter().any(|o| o.case.is_some()) {
                self.fail(&here, "an option names a case but the criterion has none");
            }
            let best = c
                .options
                .iter()
                .map(|o| u32::from(o.points))
                .max()
                .unwrap_or(0);
            note_mismatch(mismatches, &c.code, c.max, best);
        } else {
            let mut seen = BTreeSet::new();
            for case in &c.cases {
                self.text(&here, "case name", &case.name);
                if !seen.insert(case.case) {
                    self.fail(&here, format!("case {} is listed twice", case.case));
                }
                let best = c
                    .options
                    .iter()
                    .filter(|o| o.case == Some(case.case))
                    .map(|o| u32::from(o.points))
                    .max();
                match best {
                    None => self.fail(&here, format!("case {} has no options", case.case)),
                    Some(best) => note_mismatch(
                        mismatches,
                        &format!("{} case {}", c.code, case.case),
                        c.max,
                        best,
                    ),
                }
            }
            if c.options
                .iter()
                .any(|o| o.case.is_none_or(|n| !seen.contains(&n)))
            {
                self.fail(
                    &here,
                    "every option must belong to one of the criterion's cases",
                );
            }
        }
    }

    fn sheet_cases(&mut self, at: &str, sheet: &Sheet) {
        let sets: BTreeSet<Vec<u8>> = criteria(sheet)
            .filter(|c| !c.cases.is_empty())
            .map(|c| c.cases.iter().map(|k| k.case).collect())
            .collect();
        if sets.len() > 1 {
            self.fail(
                at,
                "all two-case criteria of a sheet must offer the same cases",
            );
        }
    }

    fn subject_criterion(&mut self, at: &str, data: &EditionData, sheet: &Sheet) {
        let eligible: Vec<SubjectType> = data
            .subject_types
            .iter()
            .filter(|t| {
                t.only_product_sets.is_empty() || t.only_product_sets.contains(&sheet.product_set)
            })
            .map(|t| t.id)
            .collect();
        let mut found = 0;
        for c in criteria(sheet) {
            let tagged = c
                .options
                .iter()
                .filter(|o| !o.subject_types.is_empty())
                .count();
            if tagged == 0 {
                continue;
            }
            found += 1;
            if tagged != c.options.len() {
                self.fail(at, format!("{}: every option of the subject-type criterion must list its subject types", c.code));
            }
            for t in &eligible {
                if !c.options.iter().any(|o| o.subject_types.contains(t)) {
                    self.fail(
                        at,
                        format!("{}: no option for subject type {}", c.code, t.id()),
                    );
                }
            }
            if c.options
                .iter()
                .flat_map(|o| &o.subject_types)
                .any(|t| !eligible.contains(t))
            {
                self.fail(
                    at,
                    format!(
                        "{}: an option names a subject type not eligible for this set",
                        c.code
                    ),
                );
            }
        }
        if found > 1 {
            self.fail(at, "more than one criterion depends on the subject type");
        }
    }

    fn knockouts(&mut self, at: &str, sheet: &Sheet) {
        for c in criteria(sheet) {
            let Some(k) = &c.knockout else { continue };
            self.text(at, &format!("{} knock-out", c.code), &k.text);
            for code in &k.when_any_zero {
                let target = criteria(sheet).find(|x| &x.code == code);
                if !target.is_some_and(|t| t.options.iter().any(|o| o.points == 0)) {
                    self.fail(
                        at,
                        format!(
                            "{} knock-out: {code} is not on the sheet or cannot score 0",
                            c.code
                        ),
                    );
                }
            }
        }
    }

    fn accept_mismatches(&mut self, at: &str, sheet: &Sheet, found: Vec<AcceptedMismatch>) {
        let accepted: &[AcceptedMismatch] = sheet
            .provisional
            .as_ref()
            .map_or(&[], |p| &p.accepted_mismatches);
        for m in &found {
            if !accepted.contains(m) {
                self.fail(
                    at,
                    format!(
                        "{}: printed maximum {} but its content adds up to {}",
                        m.at, m.declared, m.computed
                    ),
                );
            }
        }
        for m in accepted {
            if !found.contains(m) {
                self.fail(
                    at,
                    format!(
                        "provisional: accepted mismatch at {} no longer occurs; remove it",
                        m.at
                    ),
                );
            }
        }
        if let Some(p) = &sheet.provisional {
            if p.reason.trim().is_empty() {
                self.fail(at, "provisional: give the reason");
            }
        }
    }
}

fn note_mismatch(out: &mut Vec<AcceptedMismatch>, at: &str, declared: u8, computed: u32) {
    if u32::from(declared) != computed {
        out.push(AcceptedMismatch {
            at: at.into(),
            declared,
            computed: u8::try_from(computed).unwrap_or(u8::MAX),
        });
    }
}

/// Every criterion of a sheet in printed order.
pub fn criteria(sheet: &Sheet) -> impl Iterator<Item = &Criterion> {
    sheet
        .parts
        .iter()
        .flat_map(|p| &p.sections)
        .flat_map(|s| &s.criteria)
}

/// Parses `MM-DD` (any year, 29 February included).
pub fn parse_month_day(text: &str) -> Option<(i8, i8)> {
    let (m, d) = text.split_once('-')?;
    if m.len() != 2 || d.len() != 2 {
        return None;
    }
    let (m, d): (i8, i8) = (m.parse().ok()?, d.parse().ok()?);
    Date::new(2024, m, d).ok().map(|_| (m, d))
}

// ---- dossier.toml ----

const DOSSIER: &str = "dossier.toml";

impl Checker {
    /// Ids resolve, labels have both languages, every criterion a link names is on each sheet it
    /// names, the commune's form covers exactly the criteria the sheets mark as assessed by the
    /// commune, and the time limits agree with the certificate rules.
    fn dossier(&mut self, data: &EditionData, d: &DossierSpec) {
        if d.sources.is_empty() {
            self.fail(
                DOSSIER,
                "dossier.sources is empty: say where the text comes from",
            );
        }
        let mut ids = BTreeSet::new();
        for doc in &d.documents {
            if !ids.insert(doc.id.as_str()) {
                self.fail(DOSSIER, format!("id `{}` is used twice", doc.id));
            }
            self.text(DOSSIER, &format!("document {} name", doc.id), &doc.name);
            if let Some(form) = &doc.form {
                if !d.forms.iter().any(|f| f.id == *form) {
                    self.fail(DOSSIER, format!("document {}: no form `{form}`", doc.id));
                }
            }
        }
        self.dossier_packages(data, d, &mut ids);
        if let Some(c) = &d.copies {
            if c.paper == 0 && c.electronic == 0 {
                self.fail(DOSSIER, "dossier.copies asks for no copy");
            }
        }
        if let Some(s) = &d.samples {
            self.text(DOSSIER, "samples provided_by", &s.provided_by);
            if s.count == 0 {
                self.fail(DOSSIER, "dossier.samples.count must be positive");
            }
            for n in &s.except_product_sets {
                if !data.product_sets.iter().any(|x| x.number == *n) {
                    self.fail(DOSSIER, format!("dossier.samples: no product set {n}"));
                }
            }
        }
        for r in &d.case_requirements {
            self.text(DOSSIER, "case requirement", &r.text);
        }
        let mut evidence = BTreeSet::new();
        for e in &d.evidence {
            let at = format!("evidence {}", e.id);
            if !evidence.insert(e.id.as_str()) {
                self.fail(DOSSIER, format!("evidence `{}` is listed twice", e.id));
            }
            self.text(DOSSIER, &format!("{at} name"), &e.name);
            self.text(DOSSIER, &format!("{at} requirement"), &e.requirement);
            for link in &e.links {
                self.link(data, &at, link);
            }
        }
        self.dossier_forms(data, d);
        self.commune_links(data, d);
        self.time_limits(data, d);
    }

    /// The sets: each holds documents or sets defined before it, for levels of the edition.
    fn dossier_packages<'a>(
        &mut self,
        data: &EditionData,
        d: &'a DossierSpec,
        ids: &mut BTreeSet<&'a str>,
    ) {
        let mut defined: BTreeSet<&str> = d.documents.iter().map(|x| x.id.as_str()).collect();
        let levels: BTreeSet<_> = data
            .procedures
            .iter()
            .flat_map(|p| p.levels.iter().map(|l| l.level))
            .collect();
        for p in &d.packages {
            let at = format!("package {}", p.id);
            if !ids.insert(p.id.as_str()) {
                self.fail(DOSSIER, format!("id `{}` is used twice", p.id));
            }
            for (what, t) in [
                ("name", &p.name),
                ("prepared_by", &p.prepared_by),
                ("sent_to", &p.sent_to),
            ] {
                self.text(DOSSIER, &format!("{at} {what}"), t);
            }
            if p.levels.is_empty() || p.levels.iter().any(|l| !levels.contains(l)) {
                self.fail(
                    DOSSIER,
                    format!("{at}: levels must be levels of the edition's procedures"),
                );
            }
            if p.items.is_empty() {
                self.fail(DOSSIER, format!("{at} holds nothing"));
            }
            for item in &p.items {
                // A set may hold a set defined before it, never itself or a later one.
                if !defined.contains(item.as_str()) {
                    self.fail(
                        DOSSIER,
                        format!("{at}: `{item}` is not a document or an earlier set"),
                    );
                }
            }
            if p.copies && d.copies.is_none() {
                self.fail(
                    DOSSIER,
                    format!("{at} says copies apply but dossier.copies is missing"),
                );
            }
            if p.samples && d.samples.is_none() {
                self.fail(
                    DOSSIER,
                    format!("{at} carries samples but dossier.samples is missing"),
                );
            }
            defined.insert(p.id.as_str());
        }
    }

    /// The forms: sections and fields listed once, choices with their boxes, links to criteria.
    fn dossier_forms(&mut self, data: &EditionData, d: &DossierSpec) {
        let mut forms = BTreeSet::new();
        for f in &d.forms {
            let at = format!("form {}", f.id);
            if !forms.insert(f.id.as_str()) {
                self.fail(DOSSIER, format!("form `{}` is listed twice", f.id));
            }
            self.text(DOSSIER, &format!("{at} name"), &f.name);
            self.text(DOSSIER, &format!("{at} filled_by"), &f.filled_by);
            let mut fields = BTreeSet::new();
            let mut sections = BTreeSet::new();
            for section in &f.sections {
                if !sections.insert(section.id.as_str()) {
                    self.fail(
                        DOSSIER,
                        format!("{at}: section `{}` is listed twice", section.id),
                    );
                }
                if let Some(title) = &section.title {
                    self.text(DOSSIER, &format!("{at} section {}", section.id), title);
                }
                for field in &section.fields {
                    let here = format!("{at} field {}", field.id);
                    if !fields.insert(field.id.as_str()) {
                        self.fail(DOSSIER, format!("{here} is listed twice"));
                    }
                    self.text(DOSSIER, &here, &field.label);
                    let is_choice = field.kind == super::model::FieldKind::Choice;
                    if is_choice == field.choices.is_empty() {
                        self.fail(
                            DOSSIER,
                            format!("{here}: a choice, and only a choice, lists its boxes"),
                        );
                    }
                    for c in &field.choices {
                        self.text(DOSSIER, &format!("{here} choice {}", c.id), &c.label);
                    }
                    for link in &field.links {
                        self.link(data, &here, link);
                    }
                    self.fills(&here, field);
                }
            }
            let has_header = f.sections.iter().any(|s| s.id == "header");
            if f.heading == super::model::FormHeading::IssuerAndNation && !has_header {
                self.fail(
                    DOSSIER,
                    format!(
                        "{at}: an issuer heading prints the section `header`, which is missing"
                    ),
                );
            }
        }
    }

    /// A label with fills has exactly one blank (`……`) per fill, in both languages.
    fn fills(&mut self, at: &str, field: &super::model::FormField) {
        if field.fills.is_empty() {
            return;
        }
        for (lang, label) in [("vi", &field.label.vi), ("en", &field.label.en)] {
            let blanks = label.matches("……").count();
            if blanks != field.fills.len() {
                self.fail(
                    DOSSIER,
                    format!(
                        "{at}: the {lang} label has {blanks} blank(s) for {} fill(s)",
                        field.fills.len()
                    ),
                );
            }
        }
    }

    /// The time limits: one per step, the revocation limit as the certificate rules say.
    fn time_limits(&mut self, data: &EditionData, d: &DossierSpec) {
        let mut steps = BTreeSet::new();
        for t in &d.time_limits {
            let at = format!("time limit {:?}", t.step);
            if !steps.insert(format!("{:?}", t.step)) {
                self.fail(DOSSIER, format!("{at} is listed twice"));
            }
            if t.length == 0 {
                self.fail(DOSSIER, format!("{at} has no length"));
            }
            self.text(DOSSIER, &at, &t.name);
            self.text(DOSSIER, &format!("{at} counted_from"), &t.counted_from);
            if t.step == ProcedureStep::Revocation {
                let certificate = data.certificate.revocation_within_days;
                if t.unit != TimeUnit::Days || certificate != Some(t.length) {
                    self.fail(DOSSIER, format!("{at} must agree with certificate.revocation_within_days ({certificate:?} days)"));
                }
            }
        }
    }

    /// Every product set a link names exists, and each of its criteria is on that set's sheet.
    fn link(&mut self, data: &EditionData, at: &str, link: &CriterionLink) {
        if link.criteria.is_empty() {
            self.fail(DOSSIER, format!("{at}: a link names no criterion"));
        }
        let sets: Vec<u8> = if link.product_sets.is_empty() {
            data.sheets.iter().map(|s| s.product_set).collect()
        } else {
            link.product_sets.clone()
        };
        for n in sets {
            let Some(sheet) = data.sheets.iter().find(|s| s.product_set == n) else {
                self.fail(DOSSIER, format!("{at}: no sheet for product set {n}"));
                continue;
            };
            for code in &link.criteria {
                if !criteria(sheet).any(|c| c.code == *code) {
                    self.fail(DOSSIER, format!("{at}: sheet {n} has no criterion {code}"));
                }
            }
        }
    }

    /// The commune assesses, on each sheet, exactly the criteria its form links to (weak links
    /// aside): the form and the sheets' `assessed_by_commune` marks must say the same.
    fn commune_links(&mut self, data: &EditionData, d: &DossierSpec) {
        let links: Vec<&CriterionLink> = d
            .forms
            .iter()
            .flat_map(|f| &f.sections)
            .flat_map(|s| &s.fields)
            .flat_map(|f| &f.links)
            .filter(|l| l.strength != LinkStrength::Weak)
            .collect();
        if links.is_empty() {
            return;
        }
        for sheet in &data.sheets {
            let n = sheet.product_set;
            let linked: BTreeSet<&str> = links
                .iter()
                .filter(|l| l.product_sets.is_empty() || l.product_sets.contains(&n))
                .flat_map(|l| l.criteria.iter().map(|c| c.as_str()))
                .collect();
            let marked: BTreeSet<&str> = criteria(sheet)
                .filter(|c| c.assessed_by_commune)
                .map(|c| c.code.as_str())
                .collect();
            if linked != marked {
                self.fail(
                    DOSSIER,
                    format!("sheet {n}: the commune's form covers {linked:?} but the sheet marks {marked:?} as assessed by the commune"),
                );
            }
        }
    }
}
