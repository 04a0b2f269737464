//! Holidays: days on which no session is scheduled.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use diesel::prelude::*;

use crate::db::DbConnection;
use crate::db::schema::holidays;
use crate::i18n::Lang;

#[derive(Clone, Debug, Queryable, Selectable)]
#[diesel(table_name = holidays)]
pub struct Holiday {
    pub id: i32,
    pub day: NaiveDate,
    pub name_ar: String,
    pub name_en: String,
}

#[derive(Clone, Debug, Insertable)]
#[diesel(table_name = holidays)]
pub struct NewHoliday {
    pub day: NaiveDate,
    pub name_ar: String,
    pub name_en: String,
}

impl Holiday {
    pub fn name(&self, lang: Lang) -> &str {
        lang.pick(&self.name_ar, &self.name_en)
    }

    pub fn insert(conn: &mut DbConnection, new: &NewHoliday) -> QueryResult<i32> {
        diesel::insert_into(holidays::table)
            .values(new)
            .returning(holidays::id)
            .get_result(conn)
    }

    pub fn exists_on(conn: &mut DbConnection, day: NaiveDate) -> QueryResult<bool> {
        diesel::select(diesel::dsl::exists(
            holidays::table.filter(holidays::day.eq(day)),
        ))
        .get_result(conn)
    }

    pub fn find(conn: &mut DbConnection, id: i32) -> QueryResult<Option<Holiday>> {
        holidays::table
            .find(id)
            .select(Holiday::as_select())
            .first(conn)
            .optional()
    }

    pub fn delete(conn: &mut DbConnection, id: i32) -> QueryResult<usize> {
        diesel::delete(holidays::table.find(id)).execute(conn)
    }

    /// Every holiday, in date order.
    pub fn all(conn: &mut DbConnection) -> QueryResult<Vec<Holiday>> {
        holidays::table
            .order(holidays::day)
            .select(Holiday::as_select())
            .load(conn)
    }

    /// The holiday dates, for session generation.
    pub fn dates(conn: &mut DbConnection) -> QueryResult<BTreeSet<NaiveDate>> {
        Ok(holidays::table
            .select(holidays::day)
            .load::<NaiveDate>(conn)?
            .into_iter()
            .collect())
    }
}
