//! Inputs shared by the benchmarks: the bundled fish-sauce evaluation and deterministic random
//! evaluations of the same sheet.

use ocop_core::{Catalog, Evaluation, SheetRef, SubjectType};

/// The CLI's bundled example: product set 9 (26/2026), 75 points, 3★.
pub const EXAMPLE_JSON: &str = include_str!("../../ocop-cli/src/example.json");

/// The sheet every benchmark scores: 26/2026 product set 9 (31 criteria).
pub fn sheet() -> Option<SheetRef<'static>> {
    Catalog::builtin().edition("26/2026")?.sheet(9)
}

/// A small deterministic generator (xorshift), so every run scores the same inputs.
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    /// The next number below `n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        usize::try_from(self.0 % u64::try_from(n.max(1)).unwrap_or(1)).unwrap_or(0)
    }
}

/// `count` random valid option rows for `sheet` (a cooperative), one option per criterion.
pub fn random_rows(sheet: &SheetRef<'_>, count: usize, seed: u64) -> Vec<Vec<Option<u8>>> {
    let mut rng = Rng::new(seed);
    (0..count)
        .map(|_| {
            sheet
                .criteria()
                .map(|c| {
                    let fits: Vec<usize> = c
                        .options
                        .iter()
                        .enumerate()
                        .filter(|(_, o)| {
                            o.subject_types.is_empty()
                                || o.subject_types.contains(&SubjectType::Cooperative)
                        })
                        .map(|(i, _)| i)
                        .collect();
                    fits.get(rng.below(fits.len()))
                        .and_then(|i| u8::try_from(*i).ok())
                })
                .collect()
        })
        .collect()
}

/// The same rows as evaluations.
pub fn evaluations(sheet: &SheetRef<'_>, rows: &[Vec<Option<u8>>]) -> Vec<Evaluation> {
    rows.iter()
        .map(|row| {
            let mut e = Evaluation::new("26/2026", sheet.product_set, SubjectType::Cooperative);
            for (c, o) in sheet.criteria().zip(row) {
                e.answers.insert(c.code.to_string(), o.map(u32::from));
            }
            e
        })
        .collect()
}
