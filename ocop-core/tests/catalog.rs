//! The built-in editions match the reference they were compiled from, validate, and refuse
//! broken data.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // tests may panic

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use jiff::civil::date;
use ocop_core::catalog::source::{content_hash, load_edition_files};
use ocop_core::{Catalog, Choice, Edition};
use serde::Deserialize;
use sha2::{Digest, Sha256};

#[derive(Deserialize)]
struct Figures {
    criteria: usize,
    options: usize,
    markers: usize,
    option_points_sum: u32,
    best_total: u32,
    digest: String,
}

fn figures() -> BTreeMap<String, BTreeMap<String, Figures>> {
    serde_json::from_str(include_str!("reference_figures.json")).unwrap()
}

/// The same sequence the importer hashed from the reference: per criterion, its code and each
/// option's points with one `*` per marker star, and `c****` for a marker on the criterion.
fn digest(edition: &Edition, set: u8) -> String {
    let sheet = edition.sheet(set).unwrap();
    let mut lines = Vec::new();
    for c in sheet.criteria() {
        let mut row: Vec<String> = c
            .options
            .iter()
            .map(|o| {
                format!(
                    "{}{}",
                    o.points,
                    "*".repeat(usize::from(o.min_star.unwrap_or(0)))
                )
            })
            .collect();
        if let Some(s) = c.min_star {
            row.push(format!("c{}", "*".repeat(usize::from(s))));
        }
        lines.push(format!("{}:{}", c.code, row.join(",")));
    }
    let hash = Sha256::digest(lines.join("\n").as_bytes());
    hash.iter().fold(String::from("sha256:"), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

#[test]
fn both_editions_are_built_in_with_26_sheets() {
    let catalog = Catalog::builtin();
    assert!(
        catalog.load_errors().is_empty(),
        "{:?}",
        catalog.load_errors()
    );
    let ids: Vec<_> = catalog.editions().map(Edition::id).collect();
    assert_eq!(ids, ["26/2026", "148/2023"]);
    for edition in catalog.editions() {
        assert_eq!(edition.sheets().count(), 26);
        assert_eq!(edition.data().product_sets.len(), 26);
        assert_eq!(edition.data().groups.len(), 6);
        assert!(edition.content_hash().starts_with("sha256:"));
    }
}

#[test]
fn every_sheet_matches_the_reference_figures() {
    let catalog = Catalog::builtin();
    let mut checked = 0;
    for (edition_id, sheets) in figures() {
        let edition = catalog.edition(&edition_id).unwrap();
        for (set, f) in sheets {
            let set: u8 = set.parse().unwrap();
            let sheet = edition.sheet(set).unwrap();
            let at = format!("{edition_id} sheet {set}");
            let criteria: Vec<_> = sheet.criteria().collect();
            assert_eq!(criteria.len(), f.criteria, "{at}: criteria");
            assert_eq!(
                criteria.iter().map(|c| c.options.len()).sum::<usize>(),
                f.options,
                "{at}: options"
            );
            let markers = criteria
                .iter()
                .flat_map(|c| &c.options)
                .filter(|o| o.min_star.is_some())
                .count();
            assert_eq!(markers, f.markers, "{at}: star markers");
            let sum: u32 = criteria
                .iter()
                .flat_map(|c| &c.options)
                .map(|o| u32::from(o.points))
                .sum();
            assert_eq!(sum, f.option_points_sum, "{at}: sum of all option points");
            assert_eq!(
                u32::from(sheet.best_total()),
                f.best_total,
                "{at}: best total"
            );
            assert_eq!(
                digest(edition, set),
                f.digest,
                "{at}: points and markers differ from the reference"
            );
            checked += 1;
        }
    }
    assert_eq!(checked, 52);
}

#[test]
fn totals_are_100_except_on_the_provisional_148_sheets() {
    let catalog = Catalog::builtin();
    for edition in catalog.editions() {
        for sheet in edition.sheets() {
            assert_eq!(sheet.max_total(), 100);
            let parts: u32 = sheet.parts.iter().map(|p| u32::from(p.max)).sum();
            assert_eq!(parts, 100);
            let provisional = sheet.provisional.is_some();
            let expected_provisional =
                edition.id() == "148/2023" && [7, 11, 12, 13].contains(&sheet.product_set);
            assert_eq!(
                provisional,
                expected_provisional,
                "{} sheet {}",
                edition.id(),
                sheet.product_set
            );
            let best = u32::from(sheet.best_total());
            match (edition.id(), sheet.product_set) {
                ("148/2023", 7) => assert_eq!(best, 99),
                ("148/2023", 11 | 12) => assert_eq!(best, 97),
                ("148/2023", 13) => assert_eq!(best, 98),
                _ => assert_eq!(best, 100, "{} sheet {}", edition.id(), sheet.product_set),
            }
        }
    }
}

#[test]
fn every_label_has_english() {
    for edition in Catalog::builtin().editions() {
        for sheet in edition.sheets() {
            for c in sheet.criteria() {
                assert_ne!(c.name.en.as_str(), "?", "{} {}", edition.id(), c.code);
                for o in &c.options {
                    assert_ne!(o.en.as_str(), "?", "{} {}: {}", edition.id(), c.code, o.vi);
                }
            }
        }
    }
}

#[test]
fn criterion_codes_follow_each_editions_numbering() {
    let catalog = Catalog::builtin();
    let is_26 = |code: &str| {
        let mut parts = code.splitn(2, |c: char| c.is_ascii_digit());
        let letter = parts.next().unwrap_or_default();
        let rest = &code[letter.len()..];
        ["A", "B", "C"].contains(&letter)
            && rest
                .split('.')
                .all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    };
    let is_148 = |code: &str| {
        let letter = &code[..1];
        let digits = code[1..].bytes().take_while(u8::is_ascii_digit).count();
        let tail = &code[1 + digits..];
        ["A", "B", "C"].contains(&letter)
            && digits > 0
            && tail
                .trim_end_matches(|c: char| c.is_ascii_digit())
                .bytes()
                .all(|b| b.is_ascii_lowercase())
    };
    for sheet in catalog.edition("26/2026").unwrap().sheets() {
        for c in sheet.criteria() {
            assert!(is_26(&c.code), "26/2026 code {}", c.code);
        }
    }
    for sheet in catalog.edition("148/2023").unwrap().sheets() {
        for c in sheet.criteria() {
            assert!(is_148(&c.code), "148 code {}", c.code);
        }
    }
    assert!(
        catalog
            .edition("148/2023")
            .unwrap()
            .sheet(9)
            .unwrap()
            .position("A1dd")
            .is_some()
    );
}

#[test]
fn every_sheet_has_one_organisation_type_criterion_covering_its_subject_types() {
    use ocop_core::SubjectType;
    for edition in Catalog::builtin().editions() {
        for sheet in edition.sheets() {
            let tagged: Vec<_> = sheet
                .criteria()
                .filter(|c| c.options.iter().any(|o| !o.subject_types.is_empty()))
                .collect();
            assert_eq!(
                tagged.len(),
                1,
                "{} sheet {}",
                edition.id(),
                sheet.product_set
            );
            for &t in SubjectType::ALL {
                let eligible = edition.subject_type_eligible(t, sheet.product_set);
                let covered = tagged[0]
                    .options
                    .iter()
                    .any(|o| o.subject_types.contains(&t));
                assert_eq!(
                    eligible,
                    covered,
                    "{} sheet {} {}",
                    edition.id(),
                    sheet.product_set,
                    t.id()
                );
            }
        }
    }
}

#[test]
fn editions_are_picked_by_date() {
    let catalog = Catalog::builtin();
    let e148 = catalog.edition("148/2023").unwrap();
    assert!(e148.in_force_on(date(2023, 2, 24)));
    assert!(!e148.in_force_on(date(2023, 2, 23)));
    assert!(e148.in_force_on(date(2026, 7, 21)));
    assert!(!e148.in_force_on(date(2026, 7, 22)));
    assert_eq!(
        catalog.edition_in_force(date(2026, 11, 23)).unwrap().id(),
        "26/2026"
    );
    assert_eq!(
        e148.procedure_on(Some(date(2025, 7, 5))).unwrap().id,
        "148-three-level"
    );
    assert_eq!(
        e148.procedure_on(Some(date(2025, 7, 6))).unwrap().id,
        "148-1489-two-level"
    );
}

#[test]
fn content_hashes_are_the_hash_of_the_exported_data() {
    for edition in Catalog::builtin().editions() {
        assert_eq!(
            content_hash(edition.data()),
            edition.content_hash(),
            "{}",
            edition.id()
        );
    }
    let a = Catalog::builtin()
        .edition("26/2026")
        .unwrap()
        .content_hash();
    let b = Catalog::builtin()
        .edition("148/2023")
        .unwrap()
        .content_hash();
    assert_ne!(a, b);
}

// ---- the loader refuses broken data ----

fn folder(id: &str) -> Vec<(String, String)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("catalogs")
        .join(id);
    let mut files = Vec::new();
    for name in [
        "edition.toml",
        "taxonomy.toml",
        "doubts.toml",
        "dossier.toml",
    ] {
        if let Ok(text) = std::fs::read_to_string(root.join(name)) {
            files.push((name.to_owned(), text));
        }
    }
    let mut sheets: Vec<_> = std::fs::read_dir(root.join("sheets"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    sheets.sort();
    for path in sheets {
        let name = format!("sheets/{}", path.file_name().unwrap().to_string_lossy());
        files.push((name, std::fs::read_to_string(path).unwrap()));
    }
    files
}

fn issues_after(id: &str, file: &str, from: &str, to: &str) -> Vec<String> {
    let mut files = folder(id);
    let entry = files
        .iter_mut()
        .find(|(name, _)| name.ends_with(file))
        .unwrap();
    assert!(entry.1.contains(from), "{file} does not contain {from:?}");
    entry.1 = entry.1.replacen(from, to, 1);
    match load_edition_files(&files) {
        Ok(_) => Vec::new(),
        Err(issues) => issues.into_iter().map(|i| i.to_string()).collect(),
    }
}

#[test]
fn the_loader_rebuilds_the_built_in_editions_exactly() {
    for id in ["26-2026", "148-2023"] {
        let loaded = Edition::from_toml_files(&folder(id)).unwrap();
        let builtin = Catalog::builtin().edition(loaded.id()).unwrap();
        assert_eq!(loaded.data(), builtin.data());
        assert_eq!(loaded.content_hash(), builtin.content_hash());
    }
}

#[test]
fn changing_one_options_points_is_caught() {
    // Sheet 9 A1.1's best option is worth 5; making it 4 breaks the criterion's maximum.
    let issues = issues_after(
        "26-2026",
        "09-food-liquid-condiments.toml",
        "{ points = 5, vi = \"Sử dụng nguyên liệu có nguồn gốc trong tỉnh từ 75%",
        "{ points = 4, vi = \"Sử dụng nguyên liệu có nguồn gốc trong tỉnh từ 75%",
    );
    // The doubt on A1.1, whose other reading gives that option 4 points, now changes nothing.
    assert_eq!(
        issues,
        [
            "sheet 9 doubt on A1.1: A1.1 option 2: the alternative must change the points or set a 3, 4 or 5 marker",
            "sheet 9: A1.1: printed maximum 5 but its content adds up to 4"
        ]
    );
}

#[test]
fn a_provisional_sheet_accepts_only_the_mismatches_it_lists() {
    let issues = issues_after(
        "148-2023",
        "11-food-tea.toml",
        "accepted_mismatches = [",
        "accepted_mismatches = [\n  { at = \"A\", declared = 40, computed = 40 },",
    );
    assert_eq!(
        issues,
        ["sheet 11: provisional: accepted mismatch at A no longer occurs; remove it"]
    );
    let issues = issues_after(
        "148-2023",
        "11-food-tea.toml",
        "{ at = \"C\", declared = 35, computed = 32 },",
        "",
    );
    assert_eq!(
        issues,
        ["sheet 11: C: printed maximum 35 but its content adds up to 32"]
    );
}

#[test]
fn duplicate_codes_descending_markers_and_unknown_fields_are_caught() {
    let issues = issues_after(
        "26-2026",
        "09-food-liquid-condiments.toml",
        "code = \"A1.2\"",
        "code = \"A1.1\"",
    );
    assert!(
        issues
            .iter()
            .any(|i| i.contains("criterion code A1.1 is repeated")),
        "{issues:?}"
    );
    // C6.3: option 2 (2 points) is marked 4★ and option 3 (3 points) 5★; swap the markers.
    let issues = issues_after(
        "26-2026",
        "09-food-liquid-condiments.toml",
        "{ points = 3, min_star = 5, vi = \"Rất phù hợp với đặc tính sản phẩm\"",
        "{ points = 3, min_star = 3, vi = \"Rất phù hợp với đặc tính sản phẩm\"",
    );
    assert!(
        issues
            .iter()
            .any(|i| i.contains("C6.3: the 4★ marker asks for fewer points than the 3★ marker")),
        "{issues:?}"
    );
    let issues = issues_after(
        "26-2026",
        "edition.toml",
        "[identity]\n",
        "[identity]\ncolour = \"red\"\n",
    );
    assert!(
        issues.iter().any(|i| i.contains("unknown field `colour`")),
        "{issues:?}"
    );
}

#[test]
fn the_bands_must_cover_every_star_once() {
    let issues = issues_after(
        "26-2026",
        "edition.toml",
        "{ star = 2, min_points = 30,",
        "{ star = 3, min_points = 30,",
    );
    assert!(
        issues.iter().any(|i| i.contains("stars 1 to 5 once each")),
        "{issues:?}"
    );
}

#[test]
fn an_asterisk_left_in_a_label_stops_the_build() {
    // Sheet 3 B5.1 printed its 4★ marker as `* * * *`; the import kept it in the label.
    let issues = issues_after(
        "26-2026",
        "sheets/03-food-grains-preprocessed.toml",
        "và đưa vào nội dung truy xuất nguồn gốc điện tử\"",
        "và đưa vào nội dung truy xuất nguồn gốc điện tử * * * *\"",
    );
    assert!(
        issues
            .iter()
            .any(|i| i.contains("B5.1") && i.contains("asterisk")),
        "{issues:?}"
    );
    for edition in Catalog::builtin().editions() {
        for sheet in edition.sheets() {
            for c in sheet.criteria() {
                for o in &c.options {
                    assert!(
                        !o.vi.contains('*') && !o.en.contains('*'),
                        "{} {}",
                        sheet.product_set,
                        c.code
                    );
                }
            }
        }
    }
}

#[test]
fn sheet_3_b5_1_carries_its_4_star_marker() {
    let sheet = Catalog::builtin()
        .edition("26/2026")
        .unwrap()
        .sheet(3)
        .unwrap();
    let b51 = sheet.criterion_by_code("B5.1").unwrap();
    let top = b51.options.last().unwrap();
    assert_eq!((top.points, top.min_star), (5, Some(4)));
}

/// Where the same option wording, under a criterion of the same name and maximum, carries other
/// points or markers than on the other sheets of 26/2026.
struct Departure {
    product_set: u8,
    code: String,
    what: String,
}

fn cross_sheet_departures(edition: &Edition) -> Vec<Departure> {
    // (criterion name, its maximum, option label) → every (sheet, code, points, marker).
    type Key = (String, u8, String);
    let mut groups: BTreeMap<Key, Vec<(u8, String, String, String)>> = BTreeMap::new();
    for sheet in edition.sheets() {
        for c in sheet.criteria() {
            for o in &c.options {
                groups
                    .entry((c.name.vi.trim().to_owned(), c.max, o.vi.trim().to_owned()))
                    .or_default()
                    .push((
                        sheet.product_set,
                        c.code.to_string(),
                        o.points.to_string(),
                        format!("{:?}", o.min_star),
                    ));
            }
        }
    }
    let mut out = Vec::new();
    for ((criterion, _, label), found) in &groups {
        for (field, value) in [
            (
                "points",
                (|f: &(u8, String, String, String)| f.2.clone()) as fn(&_) -> String,
            ),
            ("marker", |f| f.3.clone()),
        ] {
            // The value most sheets print; on a tie, the one on the lowest-numbered sheet.
            let mut counts: BTreeMap<String, (usize, u8)> = BTreeMap::new();
            for f in found {
                let e = counts.entry(value(f)).or_insert((0, f.0));
                e.0 += 1;
                e.1 = e.1.min(f.0);
            }
            let expected = counts
                .iter()
                .max_by(|a, b| a.1.0.cmp(&b.1.0).then(b.1.1.cmp(&a.1.1)))
                .map(|(v, _)| v.clone());
            for f in found.iter().filter(|f| Some(value(f)) != expected) {
                out.push(Departure {
                    product_set: f.0,
                    code: f.1.clone(),
                    what: format!(
                        "{criterion} / {label}: {field} {}, elsewhere {expected:?}",
                        value(f)
                    ),
                });
            }
        }
    }
    out
}

#[test]
fn the_same_wording_carries_the_same_points_and_markers_unless_the_data_says_why() {
    let edition = Catalog::builtin().edition("26/2026").unwrap();
    let departures = cross_sheet_departures(edition);
    let mut unexplained = Vec::new();
    let mut used: BTreeSet<(u8, String)> = BTreeSet::new();
    for d in &departures {
        let sheet = edition.sheet(d.product_set).unwrap();
        let doubt = sheet
            .doubts
            .iter()
            .any(|x| x.criteria.iter().any(|c| *c == *d.code));
        let as_printed = sheet.as_printed.iter().any(|x| *x.criterion == *d.code);
        let typo = sheet
            .criterion_by_code(&d.code)
            .is_some_and(|c| c.options.iter().any(|o| o.suspected_typo.is_some()));
        if doubt || as_printed || typo {
            used.insert((d.product_set, d.code.clone()));
        } else {
            unexplained.push(format!("sheet {} {}: {}", d.product_set, d.code, d.what));
        }
    }
    assert!(
        unexplained.is_empty(),
        "{} departure(s) from the other sheets are neither a doubt nor reviewed as printed \
         (doubts.toml):\n{}",
        unexplained.len(),
        unexplained.join("\n")
    );
    // Every as-printed note still explains a departure: none is left over after a fix.
    for sheet in edition.sheets() {
        for a in &sheet.as_printed {
            assert!(
                used.contains(&(sheet.product_set, a.criterion.to_string())),
                "sheet {} as_printed {} explains no departure any more: remove it",
                sheet.product_set,
                a.criterion
            );
        }
    }
}

#[test]
fn the_doubts_the_re_parse_found_are_in_the_data() {
    let edition = Catalog::builtin().edition("26/2026").unwrap();
    for (set, codes) in [
        (10, &["A3.5"][..]),
        (1, &["C8"]),
        (18, &["C7"]),
        (18, &["C12"]),
        (13, &["B4.2", "B4.3"]),
        (9, &["A1.1"]),
        (24, &["B4.1"]),
        (25, &["B4.1"]),
        (6, &["C6.3"]),
    ] {
        let sheet = edition.sheet(set).unwrap();
        assert!(
            sheet.doubts.iter().any(|d| d
                .criteria
                .iter()
                .map(|c| c.as_str())
                .eq(codes.iter().copied())),
            "sheet {set} has no doubt on {codes:?}"
        );
    }
}

#[test]
fn an_edition_supplied_at_run_time_scores_as_the_built_in_one() {
    use ocop_core::{Evaluation, Languages, SubjectType};
    let catalog = Catalog::builtin_index();
    let mut evaluation = Evaluation::new("26/2026", 9, SubjectType::Cooperative);
    let sheet = Catalog::builtin()
        .edition("26/2026")
        .unwrap()
        .sheet(9)
        .unwrap();
    for c in sheet.criteria() {
        evaluation
            .answers
            .insert(c.code.to_string(), Some(c.options.len() as u32 - 1));
    }
    // Known, not loaded: refused with the code that says so, naming the field.
    let refused = catalog.score(&evaluation).unwrap_err();
    assert_eq!(refused.0[0].code.as_str(), "EDITION_NOT_LOADED");
    assert_eq!(refused.0[0].path, "/edition");
    assert!(catalog.editions().next().is_none());
    // Loaded from the packed file: the same report as the built-in catalog gives.
    // Its rules alone: the same report as the built-in catalog gives, but no words.
    let [rules, labels] = Catalog::builtin_files("26/2026").unwrap();
    assert_eq!(catalog.load_packed(rules.to_vec()).unwrap(), "26/2026");
    let report = catalog.score(&evaluation).unwrap();
    assert_eq!(report, Catalog::builtin().score(&evaluation).unwrap());
    let refused = catalog.explain(&report, Languages::En).unwrap_err();
    assert_eq!(refused.0[0].code.as_str(), "EDITION_NOT_LOADED");
    assert!(
        refused.0[0].message.contains("labels"),
        "{}",
        refused.0[0].message
    );
    assert!(!catalog.edition("26/2026").unwrap().has_labels());
    assert_eq!(
        catalog
            .edition("26/2026")
            .unwrap()
            .sheet(9)
            .unwrap()
            .title
            .vi,
        ""
    );
    // Labels that come after the edition was used without them are refused.
    let error = catalog.load_packed(labels.to_vec()).unwrap_err();
    assert_eq!(error.code.as_str(), "INVALID_CATALOG");
    assert_eq!(
        catalog.editions().map(Edition::id).collect::<Vec<_>>(),
        ["26/2026"]
    );
    // The other edition is still not loaded, also when picked by date.
    evaluation.edition = None;
    evaluation.evaluated_on = Some(jiff::civil::date(2026, 1, 5));
    let refused = catalog.score(&evaluation).unwrap_err();
    assert_eq!(refused.0[0].code.as_str(), "EDITION_NOT_LOADED");
    assert_eq!(refused.0[0].path, "/evaluatedOn");
}

#[test]
fn packed_files_of_another_build_or_not_files_at_all_are_refused() {
    let catalog = Catalog::builtin_index();
    let mut file = Catalog::builtin_files("148/2023").unwrap()[0].to_vec();
    for bad in [Vec::new(), b"OCOP".to_vec(), vec![0; 64]] {
        let error = catalog.load_packed(bad).unwrap_err();
        assert_eq!(error.code.as_str(), "INVALID_CATALOG");
    }
    // The content hash in the header names other data: a file from another version.
    let at = file.windows(7).position(|w| w == b"sha256:").unwrap() + 7;
    file[at] = if file[at] == b'0' { b'1' } else { b'0' };
    let error = catalog.load_packed(file).unwrap_err();
    assert_eq!(error.code.as_str(), "INVALID_CATALOG");
    assert!(error.message.contains("other data"), "{}", error.message);
    assert!(catalog.edition("148/2023").is_none());
}

#[test]
fn rules_and_labels_supplied_before_first_use_make_the_whole_edition() {
    let catalog = Catalog::builtin_index();
    let [rules, labels] = Catalog::builtin_files("148/2023").unwrap();
    catalog.load_packed(labels.to_vec()).unwrap();
    catalog.load_packed(rules.to_vec()).unwrap();
    let supplied = catalog.edition("148/2023").unwrap();
    let built_in = Catalog::builtin().edition("148/2023").unwrap();
    assert!(supplied.has_labels());
    assert_eq!(supplied.canonical_json(), built_in.canonical_json());
    assert_eq!(supplied.content_hash(), built_in.content_hash());
}
