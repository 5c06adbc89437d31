//! The forms of Phụ lục III (Mẫu số 01, 02, 03), printed from the edition's `dossier.toml`:
//! each section and field in printed order, filled with the values given, blanks left to write
//! in by hand. Mẫu số 02 Phần III adds the self-assessed points criterion by criterion (from an
//! evaluation) and the evidence table with the criteria each kind supports on the sheet.
//!
//! Sections with the ids `title` (the title and its blanks) and `header` (the issuing body, with
//! an `issuer_and_nation` heading) are laid out as such; every other section is printed as a
//! heading, its fields, then its place and date line and signature blocks.

use super::html::{E, Page, Signature};
use super::sheet::stamp;
use super::{DossierForm, FieldValue};
use crate::catalog::model::{FieldKind, FormField, FormHeading, FormInfo, FormSection};
use crate::catalog::{Catalog, Edition};
use crate::dossier::{ChecklistRequest, DossierChecklist, DossierKind, SlipRequest};
use crate::error::{DossierProblem, InputError, InputErrors, Problem};
use crate::limits;
use crate::scoring::ScoreReport;

/// What Mẫu số 02 Phần III prints from the self-assessed sheet.
struct SelfAssessment {
    report: ScoreReport,
    checklist: DossierChecklist,
    /// Each criterion's maximum, in printed order.
    maxima: Vec<u8>,
}

impl Catalog {
    /// A form of Phụ lục III as A4 HTML, filled with `form.values`. Each value is checked
    /// against its field (an unknown field, a date that is not a date, a choice the form does
    /// not print, a slip number of the wrong shape…) and reported at `/values/<id>`.
    pub fn print_dossier_form(&self, form: &DossierForm) -> Result<String, InputErrors> {
        let edition = self.form_edition(form)?;
        let info = find_form(edition, &form.form)?;
        let mut errors = Vec::new();
        check_values(self, edition, info, form, &mut errors);
        let assessed = match &form.evaluation {
            Some(e) => match self.self_assessment(edition, e) {
                Ok(a) => Some(a),
                Err(e) => {
                    errors.extend(e.0);
                    None
                }
            },
            None => None,
        };
        check_attachments(edition, form, assessed.as_ref(), &mut errors);
        InputErrors::or_ok(errors, ())?;
        let lang = form.language.unwrap_or_default();
        let mut page = Page::new(lang, &format!("{} — {}", info.number, info.name.get(lang)));
        let printer = Printer {
            form,
            info,
            assessed: assessed.as_ref(),
        };
        printer.print(&mut page, edition);
        Ok(page.finish())
    }

    /// The edition named, or the evaluation's, or the newest that prints a dossier.
    fn form_edition(&self, form: &DossierForm) -> Result<&Edition, InputErrors> {
        if let Some(id) = &form.edition {
            return Ok(self.find_edition(id)?);
        }
        if let Some(id) = form.evaluation.as_ref().and_then(|e| e.edition.as_ref()) {
            return self
                .find_edition(id)
                .map_err(|e| InputErrors::from(e).under("/evaluation"));
        }
        self.editions()
            .find(|e| {
                e.data()
                    .dossier
                    .as_ref()
                    .is_some_and(|d| !d.forms.is_empty())
            })
            .ok_or_else(|| {
                let problem = DossierProblem::NotInEdition {
                    edition: "any edition carried".into(),
                    what: "printed forms".into(),
                };
                InputErrors::at("/edition", problem.into())
            })
    }

    /// The self-assessed sheet scored, and the evidence each of its criteria needs.
    fn self_assessment(
        &self,
        edition: &Edition,
        evaluation: &crate::evaluation::Evaluation,
    ) -> Result<SelfAssessment, InputErrors> {
        let report = self.score(evaluation).map_err(|e| e.under("/evaluation"))?;
        let request = ChecklistRequest {
            edition: Some(edition.id().to_owned()),
            filed_on: None,
            product_set: evaluation.product_set,
            subject_type: evaluation.subject_type,
            case: DossierKind::First,
            level: None,
            decisions: Vec::new(),
        };
        let checklist = self
            .dossier_checklist(&request)
            .map_err(|e| e.under("/evaluation"))?;
        let maxima = edition
            .find_sheet(evaluation.product_set)
            .map(|s| s.criteria().map(|c| c.max).collect())
            .unwrap_or_default();
        Ok(SelfAssessment {
            report,
            checklist,
            maxima,
        })
    }
}

