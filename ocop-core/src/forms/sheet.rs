//! A member's Phiếu đánh giá, printed as the sheet of Phụ lục II prints it: the header, every
//! part, section, criterion and option with its points and star marker, the tick, the points
//! counted, the part totals and the total, the star note, the assessor's opinion and signature.

use super::html::{E, Page, Signature, asterisks};
use super::{ProductDetails, SheetForm};
use crate::catalog::model::{Criterion, CriterionOption, Part, Section};
use crate::catalog::{Catalog, Edition, SheetRef};
use crate::error::InputErrors;
use crate::explain::{Explanation, Label, Languages};
use crate::requests::ProductCodeRequest;
use crate::scoring::{Line, LineStatus, ScoreReport};
use crate::text::Lang;

impl Catalog {
    /// A member's Phiếu đánh giá as A4 HTML: the sheet as printed, with the member's ticks,
    /// the points and totals, and room to sign. Errors in the evaluation are reported under
    /// `/evaluation`.
    pub fn print_sheet(&self, form: &SheetForm) -> Result<String, InputErrors> {
        let report = self
            .score(&form.evaluation)
            .map_err(|e| e.under("/evaluation"))?;
        let lang = form.language.unwrap_or_default();
        let explained = self.explain(&report, languages(lang))?;
        let edition = self.find_edition(&report.edition.id)?;
        let sheet = edition.find_sheet(report.product_set)?;
        if let Some(product) = &form.product {
            self.check_product_code(edition, product)?;
        }
        let mut page = Page::new(lang, sheet.title.get(lang));
        let title = page.say("Phiếu đánh giá sản phẩm OCOP", "OCOP product scoring sheet");
        page.write(format_args!(
            "<h1>{}</h1>\n<p class=\"sub\">({} {})</p>\n",
            E(title),
            E(page.say("Kèm theo Quyết định số", "Annexed to Decision")),
            E(&edition.data().identity.number)
        ));
        header(&mut page, edition, &sheet, form.product.as_ref());
        let ticks = Ticks {
            report: &report,
            evaluation: &form.evaluation,
        };
        table(&mut page, &sheet, &ticks);
        if let Some(note) = &sheet.star_marker_note {
            page.write(format_args!("<p class=\"note\">{}</p>\n", E(page.t(note))));
        }
        result_box(&mut page, &explained);
        page.write(format_args!(
            "<p><b>{}:</b></p>\n",
            E(page.say("Ý kiến của người đánh giá", "The assessor's opinion"))
        ));
        page.long_text(form.comments.as_deref(), 3);
        let dated = page.place_and_date(form.place.as_deref(), form.signed_on);
        let signer = Signature {
            title: page.say("Người đánh giá", "Assessor"),
            how: page.say("(Ký và ghi rõ họ tên)", "(Signature and full name)"),
            name: form.assessor.as_deref(),
        };
        page.signatures(Some(dated), &[signer]);
        page.footer(&stamp(edition, &report));
        Ok(page.finish())
    }

    /// A product code given for the header must have the edition's shape; its errors are
    /// reported under `/product`.
    pub(super) fn check_product_code(
        &self,
        edition: &Edition,
        product: &ProductDetails,
    ) -> Result<(), InputErrors> {
        let Some(code) = &product.code else {
            return Ok(());
        };
        let request = ProductCodeRequest {
            code: code.clone(),
            edition: Some(edition.id().to_owned()),
            known: None,
        };
        self.parse_product_code(&request)
            .map(|_| ())
            .map_err(|e| e.under("/product"))
    }
}

/// The labels in the page's language only.
pub(super) fn languages(lang: Lang) -> Languages {
    match lang {
        Lang::Vi => Languages::Vi,
        Lang::En => Languages::En,
    }
}

/// A label asked for in one language.
pub(super) fn one(label: &Label) -> &str {
    label
        .vi
        .as_deref()
        .or(label.en.as_deref())
        .unwrap_or_default()
}

/// Which edition, data version and content hash printed this.
pub(super) fn stamp(edition: &Edition, report: &ScoreReport) -> String {
    format!(
        "{} · ocop, data {} · {}",
        edition.data().identity.number,
        report.edition.data_version,
        report.edition.content_hash
    )
}

