//! Errors for malformed input, and warnings that travel with a result.
//!
//! An error means the input itself is wrong (an unknown criterion, an option out of range…);
//! a rule outcome such as a rejected dossier is data in the result, never an error.
//!
//! Two layers, as in application-services and bitwarden's SDK:
//! - [`Problem`] is the typed vocabulary: one variant per kind of problem, each with its one
//!   wording (thiserror), and [`Problem::code`] maps it to its stable [`ErrorCode`] in this
//!   one place.
//! - [`InputError`] is what crosses every boundary: the code, the JSON Pointer of the bad
//!   field, and the problem's sentence. Every problem of an input is reported at once
//!   ([`InputErrors`]).
//!
//! The same codes are used by the npm package, Kotlin, Swift and Python; the table in
//! `docs/errors.md` is generated from [`ErrorCode::ALL`] (a test keeps it in step).

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::text::Lang;

macro_rules! codes {
    ($(#[$meta:meta])* $name:ident { $($(#[doc = $doc:literal])* $variant:ident = $code:literal, $vi:literal, $en:literal;)* }) => {
        $(#[$meta])*
        pub enum $name {
            $($(#[doc = $doc])* $variant,)*
        }

        impl $name {
            /// Every code, in table order.
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// The stable code, e.g. `OPTION_OUT_OF_RANGE`.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $code),* }
            }

            /// A one-line description in `lang`.
            pub fn title(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $(($name::$variant, Lang::Vi) => $vi, ($name::$variant, Lang::En) => $en,)*
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

codes! {
    /// Why an input was refused. Stable across versions and languages.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
    #[serde(rename_all = "SCREAMING_SNAKE_CASE")]
    #[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
    #[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
    ErrorCode {
        /// The text is not JSON.
        InvalidJson = "INVALID_JSON", "Dữ liệu không phải JSON hợp lệ", "The input is not valid JSON";
        /// The input is larger than the documented limit.
        InputTooLarge = "INPUT_TOO_LARGE", "Dữ liệu vượt quá kích thước cho phép", "The input is larger than allowed";
        /// Objects or arrays are nested deeper than any ocop format needs.
        TooDeep = "TOO_DEEP", "Dữ liệu lồng nhau quá sâu", "The input is nested too deeply";
        /// A list has more items than allowed (batch, council, answers…).
        TooManyItems = "TOO_MANY_ITEMS", "Danh sách có quá nhiều phần tử", "A list has too many items";
        /// A text field is longer than allowed.
        StringTooLong = "STRING_TOO_LONG", "Chuỗi ký tự quá dài", "A text is too long";
        /// A field has the wrong type (e.g. text where a number is expected).
        WrongType = "WRONG_TYPE", "Trường dữ liệu sai kiểu", "A field has the wrong type";
        /// A field that the format does not have.
        UnknownField = "UNKNOWN_FIELD", "Trường dữ liệu không có trong định dạng", "A field is not part of the format";
        /// A required field is absent.
        MissingField = "MISSING_FIELD", "Thiếu trường dữ liệu bắt buộc", "A required field is missing";
        /// The `formatVersion` is not one this library reads.
        FormatVersionUnsupported = "FORMAT_VERSION_UNSUPPORTED", "Phiên bản định dạng không được hỗ trợ", "The format version is not supported";
        /// A date is not a real `YYYY-MM-DD` date.
        InvalidDate = "INVALID_DATE", "Ngày không hợp lệ (YYYY-MM-DD)", "The date is not a valid YYYY-MM-DD date";
        /// A date range ends before it starts.
        InvalidDateRange = "INVALID_DATE_RANGE", "Khoảng thời gian không hợp lệ", "The dates are in the wrong order";
        /// A date or year outside the calendar's range (working days 2021–2199, lunar calendar 1900–2199).
        DateOutOfCalendar = "DATE_OUT_OF_CALENDAR", "Ngày nằm ngoài phạm vi của lịch", "The date is outside the calendar's range";
        /// A decision on days off that does not fit the law or the calendar (a swap on the wrong kind of day…).
        InvalidCalendarEntry = "INVALID_CALENDAR_ENTRY", "Quyết định về ngày nghỉ không hợp lệ", "A decision on days off does not fit the calendar";
        /// No edition has this id.
        UnknownEdition = "UNKNOWN_EDITION", "Không có bộ tiêu chí này", "No edition has this id";
        /// Neither an edition nor an evaluation date was given.
        MissingEdition = "MISSING_EDITION", "Cần ghi bộ tiêu chí hoặc ngày đánh giá", "Give an edition or an evaluation date";
        /// No edition was in force on the date given.
        NoEditionInForce = "NO_EDITION_IN_FORCE", "Không có bộ tiêu chí nào có hiệu lực vào ngày này", "No edition was in force on that date";
        /// The edition is known but its data has not been loaded (the npm package's `ocop/score` loads only the edition in force until asked).
        EditionNotLoaded = "EDITION_NOT_LOADED", "Dữ liệu của bộ tiêu chí này chưa được tải", "The edition's data is not loaded yet";
        /// The edition has no product set with this number.
        UnknownProductSet = "UNKNOWN_PRODUCT_SET", "Không có bộ sản phẩm này", "No product set has this number";
        /// Not one of the subject types (chủ thể).
        UnknownSubjectType = "UNKNOWN_SUBJECT_TYPE", "Loại chủ thể không hợp lệ", "Not a subject type";
        /// A document, evidence kind or form that the edition's dossier does not have.
        UnknownDossierItem = "UNKNOWN_DOSSIER_ITEM", "Không có thành phần hồ sơ này", "The dossier has no such item";
        /// A registration slip number (Phiếu số …/PĐK-…) does not have the printed shape.
        InvalidRegistrationSlip = "INVALID_REGISTRATION_SLIP", "Số phiếu đăng ký không đúng cấu trúc", "The registration slip number does not have the right shape";
        /// The edition's text (as this library has it) does not define what was asked.
        NotInEdition = "NOT_IN_EDITION", "Bộ tiêu chí không quy định nội dung này", "The edition does not define this";
        /// This subject type may not apply for this product set.
        SubjectTypeNotEligible = "SUBJECT_TYPE_NOT_ELIGIBLE", "Loại chủ thể này không được đăng ký bộ sản phẩm này", "This subject type may not apply for this product set";
        /// The procedure in force has no council at this level.
        LevelNotInProcedure = "LEVEL_NOT_IN_PROCEDURE", "Quy trình không có hội đồng ở cấp này", "The procedure has no council at this level";
        /// No sheet of the edition has a criterion with this code.
        UnknownCriterion = "UNKNOWN_CRITERION", "Không có tiêu chí này", "No criterion has this code";
        /// The criterion exists in the edition but not on this product set's sheet.
        CriterionNotOnSheet = "CRITERION_NOT_ON_SHEET", "Tiêu chí không có trong phiếu của bộ sản phẩm này", "The criterion is not on this sheet";
        /// The option number is not one of the criterion's options.
        OptionOutOfRange = "OPTION_OUT_OF_RANGE", "Phương án không có trong tiêu chí", "The criterion has no option with this number";
        /// A criterion of the sheet was not answered.
        MissingAnswer = "MISSING_ANSWER", "Chưa chấm tiêu chí này", "This criterion has no answer";
        /// The option is for another kind of producer.
        SubjectTypeOptionMismatch = "SUBJECT_TYPE_OPTION_MISMATCH", "Phương án không phù hợp với loại chủ thể", "The option is for another kind of producer";
        /// Options from both tourism cases were ticked, or from the case not chosen.
        MixedTourismCases = "MIXED_TOURISM_CASES", "Chọn lẫn hai trường hợp của phiếu du lịch", "Options of both tourism cases were ticked";
        /// A tourism case was given for a sheet without cases.
        TourismCaseNotApplicable = "TOURISM_CASE_NOT_APPLICABLE", "Phiếu này không có trường hợp lựa chọn", "This sheet has no cases";
        /// The tourism case is not 1 or 2.
        TourismCaseOutOfRange = "TOURISM_CASE_OUT_OF_RANGE", "Trường hợp phải là 1 hoặc 2", "The case must be 1 or 2";
        /// A knock-out was reported on a criterion that has none.
        NoKnockoutOnCriterion = "NO_KNOCKOUT_ON_CRITERION", "Tiêu chí này không có điều kiện loại", "This criterion has no knock-out condition";
        /// A requirement ("Yêu cầu") was stated for a criterion that prints none.
        NoRequirementOnCriterion = "NO_REQUIREMENT_ON_CRITERION", "Tiêu chí này không có dòng yêu cầu", "This criterion prints no requirement";
        /// A council with no members.
        CouncilEmpty = "COUNCIL_EMPTY", "Hội đồng không có thành viên", "The council has no members";
        /// Sheets that must be for the same product are not (members, self-assessment).
        CouncilMismatch = "COUNCIL_MISMATCH", "Phiếu của các thành viên không cùng sản phẩm", "Members' sheets are not for the same product";
        /// The council rules are not usable (e.g. more decimals than supported).
        InvalidCouncilRules = "INVALID_COUNCIL_RULES", "Quy tắc hội đồng không hợp lệ", "The council rules are not valid";
        /// The target star is not 1 to 5.
        InvalidTarget = "INVALID_TARGET", "Hạng sao mục tiêu không hợp lệ", "The target star must be 1 to 5";
        /// A product code does not have the edition's shape.
        InvalidProductCode = "INVALID_PRODUCT_CODE", "Mã số sản phẩm không đúng cấu trúc", "The product code does not have the right shape";
        /// An administrative code is not in the list the integrator supplied.
        UnknownAdminCode = "UNKNOWN_ADMIN_CODE", "Mã đơn vị hành chính không có trong danh sách", "The administrative code is not in the list supplied";
        /// A CSV file or row cannot be read.
        InvalidCsv = "INVALID_CSV", "Dữ liệu CSV không hợp lệ", "The CSV data cannot be read";
        /// A target declaration is not usable.
        InvalidTargetSet = "INVALID_TARGET_SET", "Bộ chỉ tiêu kế hoạch không hợp lệ", "The plan targets are not valid";
        /// No criterion correspondence is built in between these editions (carry-over).
        NoCorrespondence = "NO_CORRESPONDENCE", "Không có bảng đối chiếu tiêu chí giữa hai bộ tiêu chí này", "No criterion correspondence between these editions";
        /// A result code cannot be read, or cannot be made for this evaluation.
        InvalidResultCode = "INVALID_RESULT_CODE", "Mã kết quả không đọc được", "The result code cannot be read";
        /// A result code was made under other scoring rules for its sheet than the ones held here.
        ResultCodeRulesDiffer = "RESULT_CODE_RULES_DIFFER", "Mã kết quả được lập theo quy định chấm điểm khác", "The result code was made under other scoring rules";
        /// Catalog data loaded at run time does not validate.
        InvalidCatalog = "INVALID_CATALOG", "Dữ liệu bộ tiêu chí không hợp lệ", "The edition data is not valid";
        /// The npm package could not load its WebAssembly (e.g. an HTML page where the `.wasm` should be).
        WasmLoadFailed = "WASM_LOAD_FAILED", "Không tải được mô-đun WebAssembly", "The WebAssembly module could not be loaded";
        /// A value could not cross a language boundary (a binding bug, reported rather than a crash).
        Internal = "INTERNAL", "Lỗi nội bộ", "Internal error";
    }
}

codes! {
    /// Something a person should know about a result, without it being wrong.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
    #[serde(rename_all = "SCREAMING_SNAKE_CASE")]
    #[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
    #[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
    WarningCode {
        /// The sheet's source is known to be short; see the sheet's `provisional` reason.
        ProvisionalSheet = "PROVISIONAL_SHEET", "Phiếu tạm thời: nguồn dữ liệu chưa đủ", "Provisional sheet: its source is known to be short";
        /// The edition was not in force on the evaluation date.
        EditionNotInForce = "EDITION_NOT_IN_FORCE", "Bộ tiêu chí không có hiệu lực vào ngày đánh giá", "The edition was not in force on the evaluation date";
        /// No date was given; the edition's latest procedure was assumed.
        ProcedureAssumed = "PROCEDURE_ASSUMED", "Không có ngày đánh giá: áp dụng quy trình mới nhất", "No date given: the latest procedure was assumed";
        /// The subject-type criterion was filled in from the subject type.
        AnswerFilled = "ANSWER_FILLED", "Tiêu chí loại hình tổ chức được điền theo loại chủ thể", "The organisation-type criterion was filled in from the subject type";
        /// Answers after the point where evaluation stopped were not counted.
        AnswersIgnored = "ANSWERS_IGNORED", "Các tiêu chí sau điểm dừng không được tính", "Answers after the point where evaluation stopped were not counted";
        /// Some answers are missing; the total counts only those given.
        PartialAnswers = "PARTIAL_ANSWERS", "Chưa chấm đủ tiêu chí: tổng điểm chỉ để tham khảo", "Some criteria are unanswered: the total is for information";
        /// The ticked option's points were corrected from a misprint.
        CorrectedPoints = "CORRECTED_POINTS", "Điểm của phương án đã được sửa lỗi in", "The option's points were corrected from a misprint";
        /// The ticked option's points are kept as printed but look like a misprint.
        SuspectedTypo = "SUSPECTED_TYPO", "Điểm của phương án có thể bị in nhầm", "The option's points may be a misprint";
        /// The ticked option was added by us where the text prints none.
        ImpliedOption = "IMPLIED_OPTION", "Phương án được suy ra, văn bản không in", "The option is implied; the text prints none";
        /// A value kept as printed but in doubt decides the stars: under the pattern the other
        /// sheets print, the stars would differ.
        DoubtDecides = "DOUBT_DECIDES", "Giá trị còn nghi vấn quyết định số sao", "A value in doubt decides the stars";
        /// A criterion's printed requirement ("Yêu cầu") was stated as not met.
        RequirementNotMet = "REQUIREMENT_NOT_MET", "Chưa đáp ứng dòng yêu cầu của tiêu chí", "A criterion's printed requirement is not met";
        /// A rule the text leaves open was applied as this library reads it.
        ReadingApplied = "READING_APPLIED", "Áp dụng cách hiểu của thư viện cho quy định chưa rõ", "A rule the text leaves open was applied as this library reads it";
        /// Members flagged a knock-out that the council did not decide.
        MemberKnockoutNotAdopted = "MEMBER_KNOCKOUT_NOT_ADOPTED", "Thành viên nêu điều kiện loại nhưng hội đồng không kết luận", "Members flagged a knock-out the council did not decide";
        /// Members' totals differ by more than the council allows.
        SpreadExceeded = "SPREAD_EXCEEDED", "Điểm các thành viên chênh lệch quá mức cho phép", "Members' totals differ by more than allowed";
        /// Fewer members than the quorum, or the chair absent.
        QuorumNotMet = "QUORUM_NOT_MET", "Không đủ số thành viên theo quy định", "The quorum is not met";
    }
}

/// What a JSON value turned out to be, for [`Problem::WrongType`].
pub(crate) fn json_kind(value: &serde_json::Value) -> &'static str {
    use serde_json::Value;
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Every kind of problem an input can have, each worded once. [`Problem::code`] gives its
/// stable [`ErrorCode`]; [`InputError::at`] places it at a path.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Problem {
    // ---- the shape of the input ----
    /// The text is not JSON.
    #[error("not valid JSON: {0}")]
    InvalidJson(String),
    /// Over a size limit.
    #[error("the input is {size} bytes; the limit is {limit}")]
    InputTooLarge {
        /// Bytes given (at least).
        size: usize,
        /// Bytes allowed.
        limit: usize,
    },
    /// Nested too deeply.
    #[error("the input is nested more than {0} levels deep")]
    TooDeep(usize),
    /// A list over its limit.
    #[error("at most {max} {what}, not {found}")]
    TooManyItems {
        /// What the list holds.
        what: &'static str,
        /// How many are allowed.
        max: usize,
        /// How many were given (at least).
        found: usize,
    },
    /// A text over its limit.
    #[error("at most {0} characters")]
    StringTooLong(usize),
    /// The wrong kind of value.
    #[error("expected {expected}, found {found}")]
    WrongType {
        /// What the field holds.
        expected: &'static str,
        /// What was given.
        found: String,
    },
    /// A field the format does not have.
    #[error("`{field}` is not a field here; the fields are: {known}")]
    UnknownField {
        /// The field given.
        field: String,
        /// The fields there are, comma-separated.
        known: String,
    },
    /// A required field is absent.
    #[error("`{0}` is required")]
    MissingField(String),
    /// An unsupported format version.
    #[error("this library reads format version {supported}, not {found}")]
    FormatVersion {
        /// The version read.
        supported: u32,
        /// The version given.
        found: u32,
    },
    /// Not a `YYYY-MM-DD` date.
    #[error("`{0}` is not a date in the form YYYY-MM-DD")]
    InvalidDate(String),
    /// A date that cannot be counted from (its expiry would fall outside the calendar).
    #[error("{0} falls outside the calendar")]
    DateOutOfRange(&'static str),
    /// A day before another it must follow.
    #[error("{day} is before {other}")]
    DateBefore {
        /// The day given.
        day: &'static str,
        /// The day it must not precede.
        other: &'static str,
    },
    /// Not one of a field's values.
    #[error("`{found}` is not {what}; use one of: {allowed}")]
    NotOneOf {
        /// What the field names.
        what: &'static str,
        /// The value given.
        found: String,
        /// The values allowed, comma-separated.
        allowed: String,
    },

    // ---- editions and sheets ----
    /// An edition id the library does not carry.
    #[error("`{id}` is not an edition; use one of: {known}")]
    UnknownEdition {
        /// The id given.
        id: String,
        /// The editions carried, comma-separated.
        known: String,
    },
    /// Neither an edition nor an evaluation date.
    #[error("give `edition` or `evaluatedOn` (the edition in force that day is used)")]
    MissingEdition,
    /// A day before every edition.
    #[error("no edition this library carries was in force on {}", crate::text::iso_date(*.0))]
    NoEditionInForce(jiff::civil::Date),
    /// An edition whose data has not been loaded yet.
    #[error(
        "the data of edition {0} is not loaded yet; load it first (in JavaScript: `await loadEdition(\"{0}\")`)"
    )]
    EditionNotLoaded(String),
    /// An edition loaded without its labels' words, asked for words.
    #[error(
        "edition {0} was loaded without the words of its labels; load its labels file too (in JavaScript, import `ocop` rather than `ocop/score`)"
    )]
    LabelsNotLoaded(String),
    /// A product set the edition does not have.
    #[error("edition {edition} has product sets 1 to {last}, not {found}")]
    UnknownProductSet {
        /// The edition.
        edition: String,
        /// Its last product set.
        last: usize,
        /// The number given.
        found: u8,
    },
    /// Not one of the subject types.
    #[error("`{found}` is not a subject type; use one of: {allowed}")]
    UnknownSubjectType {
        /// The value given.
        found: String,
        /// The subject types, comma-separated.
        allowed: String,
    },
    /// A subject type that may not apply for this product set.
    #[error("a {0} may apply only for the tourism product set")]
    SubjectTypeNotEligible(&'static str),
    /// A council level the procedure does not have.
    #[error("the procedure {procedure} has no {level} council")]
    LevelNotInProcedure {
        /// The procedure in force.
        procedure: String,
        /// The level given.
        level: &'static str,
    },
    /// A criterion code no sheet of the edition has.
    #[error("no criterion of edition {edition} has the code `{code}`")]
    UnknownCriterion {
        /// The edition.
        edition: String,
        /// The code given.
        code: String,
    },
    /// A criterion of the edition that is not on this sheet.
    #[error("{code} is not on the sheet for product set {product_set}")]
    CriterionNotOnSheet {
        /// The code given.
        code: String,
        /// The sheet's product set.
        product_set: u8,
    },

    // ---- answers ----
    /// An option the criterion does not have.
    #[error("{code} has options 0 to {last}, not {found}")]
    OptionOutOfRange {
        /// The criterion.
        code: String,
        /// Its last option.
        last: usize,
        /// The option given.
        found: i64,
    },
    /// A negative option number.
    #[error("option {0} does not exist: options are numbered from 0")]
    NegativeOption(i64),
    /// A criterion left unanswered.
    #[error("{code} has no answer: give an option number, or null if none applies{hint}")]
    MissingAnswer {
        /// The criterion.
        code: String,
        /// What this producer may tick, when only some options fit.
        hint: String,
    },
    /// A sheet scored from a row of the wrong length.
    #[error("expected {expected} answers, one per criterion; got {found}")]
    AnswerCount {
        /// Criteria on the sheet.
        expected: usize,
        /// Answers given.
        found: usize,
    },
    /// An option for another kind of producer.
    #[error("option {option} of {code} is for {for_types}; a {subject_type} may tick {allowed}")]
    SubjectTypeOptionMismatch {
        /// The criterion.
        code: String,
        /// The option ticked.
        option: usize,
        /// Who it is for.
        for_types: String,
        /// Who applies.
        subject_type: &'static str,
        /// What they may tick.
        allowed: String,
    },
    /// Options of both tourism cases.
    #[error(
        "option {option} of {code} is for case {case}, but case {applies} applies to this evaluation"
    )]
    MixedTourismCases {
        /// The criterion.
        code: String,
        /// The option ticked.
        option: usize,
        /// Its case.
        case: u8,
        /// The case that applies.
        applies: u8,
    },
    /// A tourism case on a sheet without cases.
    #[error("product set {0} has no alternative cases")]
    TourismCaseNotApplicable(u8),
    /// A tourism case other than 1 or 2.
    #[error("the case must be 1 or 2")]
    TourismCaseOutOfRange,
    /// A knock-out on a criterion without one.
    #[error("{0} has no knock-out condition on this sheet")]
    NoKnockoutOnCriterion(String),
    /// A requirement stated for a criterion that prints none.
    #[error("{0} prints no requirement (\"Yêu cầu\") on this sheet")]
    NoRequirementOnCriterion(String),

    // ---- councils and comparisons ----
    /// A council with no members.
    #[error("a council needs at least one member's sheet")]
    CouncilEmpty,
    /// A member's sheet for another product.
    #[error(
        "{0} is not for the same edition, date, product set, producer and level as the first sheet"
    )]
    MemberMismatch(String),
    /// Two sheets compared that are not for the same product.
    #[error("the two sheets are not for the same edition, product set and producer")]
    NotSameProduct,
    /// Unusable council rules.
    #[error("{0}")]
    InvalidCouncilRules(&'static str),
    /// A target star outside 1–5.
    #[error("the target star must be 1 to 5")]
    InvalidTarget,
    /// Stars outside 1–5.
    #[error("stars are 1 to 5, not {0}")]
    InvalidStars(u64),

    // ---- product codes ----
    /// A code with the wrong number of parts.
    #[error(
        "`{code}` has {found} part(s); a {edition} code has {expected} separated by `-`: {printed}"
    )]
    ProductCodeParts {
        /// The code given.
        code: String,
        /// Parts found.
        found: usize,
        /// The edition whose format was tried.
        edition: String,
        /// Parts expected.
        expected: usize,
        /// The format as printed.
        printed: String,
    },
    /// A segment of the wrong shape.
    #[error("the {segment} `{value}` {why}")]
    ProductCodeSegment {
        /// Which segment.
        segment: &'static str,
        /// Its value.
        value: String,
        /// What is wrong with it.
        why: String,
    },
    /// No edition defines a product code.
    #[error("no edition defines a product code")]
    NoProductCodeFormat,
    /// An administrative code not in the list supplied.
    #[error("{value} is not in the {segment} codes supplied")]
    UnknownAdminCode {
        /// The code.
        value: String,
        /// Which list.
        segment: &'static str,
    },

    // ---- CSV and targets ----
    /// A CSV file or row that cannot be read.
    #[error("{0}")]
    InvalidCsv(String),
    /// A CSV header without a required column.
    #[error("the header lacks {missing}; the columns are: {columns}")]
    CsvHeader {
        /// The columns missing.
        missing: String,
        /// The columns there are.
        columns: String,
    },
    /// An empty required cell.
    #[error("`{0}` is empty")]
    EmptyCell(&'static str),
    /// A target that is neither a count nor a percentage.
    #[error("give either atLeast (a count) or atLeastPercent (0 to 100)")]
    TargetNeedsMeasure,
    /// A target set that cannot be used.
    #[error("{0}")]
    InvalidTargetSet(String),
    // ---- carry-over and result codes ----
    /// No correspondence between two editions.
    #[error("no criterion correspondence from {from} to {to} is built in")]
    NoCorrespondence {
        /// The evaluation's edition.
        from: String,
        /// The edition asked for.
        to: String,
    },
    /// A result code that cannot be read or made.
    #[error("{0}")]
    InvalidResultCode(String),
    /// A result code made under other rules for its sheet.
    #[error(
        "the code was made under rules {found} for {edition} product set {product_set}; this library holds rules {held}"
    )]
    ResultCodeRulesDiffer {
        /// The edition.
        edition: String,
        /// The product set.
        product_set: u8,
        /// The rules fingerprint in the code (hex).
        found: String,
        /// The rules fingerprint held here (hex, same length).
        held: String,
    },

    /// An edition loaded at run time that does not validate.
    #[error("{0}")]
    InvalidCatalog(String),
    /// A value that could not cross a language boundary.
    #[error("{0}")]
    Internal(String),

    // ---- the working-day calendar and the dossier ----
    /// A calendar question with no answer.
    #[error(transparent)]
    Calendar(#[from] CalendarProblem),
    /// A dossier question with no answer.
    #[error(transparent)]
    Dossier(#[from] DossierProblem),
}

/// Why a working-day question ([`crate::calendar`]) has no answer.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CalendarProblem {
    /// A day outside the working-day calendar.
    #[error(
        "{date} is outside the working-day calendar, which covers {first}-01-01 to {last}-12-31 (the Labour Code 2019 holidays, with Tết computed from the lunar calendar)"
    )]
    OutsideCalendar {
        /// The day.
        date: jiff::civil::Date,
        /// The calendar's first year.
        first: i16,
        /// Its last year.
        last: i16,
    },
    /// A year outside the working-day calendar.
    #[error("{year} is outside the working-day calendar, which covers {first} to {last}")]
    YearOutOfRange {
        /// The year.
        year: i64,
        /// The calendar's first year.
        first: i16,
        /// Its last year.
        last: i16,
    },
    /// Counting ran past the last day of the calendar.
    #[error("the time limit ends after {0}-12-31, the last day of the working-day calendar")]
    PastEndOfCalendar(i16),
    /// A day outside the lunar calendar.
    #[error("{date} is outside the lunar calendar computed here ({first} to {last})")]
    OutsideLunarCalendar {
        /// The day.
        date: jiff::civil::Date,
        /// The first lunar year computed.
        first: i16,
        /// The last.
        last: i16,
    },
    /// A lunar year outside the lunar calendar.
    #[error("lunar year {year} is outside the lunar calendar computed here ({first} to {last})")]
    LunarYearOutOfRange {
        /// The lunar year.
        year: i16,
        /// The first lunar year computed.
        first: i16,
        /// The last.
        last: i16,
    },
    /// A lunar day that does not exist (a 30th day of a 29-day month, a leap month the year
    /// does not have).
    #[error("the lunar year {year} has no day {day}/{month}{}", if *leap_month { " (leap month)" } else { "" })]
    NoSuchLunarDay {
        /// The lunar year.
        year: i16,
        /// The month.
        month: u8,
        /// The day.
        day: u8,
        /// In the leap month.
        leap_month: bool,
    },
    /// Both `workingDays` and `days`.
    #[error("give `workingDays` or `days`, not both")]
    TwoLengths,
    /// Neither `workingDays` nor `days`.
    #[error("give `workingDays` (ngày làm việc) or `days` (ngày)")]
    NoLength,
    /// A decision entry that does not fit the law or the calendar.
    #[error("{0}")]
    InvalidEntry(String),
}

