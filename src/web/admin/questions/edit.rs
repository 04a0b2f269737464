//! Adding and editing a question.
//!
//! An edit of a question that an attempt has drawn never changes it: the
//! old question is retired and the edit becomes a new version pointing back
//! to it (`replaces_id`), so the attempt's record still shows what the
//! trainee saw. A question no attempt has drawn is updated in place, so a
//! freshly typed question can be corrected without piling up versions.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use super::form::{self, OPTION_FIELDS, QuestionForm};
use super::{html, kinds};
use crate::auth::extractors::Admin;
use crate::auth::flash;
use crate::db::DbError;
use crate::db::models::audit;
use crate::db::models::question::{NewQuestion, Question, QuestionOption};
use crate::error::AppError;
use crate::exam::bank::BLOCKS;
use crate::web::account::register::Choice;
use crate::web::admin::admin_event;
use crate::web::forms::FormState;
use crate::web::page::PageCtx;
use crate::web::{AppState, urls};

/// The stored question an edit page is about.
pub struct Stored {
    pub id: i32,
    pub active: bool,
    pub replaces_id: Option<i32>,
    /// Drawn in an attempt: saving makes a new version.
    pub used: bool,
}

/// One option row of the form: its number and field names.
pub struct OptionRow {
    pub number: usize,
    pub ar: &'static str,
    pub en: &'static str,
    pub correct: &'static str,
}

#[derive(Template)]
#[template(path = "admin/questions_form.html")]
pub struct QuestionFormPage {
    pub ctx: PageCtx,
    pub form: FormState,
    /// `None` on the page for a new question.
    pub stored: Option<Stored>,
    pub blocks: Vec<Choice>,
    pub kinds: Vec<Choice>,
    pub options: Vec<OptionRow>,
}

impl QuestionFormPage {
    /// Where the form posts.
    pub fn action(&self) -> String {
        self.stored.as_ref().map_or_else(
            || urls::ADMIN_QUESTIONS.to_owned(),
            |stored| urls::with_id(urls::ADMIN_QUESTION, stored.id),
        )
    }

    /// A path of this question (`pattern` has `{id}`).
    pub fn path(&self, pattern: &str) -> String {
        self.stored
            .as_ref()
            .map_or_else(String::new, |stored| urls::with_id(pattern, stored.id))
    }

    pub fn is_ticked(&self, name: &str) -> bool {
        form::is_ticked(&self.form, name)
    }
}

fn render(
    ctx: PageCtx,
    form: FormState,
    stored: Option<Stored>,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let lang = ctx.lang;
    let page = QuestionFormPage {
        form,
        stored,
        blocks: BLOCKS
            .iter()
            .map(|block| Choice {
                code: block.to_string(),
                label: lang.t(&format!("question-block-{block}")),
            })
            .collect(),
        kinds: kinds(lang),
        options: (1..)
            .zip(OPTION_FIELDS)
            .map(|(number, (ar, en, correct))| OptionRow {
                number,
                ar,
                en,
                correct,
            })
            .collect(),
        ctx,
    };
    Ok(html(status, page.render()?))
}

/// The question `id` with its options and whether an attempt drew it, or
/// the 404 page.
async fn load(
    state: &AppState,
    id: i32,
) -> Result<(Question, Vec<QuestionOption>, bool), AppError> {
    let found = state
        .db
        .read(move |conn| {
            let Some(question) = Question::find(conn, id)? else {
                return Ok::<_, AppError>(None);
            };
            let options = QuestionOption::of_questions(conn, &[id])?;
            let used = Question::used_in_attempt(conn, id)?;
            Ok(Some((question, options, used)))
        })
        .await?;
    found.ok_or(AppError::NotFound)
}

fn stored(question: &Question, used: bool) -> Stored {
    Stored {
        id: question.id,
        active: question.active,
        replaces_id: question.replaces_id,
        used,
    }
}

pub async fn new_form(ctx: PageCtx, _admin: Admin) -> Result<HttpResponse, AppError> {
    let mut form = FormState::default();
    form.keep("kind", "single");
    render(ctx, form, None, StatusCode::OK)
}

