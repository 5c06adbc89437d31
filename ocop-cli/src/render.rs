//! Plain-text layout: wrapped labels and right-aligned figures on a 100-column page.

use ocop_core::Lang;
use ocop_core::scoring::{Blocker, ScoreReport};
use ocop_core::{Plan, Warning};

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

/// The sheet with ticks, subtotals, stars, blockers and recognition.
pub(crate) fn score_report(report: &ScoreReport, lang: Lang) -> String {
    let mut out = Vec::new();
    let head = format!(
        "{} — {} {} · {} (data {})",
        report.product_set.name.get(lang),
        say(lang, "bộ sản phẩm", "product set"),
        report.product_set.number,
        report.edition.number,
        report.edition.data_version
    );
    out.extend(wrap(&head, WIDTH, 2));
    if let Some(r) = &report.reference {
        out.push(r.clone());
    }
    out.push(String::new());
    let mut line_index = 0usize;
    for part in &report.parts {
        out.push(row(
            &format!("{}  {}", part.code, part.name.get(lang)),
            &format!("{}/{}", part.points, part.max),
            3,
        ));
        for section in report
            .sections
            .iter()
            .filter(|s| s.code.starts_with(part.code.as_str()))
        {
            out.push(row(
                &format!(" {} {}", section.code, section.name.get(lang)),
                &format!("{}/{}", section.points, section.max),
                4,
            ));
            while let Some(line) = report.lines.get(line_index) {
                if !line.code.starts_with(section.code.as_str())
                    || !belongs(&line.code, &section.code)
                {
                    break;
                }
                line_index += 1;
                let markers: Vec<String> = line
                    .markers
                    .iter()
                    .map(|m| format!("{}★≥{}", m.star, m.points))
                    .collect();
                let markers = if markers.is_empty() {
                    String::new()
                } else {
                    format!("  [{}]", markers.join(" "))
                };
                if line.code == section.code {
                    // A section printed as a single criterion: its heading is the section's.
                    if !markers.is_empty() {
                        out.push(format!("         {}", markers.trim()));
                    }
                } else {
                    out.push(row(
                        &format!(
                            "  {:<7}{}{markers}",
                            line.code.as_str(),
                            line.name.get(lang)
                        ),
                        &format!("{}/{}", line.points, line.max),
                        9,
                    ));
                }
                let tick = match (&line.option, &line.option_label) {
                    (Some(o), Some(label)) => format!("☑ {o}  {}", label.get(lang)),
                    _ => format!("☐ {}", status_word(line.status, lang)),
                };
                out.extend(wrap(&format!("         {tick}"), WIDTH, 12));
            }
        }
    }
    out.push(String::new());
    let band = report
        .band
        .as_ref()
        .map_or_else(|| "–".to_owned(), |b| stars(b.star));
    let awarded = report
        .stars
        .as_ref()
        .map_or_else(|| "–".to_owned(), |s| stars(s.star));
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
    out.extend(wrap(report.summary.get(lang), WIDTH, 0));
    if !report.blockers.is_empty() {
        out.push(String::new());
        out.push(say(
            lang,
            "Yêu cầu tối thiểu chưa đạt:",
            "Star markers not met:",
        ));
        for b in &report.blockers {
            out.extend(wrap(&blocker(b, lang), WIDTH, 4));
        }
    }
    out.push(String::new());
    out.extend(wrap(
        &format!(
            "{}: {}",
            say(lang, "Công nhận", "Recognition"),
            report.recognition.next_step.get(lang)
        ),
        WIDTH,
        2,
    ));
    out.extend(warnings(&report.warnings));
    out.join("\n")
}

/// Whether criterion `code` sits in section `section` (so `C1` does not swallow `C10`).
fn belongs(code: &str, section: &str) -> bool {
    code == section
        || code.strip_prefix(section).is_some_and(|rest| {
            rest.starts_with('.') || rest.starts_with(|c: char| c.is_ascii_lowercase())
        })
}

fn status_word(status: ocop_core::scoring::LineStatus, lang: Lang) -> String {
    use ocop_core::scoring::LineStatus as S;
    match status {
        S::Unticked => say(lang, "không có phương án phù hợp", "no option applies"),
        S::NotAssessed => say(
            lang,
            "không đánh giá (điều kiện loại)",
            "not assessed (knock-out)",
        ),
        S::NotEvaluated => say(lang, "không đánh giá (đã dừng)", "not evaluated (stopped)"),
        S::Unanswered => say(lang, "chưa chấm", "unanswered"),
        S::Mean => say(lang, "điểm trung bình của hội đồng", "council mean"),
        S::Scored | S::Filled => String::new(),
    }
}

fn blocker(b: &Blocker, lang: Lang) -> String {
    let option = match (&b.option, &b.option_label) {
        (Some(o), Some(l)) => format!(
            " — {} {o}: {}",
            say(lang, "phương án", "option"),
            l.get(lang)
        ),
        _ => String::new(),
    };
    format!(
        "  {}★ {} {}: {} {} ({} {}){option}",
        b.star,
        b.code,
        b.name.get(lang),
        say(lang, "cần", "needs"),
        b.needs_points,
        say(lang, "hiện có", "has"),
        b.has_points
    )
}

pub(crate) fn plan(plan: &Plan, lang: Lang) -> String {
    let mut out = Vec::new();
    let heading = format!(
        "{} {}★",
        say(lang, "Kế hoạch đạt", "Plan for"),
        plan.target_star
    );
    if let Some(note) = &plan.note {
        out.extend(wrap(&format!("{heading}: {}", note.get(lang)), WIDTH, 2));
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
        for c in &plan.changes {
            let marker = if c.required_by_marker {
                say(lang, " (yêu cầu tối thiểu)", " (star marker)")
            } else {
                String::new()
            };
            out.extend(wrap(
                &format!(
                    "  {} {} → {} ({}→{}){marker}: {}",
                    c.code,
                    c.name.get(lang),
                    c.to_option,
                    c.from_points,
                    c.to_points,
                    c.to_label.get(lang)
                ),
                WIDTH,
                6,
            ));
        }
    }
    out.join("\n")
}

pub(crate) fn warnings(warnings: &[Warning]) -> Vec<String> {
    let mut out = Vec::new();
    if !warnings.is_empty() {
        out.push(String::new());
    }
    for w in warnings {
        out.extend(wrap(&format!("! {} {}", w.code, w.message), WIDTH, 4));
    }
    out
}
