//! Result codes: read back by an independent decoder written from `docs/result-code.md`,
//! round-tripped over random evaluations, refused when tampered with, and measured.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // tests may panic

use ocop_core::result_code::{Claimant, SignatureStatus, VerifyRequest};
use ocop_core::scoring::LineStatus;
use ocop_core::{Catalog, Choice, Evaluation, Input, Level, SheetRef, SubjectType};
use proptest::prelude::*;

mod support;
use sha2::{Digest, Sha256};

// ---- an independent reading of the documented format ----------------------------------------

const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

fn to_bits(bytes: &[u8]) -> Vec<u8> {
    bytes
        .iter()
        .flat_map(|b| (0..8).rev().map(move |i| (b >> i) & 1))
        .collect()
}

fn from_bits(bits: &[u8]) -> Vec<u8> {
    bits.chunks(8)
        .map(|c| {
            c.iter()
                .enumerate()
                .fold(0u8, |a, (i, b)| a | (b << (7 - i)))
        })
        .collect()
}

fn b32_decode(text: &str) -> Vec<u8> {
    let bits: Vec<u8> = text
        .bytes()
        .flat_map(|c| {
            let v = ALPHABET.iter().position(|a| *a == c).unwrap() as u8;
            (0..5).rev().map(move |i| (v >> i) & 1)
        })
        .collect();
    from_bits(&bits[..bits.len() / 8 * 8])
}

fn b32_encode(bytes: &[u8]) -> String {
    to_bits(bytes)
        .chunks(5)
        .map(|c| {
            let v = (0..5).fold(0usize, |a, i| {
                (a << 1) | usize::from(*c.get(i).unwrap_or(&0))
            });
            ALPHABET[v] as char
        })
        .collect()
}

/// The fields of a version-1 code, as `docs/result-code.md` lays them out.
#[derive(Clone, Debug, PartialEq)]
struct Fields {
    version: u32,
    number: u32,
    year: u32,
    rules: Vec<u8>,
    set: u32,
    subject: u32,
    days: Option<u32>,
    level: u32,
    case: u32,
    rejected: u32,
    refuse: u32,
    stars: u32,
    answers: Vec<u32>,
    knockouts: Vec<u32>,
    requirements: Vec<u32>,
}

fn width(options: usize) -> usize {
    let mut w = 0;
    while (1usize << w) < options + 2 {
        w += 1;
    }
    w
}

fn sheet(number: u32, year: u32, set: u32) -> SheetRef<'static> {
    Catalog::builtin()
        .edition(&format!("{number}/{year}"))
        .unwrap()
        .sheet(set as u8)
        .unwrap()
}

fn decode(code: &str) -> Fields {
    let bytes = b32_decode(code.strip_prefix("OCOP-").unwrap());
    let (body, check) = bytes.split_at(bytes.len() - 2);
    assert_eq!(&Sha256::digest(body)[..2], check, "check bytes");
    let bits = to_bits(body);
    let mut at = 0;
    let mut take = |n: usize| {
        let v = bits[at..at + n]
            .iter()
            .fold(0u32, |a, b| (a << 1) | u32::from(*b));
        at += n;
        v
    };
    let version = take(5);
    let number = take(12);
    let year = take(7) + 2000;
    let rules = (0..4).map(|_| take(8) as u8).collect();
    let set = take(5);
    let subject = take(3);
    let days = (take(1) == 1).then(|| take(16));
    let (level, case, rejected, refuse, stars) = (take(2), take(2), take(1), take(1), take(3));
    let s = sheet(number, year, set);
    let answers = s.criteria().map(|c| take(width(c.options.len()))).collect();
    let knockouts = s
        .criteria()
        .filter(|c| c.knockout.is_some())
        .map(|_| take(1))
        .collect();
    let requirements = s
        .criteria()
        .filter(|c| c.requirement.is_some())
        .map(|_| take(1))
        .collect();
    assert!(bits.len() - at < 8, "only padding is left");
    assert!(bits[at..].iter().all(|b| *b == 0), "zero padding");
    Fields {
        version,
        number,
        year,
        rules,
        set,
        subject,
        days,
        level,
        case,
        rejected,
        refuse,
        stars,
        answers,
        knockouts,
        requirements,
    }
}

