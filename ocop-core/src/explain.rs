//! The labelled report: a [`ScoreReport`] or a [`Plan`] worded for a person, in Vietnamese,
//! English or both — criterion and option names from the catalog, the result in one sentence,
//! the next step, and a sentence for every warning (each warning is worded here, once).
//!
//! The report itself carries codes and numbers only, so that the hot path (a form that scores
//! on every tick, a batch of 17,000 sheets) moves no labels; ask for the labels when printing.
//!
//! ```
//! use ocop_core::{Catalog, Evaluation, Input, Languages};
//! let catalog = Catalog::builtin();
//! let evaluation = Evaluation::from_json(include_str!("../../ocop-cli/src/example.json")).unwrap();
//! let report = catalog.score(&evaluation).unwrap();
//! let explained = catalog.explain(&report, Languages::En).unwrap();
//! assert!(explained.summary.en.as_deref().unwrap().contains("star markers on B5.1 cap the result at 3 stars"));
//! assert!(explained.summary.vi.is_none());
//! assert_eq!(explained.lines[0].name.en.as_deref(), Some("Raw-material source"));
//! ```

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::catalog::model::{CouncilLevel, Criterion, KnockoutKind, Procedure, Sheet};
use crate::catalog::{Catalog, Edition, SheetRef};
use crate::error::{InputErrors, WarningCode};
use crate::planner::{Plan, PlanNote};
use crate::scoring::{LineStatus, Outcome, ScoreReport};
use crate::text::{Str, Text, day_month_year};
use crate::wire::Choice;

/// The languages a labelled report is written in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "camelCase")]
pub enum Languages {
    /// Vietnamese only: the regulation's words.
    Vi,
    /// English only.
    En,
    /// Both.
    #[default]
    Both,
}

impl Choice for Languages {
    const ALL: &'static [Languages] = &[Languages::Vi, Languages::En, Languages::Both];
    const WHAT: &'static str = "the languages (vi, en or both)";
}

/// A label in the languages asked for (the other is left out).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Label {
    /// Vietnamese.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vi: Option<String>,
    /// English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
}

impl Languages {
    fn label(self, vi: impl Into<String>, en: impl Into<String>) -> Label {
        Label {
            vi: (self != Languages::En).then(|| vi.into()),
            en: (self != Languages::Vi).then(|| en.into()),
        }
    }

    fn text(self, t: &Text) -> Label {
        self.label(t.vi.as_str(), t.en.as_str())
    }
}

/// A score report with its labels: each list is in the order of the report's own list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct Explanation {
    /// The report explained.
    pub report: ScoreReport,
    /// The product set's name.
    pub product_set: Label,
    /// The name of each part (`report.parts`).
    pub parts: Vec<Label>,
    /// The name of each section (`report.sections`).
    pub sections: Vec<Label>,
    /// Each line's criterion, option and markers (`report.lines`).
    pub lines: Vec<LineLabels>,
    /// The band's name, when rated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub band: Option<Label>,
    /// The stars' name, when rated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stars: Option<Label>,
    /// The printed condition that stopped or rejected the product.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outcome: Vec<Label>,
    /// The option each blocker asks for (`report.blockers`), where a marker names one.
    pub blockers: Vec<Option<Label>>,
    /// Who decides and what happens next.
    pub recognition: RecognitionLabels,
    /// The result in one sentence.
    pub summary: Label,
    /// Each warning in a sentence (`report.warnings`).
    pub warnings: Vec<Label>,
}

/// The labels of one line.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct LineLabels {
    /// The criterion's name.
    pub name: Label,
    /// The counted option's label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub option: Option<Label>,
    /// The criterion's star markers: the points each star needs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub markers: Vec<Marker>,
}

/// A star marker: `star` needs at least `points` on the criterion (the `option`'s points).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct Marker {
    /// 3, 4 or 5.
    pub star: u8,
    /// The marked option.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub option: Option<u8>,
    /// Points needed.
    pub points: u8,
}

