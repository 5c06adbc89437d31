//! Plain-text layout: wrapped labels and right-aligned figures on a 100-column page.

use ocop_core::explain::{LineLabels, PlanExplanation};
use ocop_core::scoring::{Blocker, Line, LineStatus};
use ocop_core::{Explanation, Label, Lang, SheetRef, WarningCode};

pub(crate) const WIDTH: usize = 100;

/// `text` wrapped to `width` columns, each line after the first indented by `indent`.
pub(crate) fn wrap(text: &str, width: usize, indent: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let lead = text.len() - text.trim_start().len();
    let mut line = text.get(..lead).unwrap_or_default().to_owned();
    for word in text.split_whitespace() {
        let limit = if lines.is_empty() {
            width
        } else {
            width.saturating_sub(indent)
        };
        let fresh = line.trim().is_empty();
        if !fresh && line.chars().count() + 1 + word.chars().count() > limit {
            lines.push(std::mem::take(&mut line));
        }
        if !line.trim().is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.trim().is_empty() || lines.is_empty() {
        lines.push(line);
    }
    let pad = " ".repeat(indent);
    lines
        .into_iter()
        .enumerate()
        .map(|(i, l)| if i == 0 { l } else { format!("{pad}{l}") })
        .collect()
}

/// `left` and `right` on one line, `right` flush with the page edge (left wrapped if long).
pub(crate) fn row(left: &str, right: &str, indent: usize) -> String {
    let room = WIDTH.saturating_sub(right.chars().count() + 2);
    let mut lines = wrap(left, room, indent);
    let last = lines.pop().unwrap_or_default();
    let gap = WIDTH
        .saturating_sub(last.chars().count() + right.chars().count())
        .max(1);
    lines.push(format!("{last}{}{right}", " ".repeat(gap)));
    lines.join("\n")
}

pub(crate) fn stars(n: u8) -> String {
    "★".repeat(usize::from(n))
}

/// Words for a few fixed phrases, in the chosen language.
pub(crate) fn say(lang: Lang, vi: &str, en: &str) -> String {
    match lang {
        Lang::Vi => vi.to_owned(),
        Lang::En => en.to_owned(),
    }
}

/// A label in the chosen language (the explanation was asked for in that language).
pub(crate) fn label(l: &Label) -> &str {
    l.vi.as_deref().or(l.en.as_deref()).unwrap_or_default()
}

/// The labelled report: the sheet with ticks, subtotals, stars, blockers and recognition. The
/// layout follows the sheet's own parts and sections.
pub(crate) fn score_report(x: &Explanation, sheet: &SheetRef<'_>, lang: Lang) -> String {
    let report = &x.report;
    let mut out = Vec::new();
    let identity = &sheet.edition().data().identity;
    let head = format!(
        "{} — {} {} · {} (data {})",
        label(&x.product_set),
        say(lang, "bộ sản phẩm", "product set"),
        report.product_set,
        identity.number,
        report.edition.data_version
    );
    out.extend(wrap(&head, WIDTH, 2));
    if let Some(r) = &report.reference {
        out.push(r.clone());
    }
    out.push(String::new());
    let mut lines = report.lines.iter().zip(&x.lines);
    let mut sections = report.sections.iter().zip(&x.sections);
    for ((part, part_name), sheet_part) in report.parts.iter().zip(&x.parts).zip(&sheet.parts) {
        out.push(row(
            &format!("{}  {}", part.code, label(part_name)),
            &format!("{}/{}", part.points, part.max),
            3,
        ));
        for sheet_section in &sheet_part.sections {
            let Some((section, section_name)) = sections.next() else {
                break;
            };
            out.push(row(
                &format!(" {} {}", section.code, label(section_name)),
                &format!("{}/{}", section.points, section.max),
                4,
            ));
            for c in &sheet_section.criteria {
                let Some((line, labels)) = lines.next() else {
                    break;
                };
                out.extend(line_rows(
                    line,
                    labels,
                    c.max,
                    line.code == section.code,
                    lang,
                ));
            }
        }
    }
    out.push(String::new());
    let band = report.band.map_or_else(|| "–".to_owned(), stars);
    let awarded = report.stars.map_or_else(|| "–".to_owned(), stars);
    out.push(format!(
        "{} {}/{} · {} {band} · {} {awarded} · {}",
        say(lang, "Tổng điểm", "Total"),
        report.total,
        report.max_total,
        say(lang, "khung điểm", "band"),
        say(lang, "xếp hạng", "awarded"),
        if report.certifiable {
            say(lang, "đủ điều kiện công nhận", "certifiable")
        } else {
            say(lang, "không công nhận", "not certified")
        }
    ));
    out.extend(wrap(label(&x.summary), WIDTH, 0));
    for reason in &x.outcome {
        out.extend(wrap(&format!("  {}", label(reason)), WIDTH, 2));
    }
    if !report.blockers.is_empty() {
        out.push(String::new());
        out.push(say(
            lang,
            "Yêu cầu tối thiểu chưa đạt:",
            "Star markers not met:",
        ));
        for (b, option) in report.blockers.iter().zip(&x.blockers) {
            out.extend(wrap(&blocker(b, option.as_ref(), sheet, lang), WIDTH, 4));
        }
    }
    out.push(String::new());
    out.extend(wrap(
        &format!(
            "{}: {}",
            say(lang, "Công nhận", "Recognition"),
            label(&x.recognition.next_step)
        ),
        WIDTH,
        2,
    ));
    out.extend(warnings(
        report.warnings.iter().map(|w| w.code).zip(&x.warnings),
    ));
    out.join("\n")
}

/// A criterion's row and its tick.
fn line_rows(
    line: &Line,
    labels: &LineLabels,
    max: u8,
    is_section: bool,
    lang: Lang,
) -> Vec<String> {
    let mut out = Vec::new();
    let markers: Vec<String> = labels
        .markers
        .iter()
        .map(|m| format!("{}★≥{}", m.star, m.points))
        .collect();
    let markers = if markers.is_empty() {
        String::new()
    } else {
        format!("  [{}]", markers.join(" "))
    };
    if is_section {
        // A section printed as a single criterion: its heading is the section's.
        if !markers.is_empty() {
            out.push(format!("         {}", markers.trim()));
        }
    } else {
        out.push(row(
            &format!(
                "  {:<7}{}{markers}",
                line.code.as_str(),
                label(&labels.name)
            ),
            &format!("{}/{max}", line.points),
            9,
        ));
    }
    let tick = match (&line.option, &labels.option) {
        (Some(o), Some(option)) => format!("☑ {o}  {}", label(option)),
        _ => format!("☐ {}", status_word(line.status, lang)),
    };
    out.extend(wrap(&format!("         {tick}"), WIDTH, 12));
    out
}

fn status_word(status: LineStatus, lang: Lang) -> String {
    match status {
        LineStatus::Unticked => say(lang, "không có phương án phù hợp", "no option applies"),
        LineStatus::NotAssessed => say(
            lang,
            "không đánh giá (điều kiện loại)",
            "not assessed (knock-out)",
        ),
        LineStatus::RequirementNotMet => say(
            lang,
            "không tính: chưa đáp ứng dòng yêu cầu",
            "not counted: requirement not met",
        ),
        LineStatus::NotEvaluated => {
            say(lang, "không đánh giá (đã dừng)", "not evaluated (stopped)")
        }
        LineStatus::Unanswered => say(lang, "chưa chấm", "unanswered"),
        LineStatus::Mean => say(lang, "điểm trung bình của hội đồng", "council mean"),
        LineStatus::Scored | LineStatus::Filled => String::new(),
    }
}

fn blocker(b: &Blocker, option: Option<&Label>, sheet: &SheetRef<'_>, lang: Lang) -> String {
    let name = sheet
        .criterion_by_code(&b.code)
        .map_or("", |c| c.name.get(lang));
    let option = match (b.option, option) {
        (Some(o), Some(l)) => format!(" — {} {o}: {}", say(lang, "phương án", "option"), label(l)),
        _ => String::new(),
    };
    format!(
        "  {}★ {} {name}: {} {} ({} {}){option}",
        b.star,
        b.code,
        say(lang, "cần", "needs"),
        b.needs_points,
        say(lang, "hiện có", "has"),
        b.has_points
    )
}

/// The labelled plan.
pub(crate) fn plan(x: &PlanExplanation, lang: Lang) -> String {
    let plan = &x.plan;
    let mut out = Vec::new();
    let heading = format!(
        "{} {}★",
        say(lang, "Kế hoạch đạt", "Plan for"),
        plan.target_star
    );
    if let Some(note) = &x.note {
        out.extend(wrap(&format!("{heading}: {}", label(note)), WIDTH, 2));
    }
    if plan.reachable && !plan.changes.is_empty() {
        out.push(format!(
            "{heading}: {} {} {}, +{} {} → {}/100, {}",
            say(lang, "đổi", "change"),
            plan.criteria_changed,
            say(lang, "tiêu chí", "criteria"),
            plan.points_added,
            say(lang, "điểm", "points"),
            plan.new_total,
            stars(plan.new_stars)
        ));
        for (c, labels) in plan.changes.iter().zip(&x.changes) {
            let marker = if c.required_by_marker {
                say(lang, " (yêu cầu tối thiểu)", " (star marker)")
            } else {
                String::new()
            };
            out.extend(wrap(
                &format!(
                    "  {} {} → {} ({}→{}){marker}: {}",
                    c.code,
                    label(&labels.name),
                    c.to_option,
                    c.from_points,
                    c.to_points,
                    labels.option.as_ref().map_or("", label)
                ),
                WIDTH,
                6,
            ));
        }
    }
    out.join("\n")
}

/// Each warning's code and sentence.
pub(crate) fn warnings<'a>(
    warnings: impl Iterator<Item = (WarningCode, &'a Label)>,
) -> Vec<String> {
    let mut out = Vec::new();
    for (i, (code, sentence)) in warnings.enumerate() {
        if i == 0 {
            out.push(String::new());
        }
        out.extend(wrap(&format!("! {code} {}", label(sentence)), WIDTH, 4));
    }
    out
}

/// A day as Vietnamese texts print it.
pub(crate) fn date(d: jiff::civil::Date) -> String {
    ocop_core::text::day_month_year(d)
}
