//! The HTML every printed form shares: escaping, the A4 page and its print CSS, the national
//! heading, blanks, tick boxes and signature blocks.
//!
//! All text that comes from data or from the caller goes through [`E`], which escapes it; the
//! markup around it is written here, once.

use std::fmt::{self, Write as _};

use jiff::civil::Date;

use crate::text::{Lang, Text};

/// Text escaped for HTML (element content and quoted attribute values).
pub(crate) struct E<'a>(pub(crate) &'a str);

impl fmt::Display for E<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut rest = self.0;
        while let Some(i) = rest.find(['&', '<', '>', '"', '\'']) {
            f.write_str(rest.get(..i).unwrap_or_default())?;
            let entity = match rest.get(i..=i) {
                Some("&") => "&amp;",
                Some("<") => "&lt;",
                Some(">") => "&gt;",
                Some("\"") => "&quot;",
                _ => "&#39;",
            };
            f.write_str(entity)?;
            rest = rest.get(i + 1..).unwrap_or_default();
        }
        f.write_str(rest)
    }
}

/// The A4 page: margins as Vietnamese administrative documents use them (Nghị định
/// 30/2020/NĐ-CP: top and bottom 20 mm, left 30 mm, right 15 mm), Times New Roman where the
/// reader has it, a serif that covers Vietnamese otherwise, table headers repeated on every
/// page, and rows kept whole.
const CSS: &str = r#"
@page { size: A4; margin: 20mm 15mm 20mm 30mm; }
* { box-sizing: border-box; }
html { font-family: "Times New Roman", "Liberation Serif", "DejaVu Serif", serif; font-size: 11.5pt; line-height: 1.3; color: #000; }
body { margin: 0; }
@media screen {
  body { background: #e8e8e8; }
  main { width: 210mm; min-height: 297mm; margin: 8mm auto; padding: 20mm 15mm 20mm 30mm; background: #fff; box-shadow: 0 1px 4px rgba(0,0,0,.3); }
}
h1 { font-size: 13pt; text-align: center; margin: 4mm 0 1mm; text-transform: uppercase; }
h2 { font-size: 12pt; margin: 4mm 0 1mm; }
p { margin: 1mm 0; }
.center { text-align: center; }
.right { text-align: right; }
.sub { text-align: center; font-style: italic; margin: 0 0 3mm; }
.note { font-style: italic; font-weight: normal; }
.small { font-size: 10pt; }
.heading { display: flex; justify-content: space-between; gap: 8mm; margin-bottom: 3mm; }
.heading > div { text-align: center; font-weight: bold; }
.heading { font-size: 11pt; }
.heading > div:first-child { flex: 0 0 38%; }
.heading > div:last-child { flex: 1; white-space: nowrap; }
.heading .rule { font-weight: normal; }
.nation { text-align: center; font-weight: bold; margin-bottom: 3mm; }
.blank { border-bottom: 1px dotted #000; min-width: 30mm; display: inline-block; }
.lines { border-bottom: 1px dotted #000; height: 6mm; }
.filled { white-space: pre-wrap; }
table { width: 100%; border-collapse: collapse; margin: 2mm 0; font-size: 10.5pt; }
th, td { border: 1px solid #000; padding: 1mm 1.5mm; vertical-align: top; }
th { font-weight: bold; text-align: center; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
td.num { text-align: center; white-space: nowrap; }
td.code { white-space: nowrap; width: 13mm; }
td.tick { text-align: center; width: 9mm; }
tr.part td { font-weight: bold; background: #eee; }
tr.section td { font-weight: bold; }
tr.criterion td { font-weight: bold; }
tr.option td { font-weight: normal; }
tr.total td { font-weight: bold; background: #eee; }
.box { font-family: "DejaVu Sans", sans-serif; }
.stars { letter-spacing: 1px; white-space: nowrap; }
.result { border: 1px solid #000; padding: 2mm 3mm; margin: 3mm 0; break-inside: avoid; }
.signing { break-inside: avoid; }
.signatures { display: flex; justify-content: space-between; gap: 6mm; margin-top: 1mm; }
.signatures > div { flex: 1; text-align: center; break-inside: avoid; }
.dateline { margin: 6mm 0 0 50%; text-align: center; font-style: italic; }
.signatures .space { height: 20mm; }
.signatures.one > div:first-child { visibility: hidden; }
.members { display: grid; grid-template-columns: repeat(3, 1fr); gap: 4mm; margin-top: 4mm; }
.members > div { text-align: center; break-inside: avoid; }
.members .space { height: 16mm; }
footer { margin-top: 5mm; font-size: 9pt; color: #333; border-top: 1px solid #999; padding-top: 1mm; }
"#;

/// A printed form being written: the words of one language and the HTML so far.
pub(crate) struct Page {
    pub(crate) lang: Lang,
    out: String,
}

impl Page {
    /// A page titled `title` (the document's `<title>`).
    pub(crate) fn new(lang: Lang, title: &str) -> Page {
        let mut out = String::with_capacity(64 * 1024);
        let code = match lang {
            Lang::Vi => "vi",
            Lang::En => "en",
        };
        let _ = write!(
            out,
            "<!DOCTYPE html>\n<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\">\n\
             <title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n",
            E(title)
        );
        Page { lang, out }
    }

    /// Markup written as is (never data: use [`E`] inside it).
    pub(crate) fn raw(&mut self, html: &str) {
        self.out.push_str(html);
    }

    /// Formatted markup; every piece of data in `args` must be wrapped in [`E`].
    pub(crate) fn write(&mut self, args: fmt::Arguments<'_>) {
        let _ = self.out.write_fmt(args);
    }

    /// A label in the page's language.
    pub(crate) fn t<'a>(&self, text: &'a Text) -> &'a str {
        text.get(self.lang)
    }

    /// One of two fixed phrases, by the page's language.
    pub(crate) fn say<'a>(&self, vi: &'a str, en: &'a str) -> &'a str {
        match self.lang {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }

    /// The value, or a dotted blank to write in by hand.
    pub(crate) fn blank(&mut self, value: Option<&str>) {
        match value.filter(|v| !v.trim().is_empty()) {
            Some(v) => self.write(format_args!("<span class=\"filled\">{}</span>", E(v))),
            None => self.raw("<span class=\"blank\">&nbsp;</span>"),
        }
    }

    /// `label: value` on its own line, the value or a blank.
    pub(crate) fn field(&mut self, label: &str, value: Option<&str>) {
        self.write(format_args!("<p>{}: ", E(label)));
        self.blank(value);
        self.raw("</p>\n");
    }

    /// Several lines of text, or `n` dotted lines to write on.
    pub(crate) fn long_text(&mut self, value: Option<&str>, n: usize) {
        match value.filter(|v| !v.trim().is_empty()) {
            Some(v) => self.write(format_args!("<p class=\"filled\">{}</p>\n", E(v))),
            None => {
                for _ in 0..n {
                    self.raw("<div class=\"lines\"></div>\n");
                }
            }
        }
    }

    /// A tick box, ticked or not.
    pub(crate) fn tick(&mut self, ticked: bool) {
        self.raw(if ticked {
            "<span class=\"box\">☑</span>"
        } else {
            "<span class=\"box\">☐</span>"
        });
    }

    /// "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập - Tự do - Hạnh phúc", with its rule.
    pub(crate) fn nation(&self) -> String {
        format!(
            "{}<br>{}<br><span class=\"rule\">---------------</span>",
            E(self.say(
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "SOCIALIST REPUBLIC OF VIET NAM"
            )),
            E(self.say(
                "Độc lập - Tự do - Hạnh phúc",
                "Independence - Freedom - Happiness"
            ))
        )
    }

    /// "……, ngày … tháng … năm …", filled with what is known.
    pub(crate) fn place_and_date(&self, place: Option<&str>, on: Option<Date>) -> String {
        let place = place.filter(|p| !p.trim().is_empty());
        let dots = "……";
        match self.lang {
            Lang::Vi => {
                let (d, m, y) = on.map_or_else(
                    || (dots.to_owned(), dots.to_owned(), dots.to_owned()),
                    |d| {
                        (
                            d.day().to_string(),
                            d.month().to_string(),
                            d.year().to_string(),
                        )
                    },
                );
                format!("{}, ngày {d} tháng {m} năm {y}", E(place.unwrap_or(dots)))
            }
            Lang::En => format!(
                "{}, {}",
                E(place.unwrap_or(dots)),
                on.map_or_else(|| dots.to_owned(), |d| d.to_string())
            ),
        }
    }

    /// The place and date line, then the signature blocks side by side: each a title, how to
    /// sign, room to sign, and the signer's name when known.
    pub(crate) fn signatures(&mut self, dated: Option<String>, blocks: &[Signature<'_>]) {
        self.raw("<div class=\"signing\">\n");
        if let Some(line) = &dated {
            self.write(format_args!("<p class=\"dateline\">{line}</p>\n"));
        }
        let class = if blocks.len() == 1 {
            "signatures one"
        } else {
            "signatures"
        };
        self.write(format_args!("<div class=\"{class}\">\n"));
        if blocks.len() == 1 {
            self.raw("<div></div>\n");
        }
        for b in blocks {
            self.write(format_args!(
                "<div><p><b>{}</b></p><p class=\"note\">{}</p><div class=\"space\"></div><p><b>{}</b></p></div>\n",
                E(b.title),
                E(b.how),
                E(b.name.unwrap_or(""))
            ));
        }
        self.raw("</div>\n</div>\n");
    }

    /// A note under the form saying where it was generated from.
    pub(crate) fn footer(&mut self, what: &str) {
        self.write(format_args!("<footer>{}</footer>\n", E(what)));
    }

    /// The finished document.
    pub(crate) fn finish(mut self) -> String {
        self.out.push_str("</main>\n</body>\n</html>\n");
        self.out
    }
}

/// A signature block.
pub(crate) struct Signature<'a> {
    /// Who signs, e.g. "Người đánh giá".
    pub(crate) title: &'a str,
    /// How, e.g. "(Ký và ghi rõ họ tên)".
    pub(crate) how: &'a str,
    /// The signer's name, printed under the space, if known.
    pub(crate) name: Option<&'a str>,
}

/// Stars as the sheets print markers: `***` for 3 stars.
pub(crate) fn asterisks(star: u8) -> String {
    "*".repeat(usize::from(star))
}

/// Stars as a result shows them: ★★★.
pub(crate) fn star_glyphs(star: u8) -> String {
    "★".repeat(usize::from(star))
}

#[cfg(test)]
mod tests {
    use super::E;

    #[test]
    fn every_markup_character_is_escaped() {
        assert_eq!(
            E("<b>\"Tôm\" & 'cá'</b>").to_string(),
            "&lt;b&gt;&quot;Tôm&quot; &amp; &#39;cá&#39;&lt;/b&gt;"
        );
        assert_eq!(E("nước mắm").to_string(), "nước mắm");
    }
}