fn encode(f: &Fields) -> String {
    let mut bits = Vec::new();
    let mut put = |v: u32, n: usize| bits.extend((0..n).rev().map(|i| ((v >> i) & 1) as u8));
    put(f.version, 5);
    put(f.number, 12);
    put(f.year - 2000, 7);
    for b in &f.rules {
        put(u32::from(*b), 8);
    }
    put(f.set, 5);
    put(f.subject, 3);
    match f.days {
        None => put(0, 1),
        Some(d) => {
            put(1, 1);
            put(d, 16);
        }
    }
    put(f.level, 2);
    put(f.case, 2);
    put(f.rejected, 1);
    put(f.refuse, 1);
    put(f.stars, 3);
    // An edition this library lacks is laid out like 26/2026 set 9, to test the refusal.
    let s = Catalog::builtin()
        .edition(&format!("{}/{}", f.number, f.year))
        .and_then(|e| e.sheet(f.set as u8))
        .unwrap_or_else(|| sheet(26, 2026, 9));
    for (c, a) in s.criteria().zip(&f.answers) {
        put(*a, width(c.options.len()));
    }
    for k in f.knockouts.iter().chain(&f.requirements) {
        put(*k, 1);
    }
    while bits.len() % 8 != 0 {
        bits.push(0);
    }
    let mut bytes = from_bits(&bits);
    let check = Sha256::digest(&bytes);
    bytes.extend_from_slice(&check[..2]);
    format!("OCOP-{}", b32_encode(&bytes))
}

// ---- evaluations ----------------------------------------------------------------------------

const EXAMPLE: &str = include_str!("../../ocop-cli/src/example.json");

fn verify(code: &str, claimed: Option<u8>) -> Result<ocop_core::result_code::Verification, String> {
    Catalog::builtin()
        .verify_result_code(&VerifyRequest {
            code: code.into(),
            claimed_stars: claimed,
        })
        .map_err(|e| {
            e.0.iter()
                .map(|x| format!("{}@{}", x.code, x.path))
                .collect::<Vec<_>>()
                .join(",")
        })
}

/// A complete evaluation drawn from `seed`: random answers the subject type may tick (now and
/// then none), and at random a date, a level, knock-outs and unmet requirements.
fn random_evaluation(edition: &str, set: u8, seed: u64) -> Evaluation {
    let mut next = support::draws(seed);
    let catalog = Catalog::builtin();
    let sheet = catalog.edition(edition).unwrap().sheet(set).unwrap();
    let subjects: Vec<SubjectType> = SubjectType::ALL
        .iter()
        .copied()
        .filter(|t| sheet.edition().subject_type_eligible(*t, set))
        .collect();
    let subject = subjects[next(subjects.len())];
    let case = 1 + next(2) as u8;
    let mut e = Evaluation::new(edition, set, subject);
    for c in sheet.criteria() {
        let fits: Vec<usize> = c
            .options
            .iter()
            .enumerate()
            .filter(|(_, o)| o.subject_types.is_empty() || o.subject_types.contains(&subject))
            .filter(|(_, o)| o.case.is_none_or(|k| k == case))
            .map(|(i, _)| i)
            .collect();
        let organisation = c.options.iter().any(|o| !o.subject_types.is_empty());
        let answer = match next(fits.len() + 3) {
            0 if !organisation => None,
            k => Some(fits[k % fits.len()] as u32),
        };
        e.answers.insert(c.code.to_string(), answer);
    }
    if next(3) > 0 {
        e.evaluated_on =
            Some(jiff::civil::date(2023, 3, 1) + jiff::Span::new().days(next(1500) as i64));
    }
    e.level = [None, Some(Level::Province), Some(Level::Central)][next(3)];
    for c in sheet.criteria() {
        if c.knockout.is_some() && next(6) == 0 {
            e.knockouts.push(c.code.to_string());
        }
        if c.requirement.is_some() && next(3) == 0 {
            e.requirements_not_met.push(c.code.to_string());
        }
    }
    if next(2) == 0 {
        e.requirement_rule = Some(ocop_core::evaluation::RequirementRule::RefuseOption);
    }
    e.dossier_rejected = next(20) == 0;
    e
}

