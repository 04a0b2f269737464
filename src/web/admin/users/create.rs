//! `POST /admin/users`: a new staff account with a one-time password,
//! shown once.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};

use super::{CreateForm, Credential, ListQuery, render};
use crate::auth::extractors::Admin;
use crate::auth::password::one_time_password;
use crate::domain::email::Email;
use crate::domain::mobile::Mobile;
use crate::domain::person::{self, ArabicName, EnglishName, Role};
use crate::error::AppError;
use crate::ops::people::staff::{self, CreateRefused, NewStaff, Source};
use crate::web::forms::FormState;
use crate::web::page::PageCtx;
use crate::web::{AppState, audit_actor};

/// The fields of the form, parsed; `None` when any is refused.
fn parse(input: &CreateForm, form: &mut FormState) -> Option<NewStaff> {
    let role = form
        .check("role", &input.role, Role::parse, person::FieldError::key)
        .filter(|role| *role != Role::Trainee);
    if role.is_none() && form.error("role").is_none() {
        form.fail("role", "choice-invalid");
    }
    let name_ar = form.check(
        "full_name_ar",
        &input.full_name_ar,
        ArabicName::parse,
        person::FieldError::key,
    );
    let name_en = form.check(
        "full_name_en",
        &input.full_name_en,
        EnglishName::parse,
        person::FieldError::key,
    );
    let email = form.check("email", &input.email, Email::parse, |err| err.key());
    let mobile = if input.mobile.trim().is_empty() {
        None
    } else {
        form.check("mobile", &input.mobile, Mobile::parse, |err| err.key())
    };
    if form.has_errors() {
        return None;
    }
    Some(NewStaff {
        role: role?,
        name_ar: name_ar?,
        name_en: name_en?,
        email: email?,
        mobile,
        password_hash: String::new(),
        must_change_password: true,
        source: Source::Admin,
    })
}

pub async fn create(
    req: HttpRequest,
    ctx: PageCtx,
    admin: Admin,
    state: web::Data<AppState>,
    input: web::Form<CreateForm>,
) -> Result<HttpResponse, AppError> {
    let mut form = FormState::default();
    let Some(mut new) = parse(&input, &mut form) else {
        return refused(ctx, &state, admin.id, form).await;
    };
    let password = one_time_password();
    new.password_hash = state
        .hasher
        .hash(password.clone())
        .await
        .map_err(anyhow::Error::from)?;
    let (name, login) = (
        new.name_en.as_str().to_owned(),
        new.email.as_str().to_owned(),
    );
    let actor = audit_actor(&req, admin.id);
    match staff::create(&state.db, &actor, new, state.clock().now()).await? {
        Ok(_) => {}
        Err(CreateRefused::EmailTaken) => {
            form.fail("email", "email-taken");
            return refused(ctx, &state, admin.id, form).await;
        }
        Err(CreateRefused::NotStaff) => {
            form.fail("role", "choice-invalid");
            return refused(ctx, &state, admin.id, form).await;
        }
    }
    let credential = Credential {
        name,
        login,
        password,
    };
    render(
        ctx,
        &state,
        admin.id,
        ListQuery::default(),
        FormState::default(),
        Some(credential),
        StatusCode::OK,
    )
    .await
}

/// The list again with the form's errors.
async fn refused(
    ctx: PageCtx,
    state: &AppState,
    admin_id: i32,
    form: FormState,
) -> Result<HttpResponse, AppError> {
    render(
        ctx,
        state,
        admin_id,
        ListQuery::default(),
        form,
        None,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}
