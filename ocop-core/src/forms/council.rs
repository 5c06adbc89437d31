//! The council's summary: the product, each member's total and stars, the sum and the mean,
//! the spread between members, the quorum, the result on the mean with the markers that cap
//! it, the criteria members scored differently, and room for every signature.
//!
//! The decision prints no template for the council's report (its content is free-form), so
//! this page lays out what the council decides on, in the order the procedure uses it.

use super::CouncilForm;
use super::html::{E, Page, Signature, star_glyphs};
use super::sheet::{header, languages, one, result_box, stamp};
use crate::catalog::Catalog;
use crate::council::CouncilReport;
use crate::error::InputErrors;
use crate::explain::Explanation;

impl Catalog {
    /// The council's summary as A4 HTML. Errors in the council are reported under `/council`.
    pub fn print_council(&self, form: &CouncilForm) -> Result<String, InputErrors> {
        let report = self
            .council(&form.council)
            .map_err(|e| e.under("/council"))?;
        let lang = form.language.unwrap_or_default();
        let explained = self.explain(&report.result, languages(lang))?;
        let edition = self.find_edition(&report.result.edition.id)?;
        let sheet = edition.find_sheet(report.result.product_set)?;
        if let Some(product) = &form.product {
            self.check_product_code(edition, product)?;
        }
        let mut page = Page::new(
            lang,
            page_title(lang, form.council_name.as_deref()).as_str(),
        );
        let council_name = form.council_name.as_deref().map_or_else(
            || {
                page.say(
                    "HỘI ĐỒNG ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM OCOP",
                    "OCOP EVALUATION COUNCIL",
                )
                .to_owned()
            },
            str::to_uppercase,
        );
        page.write(format_args!(
            "<div class=\"heading\"><div>{}<br><span class=\"rule\">-------</span></div><div>{}</div></div>\n",
            E(&council_name),
            page.nation()
        ));
        page.write(format_args!(
            "<h1>{}</h1>\n<p class=\"sub\">({} {})</p>\n",
            E(page.say(
                "Bảng tổng hợp kết quả đánh giá, phân hạng sản phẩm OCOP",
                "Council summary of the OCOP evaluation"
            )),
            E(page.say("Theo Quyết định số", "Under Decision")),
            E(&edition.data().identity.number)
        ));
        header(&mut page, edition, &sheet, form.product.as_ref());
        members_table(&mut page, &report);
        figures(&mut page, &report);
        parts_and_stars(&mut page, &report, &explained);
        disagreements(&mut page, &report, &explained);
        result_box(&mut page, &explained);
        signatures(&mut page, form, &report);
        page.footer(&stamp(edition, &report.result));
        Ok(page.finish())
    }
}

fn page_title(lang: crate::text::Lang, council: Option<&str>) -> String {
    let what = match lang {
        crate::text::Lang::Vi => "Bảng tổng hợp kết quả đánh giá",
        crate::text::Lang::En => "Council summary",
    };
    council.map_or_else(|| what.to_owned(), |c| format!("{what} — {c}"))
}

/// One row per member: name, total, stars by total and stars once markers apply.
fn members_table(page: &mut Page, report: &CouncilReport) {
    page.write(format_args!(
        "<h2>{}</h2>\n<table>\n<thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>\n",
        E(page.say("1. Kết quả chấm của các thành viên", "1. Members' scores")),
        E(page.say("TT", "No.")),
        E(page.say("Thành viên Hội đồng", "Member")),
        E(page.say("Tổng điểm", "Total")),
        E(page.say("Hạng theo điểm", "Band")),
        E(page.say("Hạng sao (dấu sao)", "Stars (markers applied)"))
    ));
    for (i, m) in report.members.iter().enumerate() {
        let unnamed = format!("{} {}", page.say("Thành viên", "Member"), i + 1);
        let name = m.name.clone().unwrap_or(unnamed);
        let chair = if m.chair {
            format!(" ({})", page.say("Chủ tịch Hội đồng", "chair"))
        } else {
            String::new()
        };
        page.write(format_args!(
            "<tr><td class=\"num\">{}</td><td>{}{}</td><td class=\"num\">{}</td><td class=\"num stars\">{}</td><td class=\"num stars\">{}</td></tr>\n",
            i + 1,
            E(&name),
            E(&chair),
            m.total,
            star_glyphs(m.band),
            star_glyphs(m.stars)
        ));
    }
    page.write(format_args!(
        "<tr class=\"total\"><td></td><td>{}</td><td class=\"num\">{}</td><td></td><td></td></tr>\n</tbody>\n</table>\n",
        E(page.say("Tổng điểm các thành viên", "Sum of the members' totals")),
        report.sum_of_totals
    ));
}

