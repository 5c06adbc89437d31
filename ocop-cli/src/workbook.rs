//! Council workbooks: an `.xlsx` scoring workbook for one product set (a council sheet, one
//! sheet per member with the printed criteria and options, each answer a dropdown with its
//! points), and the filled workbook read back into a council, every bad cell reported by
//! sheet and cell.
//!
//! Layout (the reader relies on it): the first sheet is the council's, with a hidden column A
//! of keys (`edition`, `product_set`, `subject_type`, …, and one `member` row per member naming
//! the member's sheet); each member sheet has criterion codes in column A, the chosen option in
//! column C and, where the criterion has a knock-out, the member's finding in column E; a
//! hidden last sheet holds the dropdown lists.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::BufReader;

use calamine::{Data, Range, Reader, Sheets, open_workbook_auto};

use clap::Args;
use jiff::civil::Date;
use ocop_core::catalog::Edition;
use ocop_core::catalog::model::Criterion;
use ocop_core::council::{CouncilInput, CouncilRules, MemberSheet};
use ocop_core::error::{InputError, Problem};
use ocop_core::evaluation::Answers;
use ocop_core::{Catalog, Choice, InputErrors, Lang, Level, SheetRef, SubjectType};
use rust_xlsxwriter::{
    Color, DataValidation, DataValidationErrorStyle, Format, FormatAlign, FormatBorder, Formula,
    Workbook, Worksheet,
};
use serde::Serialize;

use crate::render::say;
use crate::tables::cell_text;
use crate::{Exit, Out};

#[derive(Args)]
pub(crate) struct CouncilWorkbookArgs {
    /// The product set (1–26).
    #[arg(long)]
    set: u8,
    /// Edition (default: the newest).
    #[arg(long)]
    edition: Option<String>,
    /// Members' names, comma-separated (default: --count members, numbered).
    #[arg(long, value_delimiter = ',')]
    members: Vec<String>,
    /// How many members when no names are given.
    #[arg(long, default_value_t = 5)]
    count: u8,
    /// The chair: their place in --members (1 = the first).
    #[arg(long)]
    chair: Option<usize>,
    /// Your reference for the product, written on the council sheet.
    #[arg(long)]
    reference: Option<String>,
    /// The workbook to write (.xlsx).
    #[arg(long, short)]
    out: String,
}

/// The keys of the council sheet's rows, in order, with their labels.
const FIELDS: &[(&str, &str, &str)] = &[
    ("edition", "Bộ tiêu chí", "Edition"),
    ("product_set", "Bộ sản phẩm", "Product set"),
    (
        "reference",
        "Tên sản phẩm / mã tham chiếu",
        "Product / reference",
    ),
    ("subject_type", "Loại chủ thể", "Subject type"),
    (
        "evaluated_on",
        "Ngày họp hội đồng (YYYY-MM-DD)",
        "Day of the meeting (YYYY-MM-DD)",
    ),
    (
        "level",
        "Cấp hội đồng (để trống: cấp đầu tiên)",
        "Council level (empty: the first)",
    ),
    (
        "knockouts",
        "Điều kiện loại hội đồng kết luận (mã tiêu chí, cách nhau bởi ;)",
        "Knock-outs the council decided (criterion codes, separated by ;)",
    ),
    ("dossier_rejected", "Hồ sơ bị loại", "Dossier rejected"),
    (
        "max_spread",
        "Chênh lệch tối đa giữa các thành viên (điểm)",
        "Largest difference between members' totals (points)",
    ),
];

/// The columns of a member's sheet.
const CODE: u16 = 0;
const NAME: u16 = 1;
const CHOICE: u16 = 2;
const POINTS: u16 = 3;
const KNOCKOUT: u16 = 4;
const OPTIONS: u16 = 5;
/// The first row of criteria on a member's sheet (0-based).
const FIRST_ROW: u32 = 4;

/// The council sheet's name, the hidden lists sheet's name.
fn sheet_names(lang: Lang) -> (String, String) {
    (
        say(lang, "Hội đồng", "Council"),
        say(lang, "Danh mục", "Lists"),
    )
}

/// The dropdown entry for "no option applies" (a `null` answer).
fn no_option(lang: Lang) -> String {
    say(
        lang,
        "0. Không có phương án phù hợp (0 điểm)",
        "0. No option applies (0 points)",
    )
}

