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
use super::kinds;
use crate::auth::extractors::Admin;
use crate::auth::flash;
use crate::db::models::question::{Question, QuestionOption};
use crate::error::AppError;
use crate::exam::bank::BLOCKS;
use crate::ops::questions::{self, Saved};
use crate::web::account::register::Choice;
use crate::web::forms::FormState;
use crate::web::page::{self, PageCtx};
use crate::web::{AppState, audit_actor, urls};

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
    page::render(status, &page)
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
    let actor = audit_actor(&req, admin.id);
    questions::create(&state.db, &actor, question, state.clock().now()).await?;
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
    let actor = audit_actor(&req, admin.id);
    let saved = questions::update(&state.db, &actor, old.id, question, state.clock().now()).await?;
    let key = match saved {
        Saved::Missing => return Err(AppError::NotFound),
        Saved::InPlace => "flash-question-updated",
        Saved::Versioned(_) => "flash-question-versioned",
    };
    Ok(flash::redirect(&state.settings, urls::ADMIN_QUESTIONS, key))
}