/// The mean, the spread and the quorum.
fn figures(page: &mut Page, report: &CouncilReport) {
    page.write(format_args!(
        "<h2>{}</h2>\n",
        E(page.say("2. Điểm trung bình và độ chênh lệch", "2. Mean and spread"))
    ));
    page.field(
        page.say("Số thành viên chấm điểm", "Members who scored"),
        Some(&report.member_count.to_string()),
    );
    page.field(
        page.say(
            "Điểm trung bình (tổng điểm / số thành viên)",
            "Mean (sum / members)",
        ),
        Some(&format!(
            "{} / {} = {}",
            report.sum_of_totals, report.member_count, report.mean
        )),
    );
    if let Some(rounded) = report.rounded_mean {
        page.field(
            page.say("Điểm trung bình làm tròn", "Mean, rounded"),
            Some(&rounded.to_string()),
        );
    }
    let limit = report.rules.max_spread.map_or_else(String::new, |max| {
        format!(
            " ({} {max}{})",
            page.say("tối đa", "at most"),
            if report.spread_exceeded {
                page.say(": vượt mức cho phép", ": exceeded")
            } else {
                ""
            }
        )
    });
    page.field(
        page.say(
            "Chênh lệch tổng điểm giữa các thành viên",
            "Spread of the members' totals",
        ),
        Some(&format!("{}{limit}", report.spread)),
    );
    if let Some(q) = &report.quorum {
        let met = if q.met {
            page.say("đủ", "met")
        } else {
            page.say("không đủ", "not met")
        };
        page.field(
            page.say("Số thành viên tham dự", "Members present"),
            Some(&format!(
                "{}/{} ({} {}: {met})",
                q.present,
                q.council_size,
                page.say("cần", "needs"),
                q.required
            )),
        );
    }
    if !report.result_stands {
        page.write(format_args!(
            "<p class=\"note\">{}</p>\n",
            E(page.say(
                "Kết quả chưa đủ điều kiện để công nhận (chênh lệch hoặc số thành viên tham dự không đạt).",
                "The result does not stand (spread or quorum not met)."
            ))
        ));
    }
}

/// The mean's part totals, the stars and the markers that cap them.
fn parts_and_stars(page: &mut Page, report: &CouncilReport, explained: &Explanation) {
    let result = &report.result;
    page.write(format_args!(
        "<h2>{}</h2>\n<table>\n<thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>\n",
        E(page.say("3. Kết quả của Hội đồng (trên điểm trung bình)", "3. The council's result (on the mean)")),
        E(page.say("Phần", "Part")),
        E(page.say("Điểm trung bình", "Mean points")),
        E(page.say("Tối đa", "Maximum"))
    ));
    for (part, name) in result.parts.iter().zip(&explained.parts) {
        page.write(format_args!(
            "<tr><td>{} {}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>\n",
            E(&part.code),
            E(one(name)),
            part.points,
            part.max
        ));
    }
    page.write(format_args!(
        "<tr class=\"total\"><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>\n</tbody>\n</table>\n",
        E(page.say("TỔNG CỘNG", "TOTAL")),
        result.total,
        result.max_total
    ));
    let none = page.say("không xếp hạng", "not rated").to_owned();
    page.field(
        page.say("Hạng theo điểm", "Band by points"),
        Some(&result.band.map_or_else(|| none.clone(), star_glyphs)),
    );
    page.field(
        page.say(
            "Hạng sao (sau khi áp dụng dấu sao)",
            "Stars (after the star markers)",
        ),
        Some(&result.stars.map_or(none, star_glyphs)),
    );
    for (b, option) in result.blockers.iter().zip(&explained.blockers) {
        let name = result
            .lines
            .iter()
            .position(|l| l.code == b.code)
            .and_then(|i| explained.lines.get(i))
            .map(|l| one(&l.name).to_owned())
            .unwrap_or_default();
        page.write(format_args!(
            "<p>• {} {}: {} {} ({}): {} {}, {} {}{}</p>\n",
            E(page.say("Chưa đạt", "Holds back")),
            star_glyphs(b.star),
            E(page.say("tiêu chí", "criterion")),
            E(&b.code),
            E(&name),
            E(page.say("cần", "needs")),
            b.needs_points,
            E(page.say("đạt", "has")),
            b.has_points,
            option
                .as_ref()
                .map(|o| format!(" — {}", E(one(o))))
                .unwrap_or_default()
        ));
    }
}

