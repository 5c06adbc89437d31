//! Council JSON → aggregate: a report or typed errors, and a mean between the members' totals.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ocop_core::{Catalog, CouncilInput, Input};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(input) = CouncilInput::from_json(text) else { return };
    if let Ok(report) = Catalog::builtin().council(&input) {
        let low = report.members.iter().map(|m| m.total).min().unwrap_or(0);
        let high = report.members.iter().map(|m| m.total).max().unwrap_or(0);
        let sum: u32 = report.members.iter().map(|m| u32::from(m.total)).sum();
        assert_eq!(sum, report.sum_of_totals);
        assert!(u32::from(low) * report.member_count <= sum && sum <= u32::from(high) * report.member_count);
    }
});