/// The dropdown entry of option `i` (0-based): its number as shown (from 1), its points and
/// star marker, and its words.
fn entry(c: &Criterion, i: usize, lang: Lang) -> String {
    let Some(o) = c.options.get(i) else {
        return String::new();
    };
    let marker = o.min_star.map_or(String::new(), |s| {
        format!(" {}", "*".repeat(usize::from(s)))
    });
    let words = match lang {
        Lang::Vi => &o.vi,
        Lang::En => &o.en,
    };
    let only = if o.subject_types.is_empty() {
        String::new()
    } else {
        format!(
            " [{}]",
            o.subject_types
                .iter()
                .map(|t| t.wire())
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    format!(
        "{}. {} {}{marker}: {words}{only}",
        i + 1,
        o.points,
        say(lang, "điểm", "points")
    )
}

/// A sheet name Excel accepts: without `[]:*?/\`, at most 31 characters, not yet taken.
fn sheet_name(wanted: &str, taken: &[String]) -> String {
    let clean: String = wanted
        .chars()
        .filter(|c| !"[]:*?/\\'".contains(*c))
        .take(31)
        .collect();
    let base = if clean.trim().is_empty() {
        "?".to_owned()
    } else {
        clean.trim().to_owned()
    };
    let mut name = base.clone();
    let mut n = 2;
    while taken.iter().any(|t| t.eq_ignore_ascii_case(&name)) {
        let suffix = format!(" ({n})");
        name = format!(
            "{}{suffix}",
            base.chars()
                .take(31 - suffix.chars().count())
                .collect::<String>()
        );
        n += 1;
    }
    name
}

/// The letters of column `col` (0-based): 0 → `A`, 27 → `AB`.
fn letters(col: u16) -> String {
    let mut out = String::new();
    let mut c = u32::from(col) + 1;
    while c > 0 {
        let rem = (c - 1) % 26;
        out.insert(0, char::from(b'A' + rem as u8));
        c = (c - 1) / 26;
    }
    out
}

/// A sheet's name as a formula refers to it: `'Danh mục'`.
fn quoted(sheet: &str) -> String {
    format!("'{}'", sheet.replace('\'', "''"))
}

/// `'Sheet name'!C5` for cell (row, col), 0-based.
fn cell_ref(sheet: &str, row: u32, col: u16) -> String {
    format!("{}!{}{}", quoted(sheet), letters(col), row + 1)
}

/// `'Danh mục'!$B$5:$E$5`: `count` cells of `row` from column B on the lists sheet.
fn list_range(lists: &str, row: u32, count: usize) -> String {
    let last = u16::try_from(count).unwrap_or(u16::MAX);
    format!(
        "{}!$B${r}:${}${r}",
        quoted(lists),
        letters(last),
        r = row + 1
    )
}

fn xlsx<T>(r: Result<T, rust_xlsxwriter::XlsxError>) -> Result<T, String> {
    r.map_err(|e| e.to_string())
}

pub(crate) fn run_write(args: &CouncilWorkbookArgs, out: Out) -> Result<Exit, String> {
    let catalog = Catalog::builtin();
    let edition = match &args.edition {
        Some(id) => catalog.find_edition(id),
        None => catalog.editions().next().ok_or_else(|| {
            InputError::at(
                "/edition",
                Problem::Internal("no edition is built in".into()),
            )
        }),
    };
    let sheet = edition.and_then(|e| e.find_sheet(args.set));
    let sheet = match sheet {
        Ok(s) => s,
        Err(e) => {
            crate::output::report(&InputErrors::from(e), "council-workbook: ", out.lang);
            return Ok(Exit::InputRefused);
        }
    };
    let members: Vec<String> = if args.members.is_empty() {
        (1..=args.count)
            .map(|i| say(out.lang, &format!("Thành viên {i}"), &format!("Member {i}")))
            .collect()
    } else {
        args.members.iter().map(|m| m.trim().to_owned()).collect()
    };
    if members.is_empty() || members.len() > ocop_core::limits::MAX_COUNCIL_MEMBERS {
        return Err(format!(
            "a council has 1 to {} members",
            ocop_core::limits::MAX_COUNCIL_MEMBERS
        ));
    }
    let mut book = Workbook::new();
    write_book(&mut book, &sheet, &members, args, out.lang)?;
    book.save(&args.out)
        .map_err(|e| format!("{}: {e}", args.out))?;
    eprintln!(
        "{}",
        say(
            out.lang,
            &format!(
                "{}: {} thành viên, bộ sản phẩm {}",
                args.out,
                members.len(),
                args.set
            ),
            &format!(
                "{}: {} members, product set {}",
                args.out,
                members.len(),
                args.set
            ),
        )
    );
    Ok(Exit::Answered)
}

/// The formats of the workbook.
struct Formats {
    title: Format,
    head: Format,
    input: Format,
    part: Format,
    section: Format,
    wrap: Format,
    note: Format,
}

impl Formats {
    fn new() -> Formats {
        let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
        Formats {
            title: Format::new().set_bold().set_font_size(14),
            head: Format::new()
                .set_bold()
                .set_background_color(Color::RGB(0xD9E1F2))
                .set_border(FormatBorder::Thin)
                .set_text_wrap(),
            input: wrap
                .clone()
                .set_background_color(Color::RGB(0xFFF2CC))
                .set_border(FormatBorder::Thin)
                .set_unlocked(),
            part: Format::new()
                .set_bold()
                .set_background_color(Color::RGB(0xEDEDED)),
            section: Format::new().set_bold().set_italic(),
            wrap,
            note: Format::new()
                .set_italic()
                .set_font_color(Color::RGB(0x595959))
                .set_text_wrap(),
        }
    }
}

/// What every sheet of a council workbook needs: the product set's sheet, the language, the
/// formats and the names of the council and list sheets.
struct Book<'a> {
    sheet: SheetRef<'a>,
    lang: Lang,
    f: Formats,
    council_name: String,
    lists_name: String,
    set_name: String,
}

/// Where a criterion's dropdown entries are on the lists sheet: their row (the points are on
/// the next) and how many there are.
type ListRow = (u32, usize);

fn write_book(
    workbook: &mut Workbook,
    sheet: &SheetRef<'_>,
    members: &[String],
    args: &CouncilWorkbookArgs,
    lang: Lang,
) -> Result<(), String> {
    let (council_name, lists_name) = sheet_names(lang);
    let mut taken = vec![council_name.clone(), lists_name.clone()];
    let member_sheets: Vec<String> = members
        .iter()
        .map(|m| {
            let name = sheet_name(m, &taken);
            taken.push(name.clone());
            name
        })
        .collect();
    let book = Book {
        sheet: *sheet,
        lang,
        f: Formats::new(),
        council_name,
        lists_name,
        set_name: sheet
            .product_set()
            .map_or(String::new(), |p| p.name.get(lang).to_owned()),
    };
    let (lists, list_rows, types) = book.lists_sheet()?;
    workbook.push_worksheet(book.council_sheet(members, &member_sheets, args, types)?);
    for (member, name) in members.iter().zip(&member_sheets) {
        workbook.push_worksheet(book.member_sheet(member, name, &list_rows)?);
    }
    workbook.push_worksheet(lists);
    Ok(())
}

impl Book<'_> {
    /// The hidden lists behind the dropdowns: subject types, yes/no, then two rows per
    /// criterion (its entries, and their points). Also where each criterion's entries are, and
    /// how many subject types there are.
    fn lists_sheet(&self) -> Result<(Worksheet, Vec<ListRow>, usize), String> {
        let (sheet, lang, lists_name) = (&self.sheet, self.lang, &self.lists_name);
        let edition = sheet.edition();
        let mut lists = Worksheet::new();
        xlsx(lists.set_name(lists_name.as_str()))?;
        let types: Vec<String> = edition
            .data()
            .subject_types
            .iter()
            .filter(|t| {
                t.only_product_sets.is_empty() || t.only_product_sets.contains(&sheet.product_set)
            })
            .map(|t| t.name.get(lang).to_owned())
            .collect();
        for (col, t) in (1u16..).zip(&types) {
            xlsx(lists.write_string(0, col, t))?;
        }
        xlsx(lists.write_string(0, 0, "subject_type"))?;
        let yes = say(lang, "Có", "Yes");
        let no = say(lang, "Không", "No");
        xlsx(lists.write_string(1, 0, "yes_no"))?;
        xlsx(lists.write_string(1, 1, &yes))?;
        xlsx(lists.write_string(1, 2, &no))?;
        let mut criterion_lists: Vec<(u32, usize)> = Vec::new();
        for (p, c) in sheet.criteria().enumerate() {
            let row = 3 + 2 * u32::try_from(p).unwrap_or(0);
            xlsx(lists.write_string(row, 0, c.code.as_str()))?;
            xlsx(lists.write_string(row, 1, no_option(lang)))?;
            xlsx(lists.write_number(row + 1, 1, 0.0))?;
            for i in 0..c.options.len() {
                let col = u16::try_from(i + 2).unwrap_or(u16::MAX);
                xlsx(lists.write_string(row, col, entry(c, i, lang)))?;
                xlsx(lists.write_number(
                    row + 1,
                    col,
                    f64::from(c.options.get(i).map_or(0, |o| o.points)),
                ))?;
            }
            criterion_lists.push((row, c.options.len() + 1));
        }
        lists.set_hidden(true);
        Ok((lists, criterion_lists, types.len()))
    }

    /// The council's sheet: the product, the council's decisions and the members.
    fn council_sheet(
        &self,
        members: &[String],
        member_sheets: &[String],
        args: &CouncilWorkbookArgs,
        types: usize,
    ) -> Result<Worksheet, String> {
        let mut council = Worksheet::new();
        xlsx(council.set_name(self.council_name.as_str()))?;
        xlsx(council.set_column_width(1, 48))?;
        xlsx(council.set_column_width(2, 36))?;
        xlsx(council.set_column_width(3, 12))?;
        self.council_heading(&mut council)?;
        for (i, field) in FIELDS.iter().enumerate() {
            let row = 3 + u32::try_from(i).unwrap_or(0);
            self.council_field(&mut council, row, field, args, types)?;
        }
        let head = 4 + u32::try_from(FIELDS.len()).unwrap_or(0);
        self.members_table(&mut council, head, members, member_sheets, args.chair)?;
        xlsx(council.set_column_hidden(0))?;
        council.set_active(true);
        Ok(council)
    }

    /// The council sheet's title (the product set) and how to fill the workbook in.
    fn council_heading(&self, council: &mut Worksheet) -> Result<(), String> {
        let (lang, f, set_name, product_set) =
            (self.lang, &self.f, &self.set_name, self.sheet.product_set);
        xlsx(council.write_string_with_format(
            0,
            1,
            say(
                lang,
                &format!(
                    "Phiếu chấm điểm của hội đồng OCOP — bộ sản phẩm {product_set}: {set_name}"
                ),
                &format!("OCOP council scoring workbook — product set {product_set}: {set_name}"),
            ),
            &f.title,
        ))?;
        xlsx(council.write_string_with_format(
            1,
            1,
            say(
                lang,
                "Điền các ô màu vàng. Mỗi thành viên chấm trên trang tính mang tên mình: chọn phương án trong danh sách (số thứ tự như phiếu in, 0 = không có phương án phù hợp).",
                "Fill in the yellow cells. Each member scores on the sheet with their name: pick the option from the list (numbered as printed, 0 = no option applies).",
            ),
            &f.note,
        ))?;
        Ok(())
    }

    /// One field's row: its key (in the hidden column, for the reader), its label, the value
    /// already known (edition, product set, reference) and, where the answer is one of a
    /// list, its dropdown.
    fn council_field(
        &self,
        council: &mut Worksheet,
        row: u32,
        (key, vi, en): &(&str, &str, &str),
        args: &CouncilWorkbookArgs,
        types: usize,
    ) -> Result<(), String> {
        let (lang, f) = (self.lang, &self.f);
        xlsx(council.write_string(row, 0, *key))?;
        xlsx(council.write_string_with_format(row, 1, say(lang, vi, en), &f.head))?;
        let value = match *key {
            "edition" => Some(self.sheet.edition().id().to_owned()),
            "product_set" => Some(self.sheet.product_set.to_string()),
            "reference" => args.reference.clone(),
            _ => None,
        };
        match value {
            Some(v) => xlsx(council.write_string_with_format(row, 2, &v, &f.input))?,
            None => xlsx(council.write_blank(row, 2, &f.input))?,
        };
        if let Some(v) = self.field_dropdown(key, types)? {
            xlsx(council.add_data_validation(row, 2, row, 2, &v))?;
        }
        Ok(())
    }

    /// The dropdown of a council field chosen from a list: the subject types, yes/no, or the
    /// council levels.
    fn field_dropdown(&self, key: &str, types: usize) -> Result<Option<DataValidation>, String> {
        let lists_name = &self.lists_name;
        Ok(match key {
            "subject_type" => Some(DataValidation::new().allow_list_formula(Formula::new(
                format!("={}", list_range(lists_name, 0, types)),
            ))),
            "dossier_rejected" => Some(
                DataValidation::new()
                    .allow_list_formula(Formula::new(format!("={}", list_range(lists_name, 1, 2)))),
            ),
            "level" => Some(xlsx(DataValidation::new().allow_list_strings(
                &Level::ALL.iter().map(|l| l.wire()).collect::<Vec<_>>(),
            ))?),
            _ => None,
        })
    }

    /// The members' table from row `head`: a `member` row per member with their name, their
    /// sheet and the chair's mark.
    fn members_table(
        &self,
        council: &mut Worksheet,
        head: u32,
        members: &[String],
        member_sheets: &[String],
        chair: Option<usize>,
    ) -> Result<(), String> {
        let (lang, f) = (self.lang, &self.f);
        xlsx(council.write_string(head, 0, "members"))?;
        for (col, (vi, en)) in [
            ("Thành viên", "Member"),
            ("Trang tính", "Sheet"),
            ("Chủ tịch (x)", "Chair (x)"),
        ]
        .into_iter()
        .enumerate()
        {
            xlsx(council.write_string_with_format(
                head,
                1 + col as u16,
                say(lang, vi, en),
                &f.head,
            ))?;
        }
        for (i, (member, sheet_name)) in members.iter().zip(member_sheets).enumerate() {
            let row = head + 1 + u32::try_from(i).unwrap_or(0);
            xlsx(council.write_string(row, 0, "member"))?;
            xlsx(council.write_string_with_format(row, 1, member, &f.input))?;
            xlsx(council.write_string(row, 2, sheet_name))?;
            if chair == Some(i + 1) {
                xlsx(council.write_string_with_format(row, 3, "x", &f.input))?;
            } else {
                xlsx(council.write_blank(row, 3, &f.input))?;
            }
        }
        Ok(())
    }

    /// A member's sheet: the sheet as printed, an answer to pick on each criterion.
    fn member_sheet(
        &self,
        member: &str,
        name: &str,
        list_rows: &[ListRow],
    ) -> Result<Worksheet, String> {
        let (lang, f) = (self.lang, &self.f);
        let mut ws = Worksheet::new();
        xlsx(ws.set_name(name))?;
        self.member_heading(&mut ws, member)?;
        let mut row = FIRST_ROW;
        let mut position = 0usize;
        let mut points_rows = Vec::new();
        for part in &self.sheet.data().parts {
            xlsx(ws.write_string_with_format(
                row,
                NAME,
                format!("{} {} ({})", part.code, part.name.get(lang), part.max),
                &f.part,
            ))?;
            row += 1;
            for section in &part.sections {
                xlsx(ws.write_string_with_format(
                    row,
                    NAME,
                    format!(
                        "{} {} ({})",
                        section.code,
                        section.name.get(lang),
                        section.max
                    ),
                    &f.section,
                ))?;
                row += 1;
                for c in &section.criteria {
                    let Some(&list_row) = list_rows.get(position) else {
                        break;
                    };
                    position += 1;
                    self.criterion_row(&mut ws, row, c, list_row)?;
                    points_rows.push(row);
                    row += 1;
                }
            }
        }
        self.member_total(&mut ws, row, &points_rows)?;
        Ok(ws)
    }

    /// The top of a member's sheet: column widths, the title (member, product set, edition),
    /// how to fill it in, and the column heads, frozen while scrolling.
    fn member_heading(&self, ws: &mut Worksheet, member: &str) -> Result<(), String> {
        let (lang, f, set_name) = (self.lang, &self.f, &self.set_name);
        for (col, width) in [
            (CODE, 8.0),
            (NAME, 48.0),
            (CHOICE, 40.0),
            (POINTS, 7.0),
            (KNOCKOUT, 11.0),
            (OPTIONS, 70.0),
        ] {
            xlsx(ws.set_column_width(col, width))?;
        }
        xlsx(ws.write_string_with_format(
            0,
            0,
            format!(
                "{member} — {} {}: {set_name} ({})",
                say(lang, "bộ sản phẩm", "product set"),
                self.sheet.product_set,
                self.sheet.edition().id()
            ),
            &f.title,
        ))?;
        xlsx(ws.write_string_with_format(
            1,
            0,
            say(
                lang,
                "Chọn phương án ở cột Phương án chọn; cột Loại: chọn Có nếu điều kiện loại của tiêu chí xảy ra.",
                "Pick the option in the Choice column; Knock-out column: pick Yes if the criterion's knock-out condition applies.",
            ),
            &f.note,
        ))?;
        let heads = [
            say(lang, "Mã", "Code"),
            say(lang, "Tiêu chí", "Criterion"),
            say(lang, "Phương án chọn", "Choice"),
            say(lang, "Điểm", "Points"),
            say(lang, "Loại", "Knock-out"),
            say(lang, "Các phương án (như phiếu in)", "Options (as printed)"),
        ];
        for (col, h) in (0u16..).zip(&heads) {
            xlsx(ws.write_string_with_format(FIRST_ROW - 1, col, h, &f.head))?;
        }
        xlsx(ws.set_freeze_panes(FIRST_ROW, 0))?;
        Ok(())
    }

    /// A criterion's row: its code and name, the choice (a dropdown of its entries on the
    /// lists sheet), the points the choice earns, the knock-out finding where it has one,
    /// and its options as printed.
    fn criterion_row(
        &self,
        ws: &mut Worksheet,
        row: u32,
        c: &Criterion,
        (list_row, count): ListRow,
    ) -> Result<(), String> {
        let (lang, f, lists_name) = (self.lang, &self.f, &self.lists_name);
        xlsx(ws.write_string_with_format(row, CODE, c.code.as_str(), &f.wrap))?;
        xlsx(ws.write_string_with_format(row, NAME, c.name.get(lang), &f.wrap))?;
        xlsx(ws.write_blank(row, CHOICE, &f.input))?;
        let choice = list_range(lists_name, list_row, count);
        let points = list_range(lists_name, list_row + 1, count);
        let here = format!("{}{}", letters(CHOICE), row + 1);
        xlsx(ws.write_formula(
            row,
            POINTS,
            Formula::new(format!(
                "=IF({here}=\"\",\"\",IFERROR(INDEX({points},MATCH({here},{choice},0)),\"\"))"
            )),
        ))?;
        let validation = DataValidation::new()
            .allow_list_formula(Formula::new(format!("={choice}")))
            .set_error_style(DataValidationErrorStyle::Stop);
        xlsx(ws.add_data_validation(row, CHOICE, row, CHOICE, &validation))?;
        if c.knockout.is_some() {
            xlsx(ws.write_blank(row, KNOCKOUT, &f.input))?;
            xlsx(
                ws.add_data_validation(
                    row,
                    KNOCKOUT,
                    row,
                    KNOCKOUT,
                    &DataValidation::new().allow_list_formula(Formula::new(format!(
                        "={}",
                        list_range(lists_name, 1, 2)
                    ))),
                ),
            )?;
        }
        xlsx(ws.write_string_with_format(row, OPTIONS, printed_options(c, lang), &f.wrap))?;
        Ok(())
    }

    /// The total row under the criteria: the sum of the points column.
    fn member_total(
        &self,
        ws: &mut Worksheet,
        row: u32,
        points_rows: &[u32],
    ) -> Result<(), String> {
        let (lang, f) = (self.lang, &self.f);
        if let (Some(first), Some(last)) = (points_rows.first(), points_rows.last()) {
            xlsx(ws.write_string_with_format(row, NAME, say(lang, "Tổng điểm", "Total"), &f.part))?;
            let column = letters(POINTS);
            xlsx(ws.write_formula(
                row,
                POINTS,
                Formula::new(format!("=SUM({column}{}:{column}{})", first + 1, last + 1)),
            ))?;
        }
        Ok(())
    }
}

