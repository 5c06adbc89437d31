//! Evaluation JSON (one, or a batch) → score: a result or typed errors, never a crash, and a
//! result that keeps the invariants; a scored evaluation's result code reads back to it.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ocop_core::{Catalog, Evaluation, Input, Languages, SafeResult, VerifyRequest};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let catalog = Catalog::builtin();
    let answers = match catalog.score_json_batch(text) {
        Ok(items) => items,
        Err(_) => vec![catalog.score_json(text)],
    };
    for answer in answers {
        if let SafeResult::Success { result } = answer {
            assert!(result.total <= ocop_core::Decimal::ONE_HUNDRED, "total above 100");
            if let (Some(band), Some(stars)) = (result.band, result.stars) {
                assert!(stars <= band, "markers raised the stars");
            }
            assert!(serde_json::to_string(&result).is_ok());
            // Every report this library writes can be worded.
            let explained = catalog.explain(&result, Languages::Both).expect("a report explains");
            assert_eq!(explained.warnings.len(), result.warnings.len());
        }
    }
    if let Ok(e) = Evaluation::from_json(text) {
        if let Ok(made) = catalog.result_code(&e) {
            let request = VerifyRequest { code: made.code, claimed_stars: made.stars };
            let v = catalog.verify_result_code(&request).expect("a code made reads back");
            assert!(v.holds, "a code made holds");
        }
    }
});
