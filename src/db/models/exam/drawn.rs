//! The questions drawn for an attempt, in its order, and the answers saved.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConnection;
use crate::db::schema::{answers, attempt_questions, questions};
use crate::exam::bank::Kind;

#[derive(Clone, Debug, Queryable, Selectable, Insertable)]
#[diesel(table_name = attempt_questions, treat_none_as_default_value = false)]
pub struct AttemptQuestion {
    pub id: i32,
    pub attempt_id: i32,
    /// 1-based position in the attempt.
    pub position: i32,
    pub question_id: i32,
    /// Option ids in the order this trainee sees them, `12,15,13`. The page
    /// names an option by its 1-based place in this list, never by its id.
    pub option_order: String,
}

impl AttemptQuestion {
    pub fn option_ids(&self) -> Vec<i32> {
        self.option_order
            .split(',')
            .filter_map(|id| id.trim().parse().ok())
            .collect()
    }

    /// The option ids at the 1-based `positions` of this attempt's order
    /// (the values the trainee's form carries), or `None` if one of them is
    /// not a position of this question.
    pub fn ids_at(&self, positions: &[i32]) -> Option<Vec<i32>> {
        let order = self.option_ids();
        positions
            .iter()
            .map(|position| {
                let index = usize::try_from(*position).ok()?.checked_sub(1)?;
                order.get(index).copied()
            })
            .collect()
    }

    /// The 1-based positions of `ids` in this attempt's order, ascending;
    /// ids that are not options of this question are left out.
    pub fn positions_of(&self, ids: &[i32]) -> Vec<i32> {
        (1..)
            .zip(self.option_ids())
            .filter(|(_, id)| ids.contains(id))
            .map(|(position, _)| position)
            .collect()
    }

    /// The question at `position` of an attempt, with the question's kind:
    /// what a save needs, in one indexed read.
    pub fn at_with_kind(
        conn: &mut DbConnection,
        attempt_id: i32,
        position: i32,
    ) -> QueryResult<Option<(AttemptQuestion, Kind)>> {
        crate::db::on_backend!(conn, |c| attempt_questions::table
            .inner_join(questions::table)
            .filter(attempt_questions::attempt_id.eq(attempt_id))
            .filter(attempt_questions::position.eq(position))
            .select((AttemptQuestion::as_select(), questions::kind))
            .first(c)
            .optional())
    }

    pub fn insert(
        conn: &mut DbConnection,
        attempt_id: i32,
        position: i32,
        question_id: i32,
        option_order: &str,
    ) -> QueryResult<usize> {
        diesel::insert_into(attempt_questions::table)
            .values((
                attempt_questions::attempt_id.eq(attempt_id),
                attempt_questions::position.eq(position),
                attempt_questions::question_id.eq(question_id),
                attempt_questions::option_order.eq(option_order),
            ))
            .execute(conn)
    }

    pub fn of_attempt(
        conn: &mut DbConnection,
        attempt_id: i32,
    ) -> QueryResult<Vec<AttemptQuestion>> {
        crate::db::on_backend!(conn, |c| attempt_questions::table
            .filter(attempt_questions::attempt_id.eq(attempt_id))
            .order(attempt_questions::position)
            .select(AttemptQuestion::as_select())
            .load(c))
    }
}

#[derive(Clone, Debug, Queryable, Selectable, Insertable)]
#[diesel(table_name = answers, treat_none_as_default_value = false)]
pub struct Answer {
    pub id: i32,
    pub attempt_id: i32,
    pub question_id: i32,
    /// Selected option ids, sorted, comma-separated (empty: cleared).
    pub selected: String,
    pub flagged: bool,
    /// The client's sequence number of this save.
    pub seq: i64,
    pub saved_at: NaiveDateTime,
}

impl Answer {
    pub fn selected_ids(&self) -> Vec<i32> {
        self.selected
            .split(',')
            .filter_map(|id| id.trim().parse().ok())
            .collect()
    }

    pub fn of_attempt(conn: &mut DbConnection, attempt_id: i32) -> QueryResult<Vec<Answer>> {
        crate::db::on_backend!(conn, |c| answers::table
            .filter(answers::attempt_id.eq(attempt_id))
            .select(Answer::as_select())
            .load(c))
    }

    /// Stores a save unless one as new (the same or a higher `seq`) is stored;
    /// returns whether it was stored. One statement on both databases
    /// (`INSERT … ON CONFLICT (attempt, question) DO UPDATE … WHERE`), so two
    /// saves of the same question never race to insert and the highest
    /// `seq` wins whatever order they commit in.
    pub fn save(
        conn: &mut DbConnection,
        attempt_id: i32,
        question_id: i32,
        selected: &str,
        flagged: bool,
        seq: i64,
        now: NaiveDateTime,
    ) -> QueryResult<bool> {
        use diesel::query_dsl::methods::FilterDsl;
        use diesel::upsert::excluded;

        let upsert = diesel::insert_into(answers::table)
            .values((
                answers::attempt_id.eq(attempt_id),
                answers::question_id.eq(question_id),
                answers::selected.eq(selected),
                answers::flagged.eq(flagged),
                answers::seq.eq(seq),
                answers::saved_at.eq(now),
            ))
            .on_conflict((answers::attempt_id, answers::question_id))
            .do_update()
            .set((
                answers::selected.eq(excluded(answers::selected)),
                answers::flagged.eq(excluded(answers::flagged)),
                answers::seq.eq(excluded(answers::seq)),
                answers::saved_at.eq(excluded(answers::saved_at)),
            ));
        // Strictly newer: a save sent again with the same `seq` (a replay
        // after a lost reply) is stale and changes nothing.
        let statement = FilterDsl::filter(upsert, answers::seq.lt(excluded(answers::seq)));
        let rows = on_backend!(conn, |c| statement.execute(c))?;
        Ok(rows > 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn drawn(order: &str) -> AttemptQuestion {
        AttemptQuestion {
            id: 1,
            attempt_id: 1,
            position: 1,
            question_id: 7,
            option_order: order.to_owned(),
        }
    }

    #[test]
    fn positions_name_options_through_the_attempts_order() {
        let question = drawn("42,17,30");
        assert_eq!(question.ids_at(&[1]), Some(vec![42]));
        assert_eq!(question.ids_at(&[3, 2]), Some(vec![30, 17]));
        assert_eq!(question.ids_at(&[]), Some(vec![]));
        assert_eq!(question.positions_of(&[30, 42]), vec![1, 3]);
        assert_eq!(question.positions_of(&[99]), Vec::<i32>::new());
    }

    #[test]
    fn a_position_outside_the_question_names_nothing() {
        let question = drawn("42,17,30");
        for outside in [0, 4, -1, 42, i32::MAX, i32::MIN] {
            assert_eq!(question.ids_at(&[1, outside]), None, "{outside}");
        }
    }
}
