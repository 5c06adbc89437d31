//! The checklist of a case, the check of a filed dossier, and the procedure's deadlines.

use jiff::civil::Date;

use super::{
    ChecklistRequest, CriterionChecklist, DossierCheck, DossierChecklist, DossierKind,
    DossierProblem, EvidenceChecklist, FiledDossier, LinkedCriterion, MissingItem,
    PackageChecklist, PackageItem, SamplesNeeded, StepDeadline, StepDeadlineRequest,
};
use crate::calendar::{self, DeadlineRequest, Period, YearDecisions};
use crate::catalog::model::{DocumentInfo, DossierPackage, DossierSpec, Level, TimeLimit};
use crate::catalog::{Catalog, Edition, SheetRef};
use crate::error::{InputError, InputErrors, Problem};
use crate::text::{Str, Text};
use crate::wire::Choice;

/// An edition and its dossier data, resolved for a request.
struct Resolved<'a> {
    edition: &'a Edition,
    spec: &'a DossierSpec,
    sheet: SheetRef<'a>,
    level: Level,
}

impl Catalog {
    /// What to file for a case, set by set, with the evidence each criterion needs.
    ///
    /// ```
    /// use ocop_core::{Catalog, Input};
    /// use ocop_core::dossier::ChecklistRequest;
    /// let r = ChecklistRequest::from_json(r#"{"edition":"26/2026","productSet":9,
    ///     "subjectType":"cooperative","case":"first","level":"province","filedOn":"2027-02-01"}"#).unwrap();
    /// let c = Catalog::builtin().dossier_checklist(&r).unwrap();
    /// let sets: Vec<&str> = c.packages.iter().map(|p| p.id.as_str()).collect();
    /// assert_eq!(sets, ["product-dossier", "commune-proposal"]);
    /// assert_eq!(c.samples.unwrap().count, 5);
    /// assert_eq!(c.deadlines[0].deadline.due_on.to_string(), "2027-03-01"); // 15 working days, across Tết
    /// ```
    pub fn dossier_checklist(
        &self,
        request: &ChecklistRequest,
    ) -> Result<DossierChecklist, InputErrors> {
        let r = self.resolve_dossier(request)?;
        let packages = packages_for(r.spec, request.case, r.level)
            .into_iter()
            .map(|p| package_checklist(r.spec, p))
            .collect();
        let samples = r.spec.samples.as_ref().map(|s| {
            let exempt = s.except_product_sets.contains(&request.product_set);
            SamplesNeeded {
                count: if exempt { 0 } else { s.count },
                exempt,
                provided_by: s.provided_by.clone(),
                basis: s.basis.clone(),
                confidence_note: s.confidence_note.clone(),
            }
        });
        let evidence = evidence_for(r.spec, &r.sheet);
        let criteria = r
            .sheet
            .criteria()
            .map(|c| CriterionChecklist {
                code: c.code.clone(),
                name: c.name.clone(),
                evidence: evidence
                    .iter()
                    .filter(|e| e.criteria.iter().any(|l| l.code == c.code))
                    .map(|e| e.id.clone())
                    .collect(),
                assessed_by_commune: c.assessed_by_commune,
            })
            .collect();
        let mut deadlines = Vec::new();
        let commune_review = r
            .spec
            .time_limits
            .iter()
            .find(|t| t.step == crate::catalog::model::ProcedureStep::CommuneReview);
        if let (Some(filed_on), Some(limit)) = (request.filed_on, commune_review) {
            let d = step_deadline(r.edition, limit, filed_on, &request.decisions)
                .map_err(|e| relocated(e, "/filedOn"))?;
            deadlines.push(d);
        }
        Ok(DossierChecklist {
            edition: r.edition.data().identity.id.clone(),
            product_set: request.product_set,
            subject_type: request.subject_type,
            case: request.case,
            level: r.level,
            packages,
            samples,
            case_requirements: r
                .spec
                .case_requirements
                .iter()
                .filter(|c| c.case == request.case)
                .cloned()
                .collect(),
            evidence,
            criteria,
            time_limits: r.spec.time_limits.clone(),
            deadlines,
            gaps: r.spec.gaps.clone(),
        })
    }

