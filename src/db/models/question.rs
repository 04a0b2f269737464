//! The question bank: questions with their options, in both languages.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use rand::seq::SliceRandom;

use crate::db::DbConnection;
use crate::db::schema::{answers, attempt_questions, question_options, questions};
use crate::exam::bank::Kind;
use crate::i18n::Lang;

#[derive(Clone, Debug, Queryable, Selectable)]
#[diesel(table_name = questions)]
pub struct Question {
    pub id: i32,
    /// Syllabus block, 1–3.
    pub block: i32,
    pub topic: String,
    pub kind: Kind,
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

    /// Adds a question and its options (in a random order, see
    /// [`insert_options`]); returns its id.
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
        insert_options(conn, id, new)?;
        Ok(id)
    }

    pub fn find(conn: &mut DbConnection, id: i32) -> QueryResult<Option<Question>> {
        crate::db::on_backend!(conn, |c| questions::table
            .find(id)
            .select(Question::as_select())
            .first(c)
            .optional())
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
        crate::db::load_by_ids!(
            conn,
            questions::table.select(Question::as_select()),
            questions::id,
            ids
        )
    }

    /// How many questions exist at all (seeding happens on an empty bank).
    pub fn count(conn: &mut DbConnection) -> QueryResult<i64> {
        questions::table.count().get_result(conn)
    }

    /// Retires (`false`) or reactivates (`true`) a question; returns the
    /// number of rows changed (0 if it does not exist).
    pub fn set_active(conn: &mut DbConnection, id: i32, active: bool) -> QueryResult<usize> {
        diesel::update(questions::table.find(id))
            .set(questions::active.eq(active))
            .execute(conn)
    }

    /// Whether an attempt ever drew this question. Such a question is never
    /// changed or deleted: the attempt's record must keep meaning what the
    /// trainee saw.
    pub fn used_in_attempt(conn: &mut DbConnection, id: i32) -> QueryResult<bool> {
        let drawn: i64 = attempt_questions::table
            .filter(attempt_questions::question_id.eq(id))
            .count()
            .get_result(conn)?;
        let answered: i64 = answers::table
            .filter(answers::question_id.eq(id))
            .count()
            .get_result(conn)?;
        Ok(drawn + answered > 0)
    }

    /// Replaces the texts and options of a question no attempt has used.
    pub fn update_in_place(
        conn: &mut DbConnection,
        id: i32,
        new: &NewQuestion,
    ) -> QueryResult<usize> {
        let changed = diesel::update(questions::table.find(id))
            .set((
                questions::block.eq(new.block),
                questions::topic.eq(&new.topic),
                questions::kind.eq(&new.kind),
                questions::stem_ar.eq(&new.stem_ar),
                questions::stem_en.eq(&new.stem_en),
            ))
            .execute(conn)?;
        if changed == 0 {
            return Ok(0);
        }
        diesel::delete(question_options::table.filter(question_options::question_id.eq(id)))
            .execute(conn)?;
        insert_options(conn, id, new)?;
        Ok(changed)
    }

    /// Deletes a question that no attempt used and no later version points
    /// to; returns whether it was deleted.
    pub fn delete_if_unused(conn: &mut DbConnection, id: i32) -> QueryResult<bool> {
        let successors: i64 = questions::table
            .filter(questions::replaces_id.eq(id))
            .count()
            .get_result(conn)?;
        if successors > 0 || Self::used_in_attempt(conn, id)? {
            return Ok(false);
        }
        diesel::delete(question_options::table.filter(question_options::question_id.eq(id)))
            .execute(conn)?;
        Ok(diesel::delete(questions::table.find(id)).execute(conn)? > 0)
    }

    /// The questions matching `filter`, newest first, one page of them.
    pub fn search(
        conn: &mut DbConnection,
        filter: &QuestionFilter,
        limit: i64,
        offset: i64,
    ) -> QueryResult<Vec<Question>> {
        filtered(filter)
            .select(Question::as_select())
            .order(questions::id.desc())
            .limit(limit)
            .offset(offset)
            .load(conn)
    }

    /// How many questions match `filter` (for the pager).
    pub fn count_matching(conn: &mut DbConnection, filter: &QuestionFilter) -> QueryResult<i64> {
        filtered(filter).count().get_result(conn)
    }

    /// Active questions per block, blocks 1–3 in order.
    pub fn active_per_block(conn: &mut DbConnection) -> QueryResult<[i64; 3]> {
        let mut counts = [0; 3];
        for (block, count) in (1..).zip(&mut counts) {
            *count = questions::table
                .filter(questions::block.eq(block))
                .filter(questions::active.eq(true))
                .count()
                .get_result(conn)?;
        }
        Ok(counts)
    }

    /// The distinct topics, for the filter.
    pub fn topics(conn: &mut DbConnection) -> QueryResult<Vec<String>> {
        questions::table
            .select(questions::topic)
            .distinct()
            .order(questions::topic)
            .load(conn)
    }

    /// Every question, oldest first (for export).
    pub fn all(conn: &mut DbConnection) -> QueryResult<Vec<Question>> {
        questions::table
            .select(Question::as_select())
            .order(questions::id)
            .load(conn)
    }
}

