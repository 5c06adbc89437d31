//! `ocop catalog`: the editions, their product sets, a search, or one sheet.

use clap::Args;
use ocop_core::catalog::model::KnockoutKind;
use ocop_core::{Catalog, Edition, Lang, SheetRef};
use serde_json::json;

use crate::output::print_json;
use crate::render::{WIDTH, row, say, wrap};
use crate::{Exit, Format, Out};

#[derive(Args)]
pub(crate) struct CatalogArgs {
    /// Edition id (26/2026, 148/2023); default: the edition in force today.
    #[arg(long)]
    edition: Option<String>,
    /// Show the scoring sheet of this product set (1-26).
    #[arg(long)]
    set: Option<u8>,
    /// Find product sets by name, with or without diacritics ("nuoc mam").
    #[arg(long)]
    search: Option<String>,
    /// Print the edition's canonical JSON: the exact bytes its content hash is taken over
    /// (`ocop catalog --canonical | sha256sum` gives the hash every result carries).
    #[arg(long, conflicts_with_all = ["set", "search"])]
    canonical: bool,
}

pub(crate) fn run(args: &CatalogArgs, out: Out) -> Result<Exit, String> {
    let catalog = Catalog::builtin();
    let edition = match &args.edition {
        Some(id) => catalog.find_edition(id).map_err(|e| e.message)?,
        None => catalog
            .edition_in_force(today())
            .ok_or("no edition is in force today")?,
    };
    let (lang, json) = (out.lang, out.format == Format::Json);
    if args.canonical {
        out!("{}", edition.canonical_json());
        return Ok(Exit::Answered);
    }
    if let Some(query) = &args.search {
        return search(edition, query, json, lang);
    }
    match (args.set, json) {
        (Some(n), json) => {
            let sheet = edition.find_sheet(n).map_err(|e| e.message)?;
            if json {
                print_json(
                    &json!({ "edition": edition.id(), "contentHash": edition.content_hash(), "productSet": sheet.product_set(), "sheet": sheet.data() }),
                )?;
            } else {
                outln!("{}", sheet_table(&sheet, lang));
            }
        }
        (None, true) => {
            let mut value = serde_json::to_value(edition.data()).map_err(|e| e.to_string())?;
            if let Some(map) = value.as_object_mut() {
                map.insert("contentHash".into(), edition.content_hash().into());
            }
            print_json(&value)?;
        }
        (None, false) => outln!("{}", overview(edition, lang)),
    }
    Ok(Exit::Answered)
}

/// Today in Vietnam (UTC+7 all year).
pub(crate) fn today() -> jiff::civil::Date {
    let offset = jiff::tz::Offset::constant(7);
    jiff::Timestamp::now()
        .to_zoned(jiff::tz::TimeZone::fixed(offset))
        .date()
}

fn search(edition: &Edition, query: &str, as_json: bool, lang: Lang) -> Result<Exit, String> {
    let hits = edition.find_product_sets(query);
    if as_json {
        print_json(&hits)?;
    } else if hits.is_empty() {
        outln!(
            "{}",
            say(
                lang,
                "Không tìm thấy bộ sản phẩm nào.",
                "No product set matches."
            )
        );
    } else {
        for hit in hits {
            if let Some(set) = edition.product_set(hit.product_set) {
                outln!("{:>3}  {}", set.number, set.name.get(lang));
            }
        }
    }
    Ok(Exit::Answered)
}

fn overview(edition: &Edition, lang: Lang) -> String {
    let data = edition.data();
    let id = &data.identity;
    let mut out = Vec::new();
    out.extend(wrap(
        &format!("{} — {}", id.number, id.title.get(lang)),
        WIDTH,
        2,
    ));
    let until = id
        .in_force_until
        .map_or_else(String::new, |d| format!(" – {d}"));
    out.push(format!(
        "{} {}{until} · data {} · {}",
        say(lang, "Hiệu lực", "In force"),
        id.effective_from,
        id.data_version,
        edition.content_hash()
    ));
    for group in &data.groups {
        out.push(String::new());
        out.push(format!("{}. {}", group.code, group.name.get(lang)));
        for set in data.product_sets.iter().filter(|s| s.group == group.code) {
            let flag = edition
                .sheet(set.number)
                .filter(|s| s.provisional.is_some())
                .map_or_else(String::new, |_| {
                    say(lang, "  (tạm thời)", "  (provisional)")
                });
            out.extend(wrap(
                &format!("  {:>2}  {}{flag}", set.number, set.name.get(lang)),
                WIDTH,
                6,
            ));
        }
    }
    if !id.caveats.is_empty() {
        out.push(String::new());
        out.push(say(lang, "Lưu ý về dữ liệu:", "Caveats:"));
        for c in &id.caveats {
            out.extend(wrap(&format!("- {c}"), WIDTH, 2));
        }
    }
    out.join("\n")
}

