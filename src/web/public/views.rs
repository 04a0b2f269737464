//! Reference data prepared for display in one language.

use crate::db::DbConnection;
use crate::db::models::region::Region;
use crate::i18n::Lang;

/// A region with its towns, named in the page's language.
pub struct RegionView {
    pub code: String,
    pub name: String,
    pub towns: Vec<String>,
}

impl RegionView {
    /// Every region and its towns, in display order.
    pub fn load_all(conn: &mut DbConnection, lang: Lang) -> diesel::QueryResult<Vec<RegionView>> {
        Ok(Region::all_with_towns(conn)?
            .into_iter()
            .map(|(region, towns)| RegionView {
                code: region.code.clone(),
                name: region.name(lang).to_owned(),
                towns: towns
                    .iter()
                    .map(|town| town.name(lang).to_owned())
                    .collect(),
            })
            .collect())
    }
}
