//! The catalogue's filter form: which regions, towns and months it offers,
//! and what it does with a town that is not in the chosen region.
//!
//! A town belongs to one region, so once a region is chosen only its towns
//! are offered. A town from another region still arrives when someone picks
//! a region with a town already chosen (without JavaScript the town list
//! cannot follow the region until the form is sent): the region is the
//! newer choice, so it wins, the town is dropped and the page says so,
//! instead of an empty list that looks like "no classes here".

use crate::db::models::region::{Region, Town};
use crate::i18n::Lang;
use crate::web::account::register::Choice;
use crate::web::public::catalogue::{CohortCard, Filter, month_label};

/// A region in the filter, with its towns for the script that narrows the
/// town list without a reload (`static/js/catalogue.js`).
pub struct RegionChoice {
    pub code: String,
    pub label: String,
    /// `[["al-ain","Al Ain"],…]`: the region's towns, codes and labels.
    pub towns_json: String,
}

/// What the filter form offers, and the note when a town was dropped.
pub struct FilterChoices {
    pub regions: Vec<RegionChoice>,
    pub towns: Vec<Choice>,
    pub months: Vec<Choice>,
    /// Why the chosen town was set aside, in the page's language.
    pub town_dropped: Option<String>,
}

impl FilterChoices {
    /// The choices for `filter` (from which a town outside the chosen region
    /// is removed), with the months in which listed classes start.
    pub fn settle(
        filter: &mut Filter,
        regions: &[(Region, Vec<Town>)],
        cards: &[CohortCard],
        lang: Lang,
    ) -> Self {
        let chosen = regions
            .iter()
            .find(|(region, _)| region.code == filter.region.trim());
        let town_dropped = chosen.and_then(|(region, own)| {
            let code = filter.town.trim();
            if code.is_empty() || own.iter().any(|town| town.code == code) {
                return None;
            }
            let foreign = regions
                .iter()
                .flat_map(|(_, towns)| towns)
                .find(|town| town.code == code);
            filter.town.clear();
            foreign.map(|town| {
                lang.t_args(
                    "cohorts-town-not-in-region",
                    &[
                        ("town", town.name(lang).to_owned().into()),
                        ("region", region.name(lang).to_owned().into()),
                    ],
                )
            })
        });
        let offered: Vec<&Town> = match chosen {
            Some((_, own)) => own.iter().collect(),
            None => regions.iter().flat_map(|(_, towns)| towns).collect(),
        };
        Self {
            regions: regions
                .iter()
                .map(|(region, towns)| RegionChoice {
                    code: region.code.clone(),
                    label: region.name(lang).to_owned(),
                    towns_json: towns_json(towns, lang),
                })
                .collect(),
            towns: offered.into_iter().map(|town| choice(town, lang)).collect(),
            months: months(cards, lang),
            town_dropped,
        }
    }
}

fn choice(town: &Town, lang: Lang) -> Choice {
    Choice {
        code: town.code.clone(),
        label: town.name(lang).to_owned(),
    }
}

fn towns_json(towns: &[Town], lang: Lang) -> String {
    let pairs: Vec<[&str; 2]> = towns
        .iter()
        .map(|town| [town.code.as_str(), town.name(lang)])
        .collect();
    serde_json::to_string(&pairs).unwrap_or_default()
}

/// The months in which listed classes start, in order, named in `lang`.
fn months(cards: &[CohortCard], lang: Lang) -> Vec<Choice> {
    let mut codes: Vec<String> = cards
        .iter()
        .map(CohortCard::start_month)
        .filter(|month| !month.is_empty())
        .collect();
    codes.sort();
    codes.dedup();
    codes
        .into_iter()
        .map(|code| Choice {
            label: month_label(&code, lang),
            code,
        })
        .collect()
}