/// Recognition in words.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct RecognitionLabels {
    /// The council that scored.
    pub council: Label,
    /// Who signs the recognition, when the stars are certified.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recognised_by: Option<Label>,
    /// What happens next.
    pub next_step: Label,
    /// What the commune assesses before the council (Mẫu 03), where the procedure says.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub commune_assesses: Vec<Label>,
}

/// A plan with its labels.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct PlanExplanation {
    /// The plan explained.
    pub plan: Plan,
    /// Each change's criterion and the option to reach (`plan.changes`).
    pub changes: Vec<LineLabels>,
    /// The plan's note in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Label>,
}

impl Catalog {
    /// The report worded in `languages`: names from the report's edition and sheet, the summary,
    /// the next step and a sentence for each warning. Refused (`UNKNOWN_EDITION`,
    /// `UNKNOWN_PRODUCT_SET`) only for a report this library did not make.
    pub fn explain(
        &self,
        report: &ScoreReport,
        languages: Languages,
    ) -> Result<Explanation, InputErrors> {
        let edition = self.find_labelled_edition(&report.edition.id)?;
        let sheet = edition.find_sheet(report.product_set)?;
        Ok(Words {
            edition,
            sheet,
            report,
            l: languages,
        }
        .explanation())
    }

    /// The plan worded in `languages`.
    pub fn explain_plan(
        &self,
        plan: &Plan,
        languages: Languages,
    ) -> Result<PlanExplanation, InputErrors> {
        let sheet = self
            .find_labelled_edition(&plan.edition)?
            .find_sheet(plan.product_set)?;
        let l = languages;
        let changes = plan
            .changes
            .iter()
            .map(|ch| {
                let c = sheet.criterion_by_code(&ch.code);
                LineLabels {
                    name: c.map_or_else(Label::default, |c| l.text(&c.name)),
                    option: c.and_then(|c| option_label(c, Some(ch.to_option), l)),
                    markers: Vec::new(),
                }
            })
            .collect();
        Ok(PlanExplanation {
            plan: plan.clone(),
            changes,
            note: plan.note.as_ref().map(|n| plan_note(n, plan, l)),
        })
    }
}

fn option_label(c: &Criterion, option: Option<u8>, l: Languages) -> Option<Label> {
    let o = c.options.get(usize::from(option?))?;
    Some(l.label(o.vi.as_str(), o.en.as_str()))
}

fn plan_note(note: &PlanNote, plan: &Plan, l: Languages) -> Label {
    let target = plan.target_star;
    let join = |c: &[Str]| c.iter().map(Str::as_str).collect::<Vec<_>>().join(", ");
    match note {
        PlanNote::NotRated => l.label(
            "Sản phẩm không được xếp hạng (bị loại hoặc dừng đánh giá): không lập kế hoạch nâng hạng.",
            "The product is not rated (rejected or stopped): there is no upgrade plan.",
        ),
        PlanNote::AlreadyReached => l.label(format!("Đã đạt {target} sao."), format!("Already at {target} stars or more.")),
        PlanNote::LiftsZeroes { criteria } => l.label(
            format!("Đánh giá đã dừng vì {} được 0 điểm; kế hoạch nâng các tiêu chí này trước.", join(criteria)),
            format!("The evaluation stopped because {} scored 0; the plan lifts them first.", join(criteria)),
        ),
        PlanNote::MarkersUnreachable { criteria } => l.label(
            format!(
                "Không thể đạt {target} sao: yêu cầu tối thiểu tại {} không thể đáp ứng với các tiêu chí được phép thay đổi.",
                join(criteria)
            ),
            format!(
                "{target} stars cannot be reached: the star markers on {} cannot be met with the criteria allowed to change.",
                join(criteria)
            ),
        ),
        PlanNote::TotalUnreachable { needs } => l.label(
            format!("Không thể đạt {target} sao: tổng điểm tối đa có thể đạt chưa tới {needs} điểm."),
            format!("{target} stars cannot be reached: even the best allowed options stay below {needs} points."),
        ),
    }
}

/// Everything needed to word one report.
struct Words<'a> {
    edition: &'a Edition,
    sheet: SheetRef<'a>,
    report: &'a ScoreReport,
    l: Languages,
}