/// A criterion's options as the printed sheet has them, then its requirement and knock-out
/// condition, one a line.
fn printed_options(c: &Criterion, lang: Lang) -> String {
    let mut printed: Vec<String> = (0..c.options.len()).map(|i| entry(c, i, lang)).collect();
    if let Some(r) = &c.requirement {
        printed.push(format!(
            "{} {}",
            say(lang, "Yêu cầu:", "Requirement:"),
            r.get(lang)
        ));
    }
    if let Some(k) = &c.knockout {
        printed.push(format!(
            "{} {}",
            say(lang, "Điều kiện loại:", "Knock-out:"),
            k.text.get(lang)
        ));
    }
    printed.join("\n")
}

/// A problem found in a workbook, with the cell it is in (when one is to blame).
#[derive(Clone, Debug, Serialize)]
pub(crate) struct CellError {
    #[serde(flatten)]
    pub(crate) error: InputError,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) cell: Option<String>,
}

/// Where each part of the council came from: a JSON Pointer of the council → its cell.
#[derive(Default)]
pub(crate) struct Cells(BTreeMap<String, String>);

impl Cells {
    /// The cell of `path`, or of the nearest enclosing path that has one.
    pub(crate) fn of(&self, path: &str) -> Option<String> {
        let mut p = path;
        loop {
            if let Some(c) = self.0.get(p) {
                return Some(c.clone());
            }
            match p.rfind('/') {
                Some(i) if i > 0 => p = p.get(..i).unwrap_or_default(),
                _ => return None,
            }
        }
    }

