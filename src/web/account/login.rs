//! `GET/POST /login` (by e-mail or Emirates ID) and `POST /logout`.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::auth::extractors::{SignedIn, safe_next};
use crate::auth::{session, throttle};
use crate::db::models::user::User;
use crate::domain::email::Email;
use crate::domain::emirates_id::EmiratesId;
use crate::domain::throttle::retry_after_secs;
use crate::error::AppError;
use crate::ops::people::sign_in::{self, SignInAttempt, Verdict};
use crate::web::account::{anonymous_actor, client_ip};
use crate::web::forms::FormState;
use crate::web::page::{PageCtx, render};
use crate::web::{AppState, audit_actor, urls};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct NextQuery {
    pub next: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct LoginForm {
    pub login: String,
    pub password: String,
    pub next: Option<String>,
}

#[derive(Template)]
#[template(path = "account/login.html")]
pub struct LoginPage {
    pub ctx: PageCtx,
    pub form: FormState,
    /// Where to go after signing in (already checked to be local).
    pub next: String,
    /// A message about the whole form (wrong login, throttled, deactivated).
    pub problem: Option<String>,
}

fn page(
    ctx: PageCtx,
    form: FormState,
    next: Option<String>,
    problem: Option<String>,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let page = LoginPage {
        ctx,
        form,
        next: next.unwrap_or_default(),
        problem,
    };
    render(status, &page)
}

pub async fn form(ctx: PageCtx, query: web::Query<NextQuery>) -> Result<HttpResponse, AppError> {
    if ctx.user.is_some() {
        let target = safe_next(query.next.as_deref()).unwrap_or_else(|| ctx.home_url().to_owned());
        return Ok(HttpResponse::SeeOther()
            .insert_header((header::LOCATION, target))
            .finish());
    }
    page(
        ctx,
        FormState::default(),
        safe_next(query.next.as_deref()),
        None,
        StatusCode::OK,
    )
}

/// The account a login names, if any (inactive ones included).
async fn find_account(state: &AppState, login: &str) -> Result<Option<User>, AppError> {
    let email = Email::parse(login)
        .ok()
        .map(|email| email.as_str().to_owned());
    let emirates_id = EmiratesId::parse(login)
        .ok()
        .map(|id| id.as_str().to_owned());
    state
        .db
        .read(move |conn| {
            Ok::<_, AppError>(User::by_login(
                conn,
                email.as_deref(),
                emirates_id.as_deref(),
            )?)
        })
        .await
}

/// The form with "required" against each empty field, if any is.
fn missing_fields(input: &LoginForm, form: &mut FormState) -> bool {
    if input.login.trim().is_empty() {
        form.fail("login", "field-required");
    }
    if input.password.is_empty() {
        form.fail("password", "field-required");
    }
    form.has_errors()
}

/// The form again with 429 and how long to wait.
fn throttled(
    ctx: PageCtx,
    form: FormState,
    next: Option<String>,
    wait: chrono::Duration,
) -> Result<HttpResponse, AppError> {
    let seconds = retry_after_secs(wait);
    let minutes = seconds.div_ceil(60);
    let problem = ctx.tn("login-throttled", "minutes", minutes as i64);
    let mut response = page(
        ctx,
        form,
        next,
        Some(problem),
        StatusCode::TOO_MANY_REQUESTS,
    )?;
    response
        .headers_mut()
        .insert(header::RETRY_AFTER, header::HeaderValue::from(seconds));
    Ok(response)
}

pub async fn submit(
    req: HttpRequest,
    ctx: PageCtx,
    state: web::Data<AppState>,
    input: web::Form<LoginForm>,
) -> Result<HttpResponse, AppError> {
    let input = input.into_inner();
    let next = safe_next(input.next.as_deref());
    let mut form = FormState::default();
    form.keep("login", &input.login);
    if missing_fields(&input, &mut form) {
        return page(ctx, form, next, None, StatusCode::UNPROCESSABLE_ENTITY);
    }

    let now = state.clock().now();
    let key = throttle::account_key(&input.login);
    // Checked and counted before any hashing, the same for known and
    // unknown logins.
    let reservation = match throttle::reserve(&state.db, key, client_ip(&req), now).await? {
        Ok(reservation) => reservation,
        Err(wait) => return throttled(ctx, form, next, wait),
    };

    let account = find_account(&state, &input.login).await?;
    let matches = state
        .hasher
        .verify(
            account.as_ref().map(|user| user.password_hash.clone()),
            input.password,
        )
        .await
        .map_err(anyhow::Error::from)?;
    let verdict = Verdict::judge(account.as_ref().map(|user| user.active), matches);
    let attempt = SignInAttempt {
        reservation,
        user_id: account.as_ref().map(|user| user.id),
        verdict,
    };
    let actor = anonymous_actor(&req);
    let cookie = sign_in::sign_in(&state.db, &state.settings, &actor, attempt, now).await?;

    let (Some(cookie), Some(user)) = (cookie, account) else {
        let problem = if verdict == Verdict::Deactivated {
            "login-deactivated"
        } else {
            "login-failed"
        };
        let problem = ctx.t(problem);
        return page(ctx, form, next, Some(problem), StatusCode::UNAUTHORIZED);
    };
    let target = if user.must_change_password {
        urls::ACCOUNT_PASSWORD.to_owned()
    } else {
        next.unwrap_or_else(|| urls::home_for(user.role).to_owned())
    };
    let mut response = HttpResponse::SeeOther()
        .insert_header((header::LOCATION, target))
        .finish();
    response.add_cookie(&cookie).map_err(anyhow::Error::from)?;
    Ok(response)
}

/// Signing out ends every session of the person, on every device.
pub async fn logout(
    req: HttpRequest,
    user: SignedIn,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let now = state.clock().now();
    let actor = audit_actor(&req, user.id);
    sign_in::sign_out(&state.db, &actor, user.id, now).await?;
    let mut response =
        crate::auth::flash::redirect(&state.settings, urls::HOME, "flash-signed-out");
    response
        .add_cookie(&session::removal_cookie(
            &state.settings,
            session::cookie_name(&state.settings),
        ))
        .map_err(anyhow::Error::from)?;
    Ok(response)
}