impl Words<'_> {
    fn explanation(&self) -> Explanation {
        let (l, r, sheet) = (self.l, self.report, self.sheet);
        let data: &Sheet = sheet.data();
        let lines = r
            .lines
            .iter()
            .enumerate()
            .map(|(p, line)| {
                let c = sheet.criterion(p);
                LineLabels {
                    name: c.map_or_else(Label::default, |c| l.text(&c.name)),
                    option: c.and_then(|c| option_label(c, line.option, l)),
                    markers: markers(&sheet, p),
                }
            })
            .collect();
        let band_name = |star: u8| {
            self.edition
                .data()
                .rating
                .bands
                .iter()
                .find(|b| b.star == star)
                .map(|b| l.text(&b.name))
        };
        let outcome = match &r.outcome {
            Outcome::Rated => Vec::new(),
            Outcome::Rejected { at: None } => data
                .dossier_rejected_when
                .iter()
                .map(|t| l.text(t))
                .collect(),
            Outcome::Rejected { at: Some(code) } | Outcome::NotRated { at: code, .. } => sheet
                .criterion_by_code(code)
                .and_then(|c| c.knockout.as_ref())
                .map(|k| l.text(&k.text))
                .into_iter()
                .collect(),
        };
        Explanation {
            report: r.clone(),
            product_set: sheet
                .product_set()
                .map_or_else(|| l.text(&data.title), |s| l.text(&s.name)),
            parts: data.parts.iter().map(|p| l.text(&p.name)).collect(),
            sections: data
                .parts
                .iter()
                .flat_map(|p| &p.sections)
                .map(|s| l.text(&s.name))
                .collect(),
            lines,
            band: r.band.and_then(band_name),
            stars: r.stars.and_then(band_name),
            outcome,
            blockers: r
                .blockers
                .iter()
                .map(|b| {
                    sheet
                        .criterion_by_code(&b.code)
                        .and_then(|c| option_label(c, b.option, l))
                })
                .collect(),
            recognition: self.recognition(),
            summary: self.summary(),
            warnings: r
                .warnings
                .iter()
                .map(|w| self.warning(w.code, &w.path))
                .collect(),
        }
    }

    fn procedure(&self) -> Option<&Procedure> {
        self.edition
            .data()
            .procedures
            .iter()
            .find(|p| p.id == self.report.recognition.procedure)
    }

    fn summary(&self) -> Label {
        let r = self.report;
        let (total, max) = (&r.total, r.max_total);
        match (&r.outcome, r.band, r.stars) {
            (Outcome::Rejected { at: Some(code) }, ..) => self.l.label(
                format!("Sản phẩm bị loại theo điều kiện tại tiêu chí {code}."),
                format!("The product is eliminated by the condition on {code}."),
            ),
            (Outcome::Rejected { at: None }, ..) => {
                self.l.label("Hồ sơ bị loại.", "The dossier is rejected.")
            }
            (Outcome::NotRated { at, .. }, ..) => self.l.label(
                format!(
                    "Dừng đánh giá tại tiêu chí {at}: không xếp hạng (điểm đến đó: {total}/{max})."
                ),
                format!(
                    "Evaluation stopped at {at}: not rated ({total}/{max} points up to there)."
                ),
            ),
            (Outcome::Rated, Some(band), Some(stars)) => {
                self.rated_summary(total, max, band, stars)
            }
            (Outcome::Rated, ..) => self.l.label(
                format!("{total}/{max} điểm."),
                format!("{total}/{max} points."),
            ),
        }
    }

    fn rated_summary(&self, total: &Decimal, max: u8, band: u8, stars: u8) -> Label {
        let r = self.report;
        let (cert_vi, cert_en) = if r.certifiable {
            ("đủ điều kiện công nhận", "certifiable")
        } else {
            ("không được công nhận", "not certified")
        };
        if stars < band {
            let codes: Vec<&str> = r
                .blockers
                .iter()
                .filter(|b| b.star == stars + 1)
                .map(|b| b.code.as_str())
                .collect();
            let codes = codes.join(", ");
            return self.l.label(
                format!("{total}/{max} điểm thuộc khung {band} sao nhưng chỉ đạt {stars} sao vì chưa đạt yêu cầu tối thiểu tại {codes}; {cert_vi}."),
                format!("{total}/{max} points fall in the {band}-star band, but star markers on {codes} cap the result at {stars} stars; {cert_en}."),
            );
        }
        let name = self
            .edition
            .data()
            .rating
            .bands
            .iter()
            .find(|b| b.star == stars)
            .map(|b| b.name.clone())
            .unwrap_or_default();
        self.l.label(
            format!("{total}/{max} điểm: {}; {cert_vi}.", name.vi),
            format!("{total}/{max} points: {}; {cert_en}.", name.en),
        )
    }

    fn recognition(&self) -> RecognitionLabels {
        let (l, rec) = (self.l, &self.report.recognition);
        let procedure = self.procedure();
        let levels = procedure.map_or(&[][..], |p| p.levels.as_slice());
        let find = |level| levels.iter().find(|x| x.level == level);
        let here = find(rec.level);
        let recogniser = rec.recognised_at.and_then(find);
        RecognitionLabels {
            council: here.map_or_else(Label::default, |h| l.text(&h.name)),
            recognised_by: recogniser.map(|x| l.text(&x.recognised_by)),
            next_step: self.next_step(here, recogniser, rec.forward_to.and_then(find)),
            commune_assesses: procedure
                .map(|p| p.commune_assesses.iter().map(|t| l.text(t)).collect())
                .unwrap_or_default(),
        }
    }

    fn next_step(
        &self,
        here: Option<&CouncilLevel>,
        recogniser: Option<&CouncilLevel>,
        forward: Option<&CouncilLevel>,
    ) -> Label {
        let r = self.report;
        let Some(stars) = r.stars else {
            return self.l.label(
                "Không xếp hạng, không công nhận.",
                "Not rated: no recognition.",
            );
        };
        let months = r.recognition.certificate_months.unwrap_or(0);
        let mut vi = Vec::new();
        let mut en = Vec::new();
        match recogniser {
            None if !r.certifiable => {
                vi.push(format!("Đạt {stars} sao: không ban hành quyết định công nhận, không cấp giấy chứng nhận."));
                en.push(format!(
                    "{stars} stars: no recognition decision and no certificate."
                ));
            }
            Some(x) if r.recognition.decided_here => {
                vi.push(format!(
                    "{} công nhận {stars} sao và cấp giấy chứng nhận có giá trị {months} tháng.",
                    x.recognised_by.vi
                ));
                en.push(format!(
                    "The {} recognises {stars} stars and issues a certificate valid for {months} months.",
                    lower_first(&x.recognised_by.en)
                ));
            }
            Some(x) if forward.is_none() => match here.and_then(|h| h.below_threshold.as_ref()) {
                Some(text) => {
                    vi.push(text.vi.to_string());
                    en.push(text.en.to_string());
                }
                None => {
                    vi.push(format!("{stars} sao do {} công nhận.", x.recognised_by.vi));
                    en.push(format!(
                        "{stars} stars are recognised by the {}.",
                        lower_first(&x.recognised_by.en)
                    ));
                }
            },
            _ => {}
        }
        if let (Some(to), Some(min)) = (forward, here.and_then(|h| h.forward_min_total)) {
            vi.push(format!(
                "Đạt từ {min} điểm: chuyển hồ sơ lên {} để đánh giá, phân hạng.",
                lower_first(&to.name.vi)
            ));
            en.push(format!(
                "{min} points or more: the dossier goes to the {} for evaluation.",
                lower_first(&to.name.en)
            ));
        }
        self.l.label(vi.join(" "), en.join(" "))
    }

    /// One sentence for a warning: every warning code is worded here.
    fn warning(&self, code: WarningCode, path: &str) -> Label {
        let (l, r, sheet) = (self.l, self.report, self.sheet);
        let criterion_code = path.strip_prefix("/answers/").unwrap_or("");
        let position = sheet.position(criterion_code);
        let c = position.and_then(|p| sheet.criterion(p));
        let line = position.and_then(|p| r.lines.get(p));
        let option = line.and_then(|x| x.option);
        let o = c
            .zip(option)
            .and_then(|(c, o)| c.options.get(usize::from(o)));
        let o_n = option.map_or_else(String::new, |o| o.to_string());
        let id = &r.edition.id;
        match code {
            WarningCode::ProvisionalSheet => l.label(
                code.title(crate::text::Lang::Vi),
                sheet.provisional.as_ref().map_or_else(String::new, |p| p.reason.to_string()),
            ),
            WarningCode::EditionNotInForce => {
                let d = r.evaluated_on.map(day_month_year).unwrap_or_default();
                l.label(
                    format!("Bộ tiêu chí {id} không có hiệu lực vào ngày {d}; vẫn chấm theo bộ này như yêu cầu."),
                    format!("{id} was not in force on {d}; scored on it as asked."),
                )
            }
            WarningCode::ProcedureAssumed => {
                let p = &r.recognition.procedure;
                l.label(
                    format!("Không có ngày đánh giá: áp dụng quy trình mới nhất của {id} ({p})."),
                    format!("No evaluation date: the latest procedure of {id} ({p}) was assumed."),
                )
            }
            WarningCode::AnswerFilled => {
                let who = self.edition.data().subject_types.iter().find(|t| t.id == r.subject_type);
                let (vi, en) = who.map_or_else(Default::default, |t| (t.name.vi.to_string(), t.name.en.to_string()));
                l.label(
                    format!("{criterion_code} được điền phương án {o_n}, phương án duy nhất dành cho {vi}."),
                    format!("{criterion_code} set to option {o_n}, the only one for a {}.", en.to_lowercase()),
                )
            }
            WarningCode::CorrectedPoints => {
                let (printed, points) = o.map_or_else(Default::default, |o| (o.printed_points.clone().unwrap_or_default(), o.points));
                l.label(
                    format!("{criterion_code} phương án {o_n} in là {printed}; dùng {points} điểm."),
                    format!("{criterion_code} option {o_n} is printed as {printed}; {points} is used."),
                )
            }
            WarningCode::SuspectedTypo => {
                let (points, likely, reason) = o
                    .and_then(|o| o.suspected_typo.as_ref().map(|t| (o.points, t.likely_points, t.reason.to_string())))
                    .unwrap_or_default();
                l.label(
                    format!("{criterion_code} phương án {o_n} tính {points} điểm như văn bản in; có thể là {likely}."),
                    format!("{criterion_code} option {o_n} counts {points} as printed; probably {likely}: {reason}"),
                )
            }
            WarningCode::ImpliedOption => l.label(
                format!("{criterion_code} không in phương án; phương án {o_n} được suy ra."),
                format!("{criterion_code} prints no options; option {o_n} is implied."),
            ),
            WarningCode::DoubtDecides => self.doubt(criterion_code),
            WarningCode::RequirementNotMet => {
                let requirement = c.and_then(|c| c.requirement.clone()).unwrap_or_default();
                let refused = line.is_some_and(|x| x.status == LineStatus::RequirementNotMet);
                let (vi, en) = if refused {
                    ("phương án đã chọn không được tính.", "the ticked option does not count.")
                } else {
                    (
                        "phương án vẫn được tính (văn bản không nói dòng yêu cầu là điều kiện).",
                        "the option still counts (the text does not make the requirement a condition).",
                    )
                };
                l.label(
                    format!("{criterion_code}: chưa đáp ứng {}; {vi}", requirement.vi),
                    format!("{criterion_code}: not met — {}; {en}", requirement.en),
                )
            }
            WarningCode::ReadingApplied => self.reading(criterion_code, c),
            WarningCode::MemberKnockoutNotAdopted => l.label(
                format!("Thành viên nêu điều kiện loại tại {criterion_code}; hội đồng không kết luận áp dụng."),
                format!("Members flagged the knock-out on {criterion_code}; the council did not adopt it."),
            ),
            WarningCode::SpreadExceeded => l.label(
                "Điểm các thành viên chênh lệch quá mức cho phép: hội đồng cần thảo luận và chấm lại.",
                "Members' totals differ by more than the council allows: the council should discuss and score again.",
            ),
            WarningCode::AnswersIgnored | WarningCode::PartialAnswers | WarningCode::QuorumNotMet => {
                l.label(code.title(crate::text::Lang::Vi), code.title(crate::text::Lang::En))
            }
        }
    }

    fn doubt(&self, criterion_code: &str) -> Label {
        let (l, r, sheet) = (self.l, self.report, self.sheet);
        let stars: Vec<String> = r
            .doubts
            .iter()
            .filter(|d| d.criteria.first().is_some_and(|c| c == criterion_code))
            .map(|d| d.stars.to_string())
            .collect();
        let stars = stars.join(" hoặc ");
        let now = r.stars.unwrap_or(0);
        match sheet.doubts.iter().find(|d| d.criteria.iter().any(|c| c == criterion_code)) {
            Some(d) => l.label(
                format!("{criterion_code}: giá trị còn nghi vấn ({} {}) quyết định kết quả: đọc như các phiếu khác thì đạt {stars} sao thay vì {now} sao.", d.printed, d.elsewhere),
                format!("{criterion_code}: {} {} Read as the other sheets print it, the stars would be {} instead of {now}.", d.printed, d.elsewhere, stars.replace(" hoặc ", " or ")),
            ),
            None => l.label(
                format!("{criterion_code}: điểm có thể bị in nhầm quyết định kết quả: với điểm đúng thì đạt {stars} sao thay vì {now} sao."),
                format!("{criterion_code}: the points that may be a misprint decide the result: with the likely points the stars would be {} instead of {now}.", stars.replace(" hoặc ", " or ")),
            ),
        }
    }

    fn reading(&self, criterion_code: &str, c: Option<&Criterion>) -> Label {
        let (l, r) = (self.l, self.report);
        match c.and_then(|c| c.knockout.as_ref()).map(|k| k.kind) {
            Some(KnockoutKind::NotAssessed) => l.label(
                format!("Điều kiện tại {criterion_code} được hiểu là tiêu chí này được 0 điểm (văn bản cũng có thể hiểu là không đánh giá sản phẩm)."),
                format!("The {criterion_code} knock-out is read as: this criterion scores 0 (the text may also mean the product is not evaluated)."),
            ),
            Some(_) => l.label(
                format!("Điều kiện tại {criterion_code} được hiểu là: không chấm các tiêu chí sau; hiển thị điểm đến đó và không xếp sao."),
                format!("The {criterion_code} knock-out is read as: criteria after this one are not evaluated; the partial total is shown and no star is awarded."),
            ),
            None => {
                let (stars, band) = (r.stars.unwrap_or(0), r.band.unwrap_or(0));
                l.label(
                    format!("Dấu sao giới hạn kết quả ở {stars} sao dù tổng điểm thuộc khung {band} sao (dấu sao được hiểu là yêu cầu tối thiểu cộng dồn)."),
                    format!("Star markers cap the result at {stars} stars below its {band}-star band (markers read as cumulative minimums)."),
                )
            }
        }
    }
}

/// The markers of the criterion at `position`: each star whose required points rise.
fn markers(sheet: &SheetRef<'_>, position: usize) -> Vec<Marker> {
    let Some(c) = sheet.compiled.criteria.get(position) else {
        return Vec::new();
    };
    let mut out: Vec<Marker> = Vec::new();
    for star in 3..=5u8 {
        let points = c.floor.get(usize::from(star)).copied().unwrap_or(0);
        let option = c.floor_option.get(usize::from(star)).copied().flatten();
        if option.is_some() && out.last().is_none_or(|m| points > m.points) {
            out.push(Marker {
                star,
                option,
                points,
            });
        }
    }
    out
}

/// "Provincial OCOP council" → "provincial OCOP council" inside a sentence.
fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}
