//! `/admin/questions`: the exam's question bank. Admins list and filter it,
//! add and edit questions (see [`edit`] for how an edit treats a question
//! already used in an attempt), retire and reactivate them, delete one no
//! attempt ever used, and import and export the bank as CSV or JSON (see
//! [`files`]). Every change is audited. Correct answers are shown here,
//! which is why every handler takes [`Admin`].

pub mod edit;
pub mod files;
mod form;

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::auth::extractors::Admin;
use crate::db::models::question::{Question, QuestionFilter, QuestionOption};
use crate::error::AppError;
use crate::exam::bank::{BLOCKS, Entry, Kind, QuestionError, RowError};
use crate::i18n::Lang;
use crate::web::account::register::Choice;
use crate::web::admin::retirement::{self, Shelf};
use crate::web::page::{self, PageCtx};
use crate::web::{AppState, urls};

/// Questions per page of the list.
const PAGE_SIZE: i64 = 25;

/// The exam draws this many questions per block by default; a block with
/// fewer active ones cannot fill an exam.
pub const DRAWN_PER_BLOCK: i64 = 12;

/// The list's filters as they arrive; anything unexpected means "any".
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ListQuery {
    pub block: String,
    pub topic: String,
    pub kind: String,
    /// `active` or `retired`.
    pub status: String,
    /// Text to find in either language's stem.
    pub q: String,
    pub page: String,
    /// Set after a successful import: how many questions it added.
    pub imported: String,
}

impl ListQuery {
    fn filter(&self) -> QuestionFilter {
        let non_empty = |text: &str| Some(text.trim().to_owned()).filter(|t| !t.is_empty());
        QuestionFilter {
            block: self
                .block
                .trim()
                .parse()
                .ok()
                .filter(|block| BLOCKS.contains(block)),
            topic: non_empty(&self.topic),
            kind: Kind::parse(&self.kind).map(|kind| kind.as_str().to_owned()),
            active: self.active(),
            text: non_empty(&self.q),
        }
    }

    /// The status filter: active questions, retired ones, or both (`None`).
    pub fn active(&self) -> Option<bool> {
        match self.status.trim() {
            "active" => Some(true),
            "retired" => Some(false),
            _ => None,
        }
    }

    fn page(&self) -> i64 {
        self.page.trim().parse::<i64>().unwrap_or(1).max(1)
    }

    /// This list's address on another page, keeping the filters.
    fn page_href(&self, page: i64) -> String {
        let mut query = url::form_urlencoded::Serializer::new(String::new());
        for (name, value) in [
            ("block", &self.block),
            ("topic", &self.topic),
            ("kind", &self.kind),
            ("status", &self.status),
            ("q", &self.q),
        ] {
            if !value.trim().is_empty() {
                query.append_pair(name, value.trim());
            }
        }
        query.append_pair("page", &page.to_string());
        format!("{}?{}", urls::ADMIN_QUESTIONS, query.finish())
    }
}

/// A question in the list.
pub struct QuestionRow {
    pub id: i32,
    pub block: i32,
    pub topic: String,
    pub kind: String,
    /// The stem in the page's language.
    pub stem: String,
    pub options: usize,
    pub active: bool,
    /// The question this one is a new version of.
    pub replaces_id: Option<i32>,
}

impl QuestionRow {
    pub fn action(&self, pattern: &str) -> String {
        urls::with_id(pattern, self.id)
    }
}

/// Active questions in one block, for the counts at the top.
pub struct BlockCount {
    pub block: i32,
    pub active: i64,
}

impl BlockCount {
    /// Too few to draw an exam's share of this block.
    pub fn is_short(&self) -> bool {
        self.active < DRAWN_PER_BLOCK
    }
}

/// A refused row of an import, ready to show.
pub struct ImportProblem {
    pub line: usize,
    pub option: Option<usize>,
    pub key: &'static str,
}

impl From<&RowError> for ImportProblem {
    fn from(err: &RowError) -> Self {
        Self {
            line: err.line,
            option: err.reason.option(),
            key: err.reason.key(),
        }
    }
}

#[derive(Template)]
#[template(path = "admin/questions.html")]
pub struct QuestionsPage {
    pub ctx: PageCtx,
    pub counts: Vec<BlockCount>,
    pub rows: Vec<QuestionRow>,
    pub total: i64,
    pub query: ListQuery,
    pub topics: Vec<String>,
    pub kinds: Vec<Choice>,
    pub previous_href: Option<String>,
    pub next_href: Option<String>,
    /// After a successful import: how many were added.
    pub imported: Option<i64>,
    /// After a refused import: every bad row.
    pub problems: Vec<ImportProblem>,
    pub drawn_per_block: i64,
}

/// The catalogue label of a kind (`question-kind-true-false`).
pub fn kind_label(kind: Kind, lang: Lang) -> String {
    lang.t(&format!(
        "question-kind-{}",
        kind.as_str().replace('_', "-")
    ))
}

/// The kinds for a select, labelled in `lang`.
pub fn kinds(lang: Lang) -> Vec<Choice> {
    Kind::ALL
        .iter()
        .map(|kind| Choice {
            code: kind.as_str().to_owned(),
            label: kind_label(*kind, lang),
        })
        .collect()
}

