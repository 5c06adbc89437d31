//! Product codes: parse with and without an edition; whatever parses writes back the same.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ocop_core::Catalog;
use ocop_core::requests::ProductCodeRequest;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let catalog = Catalog::builtin();
    let ask = |code: &str, edition: Option<&str>| ProductCodeRequest {
        code: code.to_owned(),
        edition: edition.map(str::to_owned),
        known: None,
    };
    for edition in [None, Some("26/2026"), Some("148/2023")] {
        if let Ok(code) = catalog.parse_product_code(&ask(text, edition)) {
            let again = catalog.parse_product_code(&ask(&code.formatted, Some(&code.edition)));
            assert_eq!(again.map(|c| c.formatted).ok(), Some(code.formatted));
        }
    }
});
