//! Closed sets of choices (statuses, roles, periods…) are Rust enums in
//! `domain/` and text in both databases. This module teaches diesel to read
//! and write them, so a row struct holds the enum itself: a stored value the
//! enum does not know is a query error, never a quiet default.
//!
//! `domain/` stays free of diesel: the impls live here, and the derives are
//! applied through diesel's `foreign_derive` proxy structs.

use diesel::backend::Backend;
use diesel::deserialize::{self, FromSql};
use diesel::serialize::{self, Output, ToSql};
use diesel::sql_types::Text;

use crate::domain::attendance::Mark;
use crate::domain::certificate::CertificateStatus;
use crate::domain::cohort::{Audience, CohortStatus, PartnerKind, Period, TeachingLanguage};
use crate::domain::enrollment::EnrollmentStatus;
use crate::domain::exam::AttemptStatus;
use crate::domain::person::Role;
use crate::domain::schedule::SessionStatus;
use crate::exam::bank::Kind;

/// For each `Type => parse`, where `parse: fn(&str) -> Option<Type>` and
/// `Type::as_str` gives the stored code: `FromSql`/`ToSql` for `Text` on
/// every backend, and the `AsExpression`/`FromSqlRow` derives.
macro_rules! stored_as_text {
    ($($ty:ident => $parse:expr),* $(,)?) => {$(
        const _: () = {
            #[derive(diesel::AsExpression, diesel::FromSqlRow)]
            #[diesel(foreign_derive, sql_type = Text)]
            #[allow(dead_code)]
            struct Stored($ty);
        };

        impl<DB: Backend> FromSql<Text, DB> for $ty
        where
            String: FromSql<Text, DB>,
        {
            fn from_sql(bytes: DB::RawValue<'_>) -> deserialize::Result<Self> {
                let text = String::from_sql(bytes)?;
                let parse: fn(&str) -> Option<$ty> = $parse;
                parse(&text).ok_or_else(|| {
                    format!("{text:?} is not a stored {}", stringify!($ty)).into()
                })
            }
        }

        impl<DB: Backend> ToSql<Text, DB> for $ty
        where
            str: ToSql<Text, DB>,
        {
            fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, DB>) -> serialize::Result {
                self.as_str().to_sql(out)
            }
        }
    )*};
}

stored_as_text! {
    Role => |code| Role::parse(code).ok(),
    CohortStatus => |code| CohortStatus::parse(code).ok(),
    Period => |code| Period::parse(code).ok(),
    Audience => |code| Audience::parse(code).ok(),
    TeachingLanguage => |code| TeachingLanguage::parse(code).ok(),
    PartnerKind => |code| PartnerKind::parse(code).ok(),
    SessionStatus => |code| SessionStatus::parse(code).ok(),
    EnrollmentStatus => |code| EnrollmentStatus::parse(code).ok(),
    Mark => |code| Mark::parse(code).ok(),
    AttemptStatus => |code| AttemptStatus::parse(code).ok(),
    CertificateStatus => |code| CertificateStatus::parse(code).ok(),
    Kind => Kind::parse,
}

#[cfg(test)]
mod tests {
    use diesel::prelude::*;
    use diesel::sql_types::Text;

    use crate::db::{DatabaseUrl, DbConnection, OpenMode};
    use crate::domain::certificate::CertificateStatus;
    use crate::domain::person::Role;

    fn connection(dir: &tempfile::TempDir) -> DbConnection {
        let url = DatabaseUrl::Sqlite(dir.path().join("states.db"));
        DbConnection::open(&url, OpenMode::Create).expect("an SQLite database")
    }

    #[test]
    fn a_stored_code_reads_back_as_its_variant() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let mut conn = connection(&dir);
        for role in Role::ALL {
            let read: Role = diesel::select(role.into_sql::<Text>())
                .get_result(&mut conn)
                .expect("a known role reads back");
            assert_eq!(read, *role);
        }
        let read: CertificateStatus = diesel::select("superseded".into_sql::<Text>())
            .get_result(&mut conn)
            .expect("a known status reads");
        assert_eq!(read, CertificateStatus::Superseded);
    }

    #[test]
    fn an_unknown_stored_code_is_an_error_not_a_default() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let mut conn = connection(&dir);
        let read: QueryResult<Role> =
            diesel::select("superuser".into_sql::<Text>()).get_result(&mut conn);
        let error = read.expect_err("an unknown role must not read as any role");
        // The field error's source names the value and the type.
        let source = std::error::Error::source(&error).map(ToString::to_string);
        assert_eq!(
            source.as_deref(),
            Some("\"superuser\" is not a stored Role"),
            "{error:?}"
        );
    }
}