    /// Checks a filed dossier's declared items against the checklist: what is missing, by name.
    ///
    /// ```
    /// use ocop_core::{Catalog, Input};
    /// use ocop_core::dossier::FiledDossier;
    /// let d = FiledDossier::from_json(r#"{"edition":"26/2026","productSet":9,"subjectType":"farm",
    ///     "case":"first","documents":["registration-form"],"samples":3,"paperCopies":1,"electronicCopies":1}"#).unwrap();
    /// let check = Catalog::builtin().check_dossier(&d).unwrap();
    /// assert!(!check.complete);
    /// let missing: Vec<&str> = check.missing.iter().map(|m| m.id.as_str()).collect();
    /// assert_eq!(missing, ["self-assessment-report", "samples"]);
    /// ```
    pub fn check_dossier(&self, filed: &FiledDossier) -> Result<DossierCheck, InputErrors> {
        let r = self.resolve_dossier(&filed.request)?;
        let mut errors = Vec::new();
        let package = filed_package(&r, filed, &mut errors);
        check_ids(&r, filed, &mut errors);
        let Some(package) = package.filter(|_| errors.is_empty()) else {
            return Err(InputErrors(errors));
        };
        // A set's id declares every document in it.
        let declared: Vec<&str> = filed
            .documents
            .iter()
            .flat_map(|id| documents_in(r.spec, id))
            .collect();
        let needed = documents_in(r.spec, &package.id);
        let mut missing = Vec::new();
        let mut conditional = Vec::new();
        for doc in needed
            .iter()
            .filter(|id| !declared.contains(id))
            .filter_map(|id| r.spec.documents.iter().find(|d| d.id == *id))
        {
            if doc.condition.is_some() {
                conditional.push(document_item(r.spec, doc));
            } else {
                missing.push(MissingItem {
                    id: doc.id.clone(),
                    name: doc.name.clone(),
                    needed: 1,
                    declared: 0,
                });
            }
        }
        missing.extend(missing_counts(&r, package, filed));
        let extra = filed
            .documents
            .iter()
            .filter(|id| {
                let inside = documents_in(r.spec, id);
                !inside.iter().all(|d| needed.contains(d)) && *id != &*package.id
            })
            .map(|id| Str::from(id.as_str()))
            .collect();
        let evidence_not_attached = evidence_for(r.spec, &r.sheet)
            .into_iter()
            .filter(|e| !e.criteria.is_empty() && !filed.evidence.iter().any(|x| *x == *e.id))
            .collect();
        Ok(DossierCheck {
            edition: r.edition.data().identity.id.clone(),
            package: package.id.clone(),
            complete: missing.is_empty(),
            missing,
            conditional,
            extra,
            evidence_not_attached,
        })
    }

    /// The deadline of a step of the procedure, on the working-day calendar.
    ///
    /// ```
    /// use ocop_core::{Catalog, Input};
    /// use ocop_core::dossier::StepDeadlineRequest;
    /// let r = StepDeadlineRequest::from_json(r#"{"step":"reevaluation","from":"2026-08-03"}"#).unwrap();
    /// let d = Catalog::builtin().procedure_deadline(&r).unwrap();
    /// // 45 days after Monday 03/08/2026 is Thursday 17/09/2026.
    /// assert_eq!(d.deadline.due_on.to_string(), "2026-09-17");
    /// ```
    pub fn procedure_deadline(
        &self,
        request: &StepDeadlineRequest,
    ) -> Result<StepDeadline, InputErrors> {
        let edition = match &request.edition {
            Some(id) => self.find_edition(id)?,
            None => self
                .edition_in_force(request.from)
                .ok_or_else(|| InputErrors::at("/from", Problem::NoEditionInForce(request.from)))?,
        };
        let limit = edition
            .data()
            .dossier
            .as_ref()
            .and_then(|d| d.time_limits.iter().find(|t| t.step == request.step))
            .ok_or_else(|| {
                let problem = DossierProblem::NotInEdition {
                    edition: edition.id().to_owned(),
                    what: format!("a time limit for {}", request.step.wire()),
                };
                InputErrors::at("/step", problem.into())
            })?;
        step_deadline(edition, limit, request.from, &request.decisions)
            .map_err(|e| relocated(e, "/from"))
    }

