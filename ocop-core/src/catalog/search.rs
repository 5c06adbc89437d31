//! Finding product sets by a name typed with or without Vietnamese diacritics.

use serde::Serialize;

use super::Edition;

/// A product set that matches a search.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct SearchHit {
    /// The product set's number.
    pub product_set: u8,
    /// Higher is better: 3 = the whole query as a phrase, 2 = every word, 1 = every word as
    /// the start of a word (while typing).
    pub rank: u8,
}

impl Edition {
    /// Product sets whose names contain `query`, best first. Diacritics, case and punctuation
    /// are ignored, so "nuoc mam" finds "nước mắm" and "ca phe" finds "Cà phê, ca cao".
    ///
    /// ```
    /// let edition = ocop_core::Catalog::builtin().edition("26/2026").unwrap();
    /// assert_eq!(edition.find_product_sets("nuoc mam")[0].product_set, 9);
    /// assert_eq!(edition.find_product_sets("Cà phê")[0].product_set, 13);
    /// assert_eq!(edition.find_product_sets("honey")[0].product_set, 4);
    /// assert!(edition.find_product_sets("xyz").is_empty());
    /// ```
    pub fn find_product_sets(&self, query: &str) -> Vec<SearchHit> {
        let query = fold(query);
        let words: Vec<&str> = query.split(' ').filter(|w| !w.is_empty()).collect();
        if words.is_empty() {
            return Vec::new();
        }
        let mut hits: Vec<SearchHit> = self
            .data()
            .product_sets
            .iter()
            .filter_map(|set| {
                let names = [&set.name.vi, &set.name.en]
                    .into_iter()
                    .chain(set.leaf_name.iter().flat_map(|l| [&l.vi, &l.en]))
                    .chain(&set.other_names_vi);
                let rank = names
                    .map(|n| rank(&fold(n), &query, &words))
                    .max()
                    .unwrap_or(0);
                (rank > 0).then_some(SearchHit {
                    product_set: set.number,
                    rank,
                })
            })
            .collect();
        hits.sort_by(|a, b| b.rank.cmp(&a.rank).then(a.product_set.cmp(&b.product_set)));
        hits
    }
}

fn rank(name: &str, query: &str, words: &[&str]) -> u8 {
    let padded = format!(" {name} ");
    let name_words: Vec<&str> = name.split(' ').collect();
    if padded.contains(&format!(" {query} ")) {
        3
    } else if words.iter().all(|w| name_words.contains(w)) {
        2
    } else if words
        .iter()
        .all(|w| name_words.iter().any(|n| n.starts_with(w)))
    {
        1
    } else {
        0
    }
}

/// Lower case, Vietnamese letters without their marks (precomposed or combining), đ → d,
/// anything else that is not a letter or digit → one space.
pub(crate) fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = true;
    for ch in text.chars().flat_map(char::to_lowercase) {
        if ('\u{300}'..='\u{36f}').contains(&ch) {
            continue; // a combining mark typed separately
        }
        let base = base_letter(ch);
        if base.is_alphanumeric() {
            out.push(base);
            space = false;
        } else if !space {
            out.push(' ');
            space = true;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

fn base_letter(ch: char) -> char {
    const GROUPS: [(char, &str); 6] = [
        ('a', "àáảãạăằắẳẵặâầấẩẫậ"),
        ('e', "èéẻẽẹêềếểễệ"),
        ('i', "ìíỉĩị"),
        ('o', "òóỏõọôồốổỗộơờớởỡợ"),
        ('u', "ùúủũụưừứửữự"),
        ('y', "ỳýỷỹỵ"),
    ];
    if ch == 'đ' {
        return 'd';
    }
    GROUPS
        .iter()
        .find(|(_, marked)| marked.contains(ch))
        .map_or(ch, |(base, _)| *base)
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn folds_precomposed_and_combining_marks() {
        assert_eq!(fold("Tương, NƯỚC MẮM"), "tuong nuoc mam");
        // "mắm" typed as m + a + combining breve + combining acute + m
        assert_eq!(fold("ma\u{306}\u{301}m"), "mam");
        assert_eq!(fold("Đồ uống"), "do uong");
        assert_eq!(fold("  (gạo)  "), "gao");
    }
}
