//! Catalog data loading from TOML: an edition folder's four kinds of file, split from the input
//! at 0xFF bytes; invalid data is refused with issues, never a crash.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ocop_core::Edition;

fuzz_target!(|data: &[u8]| {
    let mut parts = data.splitn(4, |b| *b == 0xFF).map(|p| String::from_utf8_lossy(p).into_owned());
    let files = [
        ("edition.toml", parts.next().unwrap_or_default()),
        ("taxonomy.toml", parts.next().unwrap_or_default()),
        ("sheets/01.toml", parts.next().unwrap_or_default()),
        ("doubts.toml", parts.next().unwrap_or_default()),
    ];
    if let Ok(edition) = Edition::from_toml_files(&files) {
        // A loaded edition is sound enough to score on.
        for sheet in edition.sheets() {
            let first: Vec<Option<u8>> = sheet.criteria().map(|_| Some(0)).collect();
            let _ = sheet.score(&first);
        }
    }
});