fn find_form<'a>(edition: &'a Edition, id: &str) -> Result<&'a FormInfo, InputErrors> {
    let forms = edition
        .data()
        .dossier
        .as_ref()
        .map(|d| d.forms.as_slice())
        .unwrap_or_default();
    forms.iter().find(|f| f.id == id).ok_or_else(|| {
        let known: Vec<&str> = forms.iter().map(|f| f.id.as_str()).collect();
        let problem = DossierProblem::UnknownItem {
            edition: edition.id().to_owned(),
            id: id.chars().take(limits::MAX_TEXT_CHARS).collect(),
            known: known.join(", "),
        };
        InputErrors::at("/form", problem.into())
    })
}

fn fields(info: &FormInfo) -> impl Iterator<Item = &FormField> {
    info.sections.iter().flat_map(|s| &s.fields)
}

/// Whether a field of this kind is written in (the others the form prints itself).
fn takes_value(kind: FieldKind) -> bool {
    !matches!(
        kind,
        FieldKind::PlaceAndDate
            | FieldKind::Statement
            | FieldKind::CriteriaTable
            | FieldKind::EvidenceTable
    )
}

/// Every value against its field: known, of the field's kind, within its limits.
fn check_values(
    catalog: &Catalog,
    edition: &Edition,
    info: &FormInfo,
    form: &DossierForm,
    errors: &mut Vec<InputError>,
) {
    let fillable: Vec<&str> = fields(info)
        .filter(|f| takes_value(f.kind))
        .map(|f| f.id.as_str())
        .chain(fields(info).flat_map(|f| f.fills.iter().map(|x| x.as_str())))
        .fold(Vec::new(), |mut v, id| {
            if !v.contains(&id) {
                v.push(id);
            }
            v
        });
    for (id, value) in &form.values.0 {
        let path = format!("/values/{}", crate::read::pointer_segment(id));
        let Some(&known) = fillable.iter().find(|k| **k == id.as_str()) else {
            errors.push(InputError::at(
                path,
                Problem::UnknownField {
                    field: id.chars().take(limits::MAX_TEXT_CHARS).collect(),
                    known: fillable.join(", "),
                },
            ));
            continue;
        };
        let kind = fields(info)
            .find(|f| f.id == known)
            .map_or(FieldKind::Text, |f| f.kind);
        let choices = fields(info).find(|f| f.id == known).map(|f| &f.choices);
        check_value(catalog, edition, kind, choices, value, &path, errors);
    }
}