fn sheet_table(sheet: &SheetRef<'_>, lang: Lang) -> String {
    let mut out = Vec::new();
    let edition = sheet.edition();
    out.extend(wrap(
        &format!(
            "{} · {}",
            sheet.title.get(lang),
            edition.data().identity.number
        ),
        WIDTH,
        2,
    ));
    if let Some(p) = &sheet.provisional {
        out.extend(wrap(
            &format!(
                "{}: {}",
                say(lang, "PHIẾU TẠM THỜI", "PROVISIONAL"),
                p.reason
            ),
            WIDTH,
            2,
        ));
    }
    for line in &sheet.dossier_rejected_when {
        out.extend(wrap(line.get(lang), WIDTH, 2));
    }
    for part in &sheet.parts {
        out.push(String::new());
        out.push(row(
            &format!("{}  {}", part.code, part.name.get(lang)),
            &format!("{}", part.max),
            3,
        ));
        for section in &part.sections {
            out.push(row(
                &format!(" {} {}", section.code, section.name.get(lang)),
                &format!("{}", section.max),
                4,
            ));
            for c in &section.criteria {
                let mut marker = c.min_star.map_or_else(String::new, |s| {
                    format!("  [{}]", "*".repeat(usize::from(s)))
                });
                if sheet.doubts.iter().any(|d| d.criteria.contains(&c.code)) {
                    marker.push_str(&say(lang, "  (nghi vấn)", "  (in doubt)"));
                }
                out.push(row(
                    &format!("  {:<7}{}{marker}", c.code.as_str(), c.name.get(lang)),
                    &format!("{}", c.max),
                    9,
                ));
                for note in [&c.requirement, &c.note].into_iter().flatten() {
                    out.extend(wrap(&format!("         {}", note.get(lang)), WIDTH, 9));
                }
                if let Some(k) = &c.knockout {
                    let kind = match k.kind {
                        KnockoutKind::Eliminate => say(lang, "LOẠI", "ELIMINATES"),
                        KnockoutKind::StopEvaluation => say(lang, "DỪNG", "STOPS"),
                        KnockoutKind::NotAssessed => say(lang, "KHÔNG ĐÁNH GIÁ", "NOT ASSESSED"),
                    };
                    out.extend(wrap(
                        &format!("         ⚠ {kind}: {}", k.text.get(lang)),
                        WIDTH,
                        11,
                    ));
                }
                for (i, o) in c.options.iter().enumerate() {
                    let marker = o.min_star.map_or_else(
                        || "     ".to_owned(),
                        |s| format!("{:<5}", "*".repeat(usize::from(s))),
                    );
                    let case = o.case.map_or_else(String::new, |n| {
                        format!("[{} {n}] ", say(lang, "TH", "case"))
                    });
                    out.extend(wrap(
                        &format!(
                            "     {i:>2}  {:>2}  {marker} {case}{}",
                            o.points,
                            o.label(lang)
                        ),
                        WIDTH,
                        18,
                    ));
                }
            }
        }
    }
    if !sheet.doubts.is_empty() {
        out.push(String::new());
        out.push(say(
            lang,
            "Giá trị còn nghi vấn (giữ như văn bản in):",
            "Values in doubt (kept as printed):",
        ));
        for d in &sheet.doubts {
            let codes: Vec<&str> = d.criteria.iter().map(|c| c.as_str()).collect();
            out.extend(wrap(
                &format!("- {}: {} {}", codes.join(", "), d.printed, d.elsewhere),
                WIDTH,
                2,
            ));
        }
    }
    out.join("\n")
}
