//! Input limits. Anything over a limit is refused with a typed error before it is parsed or
//! allocated, so hostile input costs little. The limits are far above any real sheet.

/// Largest single JSON input (an evaluation, a council, a plan request): 1 MiB.
pub const MAX_INPUT_BYTES: usize = 1 << 20;
/// Largest batch JSON input: 64 MiB.
pub const MAX_BATCH_BYTES: usize = 64 << 20;
/// Most evaluations in one batch.
pub const MAX_BATCH_ITEMS: usize = 10_000;
/// Most members in one council.
pub const MAX_COUNCIL_MEMBERS: usize = 50;
/// Most entries in an `answers` object (a sheet has at most 34 criteria).
pub const MAX_ANSWERS: usize = 200;
/// Most entries in a `knockouts` list.
pub const MAX_KNOCKOUTS: usize = 50;
/// Longest free text (a reference or a member's name), in characters.
pub const MAX_TEXT_CHARS: usize = 200;
/// Longest note (where a plan's targets come from), in characters.
pub const MAX_NOTE_CHARS: usize = 2_000;
/// Longest text written into a field of a printed form (a history, a business plan).
pub const MAX_FORM_TEXT_CHARS: usize = 10_000;
/// Most values filled into one printed form.
pub const MAX_FORM_VALUES: usize = 100;
/// Deepest nesting of JSON arrays and objects (ocop formats need 5).
pub const MAX_DEPTH: usize = 16;
/// Largest portfolio CSV: 32 MiB.
pub const MAX_CSV_BYTES: usize = 32 << 20;
/// Most rows in a portfolio CSV.
pub const MAX_CSV_ROWS: usize = 200_000;
/// Most targets in one target set.
pub const MAX_TARGETS: usize = 200;
/// Longest product code, in bytes.
pub const MAX_PRODUCT_CODE_BYTES: usize = 64;
/// Most administrative codes in one list supplied to check product codes against.
pub const MAX_ADMIN_CODES: usize = 20_000;
/// Most units (communes, districts, craft villages, years) a target or filter lists.
pub const MAX_AREA_UNITS: usize = 20_000;
/// Largest packed edition file supplied at run time (the built-in ones are under 200 KiB).
pub const MAX_EDITION_FILE_BYTES: usize = 16 << 20;
