//! Reading an edition from its TOML files, and its content hash.
//!
//! Also compiled into `build.rs` (through `#[path]`). An edition folder holds `edition.toml`
//! (identity and rules), `taxonomy.toml` (groups and product sets), `dossier.toml` (what a
//! dossier holds, the forms and the time limits; optional), `sheets/*.toml` (one scoring sheet
//! per product set) and, optionally, `doubts.toml`: the reviewed doubts and as-printed
//! differences between sheets, written by hand so that a fresh import of the sheets keeps them.
//! A `from-<old edition>.toml` beside them is the criterion correspondence with the edition
//! replaced ([`super::correspondence`]), not part of the edition itself.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::model::{AsPrinted, Doubt, EditionData, Sheet};
use super::validate::{CatalogIssue, validate};
use crate::text::Str;

/// `doubts.toml`: entries name the product set whose sheet they belong to.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DoubtsFile {
    #[serde(default)]
    doubt: Vec<DoubtEntry>,
    #[serde(default)]
    as_printed: Vec<AsPrintedEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DoubtEntry {
    product_set: u8,
    criteria: Vec<Str>,
    printed: Str,
    elsewhere: Str,
    alternatives: Vec<super::model::Alternative>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AsPrintedEntry {
    product_set: u8,
    criterion: Str,
    note: Str,
}

/// Builds an edition from its files, given as `(path relative to the edition folder, text)`,
/// then validates it. Every problem found is returned, not just the first.
pub fn load_edition_files<P: AsRef<str>, C: AsRef<str>>(
    files: &[(P, C)],
) -> Result<EditionData, Vec<CatalogIssue>> {
    let mut issues = Vec::new();
    let mut root = toml::Table::new();
    let mut sheets: Vec<Sheet> = Vec::new();
    let mut saw_edition = false;
    let mut doubts = None;
    for (path, text) in files {
        let (path, text) = (path.as_ref(), text.as_ref());
        let kind = FileKind::of(path);
        match kind {
            FileKind::Edition | FileKind::Taxonomy | FileKind::Dossier => {
                saw_edition |= kind == FileKind::Edition;
                match toml::from_str::<toml::Table>(text) {
                    Ok(table) => {
                        for (key, value) in table {
                            if key == "sheets" || root.contains_key(&key) {
                                issues.push(CatalogIssue::new(
                                    path,
                                    format!("key `{key}` is repeated or not allowed here"),
                                ));
                            } else {
                                root.insert(key, value);
                            }
                        }
                    }
                    Err(e) => issues.push(CatalogIssue::new(path, e.to_string())),
                }
            }
            FileKind::Sheet => match toml::from_str::<Sheet>(text) {
                Ok(sheet) => sheets.push(sheet),
                Err(e) => issues.push(CatalogIssue::new(path, e.to_string())),
            },
            FileKind::Doubts => match toml::from_str::<DoubtsFile>(text) {
                Ok(file) => doubts = Some(file),
                Err(e) => issues.push(CatalogIssue::new(path, e.to_string())),
            },
            FileKind::Correspondence => {}
            FileKind::Other => issues.push(CatalogIssue::new(
                path,
                "not part of an edition (expected edition.toml, taxonomy.toml, dossier.toml, doubts.toml or sheets/*.toml)",
            )),
        }
    }
    if !saw_edition {
        issues.push(CatalogIssue::new("edition.toml", "missing"));
    }
    if !issues.is_empty() {
        return Err(issues);
    }
    root.insert("sheets".into(), toml::Value::Array(Vec::new()));
    let mut data: EditionData = match root.try_into() {
        Ok(data) => data,
        Err(e) => return Err(vec![CatalogIssue::new("edition.toml", e.to_string())]),
    };
    sheets.sort_by_key(|s| s.product_set);
    if let Some(file) = doubts {
        attach_doubts(&mut sheets, file, &mut issues);
    }
    if !issues.is_empty() {
        return Err(issues);
    }
    data.sheets = sheets;
    let issues = validate(&data);
    if issues.is_empty() {
        Ok(data)
    } else {
        Err(issues)
    }
}

/// Puts each entry of `doubts.toml` on its sheet.
fn attach_doubts(sheets: &mut [Sheet], file: DoubtsFile, issues: &mut Vec<CatalogIssue>) {
    for d in file.doubt {
        if let Some(sheet) = sheet_mut(sheets, d.product_set, issues) {
            sheet.doubts.push(Doubt {
                criteria: d.criteria,
                printed: d.printed,
                elsewhere: d.elsewhere,
                alternatives: d.alternatives,
            });
        }
    }
    for a in file.as_printed {
        if let Some(sheet) = sheet_mut(sheets, a.product_set, issues) {
            sheet.as_printed.push(AsPrinted {
                criterion: a.criterion,
                note: a.note,
            });
        }
    }
}

fn sheet_mut<'a>(
    sheets: &'a mut [Sheet],
    n: u8,
    issues: &mut Vec<CatalogIssue>,
) -> Option<&'a mut Sheet> {
    let found = sheets.iter_mut().find(|s| s.product_set == n);
    if found.is_none() {
        issues.push(CatalogIssue::new(
            "doubts.toml",
            format!("product set {n} has no sheet"),
        ));
    }
    found
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum FileKind {
    Edition,
    Taxonomy,
    Doubts,
    Dossier,
    Sheet,
    Correspondence,
    Other,
}

impl FileKind {
    fn of(path: &str) -> FileKind {
        let path = path.replace('\\', "/");
        match path.as_str() {
            "edition.toml" => FileKind::Edition,
            "taxonomy.toml" => FileKind::Taxonomy,
            "doubts.toml" => FileKind::Doubts,
            p if p.starts_with("from-") && p.ends_with(".toml") && !p.contains('/') => {
                FileKind::Correspondence
            }
            "dossier.toml" => FileKind::Dossier,
            p => match p.strip_prefix("sheets/") {
                Some(name) if name.ends_with(".toml") && !name.contains('/') => FileKind::Sheet,
                _ => FileKind::Other,
            },
        }
    }
}

/// `sha256:<hex>` of the edition's canonical JSON (the same bytes `ocop catalog --json`
/// prints for it, without the hash itself). Anyone holding a result can check it later.
pub fn content_hash(data: &EditionData) -> String {
    let mut hasher = Sha256::new();
    let mut writer = HashWriter(&mut hasher);
    // Serializing plain data into a hasher cannot fail; an error would only drop bytes.
    let _ = data.serialize(&mut serde_json::Serializer::new(&mut writer));
    let digest = hasher.finalize();
    let mut hex = String::with_capacity(7 + 64);
    hex.push_str("sha256:");
    for byte in digest {
        hex.push_str(&format!("{byte:02x}"));
    }
    hex
}

struct HashWriter<'a>(&'a mut Sha256);

impl std::io::Write for HashWriter<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.update(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