    pub(crate) fn locate(&self, errors: InputErrors) -> Vec<CellError> {
        errors
            .0
            .into_iter()
            .map(|error| CellError {
                cell: self.of(&error.path),
                error,
            })
            .collect()
    }
}

/// A filled workbook, read: the council (when its product could be read), where each part
/// came from, and the cells that could not be read.
pub(crate) struct ReadWorkbook {
    pub(crate) council: Option<CouncilInput>,
    pub(crate) cells: Cells,
    pub(crate) errors: Vec<CellError>,
}

/// The words a yes/no cell may hold for "yes", and for "no" (empty is "no").
const YES_WORDS: &[&str] = &["có", "yes", "x", "true", "1"];
const NO_WORDS: &[&str] = &["không", "no", "false", "0", ""];

/// The council sheet's field keys and the JSON Pointer of the council each one fills.
const FIELD_POINTERS: &[(&str, &str)] = &[
    ("edition", "/edition"),
    ("product_set", "/productSet"),
    ("reference", "/reference"),
    ("subject_type", "/subjectType"),
    ("evaluated_on", "/evaluatedOn"),
    ("level", "/level"),
    ("knockouts", "/knockouts"),
    ("dossier_rejected", "/dossierRejected"),
    ("max_spread", "/rules/maxSpread"),
];

