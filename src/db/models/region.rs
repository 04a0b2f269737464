//! Regions and their towns (reference data; admins may add towns).

use diesel::prelude::*;

use crate::db::DbConnection;
use crate::db::schema::{regions, towns};
use crate::i18n::Lang;

/// One of the programme's regions.
#[derive(Clone, Debug, Queryable, Selectable)]
#[diesel(table_name = regions)]
pub struct Region {
    pub id: i32,
    /// Stable code used in URLs and open data: `abu-dhabi`, `eastern`, `western`.
    pub code: String,
    pub name_ar: String,
    pub name_en: String,
    pub position: i32,
}

/// A town in a region; classes take place at venues in towns.
#[derive(Clone, Debug, Queryable, Selectable)]
#[diesel(table_name = towns)]
pub struct Town {
    pub id: i32,
    pub region_id: i32,
    pub code: String,
    pub name_ar: String,
    pub name_en: String,
    pub position: i32,
}

impl Region {
    /// The region's name in `lang`.
    pub fn name(&self, lang: Lang) -> &str {
        lang.pick(&self.name_ar, &self.name_en)
    }

    /// Every region in display order.
    pub fn all(conn: &mut DbConnection) -> QueryResult<Vec<Region>> {
        regions::table
            .order(regions::position)
            .select(Region::as_select())
            .load(conn)
    }

    /// Every region with its towns, both in display order.
    pub fn all_with_towns(conn: &mut DbConnection) -> QueryResult<Vec<(Region, Vec<Town>)>> {
        let regions = Self::all(conn)?;
        let towns = Town::all(conn)?;
        Ok(regions
            .into_iter()
            .map(|region| {
                let own = towns
                    .iter()
                    .filter(|town| town.region_id == region.id)
                    .cloned()
                    .collect();
                (region, own)
            })
            .collect())
    }
}

impl Town {
    /// The town's name in `lang`.
    pub fn name(&self, lang: Lang) -> &str {
        lang.pick(&self.name_ar, &self.name_en)
    }

    pub fn find(conn: &mut DbConnection, id: i32) -> QueryResult<Option<Town>> {
        crate::db::on_backend!(conn, |c| towns::table
            .find(id)
            .select(Town::as_select())
            .first(c)
            .optional())
    }

    /// Every town, by region then display order.
    pub fn all(conn: &mut DbConnection) -> QueryResult<Vec<Town>> {
        towns::table
            .order((towns::region_id, towns::position, towns::id))
            .select(Town::as_select())
            .load(conn)
    }
}
