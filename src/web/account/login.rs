//! `GET/POST /login` (by e-mail or Emirates ID) and `POST /logout`.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::auth::extractors::{SignedIn, safe_next};
use crate::auth::{session, throttle};
use crate::db::DbError;
use crate::db::models::audit;
use crate::db::models::session::SessionRow;
use crate::db::models::user::User;
use crate::domain::email::Email;
use crate::domain::emirates_id::EmiratesId;
use crate::domain::throttle::retry_after_secs;
use crate::error::AppError;
use crate::web::account::{account_event, client_ip};
use crate::web::forms::FormState;
use crate::web::page::PageCtx;
use crate::web::{AppState, urls};

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
    let body = LoginPage {
        ctx,
        form,
        next: next.unwrap_or_default(),
        problem,
    }
    .render()?;
    Ok(HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .body(body))
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
    if input.login.trim().is_empty() || input.password.is_empty() {
        if input.login.trim().is_empty() {
            form.fail("login", "field-required");
        }
        if input.password.is_empty() {
            form.fail("password", "field-required");
        }
        return page(ctx, form, next, None, StatusCode::UNPROCESSABLE_ENTITY);
    }

    let now = state.clock().now();
    let key = throttle::account_key(&input.login);
    let ip = client_ip(&req);
    // Checked before any hashing, and the same for known and unknown logins.
    if let Some(wait) = throttle::wait(&state.db, key.clone(), ip.clone(), now).await? {
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
        return Ok(response);
    }

    let account = find_account(&state, &input.login).await?;
    let matches = state
        .hasher
        .verify(
            account.as_ref().map(|user| user.password_hash.clone()),
            input.password,
        )
        .await
        .map_err(anyhow::Error::from)?;
    let signed_in = matches && account.as_ref().is_some_and(|user| user.active);
    let user_id = account.as_ref().map(|user| user.id);
    let settings = state.settings.clone();
    let action = if signed_in {
        "login.success"
    } else {
        "login.failure"
    };
    let details = match (signed_in, matches) {
        (true, _) => serde_json::json!({}),
        (false, true) => serde_json::json!({ "reason": "deactivated" }),
        (false, false) => {
            serde_json::json!({ "reason": if user_id.is_some() { "wrong password" } else { "unknown login" } })
        }
    };
    let event = account_event(
        &req,
        user_id.filter(|_| signed_in),
        action,
        user_id,
        details,
    );
    let cookie = state
        .db
        .write(move |conn| {
            let at = crate::db::db_now(now);
            throttle::record(conn, &key, &ip, signed_in, now)?;
            audit::append(conn, &event, at)?;
            match user_id.filter(|_| signed_in) {
                Some(id) => {
                    SessionRow::purge_expired(conn, at, at - settings.session_idle)?;
                    Ok::<_, DbError>(Some(session::start(conn, &settings, id, now)?))
                }
                None => Ok(None),
            }
        })
        .await?;

    let Some(cookie) = cookie else {
        let problem = if matches {
            "login-deactivated"
        } else {
            "login-failed"
        };
        let problem = ctx.t(problem);
        return page(ctx, form, next, Some(problem), StatusCode::UNAUTHORIZED);
    };
    let user = account.as_ref().ok_or(AppError::Forbidden)?;
    let target = if user.must_change_password {
        urls::ACCOUNT_PASSWORD.to_owned()
    } else {
        next.unwrap_or_else(|| urls::home_for(user.role()).to_owned())
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
    let id = user.id;
    let mut event = account_event(&req, Some(id), "logout", Some(id), serde_json::json!({}));
    state
        .db
        .write(move |conn| {
            let ended = SessionRow::delete_for_user(conn, id)?;
            event.details = serde_json::json!({ "sessions_ended": ended });
            audit::append(conn, &event, crate::db::db_now(now))?;
            Ok::<_, DbError>(())
        })
        .await?;
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