/// What reading a workbook has found so far: where each part of the council came from, and
/// the cells that could not be read.
#[derive(Default)]
struct Reading {
    cells: Cells,
    errors: Vec<CellError>,
}

impl Reading {
    /// A cell that cannot be read: reported, and its value left out of the council.
    fn bad(&mut self, cell: String, path: &str, problem: Problem) {
        self.errors.push(CellError {
            error: InputError::at(path, problem),
            cell: Some(cell),
        });
    }

    /// The reading so far, with the council when it could be put together.
    fn finish(self, council: Option<CouncilInput>) -> ReadWorkbook {
        ReadWorkbook {
            council,
            cells: self.cells,
            errors: self.errors,
        }
    }
}

/// One `member` row of the council sheet: the member's name, the sheet they scored on,
/// whether they chair the council, and the row (0-based).
struct MemberRow {
    name: String,
    sheet: String,
    chair: bool,
    row: u32,
}

/// The council sheet as filled in: each field's text and cell, and the member rows.
struct CouncilSheet {
    name: String,
    fields: BTreeMap<&'static str, (String, String)>,
    members: Vec<MemberRow>,
}

impl CouncilSheet {
    /// Reads the council sheet: key (column A) → value (column C); a `member` row also has
    /// the member's name (column B) and the chair's mark (column D).
    fn read(name: String, range: &Range<Data>) -> CouncilSheet {
        let mut fields = BTreeMap::new();
        let mut members = Vec::new();
        for (row, key) in column(range, 0) {
            let value = text_at(range, row, 2);
            match key.as_str() {
                "member" => members.push(MemberRow {
                    name: text_at(range, row, 1),
                    sheet: value,
                    chair: !text_at(range, row, 3).is_empty(),
                    row,
                }),
                k => {
                    if let Some((field, _, _)) = FIELDS.iter().find(|(f, _, _)| *f == k) {
                        fields.insert(*field, (value, cell_ref(&name, row, 2)));
                    }
                }
            }
        }
        CouncilSheet {
            name,
            fields,
            members,
        }
    }