fn check_value(
    catalog: &Catalog,
    edition: &Edition,
    kind: FieldKind,
    choices: Option<&Vec<crate::catalog::model::FieldChoice>>,
    value: &FieldValue,
    path: &str,
    errors: &mut Vec<InputError>,
) {
    let wrong = |expected: &'static str| {
        InputError::at(
            path,
            Problem::WrongType {
                expected,
                found: match value {
                    FieldValue::Flag(_) => "true or false".into(),
                    FieldValue::Number(_) => "a number".into(),
                    FieldValue::Text(_) => "text".into(),
                },
            },
        )
    };
    match (kind, value) {
        (FieldKind::Checkbox, FieldValue::Flag(_)) => {}
        (FieldKind::Checkbox, _) => errors.push(wrong("true or false (a tick box)")),
        (FieldKind::Number, FieldValue::Number(_)) => {}
        (FieldKind::Number, _) => errors.push(wrong("a whole number")),
        (FieldKind::ProductSet, FieldValue::Number(n)) => {
            let fits = u8::try_from(*n)
                .ok()
                .filter(|n| edition.product_set(*n).is_some());
            if fits.is_none() {
                let last = edition.data().product_sets.len();
                errors.push(InputError::at(
                    path,
                    Problem::UnknownProductSet {
                        edition: edition.id().to_owned(),
                        last,
                        found: u8::try_from(*n).unwrap_or(u8::MAX),
                    },
                ));
            }
        }
        (FieldKind::ProductSet, _) => errors.push(wrong("a product set's number")),
        (_, FieldValue::Flag(_))
        | (FieldKind::Date | FieldKind::Choice | FieldKind::SlipNumber, FieldValue::Number(_)) => {
            errors.push(wrong("text"));
        }
        (FieldKind::Date, FieldValue::Text(t)) if crate::read::parse_date(t).is_none() => {
            errors.push(InputError::at(path, Problem::InvalidDate(t.clone())));
        }
        (FieldKind::Choice, FieldValue::Text(t)) => {
            let all = choices.map(|c| c.as_slice()).unwrap_or_default();
            if !all.iter().any(|c| c.id == t.as_str()) {
                errors.push(InputError::at(
                    path,
                    Problem::NotOneOf {
                        what: "a box of this choice",
                        found: t.chars().take(limits::MAX_TEXT_CHARS).collect(),
                        allowed: all
                            .iter()
                            .map(|c| c.id.as_str())
                            .collect::<Vec<_>>()
                            .join(", "),
                    },
                ));
            }
        }
        (FieldKind::SlipNumber, FieldValue::Text(t)) => {
            let request = SlipRequest {
                slip: t.clone(),
                edition: Some(edition.id().to_owned()),
            };
            if let Err(e) = catalog.parse_registration_slip(&request) {
                errors.extend(e.0.into_iter().map(|mut x| {
                    x.path = x.path.replacen("/slip", path, 1);
                    x
                }));
            }
        }
        (FieldKind::LongText, FieldValue::Text(_)) => {}
        (_, FieldValue::Text(t)) if t.chars().count() > limits::MAX_TEXT_CHARS => errors.push(
            InputError::at(path, Problem::StringTooLong(limits::MAX_TEXT_CHARS)),
        ),
        _ => {}
    }
}

/// The descriptions name criteria of the self-assessed sheet, and the evidence ids kinds of
/// the edition's evidence table.
fn check_attachments(
    edition: &Edition,
    form: &DossierForm,
    assessed: Option<&SelfAssessment>,
    errors: &mut Vec<InputError>,
) {
    for (code, value) in &form.descriptions.0 {
        let path = format!("/descriptions/{}", crate::read::pointer_segment(code));
        let on_sheet =
            assessed.is_some_and(|a| a.report.lines.iter().any(|l| l.code == code.as_str()));
        if !on_sheet {
            let problem = match assessed {
                None => Problem::MissingField("evaluation".into()),
                Some(a) => Problem::CriterionNotOnSheet {
                    code: code.chars().take(limits::MAX_TEXT_CHARS).collect(),
                    product_set: a.report.product_set,
                },
            };
            errors.push(InputError::at(path, problem));
        } else if !matches!(value, FieldValue::Text(_)) {
            errors.push(InputError::at(
                path,
                Problem::wrong_type("text", &serde_json::Value::Null),
            ));
        }
    }
    let kinds: Vec<&str> = edition
        .data()
        .dossier
        .as_ref()
        .map(|d| d.evidence.iter().map(|e| e.id.as_str()).collect())
        .unwrap_or_default();
    for (i, id) in form.evidence.iter().enumerate() {
        if !kinds.contains(&id.as_str()) {
            let problem = DossierProblem::UnknownItem {
                edition: edition.id().to_owned(),
                id: id.chars().take(limits::MAX_TEXT_CHARS).collect(),
                known: kinds.join(", "),
            };
            errors.push(InputError::at(format!("/evidence/{i}"), problem.into()));
        }
    }
}

/// Prints one form, section by section.
struct Printer<'a> {
    form: &'a DossierForm,
    info: &'a FormInfo,
    assessed: Option<&'a SelfAssessment>,
}

