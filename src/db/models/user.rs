//! People and their accounts.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use crate::db::DbConnection;
use crate::db::schema::users;
use crate::domain::person::Role;
use crate::i18n::Lang;

/// A row of `users`. Not `Debug`: it carries the password hash.
#[derive(Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = users, treat_none_as_default_value = false)]
pub struct User {
    pub id: i32,
    pub role: Role,
    pub full_name_ar: String,
    pub full_name_en: String,
    pub email: Option<String>,
    /// Dashed form `784-YYYY-NNNNNNN-C`.
    pub emirates_id: Option<String>,
    pub date_of_birth: Option<NaiveDate>,
    pub gender: Option<String>,
    /// E.164, `+9715XXXXXXXX`.
    pub mobile: Option<String>,
    pub target_group: Option<String>,
    pub town_id: Option<i32>,
    pub channel: Option<String>,
    pub password_hash: String,
    /// Set for accounts created by an admin and after a reset: the person
    /// must choose their own password before anything else.
    pub must_change_password: bool,
    pub active: bool,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    /// Extra exam time in percent of the exam's duration (0: none).
    pub accommodation_percent: i32,
    /// What the trainer should know, e.g. "needs a large screen".
    pub accommodation_note: Option<String>,
}

/// A new account.
#[derive(Insertable)]
#[diesel(table_name = users)]
pub struct NewUser<'a> {
    pub role: Role,
    pub full_name_ar: &'a str,
    pub full_name_en: &'a str,
    pub email: Option<&'a str>,
    pub emirates_id: Option<&'a str>,
    pub date_of_birth: Option<NaiveDate>,
    pub gender: Option<&'a str>,
    pub mobile: Option<&'a str>,
    pub target_group: Option<&'a str>,
    pub town_id: Option<i32>,
    pub channel: Option<&'a str>,
    pub password_hash: &'a str,
    pub must_change_password: bool,
    pub active: bool,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl User {
    pub fn name(&self, lang: Lang) -> &str {
        lang.pick(&self.full_name_ar, &self.full_name_en)
    }

    /// Inserts the account and returns its id.
    pub fn insert(conn: &mut DbConnection, new: &NewUser<'_>) -> QueryResult<i32> {
        diesel::insert_into(users::table)
            .values(new)
            .returning(users::id)
            .get_result(conn)
    }

    /// Several people at once (one query for a list's names).
    pub fn by_ids(conn: &mut DbConnection, ids: &[i32]) -> QueryResult<Vec<User>> {
        crate::db::load_by_ids!(conn, users::table.select(User::as_select()), users::id, ids)
    }

    /// Locks the person's row until the transaction ends, so one person's
    /// requests that count against a limit are decided one at a time. SQLite
    /// needs nothing: its single writer serialises them anyway.
    pub fn lock(conn: &mut DbConnection, id: i32) -> QueryResult<()> {
        #[cfg(feature = "postgres")]
        if let DbConnection::Postgres(pg) = conn {
            let _: Vec<i32> = users::table
                .find(id)
                .select(users::id)
                .for_update()
                .load(pg)?;
        }
        #[cfg(not(feature = "postgres"))]
        let _ = (conn, id);
        Ok(())
    }

    pub fn find(conn: &mut DbConnection, id: i32) -> QueryResult<Option<User>> {
        crate::db::on_backend!(conn, |c| users::table
            .find(id)
            .select(User::as_select())
            .first(c)
            .optional())
    }

    /// The account a login names: an e-mail address or an Emirates ID, both
    /// already normalised by the caller.
    pub fn by_login(
        conn: &mut DbConnection,
        email: Option<&str>,
        emirates_id: Option<&str>,
    ) -> QueryResult<Option<User>> {
        let query = users::table.select(User::as_select());
        match (email, emirates_id) {
            (Some(email), _) => query.filter(users::email.eq(email)).first(conn).optional(),
            (None, Some(eid)) => query
                .filter(users::emirates_id.eq(eid))
                .first(conn)
                .optional(),
            (None, None) => Ok(None),
        }
    }

    pub fn email_taken(conn: &mut DbConnection, email: &str) -> QueryResult<bool> {
        diesel::select(diesel::dsl::exists(
            users::table.filter(users::email.eq(email)),
        ))
        .get_result(conn)
    }

    pub fn emirates_id_taken(conn: &mut DbConnection, emirates_id: &str) -> QueryResult<bool> {
        diesel::select(diesel::dsl::exists(
            users::table.filter(users::emirates_id.eq(emirates_id)),
        ))
        .get_result(conn)
    }

    pub fn set_password(
        conn: &mut DbConnection,
        id: i32,
        password_hash: &str,
        must_change: bool,
        now: NaiveDateTime,
    ) -> QueryResult<usize> {
        diesel::update(users::table.find(id))
            .set((
                users::password_hash.eq(password_hash),
                users::must_change_password.eq(must_change),
                users::updated_at.eq(now),
            ))
            .execute(conn)
    }

    pub fn set_active(
        conn: &mut DbConnection,
        id: i32,
        active: bool,
        now: NaiveDateTime,
    ) -> QueryResult<usize> {
        diesel::update(users::table.find(id))
            .set((users::active.eq(active), users::updated_at.eq(now)))
            .execute(conn)
    }

    /// Corrects a person's names (a registrar, after a name correction).
    pub fn set_names(
        conn: &mut DbConnection,
        id: i32,
        name_ar: &str,
        name_en: &str,
        now: NaiveDateTime,
    ) -> QueryResult<usize> {
        diesel::update(users::table.find(id))
            .set((
                users::full_name_ar.eq(name_ar),
                users::full_name_en.eq(name_en),
                users::updated_at.eq(now),
            ))
            .execute(conn)
    }

    pub fn set_accommodation(
        conn: &mut DbConnection,
        id: i32,
        percent: i32,
        note: Option<&str>,
        now: NaiveDateTime,
    ) -> QueryResult<usize> {
        diesel::update(users::table.find(id))
            .set((
                users::accommodation_percent.eq(percent),
                users::accommodation_note.eq(note),
                users::updated_at.eq(now),
            ))
            .execute(conn)
    }

    pub fn set_role(
        conn: &mut DbConnection,
        id: i32,
        role: Role,
        now: NaiveDateTime,
    ) -> QueryResult<usize> {
        diesel::update(users::table.find(id))
            .set((users::role.eq(role.as_str()), users::updated_at.eq(now)))
            .execute(conn)
    }

    /// People whose name, e-mail, Emirates ID or mobile contains `query`,
    /// optionally of one role, newest first.
    pub fn search(
        conn: &mut DbConnection,
        query: &str,
        role: Option<Role>,
        limit: i64,
        offset: i64,
    ) -> QueryResult<Vec<User>> {
        let mut select = users::table.select(User::as_select()).into_boxed();
        let query = query.trim();
        if !query.is_empty() {
            let pattern = format!("%{}%", escape_like(&query.to_lowercase()));
            // Identity numbers and phone numbers are matched on their digits,
            // however they were typed ("050 123", "784-1990").
            let digits: String = query.chars().filter(char::is_ascii_digit).collect();
            let digits = digits.strip_prefix('0').unwrap_or(&digits).to_owned();
            let digit_pattern = if digits.len() >= 3 {
                format!("%{digits}%")
            } else {
                pattern.clone()
            };
            select = select.filter(
                lower(users::full_name_en)
                    .like(pattern.clone())
                    .escape('\\')
                    .or(users::full_name_ar.like(pattern.clone()).escape('\\'))
                    .or(users::email.like(pattern).escape('\\'))
                    .or(replace(users::emirates_id, "-", "").like(digit_pattern.clone()))
                    .or(users::mobile.like(digit_pattern)),
            );
        }
        if let Some(role) = role {
            select = select.filter(users::role.eq(role.as_str()));
        }
        select
            .order(users::id.desc())
            .limit(limit)
            .offset(offset)
            .load(conn)
    }
}

diesel::define_sql_function!(
    /// SQL `lower()`, for case-insensitive matching.
    fn lower(text: diesel::sql_types::Text) -> diesel::sql_types::Text
);
diesel::define_sql_function!(
    fn replace(
        text: diesel::sql_types::Nullable<diesel::sql_types::Text>,
        from: diesel::sql_types::Text,
        to: diesel::sql_types::Text,
    ) -> diesel::sql_types::Nullable<diesel::sql_types::Text>
);

/// Escapes `%`, `_` and `\` for a LIKE pattern with `ESCAPE '\'`.
pub fn escape_like(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '%' | '_' | '\\') {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    escaped
}