    /// A field's text and cell, when the sheet has its row.
    fn field(&self, key: &str) -> Option<(&str, String)> {
        self.fields.get(key).map(|(v, c)| (v.as_str(), c.clone()))
    }

    /// A field's text and cell, when it is filled in.
    fn filled(&self, key: &str) -> Option<(&str, String)> {
        self.field(key).filter(|(v, _)| !v.is_empty())
    }

    /// A field the council cannot do without: reported as missing when empty or absent.
    fn need(&self, key: &str, pointer: &str, r: &mut Reading) -> Option<(String, String)> {
        match self.field(key) {
            Some((v, c)) if !v.is_empty() => Some((v.to_owned(), c)),
            cell => {
                r.errors.push(CellError {
                    error: InputError::at(pointer, Problem::MissingField(key.to_owned())),
                    cell: cell.map(|(_, c)| c),
                });
                None
            }
        }
    }

    /// Records the cell of each field the sheet has, so that later problems name it.
    fn locate_fields(&self, cells: &mut Cells) {
        for (key, pointer) in FIELD_POINTERS {
            if let Some((_, c)) = self.field(key) {
                cells.0.insert((*pointer).to_owned(), c);
            }
        }
    }
}

/// The reading of a first sheet that is not a council sheet (another workbook was given).
fn not_a_council_sheet(council_name: &str) -> ReadWorkbook {
    ReadWorkbook {
        council: None,
        cells: Cells::default(),
        errors: vec![CellError {
            error: InputError::at(
                "",
                Problem::InvalidCsv(format!(
                    "the first sheet, `{council_name}`, is not an ocop council sheet (write one with `ocop council-workbook`)"
                )),
            ),
            cell: None,
        }],
    }
}

/// The council's own fields, each read from its cell (`None` where it could not be).
struct Header<'c> {
    /// The edition as written (kept even when the catalog does not know it).
    edition_id: Option<String>,
    product_set: Option<u8>,
    subject_type: Option<SubjectType>,
    evaluated_on: Option<Date>,
    level: Option<Level>,
    knockouts: Vec<String>,
    dossier_rejected: bool,
    max_spread: Option<u8>,
    /// The product set's scoring sheet, which the members' answers are read against.
    sheet: Option<SheetRef<'c>>,
}

/// Reads the council's fields in the order the sheet lists them, so problems are reported in
/// that order.
fn read_header<'c>(catalog: &'c Catalog, council: &CouncilSheet, r: &mut Reading) -> Header<'c> {
    let edition_id = council.need("edition", "/edition", r);
    let product_set = product_set_number(council, r);
    let edition = edition_id.as_ref().and_then(|(id, c)| {
        catalog
            .find_edition(id)
            .map_err(|e| {
                r.errors.push(CellError {
                    error: e,
                    cell: Some(c.clone()),
                });
            })
            .ok()
    });
    let subject_type = subject_type(council, edition, r);
    let evaluated_on = meeting_day(council, r);
    let level = council_level(council, r);
    let dossier_rejected = dossier_rejected(council, r);
    let knockouts = council_knockouts(council);
    let max_spread = max_spread(council, r);
    let sheet = scoring_sheet(edition, product_set, r);
    Header {
        edition_id: edition_id.map(|(id, _)| id),
        product_set,
        subject_type,
        evaluated_on,
        level,
        knockouts,
        dossier_rejected,
        max_spread,
        sheet,
    }
}