/// What the bank's list is narrowed to; `None` means any.
#[derive(Clone, Debug, Default)]
pub struct QuestionFilter {
    pub block: Option<i32>,
    pub topic: Option<String>,
    pub kind: Option<String>,
    pub active: Option<bool>,
    /// Words to find in the stem, in either language.
    pub text: Option<String>,
}

diesel::define_sql_function!(fn lower(text: diesel::sql_types::Text) -> diesel::sql_types::Text);

type Backend = <DbConnection as diesel::Connection>::Backend;

fn filtered(filter: &QuestionFilter) -> questions::BoxedQuery<'static, Backend> {
    let mut query = questions::table.into_boxed();
    if let Some(block) = filter.block {
        query = query.filter(questions::block.eq(block));
    }
    if let Some(topic) = &filter.topic {
        query = query.filter(questions::topic.eq(topic.clone()));
    }
    if let Some(kind) = &filter.kind {
        query = query.filter(questions::kind.eq(kind.clone()));
    }
    if let Some(active) = filter.active {
        query = query.filter(questions::active.eq(active));
    }
    if let Some(text) = filter
        .text
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        let pattern = format!("%{}%", super::user::escape_like(&text.to_lowercase()));
        // Arabic has no case; English is matched case-insensitively.
        query = query.filter(
            lower(questions::stem_en)
                .like(pattern.clone())
                .escape('\\')
                .or(questions::stem_ar.like(pattern).escape('\\')),
        );
    }
    query
}

/// Adds a question's options. Single- and multiple-answer options are
/// stored in a random order, so that neither an option's position nor its
/// id says which is right, whatever order the author wrote them in (authors
/// tend to write the right answer first). True/false keeps its order: there
/// the position says which label, not which is right.
fn insert_options(conn: &mut DbConnection, question_id: i32, new: &NewQuestion) -> QueryResult<()> {
    let mut options: Vec<&(String, String, bool)> = new.options.iter().collect();
    if Kind::parse(&new.kind) != Some(Kind::TrueFalse) {
        options.shuffle(&mut rand::rng());
    }
    for (position, (text_ar, text_en, correct)) in (1..).zip(options) {
        diesel::insert_into(question_options::table)
            .values((
                question_options::question_id.eq(question_id),
                question_options::position.eq(position),
                question_options::text_ar.eq(text_ar),
                question_options::text_en.eq(text_en),
                question_options::correct.eq(correct),
            ))
            .execute(conn)?;
    }
    Ok(())
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
        crate::db::load_by_ids!(
            conn,
            question_options::table
                .order((question_options::question_id, question_options::position))
                .select(QuestionOption::as_select()),
            question_options::question_id,
            question_ids
        )
    }
}