pub async fn create(
    req: HttpRequest,
    ctx: PageCtx,
    admin: Admin,
    state: web::Data<AppState>,
    input: web::Form<QuestionForm>,
) -> Result<HttpResponse, AppError> {
    let mut form = FormState::default();
    let Some(question) = form::validate(&input, &mut form) else {
        return render(ctx, form, None, StatusCode::UNPROCESSABLE_ENTITY);
    };
    let now = crate::db::db_now(state.clock().now());
    let mut event = admin_event(
        &req,
        admin.id,
        "question.create",
        String::new(),
        serde_json::json!({
            "block": question.block,
            "topic": question.topic,
            "kind": question.kind,
            "stem_en": question.stem_en,
        }),
    );
    state
        .db
        .write(move |conn| {
            let id = Question::insert(conn, &question, None, now)?;
            event.subject = format!("question:{id}");
            audit::append(conn, &event, now)?;
            Ok::<_, DbError>(())
        })
        .await?;
    Ok(flash::redirect(
        &state.settings,
        urls::ADMIN_QUESTIONS,
        "flash-question-created",
    ))
}

pub async fn edit_form(
    ctx: PageCtx,
    _admin: Admin,
    state: web::Data<AppState>,
    id: web::Path<i32>,
) -> Result<HttpResponse, AppError> {
    let (question, options, used) = load(&state, id.into_inner()).await?;
    let form = form::prefill(&question, &options);
    render(ctx, form, Some(stored(&question, used)), StatusCode::OK)
}

/// How an update ended.
enum Saved {
    Missing,
    InPlace,
    /// The id of the new version.
    Versioned(i32),
}

pub async fn update(
    req: HttpRequest,
    ctx: PageCtx,
    admin: Admin,
    state: web::Data<AppState>,
    id: web::Path<i32>,
    input: web::Form<QuestionForm>,
) -> Result<HttpResponse, AppError> {
    let (old, options, used) = load(&state, id.into_inner()).await?;
    let mut form = FormState::default();
    let Some(question) = form::validate(&input, &mut form) else {
        return render(
            ctx,
            form,
            Some(stored(&old, used)),
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    };
    if super::entry_of(&old, &options).question == question {
        return Ok(flash::redirect(
            &state.settings,
            urls::ADMIN_QUESTIONS,
            "flash-question-unchanged",
        ));
    }
    let now = crate::db::db_now(state.clock().now());
    let old_id = old.id;
    let mut event = admin_event(
        &req,
        admin.id,
        "question.update",
        format!("question:{old_id}"),
        serde_json::json!({}),
    );
    let saved = state
        .db
        .write(move |conn| {
            let Some(old) = Question::find(conn, old_id)? else {
                return Ok(Saved::Missing);
            };
            // Checked again here: an attempt may have drawn it since the
            // form was loaded.
            let saved = if Question::used_in_attempt(conn, old_id)? {
                Saved::Versioned(new_version(conn, &old, &question, now)?)
            } else {
                Question::update_in_place(conn, old_id, &question)?;
                Saved::InPlace
            };
            let new_id = match saved {
                Saved::Versioned(new_id) => new_id,
                _ => old_id,
            };
            event.details = serde_json::json!({
                "old_id": old_id,
                "new_id": new_id,
                "stem_en": question.stem_en,
            });
            audit::append(conn, &event, now)?;
            Ok::<_, DbError>(saved)
        })
        .await?;
    let key = match saved {
        Saved::Missing => return Err(AppError::NotFound),
        Saved::InPlace => "flash-question-updated",
        Saved::Versioned(_) => "flash-question-versioned",
    };
    Ok(flash::redirect(&state.settings, urls::ADMIN_QUESTIONS, key))
}

/// Retires `old` and adds `new` as its next version, in `old`'s status (a
/// retired question's new version stays out of exams until reactivated).
fn new_version(
    conn: &mut crate::db::DbConnection,
    old: &Question,
    new: &NewQuestion,
    now: chrono::NaiveDateTime,
) -> Result<i32, DbError> {
    Question::set_active(conn, old.id, false)?;
    let id = Question::insert(conn, new, Some(old.id), now)?;
    if !old.active {
        Question::set_active(conn, id, false)?;
    }
    Ok(id)
}