/// The product set's number (1–26).
fn product_set_number(council: &CouncilSheet, r: &mut Reading) -> Option<u8> {
    let (v, c) = council.need("product_set", "/productSet", r)?;
    v.parse::<u8>().ok().or_else(|| {
        let found = format!("`{v}`");
        r.bad(
            c,
            "/productSet",
            Problem::WrongType {
                expected: "a product set number",
                found,
            },
        );
        None
    })
}

/// The subject type: its wire name, or its name in either language as the dropdown shows it.
fn subject_type(
    council: &CouncilSheet,
    edition: Option<&Edition>,
    r: &mut Reading,
) -> Option<SubjectType> {
    let (v, c) = council.need("subject_type", "/subjectType", r)?;
    let found = SubjectType::parse(&v).or_else(|| {
        edition.and_then(|e| {
            e.data()
                .subject_types
                .iter()
                .find(|t| {
                    t.name.vi.eq_ignore_ascii_case(&v)
                        || t.name.en.eq_ignore_ascii_case(&v)
                        || t.name.vi.to_lowercase() == v.to_lowercase()
                })
                .map(|t| t.id)
        })
    });
    if found.is_none() {
        r.bad(
            c,
            "/subjectType",
            Problem::UnknownSubjectType {
                found: v.clone(),
                allowed: SubjectType::names(),
            },
        );
    }
    found
}

/// The day of the council's meeting, when filled in.
fn meeting_day(council: &CouncilSheet, r: &mut Reading) -> Option<Date> {
    let (v, c) = council.filled("evaluated_on")?;
    ocop_core::table::parse_table_date(v).or_else(|| {
        r.bad(c, "/evaluatedOn", Problem::InvalidDate(v.to_owned()));
        None
    })
}

/// The council's level, when filled in (empty: the first level).
fn council_level(council: &CouncilSheet, r: &mut Reading) -> Option<Level> {
    let (v, c) = council.filled("level")?;
    Level::parse(v).or_else(|| {
        r.bad(
            c,
            "/level",
            Problem::NotOneOf {
                what: Level::WHAT,
                found: v.to_owned(),
                allowed: Level::names(),
            },
        );
        None
    })
}

/// Whether the dossier was rejected: a yes/no cell, "no" when empty or unreadable.
fn dossier_rejected(council: &CouncilSheet, r: &mut Reading) -> bool {
    let Some((v, c)) = council.field("dossier_rejected") else {
        return false;
    };
    let v = v.to_lowercase();
    if YES_WORDS.contains(&v.as_str()) {
        true
    } else if NO_WORDS.contains(&v.as_str()) {
        false
    } else {
        r.bad(
            c,
            "/dossierRejected",
            Problem::WrongType {
                expected: "Có or Không (yes or no)",
                found: format!("`{v}`"),
            },
        );
        false
    }
}

/// The knock-outs the council decided: criterion codes separated by `;` or `,`.
fn council_knockouts(council: &CouncilSheet) -> Vec<String> {
    council
        .field("knockouts")
        .map(|(v, _)| {
            v.split([';', ','])
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}

/// The largest difference allowed between members' totals, when filled in.
fn max_spread(council: &CouncilSheet, r: &mut Reading) -> Option<u8> {
    let (v, c) = council.filled("max_spread")?;
    v.parse::<u8>().ok().or_else(|| {
        r.bad(
            c,
            "/rules/maxSpread",
            Problem::WrongType {
                expected: "a whole number of points",
                found: format!("`{v}`"),
            },
        );
        None
    })
}

/// The scoring sheet of the product set in the edition, when both could be read.
fn scoring_sheet<'c>(
    edition: Option<&'c Edition>,
    product_set: Option<u8>,
    r: &mut Reading,
) -> Option<SheetRef<'c>> {
    let (Some(e), Some(n)) = (edition, product_set) else {
        return None;
    };
    match e.find_sheet(n) {
        Ok(s) => Some(s),
        Err(err) => {
            r.errors.push(CellError {
                cell: r.cells.of("/productSet"),
                error: err,
            });
            None
        }
    }
}

/// Reads each member's sheet named on the council sheet; a missing sheet is reported and
/// its member left out.
fn read_members(
    book: &mut Sheets<BufReader<File>>,
    council: &CouncilSheet,
    sheet: Option<&SheetRef<'_>>,
    r: &mut Reading,
) -> Vec<MemberSheet> {
    let mut members = Vec::new();
    for (i, member) in council.members.iter().enumerate() {
        let at = format!("/members/{i}");
        let Ok(range) = book.worksheet_range(&member.sheet) else {
            r.bad(
                cell_ref(&council.name, member.row, 2),
                &at,
                Problem::InvalidCsv(format!("there is no sheet named `{}`", member.sheet)),
            );
            continue;
        };
        r.cells.0.insert(at.clone(), cell_ref(&member.sheet, 0, 0));
        let (answers, knockouts) = member_answers(&range, &member.sheet, &at, sheet, r);
        members.push(MemberSheet {
            name: Some(member.name.clone()).filter(|n| !n.is_empty()),
            chair: member.chair,
            answers,
            knockouts,
        });
    }
    members
}