/// The sheet's header: its title, the product set's place in Phụ lục I, the product's details
/// and the dossier's rejection line.
pub(super) fn header(
    page: &mut Page,
    edition: &Edition,
    sheet: &SheetRef<'_>,
    product: Option<&ProductDetails>,
) {
    page.write(format_args!("<p><b>{}</b>", E(page.t(&sheet.title))));
    if let Some(set) = sheet.product_set() {
        let data = edition.data();
        let group = data.groups.iter().find(|g| g.code == set.group);
        let subgroup = group.and_then(|g| g.subgroups.iter().find(|s| s.code == set.subgroup));
        if let (Some(g), Some(s)) = (group, subgroup) {
            page.write(format_args!(
                "<br>({}: {}. {}: {})",
                E(page.say("Sản phẩm", "Products")),
                E(page.t(&g.name)),
                E(page.say("Nhóm", "Group")),
                E(page.t(&s.name))
            ));
        }
    }
    page.raw("</p>\n");
    let empty = ProductDetails::default();
    let p = product.unwrap_or(&empty);
    page.field(page.say("Tên sản phẩm", "Product"), p.name.as_deref());
    let format = edition.data().product_code.printed.to_string();
    let code = p.code.as_deref().unwrap_or(&format);
    page.field(page.say("Mã số sản phẩm", "Product code"), Some(code));
    page.field(
        page.say("Tên chủ thể sản xuất", "Producer"),
        p.producer.as_deref(),
    );
    page.field(page.say("Số điện thoại", "Telephone"), p.phone.as_deref());
    page.field(page.say("Địa chỉ", "Address"), p.address.as_deref());
    for line in &sheet.dossier_rejected_when {
        page.write(format_args!("<p class=\"note\">{}</p>\n", E(page.t(line))));
    }
}

/// What was ticked on each criterion: the option counted, or, where none counts (after the
/// evaluation stopped, a requirement not met), the option the assessor ticked.
struct Ticks<'a> {
    report: &'a ScoreReport,
    evaluation: &'a crate::evaluation::Evaluation,
}

impl Ticks<'_> {
    fn line(&self, code: &str) -> Option<&Line> {
        self.report.lines.iter().find(|l| l.code == code)
    }

    fn ticked(&self, code: &str) -> Option<u32> {
        self.line(code)
            .and_then(|l| l.option.map(u32::from))
            .or_else(|| self.evaluation.answers.get(code).copied().flatten())
    }

    fn subtotal(&self, code: &str) -> String {
        self.report
            .parts
            .iter()
            .chain(&self.report.sections)
            .find(|s| s.code == code)
            .map(|s| s.points.to_string())
            .unwrap_or_default()
    }
}

/// The criteria table, part by part.
fn table(page: &mut Page, sheet: &SheetRef<'_>, ticks: &Ticks<'_>) {
    page.write(format_args!(
        "<table>\n<thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>\n",
        E(page.say("Mã", "Code")),
        E(page.say("Chỉ tiêu, tiêu chí", "Criterion and options")),
        E(page.say("Điểm", "Points")),
        E(page.say("Chọn", "Tick")),
        E(page.say("Điểm chấm", "Scored"))
    ));
    for part in &sheet.parts {
        part_rows(page, part, ticks);
    }
    page.write(format_args!(
        "<tr class=\"total\"><td></td><td>{}</td><td class=\"num\">{}</td><td></td><td class=\"num\">{}</td></tr>\n</tbody>\n</table>\n",
        E(page.say("TỔNG CỘNG", "TOTAL")),
        ticks.report.max_total,
        ticks.report.total
    ));
}

fn part_rows(page: &mut Page, part: &Part, ticks: &Ticks<'_>) {
    page.write(format_args!(
        "<tr class=\"part\"><td>{}</td><td>{} {}: {}</td><td class=\"num\">{}</td><td></td><td class=\"num\">{}</td></tr>\n",
        E(&part.code),
        E(page.say("PHẦN", "PART")),
        E(&part.code),
        E(page.t(&part.name)),
        part.max,
        E(&ticks.subtotal(&part.code))
    ));
    for section in &part.sections {
        section_rows(page, section, ticks);
    }
}

