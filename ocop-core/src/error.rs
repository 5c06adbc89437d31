//! Errors for malformed input, and warnings that travel with a result.
//!
//! An error means the input itself is wrong (an unknown criterion, an option out of range…);
//! a rule outcome such as a rejected dossier is data in the result, never an error. Every
//! error names a stable [`ErrorCode`] and the JSON Pointer of the bad field, and all problems
//! are reported at once. The same codes are used by the npm package, Kotlin and Swift; the
//! table in `docs/errors.md` is generated from [`ErrorCode::ALL`] (a test keeps it in step).

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::catalog::text::Lang;

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
    #[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
    #[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Enum))]
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
        /// The edition has no product set with this number.
        UnknownProductSet = "UNKNOWN_PRODUCT_SET", "Không có bộ sản phẩm này", "No product set has this number";
        /// Not one of the subject types (chủ thể).
        UnknownSubjectType = "UNKNOWN_SUBJECT_TYPE", "Loại chủ thể không hợp lệ", "Not a subject type";
        /// Not a dossier case (first evaluation, upgrade, re-evaluation).
        UnknownDossierCase = "UNKNOWN_DOSSIER_CASE", "Trường hợp hồ sơ không hợp lệ", "Not a dossier case (first, upgrade, reevaluation)";
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
        /// A council with no members.
        CouncilEmpty = "COUNCIL_EMPTY", "Hội đồng không có thành viên", "The council has no members";
        /// Members' sheets are for different editions, product sets or producers.
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
        /// Catalog data loaded at run time does not validate.
        InvalidCatalog = "INVALID_CATALOG", "Dữ liệu bộ tiêu chí không hợp lệ", "The edition data is not valid";
        /// A value could not cross a language boundary (a binding bug, reported rather than a crash).
        Internal = "INTERNAL", "Lỗi nội bộ", "Internal error";
    }
}

codes! {
    /// Something a person should know about a result, without it being wrong.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
    #[serde(rename_all = "SCREAMING_SNAKE_CASE")]
    #[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
    #[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Enum))]
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

/// A malformed input: a stable code, where (a JSON Pointer such as `/answers/A1.1`), and a
/// plain sentence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
pub struct InputError {
    /// Stable code.
    pub code: ErrorCode,
    /// JSON Pointer to the field (`""` for the whole input).
    pub path: String,
    /// What is wrong, in plain English.
    pub message: String,
}

impl InputError {
    /// An error at `path`.
    pub fn new(code: ErrorCode, path: impl Into<String>, message: impl Into<String>) -> InputError {
        InputError {
            code,
            path: path.into(),
            message: message.into(),
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
    /// One error.
    pub fn one(
        code: ErrorCode,
        path: impl Into<String>,
        message: impl Into<String>,
    ) -> InputErrors {
        InputErrors(vec![InputError::new(code, path, message)])
    }

    /// The first error (there is always one).
    pub fn first(&self) -> Option<&InputError> {
        self.0.first()
    }

    /// Each error's path prefixed with `prefix` (e.g. `/members/2`).
    pub fn under(mut self, prefix: &str) -> InputErrors {
        for e in &mut self.0 {
            e.path = format!("{prefix}{}", e.path);
        }
        self
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

/// Something a person should know about a result.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
pub struct Warning {
    /// Stable code.
    pub code: WarningCode,
    /// The field or criterion concerned, as a JSON Pointer, if any.
    pub path: String,
    /// Plain English.
    pub message: String,
}

impl Warning {
    /// A warning at `path`.
    pub fn new(code: WarningCode, path: impl Into<String>, message: impl Into<String>) -> Warning {
        Warning {
            code,
            path: path.into(),
            message: message.into(),
        }
    }
}

/// A result or the errors that prevented it: what the JSON, npm and CLI surfaces return.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum Answer<T> {
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

impl<T> From<Result<T, InputErrors>> for Answer<T> {
    fn from(r: Result<T, InputErrors>) -> Answer<T> {
        match r {
            Ok(result) => Answer::Success { result },
            Err(InputErrors(errors)) => Answer::Failure { errors },
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