// ---- tests ----------------------------------------------------------------------------------

/// The CLI's example (set 9, a cooperative, 23/11/2026; 3★, worked by hand in
/// tests/cases/score-26-2026.json) read field by field as the format document says.
#[test]
fn the_example_reads_back_as_documented() {
    let e = Evaluation::from_json(EXAMPLE).unwrap();
    let made = Catalog::builtin().result_code(&e).unwrap();
    let f = decode(&made.code);
    let s = sheet(26, 2026, 9);
    assert_eq!((f.version, f.number, f.year, f.set), (1, 26, 2026, 9));
    assert_eq!(f.rules, Sha256::digest(s.rules_json().as_bytes())[..4]);
    assert_eq!(f.subject, 0, "cooperative is the first subject type");
    // 23/11/2026 is 9823 days after 01/01/2000 (26 years of 365 days, 7 leap days, then 326).
    assert_eq!(f.days, Some(26 * 365 + 7 + 326));
    assert_eq!(
        (f.level, f.case, f.rejected, f.refuse, f.stars),
        (0, 0, 0, 0, 3)
    );
    // A1.1 = 2 is written 4, A3.1 (left to the subject type) 0, C11 = 0 is written 2.
    assert_eq!(f.answers[0], 4);
    assert_eq!(f.answers[10], 0);
    assert_eq!(*f.answers.last().unwrap(), 2);
    assert_eq!(f.knockouts, [0, 0, 0]); // A1.1, A2.1, C6.1 print knock-outs; none reported
    assert_eq!(f.requirements, [0]); // B5.1 prints a requirement; none stated unmet
    println!(
        "example code ({} characters): {}",
        made.code.len(),
        made.code
    );
    assert_eq!(encode(&f), made.code);
    let v = verify(&made.code, Some(3)).unwrap();
    assert!(v.holds);
    assert_eq!(v.report.total.to_string(), "75");
}

#[test]
fn lowercase_and_a_signature_are_read() {
    let made = Catalog::builtin()
        .result_code(&Evaluation::from_json(EXAMPLE).unwrap())
        .unwrap();
    let lower = made.code.to_lowercase();
    assert!(verify(&lower, None).unwrap().holds);
    let signed = format!("{}.MFRGGZDFMZTWQ2LK", made.code);
    assert_eq!(
        verify(&signed, None).unwrap().signature,
        SignatureStatus::NotChecked
    );
    assert_eq!(
        verify(&made.code, None).unwrap().signature,
        SignatureStatus::Absent
    );
    assert_eq!(
        verify(&format!("{}.", made.code), None).unwrap_err(),
        "INVALID_RESULT_CODE@/code"
    );
}

#[test]
fn stars_that_do_not_follow_are_found() {
    let made = Catalog::builtin()
        .result_code(&Evaluation::from_json(EXAMPLE).unwrap())
        .unwrap();
    // The stamp says 4 stars; the answers give 3.
    let v = verify(&made.code, Some(4)).unwrap();
    assert!(!v.holds);
    assert_eq!(v.mismatches.len(), 1);
    assert_eq!(v.mismatches[0].claimed_by, Claimant::Stamp);
    assert_eq!(
        (v.mismatches[0].claimed, v.mismatches[0].recomputed),
        (Some(4), Some(3))
    );
    // The code itself claims 4 stars (re-encoded with its check): refused too.
    let mut f = decode(&made.code);
    f.stars = 4;
    let v = verify(&encode(&f), None).unwrap();
    assert!(!v.holds);
    assert_eq!(v.mismatches[0].claimed_by, Claimant::Code);
    assert_eq!(
        verify(&made.code, Some(6)).unwrap_err(),
        "WRONG_TYPE@/claimedStars"
    );
}