/// The criteria members scored differently, and knock-outs members flagged.
fn disagreements(page: &mut Page, report: &CouncilReport, explained: &Explanation) {
    if report.disagreements.is_empty() && report.member_knockouts.is_empty() {
        return;
    }
    page.write(format_args!(
        "<h2>{}</h2>\n<table>\n<thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>\n",
        E(page.say("4. Tiêu chí các thành viên chấm khác nhau", "4. Criteria members scored differently")),
        E(page.say("Mã", "Code")),
        E(page.say("Tiêu chí", "Criterion")),
        E(page.say("Điểm của từng thành viên", "Each member's points")),
        E(page.say("Chênh lệch", "Spread"))
    ));
    for d in &report.disagreements {
        let name = report
            .result
            .lines
            .iter()
            .position(|l| l.code == d.code)
            .and_then(|i| explained.lines.get(i))
            .map(|l| one(&l.name).to_owned())
            .unwrap_or_default();
        let points: Vec<String> = d.points.iter().map(u8::to_string).collect();
        page.write(format_args!(
            "<tr><td class=\"code\">{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td></tr>\n",
            E(&d.code),
            E(&name),
            E(&points.join(" · ")),
            d.spread
        ));
    }
    page.raw("</tbody>\n</table>\n");
    for k in &report.member_knockouts {
        let members: Vec<String> = k.members.iter().map(|m| (m + 1).to_string()).collect();
        page.write(format_args!(
            "<p>• {} {} ({} {}): {}</p>\n",
            E(page.say("Điều kiện loại tại", "Knock-out on")),
            E(&k.code),
            E(page.say("thành viên", "members")),
            E(&members.join(", ")),
            E(if k.adopted {
                page.say("Hội đồng kết luận áp dụng", "adopted by the council")
            } else {
                page.say("Hội đồng không kết luận", "not adopted by the council")
            })
        ));
    }
}

/// The secretary and the chair side by side, then every member.
fn signatures(page: &mut Page, form: &CouncilForm, report: &CouncilReport) {
    let chair = report
        .members
        .iter()
        .find(|m| m.chair)
        .and_then(|m| m.name.as_deref());
    let dated = page.place_and_date(form.place.as_deref(), form.signed_on);
    let blocks = [
        Signature {
            title: page.say("THƯ KÝ HỘI ĐỒNG", "SECRETARY"),
            how: page.say("(Ký và ghi rõ họ tên)", "(Signature and full name)"),
            name: None,
        },
        Signature {
            title: page.say("CHỦ TỊCH HỘI ĐỒNG", "CHAIR OF THE COUNCIL"),
            how: page.say("(Ký và ghi rõ họ tên)", "(Signature and full name)"),
            name: chair,
        },
    ];
    page.signatures(Some(dated), &blocks);
    page.write(format_args!(
        "<p><b>{}</b></p>\n<div class=\"members\">\n",
        E(page.say("CÁC THÀNH VIÊN HỘI ĐỒNG", "MEMBERS OF THE COUNCIL"))
    ));
    for (i, m) in report.members.iter().enumerate() {
        let unnamed = format!("{} {}", page.say("Thành viên", "Member"), i + 1);
        page.write(format_args!(
            "<div><p class=\"note\">{}</p><div class=\"space\"></div><p>{}</p></div>\n",
            E(page.say("(Ký và ghi rõ họ tên)", "(Signature and full name)")),
            E(m.name.as_deref().unwrap_or(&unnamed))
        ));
    }
    page.raw("</div>\n");
}