/// Why a dossier question ([`crate::dossier`]) has no answer.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DossierProblem {
    /// An id that the edition's dossier does not have.
    #[error("edition {edition} has no dossier item `{id}`; its items are: {known}")]
    UnknownItem {
        /// The edition.
        edition: String,
        /// The id given.
        id: String,
        /// The ids it has.
        known: String,
    },
    /// A set that is not sent for this case and level.
    #[error(
        "`{id}` is not a set sent for a {case} dossier at {level} level; the sets are: {known}"
    )]
    UnknownPackage {
        /// The id given.
        id: String,
        /// The case.
        case: &'static str,
        /// The level.
        level: &'static str,
        /// The sets that are.
        known: String,
    },
    /// The edition's text, as this library has it, does not define what was asked.
    #[error("edition {edition} does not define {what}")]
    NotInEdition {
        /// The edition.
        edition: String,
        /// What it lacks.
        what: String,
    },
    /// Neither an edition nor the day of filing.
    #[error("give `edition` or `filedOn` (the edition in force that day is used)")]
    NoEditionOrDay,
    /// A registration slip number that does not have the printed shape.
    #[error("{0}")]
    InvalidSlip(String),
}

impl Problem {
    /// The stable code of this problem: the one mapping from problems to codes.
    pub fn code(&self) -> ErrorCode {
        use Problem as P;
        match self {
            P::InvalidJson(_) => ErrorCode::InvalidJson,
            P::InputTooLarge { .. } => ErrorCode::InputTooLarge,
            P::TooDeep(_) => ErrorCode::TooDeep,
            P::TooManyItems { .. } => ErrorCode::TooManyItems,
            P::StringTooLong(_) => ErrorCode::StringTooLong,
            P::WrongType { .. } | P::InvalidStars(_) => ErrorCode::WrongType,
            P::NotOneOf { .. } => ErrorCode::WrongType,
            P::UnknownField { .. } => ErrorCode::UnknownField,
            P::MissingField(_) | P::EmptyCell(_) => ErrorCode::MissingField,
            P::FormatVersion { .. } => ErrorCode::FormatVersionUnsupported,
            P::InvalidDate(_) | P::DateOutOfRange(_) => ErrorCode::InvalidDate,
            P::DateBefore { .. } => ErrorCode::InvalidDateRange,
            P::UnknownEdition { .. } => ErrorCode::UnknownEdition,
            P::MissingEdition => ErrorCode::MissingEdition,
            P::NoEditionInForce(_) => ErrorCode::NoEditionInForce,
            P::EditionNotLoaded(_) | P::LabelsNotLoaded(_) => ErrorCode::EditionNotLoaded,
            P::UnknownProductSet { .. } => ErrorCode::UnknownProductSet,
            P::UnknownSubjectType { .. } => ErrorCode::UnknownSubjectType,
            P::SubjectTypeNotEligible(_) => ErrorCode::SubjectTypeNotEligible,
            P::LevelNotInProcedure { .. } => ErrorCode::LevelNotInProcedure,
            P::UnknownCriterion { .. } => ErrorCode::UnknownCriterion,
            P::CriterionNotOnSheet { .. } => ErrorCode::CriterionNotOnSheet,
            P::OptionOutOfRange { .. } | P::NegativeOption(_) => ErrorCode::OptionOutOfRange,
            P::MissingAnswer { .. } | P::AnswerCount { .. } => ErrorCode::MissingAnswer,
            P::SubjectTypeOptionMismatch { .. } => ErrorCode::SubjectTypeOptionMismatch,
            P::MixedTourismCases { .. } => ErrorCode::MixedTourismCases,
            P::TourismCaseNotApplicable(_) => ErrorCode::TourismCaseNotApplicable,
            P::TourismCaseOutOfRange => ErrorCode::TourismCaseOutOfRange,
            P::NoKnockoutOnCriterion(_) => ErrorCode::NoKnockoutOnCriterion,
            P::NoRequirementOnCriterion(_) => ErrorCode::NoRequirementOnCriterion,
            P::CouncilEmpty => ErrorCode::CouncilEmpty,
            P::MemberMismatch(_) | P::NotSameProduct => ErrorCode::CouncilMismatch,
            P::InvalidCouncilRules(_) => ErrorCode::InvalidCouncilRules,
            P::InvalidTarget => ErrorCode::InvalidTarget,
            P::ProductCodeParts { .. } | P::ProductCodeSegment { .. } | P::NoProductCodeFormat => {
                ErrorCode::InvalidProductCode
            }
            P::UnknownAdminCode { .. } => ErrorCode::UnknownAdminCode,
            P::InvalidCsv(_) | P::CsvHeader { .. } => ErrorCode::InvalidCsv,
            P::TargetNeedsMeasure | P::InvalidTargetSet(_) => ErrorCode::InvalidTargetSet,
            P::NoCorrespondence { .. } => ErrorCode::NoCorrespondence,
            P::InvalidResultCode(_) => ErrorCode::InvalidResultCode,
            P::ResultCodeRulesDiffer { .. } => ErrorCode::ResultCodeRulesDiffer,
            P::InvalidCatalog(_) => ErrorCode::InvalidCatalog,
            P::Internal(_) => ErrorCode::Internal,
            P::Calendar(c) => match c {
                CalendarProblem::OutsideCalendar { .. }
                | CalendarProblem::YearOutOfRange { .. }
                | CalendarProblem::PastEndOfCalendar(_)
                | CalendarProblem::OutsideLunarCalendar { .. }
                | CalendarProblem::LunarYearOutOfRange { .. } => ErrorCode::DateOutOfCalendar,
                CalendarProblem::NoSuchLunarDay { .. } => ErrorCode::InvalidDate,
                CalendarProblem::TwoLengths => ErrorCode::WrongType,
                CalendarProblem::NoLength => ErrorCode::MissingField,
                CalendarProblem::InvalidEntry(_) => ErrorCode::InvalidCalendarEntry,
            },
            P::Dossier(d) => match d {
                DossierProblem::UnknownItem { .. } | DossierProblem::UnknownPackage { .. } => {
                    ErrorCode::UnknownDossierItem
                }
                DossierProblem::NotInEdition { .. } => ErrorCode::NotInEdition,
                DossierProblem::NoEditionOrDay => ErrorCode::MissingEdition,
                DossierProblem::InvalidSlip(_) => ErrorCode::InvalidRegistrationSlip,
            },
        }
    }

