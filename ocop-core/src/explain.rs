//! The result of a scoring in one plain sentence, in Vietnamese and English.

use rust_decimal::Decimal;

use crate::catalog::text::Text;
use crate::scoring::{Blocker, Outcome, StarInfo};

pub(crate) fn summary(
    total: &Decimal,
    max: u8,
    band: Option<&StarInfo>,
    stars: Option<&StarInfo>,
    outcome: &Outcome,
    blockers: &[Blocker],
    certifiable: bool,
) -> Text {
    match outcome {
        Outcome::Rejected { at: Some(code), .. } => Text::new(
            format!("Sản phẩm bị loại theo điều kiện tại tiêu chí {code}."),
            format!("The product is eliminated by the condition on {code}."),
        ),
        Outcome::Rejected { at: None, .. } => {
            Text::new("Hồ sơ bị loại.", "The dossier is rejected.")
        }
        Outcome::NotRated { at, .. } => Text::new(
            format!(
                "Dừng đánh giá tại tiêu chí {at}: không xếp hạng (điểm đến đó: {total}/{max})."
            ),
            format!("Evaluation stopped at {at}: not rated ({total}/{max} points up to there)."),
        ),
        Outcome::Rated => {
            let (Some(band), Some(stars)) = (band, stars) else {
                return Text::new(
                    format!("{total}/{max} điểm."),
                    format!("{total}/{max} points."),
                );
            };
            let cert_vi = if certifiable {
                "đủ điều kiện công nhận"
            } else {
                "không được công nhận"
            };
            let cert_en = if certifiable {
                "certifiable"
            } else {
                "not certified"
            };
            if stars.star < band.star {
                let codes: Vec<String> = blockers
                    .iter()
                    .filter(|b| b.star == stars.star + 1)
                    .map(|b| b.code.to_string())
                    .collect();
                Text::new(
                    format!(
                        "{total}/{max} điểm thuộc khung {} sao nhưng chỉ đạt {} sao vì chưa đạt yêu cầu tối thiểu tại {}; {cert_vi}.",
                        band.star,
                        stars.star,
                        codes.join(", ")
                    ),
                    format!(
                        "{total}/{max} points fall in the {}-star band, but star markers on {} cap the result at {} stars; {cert_en}.",
                        band.star,
                        codes.join(", "),
                        stars.star
                    ),
                )
            } else {
                Text::new(
                    format!("{total}/{max} điểm: {}; {cert_vi}.", stars.name.vi),
                    format!("{total}/{max} points: {}; {cert_en}.", stars.name.en),
                )
            }
        }
    }
}