    fn resolve_dossier(&self, request: &ChecklistRequest) -> Result<Resolved<'_>, InputErrors> {
        let edition = self.dossier_edition(request)?;
        let mut errors = Vec::new();
        let sheet = edition
            .find_sheet(request.product_set)
            .map_err(|e| errors.push(e))
            .ok();
        if !edition.subject_type_eligible(request.subject_type, request.product_set) {
            errors.push(InputError::at(
                "/subjectType",
                Problem::SubjectTypeNotEligible(request.subject_type.wire()),
            ));
        }
        let procedure = edition.procedure_on(request.filed_on);
        let levels: Vec<Level> = procedure
            .map(|p| p.levels.iter().map(|l| l.level).collect())
            .unwrap_or_default();
        let level = match request.level {
            Some(l) if levels.contains(&l) => Some(l),
            Some(l) => {
                errors.push(InputError::at(
                    "/level",
                    Problem::LevelNotInProcedure {
                        procedure: procedure.map_or_else(String::new, |p| p.id.to_string()),
                        level: l.wire(),
                    },
                ));
                None
            }
            None => levels.first().copied(),
        };
        let spec = edition.data().dossier.as_ref();
        if spec.is_none() {
            let problem = DossierProblem::NotInEdition {
                edition: edition.id().to_owned(),
                what: "what a dossier holds".into(),
            };
            errors.push(InputError::at("/edition", problem.into()));
        }
        match (spec, sheet, level) {
            (Some(spec), Some(sheet), Some(level)) if errors.is_empty() => Ok(Resolved {
                edition,
                spec,
                sheet,
                level,
            }),
            _ => Err(InputErrors(errors)),
        }
    }

    /// The edition named, or the one in force on the day of filing.
    fn dossier_edition(&self, request: &ChecklistRequest) -> Result<&Edition, InputErrors> {
        match (&request.edition, request.filed_on) {
            (Some(id), _) => Ok(self.find_edition(id)?),
            (None, Some(date)) => self
                .edition_in_force(date)
                .ok_or_else(|| InputErrors::at("/filedOn", Problem::NoEditionInForce(date))),
            (None, None) => Err(InputErrors::at(
                "/edition",
                DossierProblem::NoEditionOrDay.into(),
            )),
        }
    }
}

/// The set a filed dossier is checked against: the one named, else the first of the case.
fn filed_package<'a>(
    r: &Resolved<'a>,
    filed: &FiledDossier,
    errors: &mut Vec<InputError>,
) -> Option<&'a DossierPackage> {
    let chain = packages_for(r.spec, filed.request.case, r.level);
    let Some(id) = &filed.package else {
        return chain.first().copied();
    };
    let found = chain.iter().copied().find(|p| p.id == id.as_str());
    if found.is_none() {
        let known: Vec<&str> = chain.iter().map(|p| p.id.as_str()).collect();
        let problem = DossierProblem::UnknownPackage {
            id: id.clone(),
            case: filed.request.case.wire(),
            level: r.level.wire(),
            known: known.join(", "),
        };
        errors.push(InputError::at("/package", problem.into()));
    }
    found
}

/// Every declared document or evidence id that the edition's dossier does not have.
fn check_ids(r: &Resolved<'_>, filed: &FiledDossier, errors: &mut Vec<InputError>) {
    let documents: Vec<&str> = r
        .spec
        .documents
        .iter()
        .map(|d| d.id.as_str())
        .chain(r.spec.packages.iter().map(|p| p.id.as_str()))
        .collect();
    let evidence: Vec<&str> = r.spec.evidence.iter().map(|e| e.id.as_str()).collect();
    for (field, given, known) in [
        ("documents", &filed.documents, &documents),
        ("evidence", &filed.evidence, &evidence),
    ] {
        for (i, id) in given.iter().enumerate() {
            if !known.contains(&id.as_str()) {
                let problem = DossierProblem::UnknownItem {
                    edition: r.edition.id().to_owned(),
                    id: id.clone(),
                    known: known.join(", "),
                };
                errors.push(InputError::at(format!("/{field}/{i}"), problem.into()));
            }
        }
    }
}

/// Samples and copies declared short of what the set needs.
fn missing_counts(
    r: &Resolved<'_>,
    package: &DossierPackage,
    filed: &FiledDossier,
) -> Vec<MissingItem> {
    let samples_needed = r
        .spec
        .samples
        .as_ref()
        .filter(|s| package.samples && !s.except_product_sets.contains(&r.sheet.product_set))
        .map_or(0, |s| u32::from(s.count));
    let copies = r.spec.copies.as_ref().filter(|_| package.copies);
    [
        (
            "samples",
            Text::new("Sản phẩm mẫu", "Product samples"),
            samples_needed,
            filed.samples,
        ),
        (
            "paperCopies",
            Text::new("Bộ hồ sơ giấy", "Paper sets"),
            copies.map_or(0, |c| u32::from(c.paper)),
            filed.paper_copies,
        ),
        (
            "electronicCopies",
            Text::new("Bộ hồ sơ điện tử", "Electronic sets"),
            copies.map_or(0, |c| u32::from(c.electronic)),
            filed.electronic_copies,
        ),
    ]
    .into_iter()
    .filter(|(_, _, needed, declared)| declared < needed)
    .map(|(id, name, needed, declared)| MissingItem {
        id: id.into(),
        name,
        needed,
        declared,
    })
    .collect()
}

