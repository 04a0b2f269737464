//! The question bank: questions with their options, in both languages.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConnection;
use crate::db::schema::{question_options, questions};
use crate::i18n::Lang;

#[derive(Clone, Debug, Queryable, Selectable)]
#[diesel(table_name = questions)]
pub struct Question {
    pub id: i32,
    /// Syllabus block, 1–3.
    pub block: i32,
    pub topic: String,
    /// `single`, `multiple` or `true_false`.
    pub kind: String,
    pub stem_ar: String,
    pub stem_en: String,
    /// Retired questions are never drawn again but stay for old attempts.
    pub active: bool,
    /// The version this one replaced.
    pub replaces_id: Option<i32>,
    pub created_at: NaiveDateTime,
}

/// An option. `correct` must never reach a trainee's browser.
#[derive(Clone, Debug, Queryable, Selectable)]
#[diesel(table_name = question_options)]
pub struct QuestionOption {
    pub id: i32,
    pub question_id: i32,
    pub position: i32,
    pub text_ar: String,
    pub text_en: String,
    pub correct: bool,
}

/// A question to add, with its options in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewQuestion {
    pub block: i32,
    pub topic: String,
    pub kind: String,
    pub stem_ar: String,
    pub stem_en: String,
    /// (Arabic, English, correct)
    pub options: Vec<(String, String, bool)>,
}

impl Question {
    pub fn stem(&self, lang: Lang) -> &str {
        lang.pick(&self.stem_ar, &self.stem_en)
    }

    /// Adds a question and its options; returns its id.
    pub fn insert(
        conn: &mut DbConnection,
        new: &NewQuestion,
        replaces: Option<i32>,
        now: NaiveDateTime,
    ) -> QueryResult<i32> {
        let id: i32 = diesel::insert_into(questions::table)
            .values((
                questions::block.eq(new.block),
                questions::topic.eq(&new.topic),
                questions::kind.eq(&new.kind),
                questions::stem_ar.eq(&new.stem_ar),
                questions::stem_en.eq(&new.stem_en),
                questions::active.eq(true),
                questions::replaces_id.eq(replaces),
                questions::created_at.eq(now),
            ))
            .returning(questions::id)
            .get_result(conn)?;
        for (position, (text_ar, text_en, correct)) in (1..).zip(&new.options) {
            diesel::insert_into(question_options::table)
                .values((
                    question_options::question_id.eq(id),
                    question_options::position.eq(position),
                    question_options::text_ar.eq(text_ar),
                    question_options::text_en.eq(text_en),
                    question_options::correct.eq(correct),
                ))
                .execute(conn)?;
        }
        Ok(id)
    }

    pub fn find(conn: &mut DbConnection, id: i32) -> QueryResult<Option<Question>> {
        questions::table
            .find(id)
            .select(Question::as_select())
            .first(conn)
            .optional()
    }

    /// Ids of the active questions of a block.
    pub fn active_ids(conn: &mut DbConnection, block: i32) -> QueryResult<Vec<i32>> {
        questions::table
            .filter(questions::block.eq(block))
            .filter(questions::active.eq(true))
            .order(questions::id)
            .select(questions::id)
            .load(conn)
    }

    /// Several questions by id.
    pub fn by_ids(conn: &mut DbConnection, ids: &[i32]) -> QueryResult<Vec<Question>> {
        questions::table
            .filter(questions::id.eq_any(ids))
            .select(Question::as_select())
            .load(conn)
    }

    /// How many questions exist at all (seeding happens on an empty bank).
    pub fn count(conn: &mut DbConnection) -> QueryResult<i64> {
        questions::table.count().get_result(conn)
    }
}

impl QuestionOption {
    pub fn text(&self, lang: Lang) -> &str {
        lang.pick(&self.text_ar, &self.text_en)
    }

    /// The options of several questions, in their stored order.
    pub fn of_questions(
        conn: &mut DbConnection,
        question_ids: &[i32],
    ) -> QueryResult<Vec<QuestionOption>> {
        question_options::table
            .filter(question_options::question_id.eq_any(question_ids))
            .order((question_options::question_id, question_options::position))
            .select(QuestionOption::as_select())
            .load(conn)
    }
}