/// A stored question with its options, as the file formats hold it.
pub fn entry_of(question: &Question, options: &[QuestionOption]) -> Entry {
    Entry {
        question: crate::db::models::question::NewQuestion {
            block: question.block,
            topic: question.topic.clone(),
            kind: question.kind.as_str().to_owned(),
            stem_ar: question.stem_ar.clone(),
            stem_en: question.stem_en.clone(),
            options: options
                .iter()
                .filter(|option| option.question_id == question.id)
                .map(|option| {
                    (
                        option.text_ar.clone(),
                        option.text_en.clone(),
                        option.correct,
                    )
                })
                .collect(),
        },
        active: question.active,
    }
}

/// Renders the list for `query`, with the outcome of an import if any.
async fn render_list(
    ctx: PageCtx,
    state: &AppState,
    query: ListQuery,
    problems: &[RowError],
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let filter = query.filter();
    let page = query.page();
    let (counts, questions, options, total, topics) = state
        .db
        .read(move |conn| {
            let questions = Question::search(conn, &filter, PAGE_SIZE, (page - 1) * PAGE_SIZE)?;
            let ids: Vec<i32> = questions.iter().map(|q| q.id).collect();
            Ok::<_, AppError>((
                Question::active_per_block(conn)?,
                questions,
                QuestionOption::of_questions(conn, &ids)?,
                Question::count_matching(conn, &filter)?,
                Question::topics(conn)?,
            ))
        })
        .await?;
    let lang = ctx.lang;
    let rows = questions
        .iter()
        .map(|question| QuestionRow {
            id: question.id,
            block: question.block,
            topic: question.topic.clone(),
            kind: kind_label(question.kind, lang),
            stem: question.stem(lang).to_owned(),
            options: options
                .iter()
                .filter(|option| option.question_id == question.id)
                .count(),
            active: question.active,
            replaces_id: question.replaces_id,
        })
        .collect();
    let view = QuestionsPage {
        counts: (1..)
            .zip(counts)
            .map(|(block, active)| BlockCount { block, active })
            .collect(),
        rows,
        total,
        previous_href: (page > 1).then(|| query.page_href(page - 1)),
        next_href: (page * PAGE_SIZE < total).then(|| query.page_href(page + 1)),
        imported: query.imported.trim().parse().ok(),
        problems: problems.iter().map(ImportProblem::from).collect(),
        topics,
        kinds: kinds(lang),
        query,
        drawn_per_block: DRAWN_PER_BLOCK,
        ctx,
    };
    page::render(status, &view)
}

pub async fn list(
    ctx: PageCtx,
    _admin: Admin,
    state: web::Data<AppState>,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, AppError> {
    render_list(ctx, &state, query.into_inner(), &[], StatusCode::OK).await
}

const SHELF: Shelf = Shelf {
    list: urls::ADMIN_QUESTIONS,
    retired: "flash-question-retired",
    reactivated: "flash-question-reactivated",
    deleted: "flash-question-deleted",
    in_use: "flash-question-in-use",
};

pub async fn retire(
    req: HttpRequest,
    admin: Admin,
    state: web::Data<AppState>,
    id: web::Path<i32>,
) -> Result<HttpResponse, AppError> {
    retirement::set_retired::<Question>(&SHELF, &req, &admin, &state, id.into_inner(), true).await
}

pub async fn reactivate(
    req: HttpRequest,
    admin: Admin,
    state: web::Data<AppState>,
    id: web::Path<i32>,
) -> Result<HttpResponse, AppError> {
    retirement::set_retired::<Question>(&SHELF, &req, &admin, &state, id.into_inner(), false).await
}

/// Deletes a question no attempt ever drew; one that was drawn can only be
/// retired, so the attempt's record keeps its question.
pub async fn delete(
    req: HttpRequest,
    admin: Admin,
    state: web::Data<AppState>,
    id: web::Path<i32>,
) -> Result<HttpResponse, AppError> {
    retirement::delete::<Question>(&SHELF, &req, &admin, &state, id.into_inner()).await
}

/// The import refused `errors`: the list again, with each bad row (413
/// for a file over the limit, else 422).
async fn refuse_import(
    ctx: PageCtx,
    state: &AppState,
    errors: &[RowError],
) -> Result<HttpResponse, AppError> {
    let status = if errors
        .iter()
        .any(|err| err.reason == QuestionError::TooLarge)
    {
        StatusCode::PAYLOAD_TOO_LARGE
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    render_list(ctx, state, ListQuery::default(), errors, status).await
}

/// A whole-file problem (no usable file, unknown format) as one bad "row".
fn file_problem(reason: QuestionError) -> Vec<RowError> {
    vec![RowError { line: 1, reason }]
}

#[cfg(test)]
mod tests {
    use crate::i18n::{Lang, keys};

    #[test]
    fn every_flash_message_is_in_both_catalogues() {
        for lang in Lang::ALL {
            let known = keys(lang);
            for key in [
                "flash-question-created",
                "flash-question-updated",
                "flash-question-versioned",
                "flash-question-unchanged",
                "flash-question-retired",
                "flash-question-reactivated",
                "flash-question-deleted",
                "flash-question-in-use",
            ] {
                assert!(known.contains(key), "{}: {key}", lang.code());
            }
        }
    }
}