/// The sets sent for `case` when the product aims at `level`, in order.
fn packages_for(spec: &DossierSpec, case: DossierKind, level: Level) -> Vec<&DossierPackage> {
    spec.packages
        .iter()
        .filter(|p| p.levels.contains(&level) && (p.cases.is_empty() || p.cases.contains(&case)))
        .collect()
}

fn package_checklist(spec: &DossierSpec, p: &DossierPackage) -> PackageChecklist {
    let items = p
        .items
        .iter()
        .filter_map(|id| {
            if let Some(doc) = spec.documents.iter().find(|d| d.id == *id) {
                return Some(document_item(spec, doc));
            }
            spec.packages
                .iter()
                .find(|x| x.id == *id)
                .map(|inner| PackageItem {
                    id: inner.id.clone(),
                    name: inner.name.clone(),
                    is_set: true,
                    form: None,
                    condition: None,
                    basis: inner.basis.clone(),
                })
        })
        .collect();
    PackageChecklist {
        id: p.id.clone(),
        name: p.name.clone(),
        prepared_by: p.prepared_by.clone(),
        sent_to: p.sent_to.clone(),
        items,
        samples: p.samples,
        copies: spec.copies.clone().filter(|_| p.copies),
        basis: p.basis.clone(),
    }
}

fn document_item(spec: &DossierSpec, doc: &DocumentInfo) -> PackageItem {
    PackageItem {
        id: doc.id.clone(),
        name: doc.name.clone(),
        is_set: false,
        form: doc.form.as_ref().and_then(|f| {
            spec.forms
                .iter()
                .find(|x| x.id == *f)
                .map(|x| x.number.clone())
        }),
        condition: doc.condition.clone(),
        basis: doc.basis.clone(),
    }
}

/// The documents an id stands for: itself, or every document of a set and of the sets in it.
fn documents_in<'a>(spec: &'a DossierSpec, id: &str) -> Vec<&'a str> {
    if let Some(doc) = spec.documents.iter().find(|d| d.id == id) {
        return vec![doc.id.as_str()];
    }
    // Sets hold only sets defined before them (checked when the edition is built), so this ends.
    let Some(position) = spec.packages.iter().position(|p| p.id == id) else {
        return Vec::new();
    };
    let earlier = spec.packages.get(..position).unwrap_or_default();
    spec.packages
        .get(position)
        .map(|p| {
            p.items
                .iter()
                .flat_map(|item| {
                    if earlier.iter().any(|e| e.id == *item) {
                        documents_in(spec, item)
                    } else {
                        spec.documents
                            .iter()
                            .filter(|d| d.id == *item)
                            .map(|d| d.id.as_str())
                            .collect()
                    }
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Every evidence kind with the criteria it supports on `sheet`, in sheet order.
fn evidence_for(spec: &DossierSpec, sheet: &SheetRef<'_>) -> Vec<EvidenceChecklist> {
    spec.evidence
        .iter()
        .map(|e| {
            let mut criteria: Vec<(usize, LinkedCriterion)> = e
                .links
                .iter()
                .filter(|l| {
                    l.product_sets.is_empty() || l.product_sets.contains(&sheet.product_set)
                })
                .flat_map(|l| {
                    l.criteria.iter().filter_map(|code| {
                        sheet.position(code).map(|p| {
                            (
                                p,
                                LinkedCriterion {
                                    code: code.clone(),
                                    strength: l.strength,
                                },
                            )
                        })
                    })
                })
                .collect();
            criteria.sort_by_key(|(p, _)| *p);
            criteria.dedup_by_key(|(p, _)| *p);
            EvidenceChecklist {
                id: e.id.clone(),
                name: e.name.clone(),
                requirement: e.requirement.clone(),
                criteria: criteria.into_iter().map(|(_, c)| c).collect(),
                note: e.note.clone(),
            }
        })
        .collect()
}

fn step_deadline(
    edition: &Edition,
    limit: &TimeLimit,
    from: Date,
    decisions: &[YearDecisions],
) -> Result<StepDeadline, InputErrors> {
    let request = DeadlineRequest {
        from,
        period: Period::new(u32::from(limit.length), limit.unit),
        decisions: decisions.to_vec(),
    };
    Ok(StepDeadline {
        edition: edition.data().identity.id.clone(),
        step: limit.step,
        name: limit.name.clone(),
        counted_from: limit.counted_from.clone(),
        basis: limit.basis.clone(),
        deadline: calendar::deadline(&request)?,
    })
}

/// The calendar reports a bad starting day at `/from`; a request may name it differently.
fn relocated(mut errors: InputErrors, from: &str) -> InputErrors {
    for e in errors.0.iter_mut().filter(|e| e.path == "/from") {
        e.path = from.to_owned();
    }
    errors
}
