//! The packed form the built-in editions are decoded from (its rules, and the words of its labels
//! in a second file): corrupt bytes are refused, never a crash; whatever decodes can be
//! validated. The first four bytes (little-endian) say where the rest splits into the two files.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ocop_core::catalog::model::EditionData;
use ocop_core::catalog::validate::validate;
use ocop_core::text::unpack;

fuzz_target!(|data: &[u8]| {
    let Some((split, rest)) = data.split_first_chunk::<4>() else {
        return;
    };
    let at = usize::try_from(u32::from_le_bytes(*split)).unwrap_or(0) % (rest.len() + 1);
    let (rules, labels) = rest.split_at(at);
    // Rules alone (labels not loaded) and rules with their labels.
    for labels in [None, Some(labels)] {
        if let Ok(edition) = unpack::<EditionData>(rules, labels) {
            let _ = validate(&edition);
        }
    }
});