fn section_rows(page: &mut Page, section: &Section, ticks: &Ticks<'_>) {
    // A criterion that is its own section (C7, C8…) prints once, as the criterion.
    let alone = section.criteria.len() == 1
        && section
            .criteria
            .first()
            .is_some_and(|c| c.code == section.code);
    if !alone {
        page.write(format_args!(
            "<tr class=\"section\"><td class=\"code\">{}</td><td>{}</td><td class=\"num\">{}</td><td></td><td class=\"num\">{}</td></tr>\n",
            E(&section.code),
            E(page.t(&section.name)),
            section.max,
            E(&ticks.subtotal(&section.code))
        ));
    }
    let mut group = None;
    for c in &section.criteria {
        if c.group.is_some() && c.group != group {
            if let Some(g) = section
                .groups
                .iter()
                .find(|g| Some(&g.code) == c.group.as_ref())
            {
                page.write(format_args!(
                    "<tr class=\"section\"><td class=\"code\">{}</td><td>{}</td><td class=\"num\">{}</td><td></td><td></td></tr>\n",
                    E(&g.code),
                    E(page.t(&g.name)),
                    g.max
                ));
            }
            group = c.group.clone();
        }
        criterion_rows(page, c, ticks);
    }
}

fn criterion_rows(page: &mut Page, c: &Criterion, ticks: &Ticks<'_>) {
    let line = ticks.line(&c.code);
    let scored = match line {
        Some(l) if l.status == LineStatus::NotEvaluated => "–".to_owned(),
        Some(l) => l.points.to_string(),
        None => String::new(),
    };
    page.write(format_args!(
        "<tr class=\"criterion\"><td class=\"code\">{}</td><td>{}",
        E(&c.code),
        E(page.t(&c.name))
    ));
    for extra in [&c.requirement, &c.note]
        .into_iter()
        .flatten()
        .chain(c.knockout.as_ref().map(|k| &k.text))
    {
        page.write(format_args!(
            "<br><span class=\"note\">{}</span>",
            E(page.t(extra))
        ));
    }
    page.write(format_args!(
        "</td><td class=\"num\">{}</td><td></td><td class=\"num\">{}</td></tr>\n",
        c.max,
        E(&scored)
    ));
    let ticked = ticks.ticked(&c.code);
    let mut case = None;
    for (i, o) in c.options.iter().enumerate() {
        if o.case.is_some() && o.case != case {
            if let Some(info) = c.cases.iter().find(|x| Some(x.case) == o.case) {
                page.write(format_args!(
                    "<tr class=\"option\"><td></td><td><i>{}</i></td><td></td><td></td><td></td></tr>\n",
                    E(page.t(&info.name))
                ));
            }
            case = o.case;
        }
        let is_ticked = u32::try_from(i).is_ok_and(|i| Some(i) == ticked);
        option_row(page, o, is_ticked);
    }
}

fn option_row(page: &mut Page, o: &CriterionOption, ticked: bool) {
    let lang = page.lang;
    page.write(format_args!(
        "<tr class=\"option\"><td></td><td>{}",
        E(o.label(lang))
    ));
    if let Some(star) = o.min_star {
        page.write(format_args!(
            " <span class=\"stars\">{}</span>",
            asterisks(star)
        ));
    }
    if o.implied {
        page.write(format_args!(
            " <span class=\"note small\">({})</span>",
            E(page.say(
                "phương án suy ra, văn bản không in",
                "implied: the text prints no options"
            ))
        ));
    }
    page.write(format_args!("</td><td class=\"num\">{}", o.points));
    if let Some(printed) = &o.printed_points {
        page.write(format_args!(
            "<br><span class=\"small\">({} {})</span>",
            E(page.say("in", "printed")),
            E(printed)
        ));
    }
    page.raw("</td><td class=\"tick\">");
    page.tick(ticked);
    page.raw("</td><td></td></tr>\n");
}

/// The result as the library computes it, in one sentence, with any warnings.
pub(super) fn result_box(page: &mut Page, explained: &Explanation) {
    page.write(format_args!(
        "<div class=\"result\"><b>{}:</b> {}",
        E(page.say(
            "Kết quả tính theo Bộ tiêu chí",
            "Result computed from the criteria"
        )),
        E(one(&explained.summary))
    ));
    for w in &explained.warnings {
        page.write(format_args!(
            "<br><span class=\"small\">⚠ {}</span>",
            E(one(w))
        ));
    }
    page.raw("</div>\n");
}