#[test]
fn malformed_codes_are_refused_with_a_reason() {
    let made = Catalog::builtin()
        .result_code(&Evaluation::from_json(EXAMPLE).unwrap())
        .unwrap();
    let f = decode(&made.code);
    let cases: Vec<(String, &str)> = vec![
        ("OCOP".into(), "INVALID_RESULT_CODE@/code"),
        ("OCP-BAAA".into(), "INVALID_RESULT_CODE@/code"),
        (format!("{}1", made.code), "INVALID_RESULT_CODE@/code"), // 1 is not base32
        (
            made.code[..made.code.len() - 1].into(),
            "INVALID_RESULT_CODE@/code",
        ),
        ("OCOP-AA".into(), "INVALID_RESULT_CODE@/code"),
        (
            encode(&Fields {
                version: 2,
                ..f.clone()
            }),
            "FORMAT_VERSION_UNSUPPORTED@/code",
        ),
        (
            encode(&Fields {
                number: 1048,
                year: 2019,
                ..f.clone()
            }),
            "UNKNOWN_EDITION@/code",
        ),
        (
            encode(&Fields {
                rules: vec![0, 0, 0, 0],
                ..f.clone()
            }),
            "RESULT_CODE_RULES_DIFFER@/code",
        ),
        (
            encode(&Fields {
                subject: 7,
                ..f.clone()
            }),
            "INVALID_RESULT_CODE@/code",
        ),
        (
            encode(&Fields {
                stars: 6,
                ..f.clone()
            }),
            "INVALID_RESULT_CODE@/code",
        ),
        (
            encode(&Fields {
                case: 3,
                ..f.clone()
            }),
            "INVALID_RESULT_CODE@/code",
        ),
        // A1.1 has 3 options: 3 bits hold 0 to 7, but 5 (option 3) does not exist.
        (
            encode(&Fields {
                answers: [vec![5], f.answers[1..].to_vec()].concat(),
                ..f.clone()
            }),
            "OPTION_OUT_OF_RANGE@/code/answers/A1.1",
        ),
        // A1.2 left unanswered.
        (
            encode(&Fields {
                answers: [vec![f.answers[0], 0], f.answers[2..].to_vec()].concat(),
                ..f.clone()
            }),
            "MISSING_ANSWER@/code/answers/A1.2",
        ),
    ];
    for (code, expected) in cases {
        assert_eq!(
            verify(&code, None).map(|_| ()).unwrap_err(),
            expected,
            "{code}"
        );
    }
    // A byte more than the sheet needs, with a valid check.
    let bytes = b32_decode(&made.code[5..]);
    let mut body = bytes[..bytes.len() - 2].to_vec();
    body.push(0);
    let check = Sha256::digest(&body);
    body.extend_from_slice(&check[..2]);
    let longer = format!("OCOP-{}", b32_encode(&body));
    assert_eq!(
        verify(&longer, None).unwrap_err(),
        "INVALID_RESULT_CODE@/code"
    );
}

/// Any one character changed is refused: the check bytes catch it (a 1 in 65,536 chance
/// that they do not; then the evaluation read differs, so the change is still seen).
#[test]
fn a_misread_character_is_refused() {
    let e = Evaluation::from_json(EXAMPLE).unwrap();
    let made = Catalog::builtin().result_code(&e).unwrap();
    let original = verify(&made.code, None).unwrap().evaluation;
    let mut accepted = 0;
    for i in 5..made.code.len() {
        for &c in ALPHABET {
            if made.code.as_bytes()[i] == c {
                continue;
            }
            let mut changed = made.code.clone().into_bytes();
            changed[i] = c;
            if let Ok(v) = verify(std::str::from_utf8(&changed).unwrap(), None) {
                assert_ne!(v.evaluation, original);
                accepted += 1;
            }
        }
    }
    assert_eq!(accepted, 0, "variants that passed the check bytes");
}