    /// `WRONG_TYPE`: `expected`, found the JSON value `found`.
    pub(crate) fn wrong_type(expected: &'static str, found: &serde_json::Value) -> Problem {
        Problem::WrongType {
            expected,
            found: json_kind(found).to_owned(),
        }
    }
}

/// A malformed input: a stable code, where (a JSON Pointer such as `/answers/A1.1`), and a
/// plain sentence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct InputError {
    /// Stable code.
    pub code: ErrorCode,
    /// JSON Pointer to the field (`""` for the whole input).
    pub path: String,
    /// What is wrong, in plain English.
    pub message: String,
}

impl InputError {
    /// `problem` at `path`: its code and its one wording.
    ///
    /// ```
    /// use ocop_core::error::{ErrorCode, InputError, Problem};
    /// let e = InputError::at("/targetStar", Problem::InvalidTarget);
    /// assert_eq!((e.code, e.message.as_str()), (ErrorCode::InvalidTarget, "the target star must be 1 to 5"));
    /// ```
    pub fn at(path: impl Into<String>, problem: Problem) -> InputError {
        InputError {
            code: problem.code(),
            path: path.into(),
            message: problem.to_string(),
        }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}: {}", self.code, self.message)
        } else {
            write!(f, "{} at {}: {}", self.code, self.path, self.message)
        }
    }
}