impl Printer<'_> {
    fn value(&self, id: &str) -> Option<String> {
        self.form.values.0.get(id).and_then(FieldValue::text)
    }

    fn ticked(&self, id: &str) -> bool {
        matches!(self.form.values.0.get(id), Some(FieldValue::Flag(true)))
    }

    fn print(&self, page: &mut Page, edition: &Edition) {
        page.write(format_args!(
            "<p class=\"right\"><b>{}</b></p>\n",
            E(&self.info.number)
        ));
        self.heading(page);
        self.title(page);
        for section in &self.info.sections {
            if !matches!(section.id.as_str(), "title" | "header") {
                self.section(page, edition, section);
            }
        }
        let basis = format!("{} · {}", self.info.basis, edition.data().identity.number);
        match self.assessed {
            Some(a) => page.footer(&format!("{basis} · {}", stamp(edition, &a.report))),
            None => page.footer(&basis),
        }
    }

    fn heading(&self, page: &mut Page) {
        match self.info.heading {
            FormHeading::None => {}
            FormHeading::Nation => {
                let nation = page.nation();
                page.write(format_args!("<div class=\"nation\">{nation}</div>\n"));
            }
            FormHeading::IssuerAndNation => {
                let issuer: Vec<String> = self
                    .info
                    .sections
                    .iter()
                    .filter(|s| s.id == "header")
                    .flat_map(|s| &s.fields)
                    .map(|f| {
                        let value = self
                            .value(&f.id)
                            .map(|v| v.to_uppercase())
                            .unwrap_or_else(|| "……".into());
                        format!("{} {}", E(page.t(&f.label)), E(&value))
                    })
                    .collect();
                let nation = page.nation();
                page.write(format_args!(
                    "<div class=\"heading\"><div>{}<br><span class=\"rule\">-------</span></div><div>{nation}</div></div>\n",
                    issuer.join("<br>")
                ));
            }
        }
    }

    /// The title: the section `title` with its blanks, or the form's name.
    fn title(&self, page: &mut Page) {
        let name = page.t(&self.info.name).to_owned();
        let (main, sub) = match name.split_once(" (") {
            Some((m, s)) => (m.to_owned(), Some(format!("({s}"))),
            None => (name, None),
        };
        match self.info.sections.iter().find(|s| s.id == "title") {
            Some(section) => {
                let title = section
                    .title
                    .as_ref()
                    .map_or(main, |t| page.t(t).to_owned());
                page.write(format_args!(
                    "<h1>{}</h1>\n<p class=\"center\"><b>",
                    E(&title)
                ));
                for f in &section.fields {
                    let value = self.value(&f.id).unwrap_or_else(|| "……".into());
                    page.write(format_args!("{} {} ", E(page.t(&f.label)), E(&value)));
                }
                page.raw("</b></p>\n");
            }
            None => {
                page.write(format_args!("<h1>{}</h1>\n", E(&main)));
                if let Some(sub) = sub {
                    page.write(format_args!("<p class=\"sub\">{}</p>\n", E(&sub)));
                }
            }
        }
    }

    fn section(&self, page: &mut Page, edition: &Edition, section: &FormSection) {
        if let Some(title) = &section.title {
            page.write(format_args!("<h2>{}</h2>\n", E(page.t(title))));
        }
        for field in &section.fields {
            self.field(page, edition, field);
        }
        let signs =
            |f: &FormField| matches!(f.kind, FieldKind::Signature | FieldKind::PlaceAndDate);
        if section.fields.iter().any(signs) {
            self.signature(page, section);
        }
    }

    fn guidance(page: &mut Page, field: &FormField) {
        if let Some(g) = &field.guidance {
            page.write(format_args!("<p class=\"note\">{}</p>\n", E(page.t(g))));
        }
    }

    fn field(&self, page: &mut Page, edition: &Edition, field: &FormField) {
        let label = page.t(&field.label).to_owned();
        let value = self.value(&field.id);
        match field.kind {
            FieldKind::Checkbox => {
                Self::guidance(page, field);
                page.raw("<p>");
                page.tick(self.ticked(&field.id));
                page.write(format_args!(" {}</p>\n", E(&label)));
            }
            FieldKind::Choice => {
                page.write(format_args!("<p>{}: ", E(&label)));
                for c in &field.choices {
                    page.tick(value.as_deref() == Some(c.id.as_str()));
                    page.write(format_args!(" {} &nbsp; ", E(page.t(&c.label))));
                }
                page.raw("</p>\n");
            }
            FieldKind::LongText => {
                page.write(format_args!("<p>{}:</p>\n", E(&label)));
                Self::guidance(page, field);
                page.long_text(value.as_deref(), 3);
            }
            FieldKind::Statement => {
                let text = self.filled(page, &field.label, &field.fills);
                page.write(format_args!("<p>{text}</p>\n"));
            }
            FieldKind::SlipNumber => {
                let slip =
                    value.unwrap_or_else(|| "……-…… /PĐK- (Mã tỉnh) - (Mã xã) - (Năm)".into());
                page.field(&label, Some(&slip));
            }
            FieldKind::ProductSet => self.product_set(page, edition, field, &label),
            FieldKind::CriteriaTable => {
                Self::guidance(page, field);
                self.criteria_table(page);
            }
            FieldKind::EvidenceTable => {
                Self::guidance(page, field);
                self.evidence_table(page, edition);
            }
            FieldKind::Date => {
                let shown = value
                    .as_deref()
                    .and_then(crate::read::parse_date)
                    .map(crate::text::day_month_year);
                page.field(&label, shown.as_deref());
            }
            FieldKind::PlaceAndDate | FieldKind::Signature => {}
            FieldKind::Text | FieldKind::Number => page.field(&label, value.as_deref()),
        }
    }

    /// A label with its blanks (`……`) filled by the values named in `fills`, escaped.
    fn filled(&self, page: &Page, label: &crate::text::Text, fills: &[crate::text::Str]) -> String {
        let text = page.t(label);
        let mut out = String::new();
        let mut values = fills.iter().map(|id| self.value(id));
        for (i, piece) in text.split("……").enumerate() {
            if i > 0 {
                match values.next().flatten() {
                    Some(v) => out.push_str(&format!(" <span class=\"filled\">{}</span>", E(&v))),
                    None => out.push_str("……"),
                }
            }
            out.push_str(&E(piece).to_string());
        }
        out
    }

    fn product_set(&self, page: &mut Page, edition: &Edition, field: &FormField, label: &str) {
        let number = match self.form.values.0.get(field.id.as_str()) {
            Some(FieldValue::Number(n)) => u8::try_from(*n).ok(),
            _ => self.assessed.map(|a| a.report.product_set),
        };
        let set = number.and_then(|n| edition.product_set(n));
        let shown = set.map(|s| {
            let data = edition.data();
            let group = data.groups.iter().find(|g| g.code == s.group);
            let sub = group.and_then(|g| g.subgroups.iter().find(|x| x.code == s.subgroup));
            let mut parts = Vec::new();
            if let Some(g) = group {
                parts.push(format!(
                    "{}: {}",
                    page.say("Ngành", "Category"),
                    page.t(&g.name)
                ));
            }
            if let Some(x) = sub {
                parts.push(format!(
                    "{}: {}",
                    page.say("Nhóm", "Group"),
                    page.t(&x.name)
                ));
            }
            let leaf = s.leaf_name.as_ref().unwrap_or(&s.name);
            parts.push(format!(
                "{}: {}",
                page.say("Phân nhóm", "Subgroup"),
                page.t(leaf)
            ));
            format!(
                "{} ({} {})",
                parts.join("; "),
                page.say("bộ sản phẩm", "product set"),
                s.number
            )
        });
        page.field(label, shown.as_deref());
        Self::guidance(page, field);
    }

    /// Mẫu số 02 Phần III: the self-assessed points criterion by criterion, what each rests
    /// on, and the kinds of evidence that support it.
    fn criteria_table(&self, page: &mut Page) {
        let Some(a) = self.assessed else {
            page.long_text(None, 5);
            return;
        };
        page.write(format_args!(
            "<table>\n<thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>\n",
            E(page.say("Mã", "Code")),
            E(page.say("Tiêu chí", "Criterion")),
            E(page.say("Điểm tối đa", "Max")),
            E(page.say("Điểm tự đánh giá", "Self-assessed")),
            E(page.say("Mô tả, chứng minh (tài liệu minh chứng)", "Description and evidence"))
        ));
        let rows = a
            .report
            .lines
            .iter()
            .zip(&a.checklist.criteria)
            .zip(&a.maxima);
        for ((line, c), max) in rows {
            let description = self
                .form
                .descriptions
                .0
                .get(c.code.as_str())
                .and_then(FieldValue::text);
            let kinds: Vec<String> = c
                .evidence
                .iter()
                .filter_map(|id| a.checklist.evidence.iter().find(|e| e.id == *id))
                .map(|e| page.t(&e.name).to_owned())
                .collect();
            page.write(format_args!(
                "<tr><td class=\"code\">{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}",
                E(&c.code),
                E(page.t(&c.name)),
                max,
                line.points,
                E(description.as_deref().unwrap_or(""))
            ));
            if !kinds.is_empty() {
                let gap = if description.is_some() { "<br>" } else { "" };
                page.write(format_args!(
                    "{gap}<span class=\"small\">{}: {}</span>",
                    E(page.say("Minh chứng", "Evidence")),
                    E(&kinds.join("; "))
                ));
            }
            page.raw("</td></tr>\n");
        }
        page.write(format_args!(
            "<tr class=\"total\"><td></td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td></td></tr>\n</tbody>\n</table>\n",
            E(page.say("TỔNG CỘNG", "TOTAL")),
            a.report.max_total,
            a.report.total
        ));
    }

    /// Mẫu số 02 Phần III's table of evidence, as printed (TT "-"), with the criteria each
    /// kind supports on the sheet and whether it is attached.
    fn evidence_table(&self, page: &mut Page, edition: &Edition) {
        page.write(format_args!(
            "<table>\n<thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>\n",
            E(page.say("TT", "No.")),
            E(page.say("Nội dung", "Content")),
            E(page.say("Yêu cầu", "Requirement")),
            E(page.say("Tiêu chí", "Criteria")),
            E(page.say("Kèm theo", "Attached"))
        ));
        let kinds = edition
            .data()
            .dossier
            .as_ref()
            .map(|d| d.evidence.as_slice())
            .unwrap_or_default();
        for kind in kinds {
            let codes: Vec<String> = self
                .assessed
                .and_then(|a| a.checklist.evidence.iter().find(|e| e.id == kind.id))
                .map(|e| e.criteria.iter().map(|l| l.code.to_string()).collect())
                .unwrap_or_default();
            page.write(format_args!(
                "<tr><td class=\"num\">-</td><td>{}</td><td>{}</td><td>{}</td><td class=\"tick\">",
                E(page.t(&kind.name)),
                E(page.t(&kind.requirement)),
                E(&codes.join(", "))
            ));
            page.tick(self.form.evidence.iter().any(|e| *e == *kind.id));
            page.raw("</td></tr>\n");
        }
        page.raw("</tbody>\n</table>\n");
    }

    /// The place and date line and the signature blocks of a section.
    fn signature(&self, page: &mut Page, section: &FormSection) {
        let dated = section
            .fields
            .iter()
            .any(|f| f.kind == FieldKind::PlaceAndDate)
            .then(|| page.place_and_date(self.form.place.as_deref(), self.form.signed_on));
        let labels: Vec<(String, String, Option<String>)> = section
            .fields
            .iter()
            .filter(|f| f.kind == FieldKind::Signature)
            .map(|f| {
                let text = self.filled_plain(page, &f.label, &f.fills);
                let (title, how) = match text.split_once(" (") {
                    Some((t, h)) => (t.to_owned(), format!("({h}")),
                    None => (text, String::new()),
                };
                (title, how, self.value(&f.id))
            })
            .collect();
        let blocks: Vec<Signature<'_>> = labels
            .iter()
            .map(|(title, how, name)| Signature {
                title,
                how,
                name: name.as_deref(),
            })
            .collect();
        page.signatures(dated, &blocks);
    }

    /// A label with its blanks filled, as plain text (escaped when printed).
    fn filled_plain(
        &self,
        page: &Page,
        label: &crate::text::Text,
        fills: &[crate::text::Str],
    ) -> String {
        let mut values = fills.iter().map(|id| self.value(id));
        let text = page.t(label);
        let mut out = String::new();
        for (i, piece) in text.split("……").enumerate() {
            if i > 0 {
                out.push_str(
                    &values
                        .next()
                        .flatten()
                        .map_or_else(|| "……".to_owned(), |v| format!(" {}", v.to_uppercase())),
                );
            }
            out.push_str(piece);
        }
        out
    }
}
