//! The venue form: the choices it offers, what it accepts and what it
//! shows when editing.

use serde::Deserialize;

use crate::db::models::region::{Region, Town};
use crate::db::models::venue::{Venue, VenueFields};
use crate::domain::cohort::PartnerKind;
use crate::domain::person::{self, ArabicName, EnglishName};
use crate::domain::venue::{Address, Seats, VenueError};
use crate::i18n::Lang;
use crate::web::account::register::{Choice, TownGroup};
use crate::web::forms::FormState;

/// The create and edit form; every field arrives as typed.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct VenueForm {
    /// A town code, e.g. `al-ain`.
    pub town: String,
    pub name_ar: String,
    pub name_en: String,
    pub partner_kind: String,
    pub address_ar: String,
    pub address_en: String,
    pub seats: String,
}

/// Every region with its towns, in display order.
pub type Regions = Vec<(Region, Vec<Town>)>;

/// The towns for the select, under their regions.
pub fn town_groups(regions: &Regions, lang: Lang) -> Vec<TownGroup> {
    regions
        .iter()
        .map(|(region, towns)| TownGroup {
            region: region.name(lang).to_owned(),
            towns: towns
                .iter()
                .map(|town| Choice {
                    code: town.code.clone(),
                    label: town.name(lang).to_owned(),
                })
                .collect(),
        })
        .collect()
}

/// The partner kinds for the select, labelled in `lang`.
pub fn partner_kinds(lang: Lang) -> Vec<Choice> {
    PartnerKind::ALL
        .iter()
        .map(|kind| Choice {
            code: kind.as_str().to_owned(),
            label: kind_label(*kind, lang),
        })
        .collect()
}

/// The label of a partner kind.
pub fn kind_label(kind: PartnerKind, lang: Lang) -> String {
    lang.t(&format!("partner-kind-{kind}"))
}

/// Every town of every region.
pub fn towns_of(regions: &Regions) -> impl Iterator<Item = &Town> {
    regions.iter().flat_map(|(_, towns)| towns)
}

/// Parses every field, recording each error against its field.
pub fn validate<'a>(
    input: &VenueForm,
    form: &mut FormState,
    mut towns: impl Iterator<Item = &'a Town>,
) -> Option<VenueFields> {
    form.keep("town", &input.town);
    let town_id = match input.town.trim() {
        "" => {
            form.fail("town", "field-required");
            None
        }
        code => {
            let town = towns.find(|town| town.code == code).map(|town| town.id);
            if town.is_none() {
                form.fail("town", "town-unknown");
            }
            town
        }
    };
    let name_ar = form.check(
        "name_ar",
        &input.name_ar,
        ArabicName::parse,
        person::FieldError::key,
    );
    let name_en = form.check(
        "name_en",
        &input.name_en,
        EnglishName::parse,
        person::FieldError::key,
    );
    let kind = form.check(
        "partner_kind",
        &input.partner_kind,
        PartnerKind::parse,
        person::FieldError::key,
    );
    let address_ar = form.check(
        "address_ar",
        &input.address_ar,
        Address::parse_arabic,
        VenueError::key,
    );
    let address_en = form.check(
        "address_en",
        &input.address_en,
        Address::parse_english,
        VenueError::key,
    );
    let seats = form.check("seats", &input.seats, Seats::parse, VenueError::key);
    Some(VenueFields {
        town_id: town_id?,
        name_ar: name_ar?.as_str().to_owned(),
        name_en: name_en?.as_str().to_owned(),
        partner_kind: kind?,
        address_ar: address_ar?.as_str().to_owned(),
        address_en: address_en?.as_str().to_owned(),
        seats: seats?.get(),
    })
}

/// The edit form showing what is stored.
pub fn prefill(venue: &Venue, regions: &Regions) -> FormState {
    let mut form = FormState::default();
    let town = towns_of(regions).find(|town| town.id == venue.town_id);
    form.keep("town", town.map_or("", |town| town.code.as_str()));
    form.keep("name_ar", &venue.name_ar);
    form.keep("name_en", &venue.name_en);
    form.keep("partner_kind", venue.partner_kind.as_str());
    form.keep("address_ar", &venue.address_ar);
    form.keep("address_en", &venue.address_en);
    form.keep("seats", &venue.seats.to_string());
    form
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::keys;

    #[test]
    fn every_choice_and_error_label_is_in_both_catalogues() {
        let mut needed: Vec<String> = PartnerKind::ALL
            .iter()
            .map(|kind| format!("partner-kind-{}", kind.as_str()))
            .collect();
        needed.extend(VenueError::ALL.iter().map(|err| err.key().to_owned()));
        needed.push("town-unknown".to_owned());
        for lang in Lang::ALL {
            let known = keys(lang);
            let missing: Vec<_> = needed.iter().filter(|key| !known.contains(*key)).collect();
            assert!(missing.is_empty(), "{}: {missing:?}", lang.code());
        }
    }
}