/// Every problem found in one input (never empty).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct InputErrors(pub Vec<InputError>);

impl From<InputError> for InputErrors {
    fn from(error: InputError) -> InputErrors {
        InputErrors(vec![error])
    }
}

impl InputErrors {
    /// One problem at `path`.
    pub fn at(path: impl Into<String>, problem: Problem) -> InputErrors {
        InputErrors(vec![InputError::at(path, problem)])
    }

    /// The first error (there is always one).
    pub fn first(&self) -> Option<&InputError> {
        self.0.first()
    }

    /// Each error's path prefixed with `prefix` (e.g. `/members/2`).
    pub fn under(mut self, prefix: &str) -> InputErrors {
        for e in &mut self.0 {
            e.path.insert_str(0, prefix);
        }
        self
    }

    /// `Ok(value)` when no problem was collected, else every problem.
    pub(crate) fn or_ok<T>(errors: Vec<InputError>, value: T) -> Result<T, InputErrors> {
        if errors.is_empty() {
            Ok(value)
        } else {
            Err(InputErrors(errors))
        }
    }
}

impl fmt::Display for InputErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for InputErrors {}

/// A row of a table (CSV or spreadsheet) that could not be read or scored: its line and every
/// problem, each at its column (`/product_set`, `/A1.1`). The other rows are still answered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct RowError {
    /// Line number in the file (the header is line 1), or row number in a spreadsheet.
    pub line: u64,
    /// What is wrong.
    pub errors: Vec<InputError>,
}

