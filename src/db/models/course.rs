//! Courses and their syllabus blocks (reference data).

use diesel::prelude::*;

use crate::db::DbConnection;
use crate::db::schema::{courses, syllabus_blocks};
use crate::i18n::Lang;

/// The code of the programme's course.
pub const ECITIZEN: &str = "ECITIZEN";

/// A course people enrol in; its exam is drawn from its syllabus blocks.
#[derive(Clone, Debug, Queryable, Selectable)]
#[diesel(table_name = courses)]
pub struct Course {
    pub id: i32,
    pub code: String,
    pub name_ar: String,
    pub name_en: String,
    /// Nominal teaching hours.
    pub hours: i32,
}

/// One block of a course's syllabus (1, 2 or 3).
#[derive(Clone, Debug, Queryable, Selectable)]
#[diesel(table_name = syllabus_blocks)]
pub struct SyllabusBlock {
    pub id: i32,
    pub course_id: i32,
    pub number: i32,
    pub name_ar: String,
    pub name_en: String,
    pub topics_ar: String,
    pub topics_en: String,
}

impl Course {
    /// The course's name in `lang`.
    pub fn name(&self, lang: Lang) -> &str {
        lang.pick(&self.name_ar, &self.name_en)
    }

    /// The course with this code, if any.
    pub fn by_code(conn: &mut DbConnection, code: &str) -> QueryResult<Option<Course>> {
        courses::table
            .filter(courses::code.eq(code))
            .select(Course::as_select())
            .first(conn)
            .optional()
    }
}

impl SyllabusBlock {
    pub fn name(&self, lang: Lang) -> &str {
        lang.pick(&self.name_ar, &self.name_en)
    }

    pub fn topics(&self, lang: Lang) -> &str {
        lang.pick(&self.topics_ar, &self.topics_en)
    }

    /// A course's blocks in order.
    pub fn for_course(conn: &mut DbConnection, course_id: i32) -> QueryResult<Vec<SyllabusBlock>> {
        syllabus_blocks::table
            .filter(syllabus_blocks::course_id.eq(course_id))
            .order(syllabus_blocks::number)
            .select(SyllabusBlock::as_select())
            .load(conn)
    }
}