/// One member's answers (column C) and the knock-outs they found (column E), on the rows
/// whose criterion code (column A) is on the product set's sheet.
fn member_answers(
    range: &Range<Data>,
    sheet_name: &str,
    at: &str,
    sheet: Option<&SheetRef<'_>>,
    r: &mut Reading,
) -> (Answers, Vec<String>) {
    let mut answers = Answers::default();
    let mut knockouts = Vec::new();
    for (row, code) in column(range, CODE) {
        let Some(criterion) = sheet.and_then(|s| s.criterion_by_code(&code)) else {
            continue;
        };
        let pointer = format!("{at}/answers/{}", ocop_core::read::pointer_segment(&code));
        let here = cell_ref(sheet_name, row, CHOICE);
        r.cells.0.insert(pointer.clone(), here.clone());
        let value = text_at(range, row, CHOICE);
        if !value.is_empty() {
            match option_of(&value, criterion) {
                Some(o) => {
                    answers.insert(code.clone(), o);
                }
                None => r.bad(
                    here,
                    &pointer,
                    Problem::WrongType {
                        expected: "one of the options in the list (its number: 1 = the first option, 0 = none applies)",
                        found: format!("`{}`", value.chars().take(60).collect::<String>()),
                    },
                ),
            }
        }
        let flag = text_at(range, row, KNOCKOUT).to_lowercase();
        if criterion.knockout.is_some() && YES_WORDS.contains(&flag.as_str()) {
            r.cells.0.insert(
                format!("{at}/knockouts/{}", knockouts.len()),
                cell_ref(sheet_name, row, KNOCKOUT),
            );
            knockouts.push(code.clone());
        }
    }
    (answers, knockouts)
}

/// Reads a filled workbook into a council. A cell that cannot be read is reported and left
/// out, so that the council's own checks still find every other problem (a blank answer…).
pub(crate) fn read_workbook(path: &str) -> Result<ReadWorkbook, String> {
    let catalog = Catalog::builtin();
    let mut book = open_workbook_auto(path).map_err(|e| format!("{path}: {e}"))?;
    let names = book.sheet_names();
    let council_name = names.first().cloned().ok_or("the workbook has no sheet")?;
    let range = book
        .worksheet_range(&council_name)
        .map_err(|e| format!("{path}: {e}"))?;
    let council = CouncilSheet::read(council_name, &range);
    if council.fields.is_empty() {
        return Ok(not_a_council_sheet(&council.name));
    }
    let mut r = Reading::default();
    council.locate_fields(&mut r.cells);
    let header = read_header(catalog, &council, &mut r);
    let members = read_members(&mut book, &council, header.sheet.as_ref(), &mut r);
    if council.members.is_empty() {
        r.errors.push(CellError {
            error: InputError::at("/members", Problem::CouncilEmpty),
            cell: None,
        });
    }
    let reference = council
        .field("reference")
        .map(|(v, _)| v.to_owned())
        .filter(|v| !v.is_empty());
    let council = council_input(header, reference, members);
    Ok(r.finish(council))
}

/// The council, once its edition, product set, subject type and scoring sheet are known.
fn council_input(
    header: Header<'_>,
    reference: Option<String>,
    members: Vec<MemberSheet>,
) -> Option<CouncilInput> {
    let (Some(edition), Some(product_set), Some(subject_type), Some(_)) = (
        header.edition_id,
        header.product_set,
        header.subject_type,
        header.sheet,
    ) else {
        return None;
    };
    Some(CouncilInput {
        format_version: None,
        reference,
        edition: Some(edition),
        evaluated_on: header.evaluated_on,
        product_set,
        subject_type,
        knockouts: header.knockouts,
        dossier_rejected: header.dossier_rejected,
        tourism_case: None,
        level: header.level,
        requirements_not_met: Vec::new(),
        requirement_rule: Default::default(),
        members,
        rules: CouncilRules {
            max_spread: header.max_spread,
            ..CouncilRules::default()
        },
    })
}

/// The option a cell names: a dropdown entry or a number as shown (1 = the first option,
/// 0 = none applies); `None` if it names none of the criterion's options.
fn option_of(value: &str, c: &Criterion) -> Option<Option<u32>> {
    let number = value
        .split(['.', ' '])
        .next()
        .and_then(|n| n.trim().parse::<usize>().ok())?;
    match number {
        0 => Some(None),
        n if n <= c.options.len() => u32::try_from(n - 1).ok().map(Some),
        _ => None,
    }
}

/// The non-empty cells of column `col`, with their rows (0-based, absolute).
fn column(range: &Range<Data>, col: u16) -> Vec<(u32, String)> {
    let (first_row, first_col) = range.start().unwrap_or((0, 0));
    range
        .rows()
        .enumerate()
        .filter_map(|(i, row)| {
            let c = usize::from(col).checked_sub(first_col as usize)?;
            let text = row.get(c).map(cell_text).unwrap_or_default();
            (!text.is_empty()).then(|| (first_row + i as u32, text))
        })
        .collect()
}

/// The text of cell (row, col) (absolute, 0-based).
fn text_at(range: &Range<Data>, row: u32, col: u16) -> String {
    range
        .get_value((row, u32::from(col)))
        .map(cell_text)
        .unwrap_or_default()
}

/// Prints workbook errors: on standard error with their cells, and as JSON when asked.
pub(crate) fn report(errors: &[CellError], name: &str, out: Out) -> Result<Exit, String> {
    if out.format == crate::Format::Json {
        #[derive(Serialize)]
        struct Failure<'a> {
            #[serde(rename = "type")]
            kind: &'static str,
            errors: &'a [CellError],
        }
        crate::output::print_json(&Failure {
            kind: "failure",
            errors,
        })?;
    }
    for e in errors {
        let at = e.cell.clone().unwrap_or_else(|| e.error.path.clone());
        eprintln!(
            "{name}: error {} at {at}: {}{}",
            e.error.code,
            e.error.message,
            if out.lang == Lang::Vi {
                format!(" ({})", e.error.code.title(Lang::Vi))
            } else {
                String::new()
            }
        );
    }
    Ok(Exit::InputRefused)
}