/// Something a person should know about a result: a stable code and the field or criterion it
/// concerns. The sentence that explains it, in Vietnamese or English, is in the labelled report
/// ([`crate::explain`]), which words every warning in one place.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Warning {
    /// Stable code.
    pub code: WarningCode,
    /// The field or criterion concerned, as a JSON Pointer (`""`: the result as a whole).
    pub path: String,
}

impl Warning {
    /// A warning at `path`.
    pub fn new(code: WarningCode, path: impl Into<String>) -> Warning {
        Warning {
            code,
            path: path.into(),
        }
    }
}

/// A result or the errors that prevented it, as a tagged value: what `safeScore` in the npm
/// package returns instead of throwing (zen's `safeEvaluate`, cedar's `Answer`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum SafeResult<T> {
    /// The input was well formed; rule outcomes (rejections…) are inside the result.
    Success {
        /// The result.
        result: T,
    },
    /// The input was malformed.
    Failure {
        /// Every problem found.
        errors: Vec<InputError>,
    },
}

impl<T> From<Result<T, InputErrors>> for SafeResult<T> {
    fn from(r: Result<T, InputErrors>) -> SafeResult<T> {
        match r {
            Ok(result) => SafeResult::Success { result },
            Err(InputErrors(errors)) => SafeResult::Failure { errors },
        }
    }
}

/// The error table in Markdown, as published in `docs/errors.md`.
pub fn error_table_markdown() -> String {
    let mut out = String::from("| code | meaning | tiếng Việt |\n|---|---|---|\n");
    for code in ErrorCode::ALL {
        out.push_str(&format!(
            "| `{}` | {} | {} |\n",
            code.as_str(),
            code.title(Lang::En),
            code.title(Lang::Vi)
        ));
    }
    out.push_str(
        "\n### Warnings (inside a result)\n\n| code | meaning | tiếng Việt |\n|---|---|---|\n",
    );
    for code in WarningCode::ALL {
        out.push_str(&format!(
            "| `{}` | {} | {} |\n",
            code.as_str(),
            code.title(Lang::En),
            code.title(Lang::Vi)
        ));
    }
    out
}