/// The longest code of each sheet (every criterion answered with its last option, a date, a
/// level): the figures quoted in docs/result-code.md.
#[test]
fn codes_fit_a_small_qr_code() {
    let catalog = Catalog::builtin();
    let mut longest = 0;
    for edition in ["26/2026", "148/2023"] {
        for sheet in catalog.edition(edition).unwrap().sheets() {
            let subject = if sheet.product_set == 26 {
                SubjectType::Association
            } else {
                SubjectType::Cooperative
            };
            let mut e = Evaluation::new(edition, sheet.product_set, subject);
            e.evaluated_on = Some(jiff::civil::date(2026, 11, 23));
            e.level = Some(Level::Central);
            for c in sheet.criteria() {
                let fits = c
                    .options
                    .iter()
                    .rposition(|o| {
                        (o.subject_types.is_empty() || o.subject_types.contains(&subject))
                            && o.case.is_none_or(|k| k == 1)
                    })
                    .unwrap();
                e.answers.insert(c.code.to_string(), Some(fits as u32));
            }
            let code = catalog.result_code(&e).unwrap().code;
            longest = longest.max(code.len());
            println!(
                "{edition} set {:2}: {} characters",
                sheet.product_set,
                code.len()
            );
        }
    }
    println!("longest: {longest} characters");
    // QR version 3 at error correction M holds 61 alphanumeric characters.
    assert!(longest <= 61, "{longest}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// Any bytes behind valid check bytes (what a forger or a broken printer could produce) are
    /// read without a panic: refused with a code, or verified.
    #[test]
    fn any_bytes_with_a_valid_check_are_answered(body in proptest::collection::vec(any::<u8>(), 1..40), version_one in any::<bool>()) {
        let mut body = body;
        if version_one {
            body[0] = (body[0] & 0b0000_0111) | 0b0000_1000; // version 1 in the first 5 bits
        }
        let check = Sha256::digest(&body);
        body.extend_from_slice(&check[..2]);
        let code = format!("OCOP-{}", b32_encode(&body));
        match Catalog::builtin().verify_result_code(&VerifyRequest { code, claimed_stars: None }) {
            Ok(v) => prop_assert_eq!(v.holds, v.mismatches.is_empty()),
            Err(e) => prop_assert!(e.0.iter().all(|x| x.path.starts_with("/code"))),
        }
    }

    /// encode → decode gives the evaluation back (without its reference, with the edition
    /// named) and the same result.
    #[test]
    fn every_evaluation_round_trips(set in 1u8..=26, seed in any::<u64>(), old in any::<bool>()) {
        let edition = if old { "148/2023" } else { "26/2026" };
        let mut e = random_evaluation(edition, set, seed);
        e.reference = Some("not kept".into());
        let catalog = Catalog::builtin();
        let Ok(report) = catalog.score(&e) else {
            return Ok(()); // e.g. a level the procedure of that day does not have
        };
        let made = catalog.result_code(&e).unwrap();
        prop_assert_eq!(made.stars, report.stars);
        let v = verify(&made.code, report.stars).unwrap();
        prop_assert!(v.holds);
        let mut expected = e.clone();
        expected.reference = None;
        let sheet = catalog.edition(edition).unwrap().sheet(set).unwrap();
        // Read back in printed order, as the code lists them.
        let order = |codes: &[String]| -> Vec<String> {
            sheet.criteria().map(|c| c.code.to_string()).filter(|c| codes.contains(c)).collect()
        };
        expected.knockouts = order(&expected.knockouts);
        expected.requirements_not_met = order(&expected.requirements_not_met);
        prop_assert_eq!(&v.evaluation, &expected);
        let mut report = report;
        report.reference = None;
        prop_assert_eq!(v.report, report);
    }

    /// One answer changed in a code (its check bytes recomputed, as a forger would) is refused
    /// when it changes the stars, and otherwise changes the result recomputed, unless the rules
    /// do not count that answer (after a knock-out stopped the evaluation, on a rejected
    /// dossier, a criterion not assessed or an option refused): the evaluation read back shows
    /// the change all the same.
    #[test]
    fn one_changed_answer_is_refused_or_changes_the_result(
        set in 1u8..=26, seed in any::<u64>(), pick in any::<usize>(), to in any::<usize>(),
    ) {
        let e = random_evaluation("26/2026", set, seed);
        let catalog = Catalog::builtin();
        let Ok(made) = catalog.result_code(&e) else { return Ok(()) };
        let original = verify(&made.code, None).unwrap();
        let mut f = decode(&made.code);
        let s = sheet(26, 2026, u32::from(set));
        let p = pick % f.answers.len();
        let options = s.criterion(p).unwrap().options.len() as u32;
        // Another answer the criterion has: no option, or another option.
        let choices: Vec<u32> = (1..options + 2).filter(|v| *v != f.answers[p]).collect();
        f.answers[p] = choices[to % choices.len()];
        match verify(&encode(&f), None) {
            Err(_) => {}
            Ok(v) if !v.holds => {
                prop_assert_ne!(v.report.stars, original.report.stars);
            }
            Ok(v) => {
                prop_assert_eq!(v.report.stars, original.report.stars);
                prop_assert_ne!(&v.evaluation, &original.evaluation);
                let counted = !matches!(
                    original.report.lines[p].status,
                    LineStatus::NotEvaluated
                        | LineStatus::Unanswered
                        | LineStatus::NotAssessed
                        | LineStatus::RequirementNotMet
                );
                if counted {
                    prop_assert_ne!(v.report, original.report);
                }
            }
        }
    }
}

/// Only the scoring rules are hashed: a fixed English label leaves codes valid; a changed
/// point does not.
#[test]
fn labels_do_not_change_the_rules_but_points_do() {
    let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/catalogs/26-2026");
    let mut files = Vec::new();
    for name in ["edition.toml", "taxonomy.toml", "doubts.toml"] {
        files.push((
            name.to_owned(),
            std::fs::read_to_string(format!("{folder}/{name}")).unwrap(),
        ));
    }
    for entry in std::fs::read_dir(format!("{folder}/sheets")).unwrap() {
        let path = entry.unwrap().path();
        let name = format!("sheets/{}", path.file_name().unwrap().to_str().unwrap());
        files.push((name, std::fs::read_to_string(&path).unwrap()));
    }
    let with = |change: &dyn Fn(&str) -> String| {
        let changed: Vec<(String, String)> = files
            .iter()
            .map(|(n, t)| {
                (
                    n.clone(),
                    if n.starts_with("sheets/09-") {
                        change(t)
                    } else {
                        t.clone()
                    },
                )
            })
            .collect();
        let edition = ocop_core::Edition::from_toml_files(&changed).unwrap();
        let rules = edition.sheet(9).unwrap().rules_fingerprint();
        (edition.content_hash().to_owned(), rules)
    };
    let (hash, rules) = with(&|t| t.to_owned());
    assert_eq!(rules, sheet(26, 2026, 9).rules_fingerprint());
    let (label_hash, label_rules) = with(&|t| {
        t.replacen(
            "en = \"Raw-material source\"",
            "en = \"Source of raw materials\"",
            1,
        )
    });
    assert_ne!(label_hash, hash);
    assert_eq!(label_rules, rules);
    // A1.5's 4★ marker dropped.
    let (_, marker_rules) = with(&|t| {
        t.replacen(
            "{ points = 1, min_star = 4, vi = \"Có hồ sơ, thủ tục về môi trường",
            "{ points = 1, vi = \"Có hồ sơ, thủ tục về môi trường",
            1,
        )
    });
    assert_ne!(marker_rules, rules);
}
