//! The packed form the built-in editions are decoded from: corrupt bytes are refused, never a
//! crash; whatever decodes can be validated.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ocop_core::catalog::model::EditionData;
use ocop_core::text::unpack;
use ocop_core::catalog::validate::validate;

fuzz_target!(|data: &[u8]| {
    if let Ok(edition) = unpack::<EditionData>(data) {
        let _ = validate(&edition);
    }
});
