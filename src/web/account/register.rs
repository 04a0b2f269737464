//! `GET/POST /register`: trainees create their own account. Every field is
//! parsed into its domain type; errors are shown next to their fields in the
//! page's language and everything typed stays, except the passwords.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::db::models::region::{Region, Town};
use crate::domain::email::Email;
use crate::domain::emirates_id::EmiratesId;
use crate::domain::mobile::Mobile;
use crate::domain::password;
use crate::domain::person::{self, ArabicName, Channel, EnglishName, Gender, TargetGroup};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::ops::people::registration::{self, Refusal, Registration};
use crate::web::account::anonymous_actor;
use crate::web::forms::FormState;
use crate::web::page::{PageCtx, render};
use crate::web::{AppState, urls};

/// The registration form as submitted (DESIGN.md section 4).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RegisterForm {
    pub full_name_ar: String,
    pub full_name_en: String,
    pub emirates_id: String,
    pub date_of_birth: String,
    pub gender: String,
    pub mobile: String,
    pub email: String,
    pub target_group: String,
    pub town: String,
    pub channel: String,
    pub password: String,
    pub password_confirm: String,
}

/// A choice in a select or radio group: submitted code and visible label.
pub struct Choice {
    pub code: String,
    pub label: String,
}

/// Towns grouped by region for the select.
pub struct TownGroup {
    pub region: String,
    pub towns: Vec<Choice>,
}

#[derive(Template)]
#[template(path = "account/register.html")]
pub struct RegisterPage {
    pub ctx: PageCtx,
    pub form: FormState,
    pub genders: Vec<Choice>,
    pub target_groups: Vec<Choice>,
    pub channels: Vec<Choice>,
    pub town_groups: Vec<TownGroup>,
}

fn choices<T: Copy>(
    all: &[T],
    code: impl Fn(T) -> &'static str,
    prefix: &str,
    lang: Lang,
) -> Vec<Choice> {
    all.iter()
        .map(|item| Choice {
            code: code(*item).to_owned(),
            label: lang.t(&format!("{prefix}-{}", code(*item))),
        })
        .collect()
}

async fn render_form(
    ctx: PageCtx,
    form: FormState,
    state: &AppState,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let lang = ctx.lang;
    let towns = state
        .db
        .read(move |conn| Ok::<_, AppError>(Region::all_with_towns(conn)?))
        .await?;
    let page = RegisterPage {
        genders: choices(Gender::ALL, Gender::as_str, "gender", lang),
        target_groups: choices(TargetGroup::ALL, TargetGroup::as_str, "target-group", lang),
        channels: choices(Channel::ALL, Channel::as_str, "channel", lang),
        town_groups: towns
            .iter()
            .map(|(region, towns)| TownGroup {
                region: region.name(lang).to_owned(),
                towns: towns
                    .iter()
                    .map(|town| Choice {
                        code: town.code.clone(),
                        label: town.name(lang).to_owned(),
                    })
                    .collect(),
            })
            .collect(),
        ctx,
        form,
    };
    render(status, &page)
}

pub async fn form(ctx: PageCtx, state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    if ctx.user.is_some() {
        return Ok(HttpResponse::SeeOther()
            .insert_header(("location", ctx.home_url()))
            .finish());
    }
    render_form(ctx, FormState::default(), &state, StatusCode::OK).await
}

/// Checks the fields `full_name_ar` and `full_name_en` (registration and
/// a registrar's name correction).
pub(crate) fn check_names(
    form: &mut FormState,
    name_ar: &str,
    name_en: &str,
) -> (Option<ArabicName>, Option<EnglishName>) {
    let ar = form.check(
        "full_name_ar",
        name_ar,
        ArabicName::parse,
        person::FieldError::key,
    );
    let en = form.check(
        "full_name_en",
        name_en,
        EnglishName::parse,
        person::FieldError::key,
    );
    (ar, en)
}

/// The town chosen, by its code.
fn check_town(form: &mut FormState, code: &str, towns: &[Town]) -> Option<i32> {
    form.keep("town", code);
    match towns.iter().find(|town| town.code == code.trim()) {
        Some(town) => Some(town.id),
        None if code.trim().is_empty() => {
            form.fail("town", "field-required");
            None
        }
        None => {
            form.fail("town", "town-unknown");
            None
        }
    }
}

/// The password rule (nothing of the person's own details in it), and the
/// confirmation.
fn check_password(form: &mut FormState, input: &RegisterForm) {
    let personal = [
        input.full_name_ar.as_str(),
        input.full_name_en.as_str(),
        input.email.as_str(),
        input.emirates_id.as_str(),
    ];
    if let Err(err) = password::check(&input.password, &personal) {
        form.fail("password", err.key());
    } else if input.password != input.password_confirm {
        form.fail("password_confirm", password::PasswordError::Mismatch.key());
    }
}

/// Parses every field, recording each error against its field.
fn validate(
    input: &RegisterForm,
    form: &mut FormState,
    towns: &[Town],
    today: chrono::NaiveDate,
) -> Option<Registration> {
    let (name_ar, name_en) = check_names(form, &input.full_name_ar, &input.full_name_en);
    let emirates_id = form.check(
        "emirates_id",
        &input.emirates_id,
        EmiratesId::parse,
        |err| err.key(),
    );
    let date_of_birth = form.check(
        "date_of_birth",
        &input.date_of_birth,
        |text| person::parse_birth_date(text, today),
        person::FieldError::key,
    );
    if let (Some(id), Some(born)) = (&emirates_id, date_of_birth)
        && !id.matches_birth_date(born)
    {
        form.fail("emirates_id", "eid-year-mismatch");
    }
    let gender = form.check(
        "gender",
        &input.gender,
        Gender::parse,
        person::FieldError::key,
    );
    let mobile = form.check("mobile", &input.mobile, Mobile::parse, |err| err.key());
    let email = if input.email.trim().is_empty() {
        form.keep("email", "");
        None
    } else {
        Some(form.check("email", &input.email, Email::parse, |err| err.key()))
    };
    let target_group = form.check(
        "target_group",
        &input.target_group,
        TargetGroup::parse,
        person::FieldError::key,
    );
    let town_id = check_town(form, &input.town, towns);
    let channel = form.check(
        "channel",
        &input.channel,
        Channel::parse,
        person::FieldError::key,
    );
    check_password(form, input);
    if form.has_errors() {
        return None;
    }
    Some(Registration {
        name_ar: name_ar?,
        name_en: name_en?,
        emirates_id: emirates_id?,
        date_of_birth: date_of_birth?,
        gender: gender?,
        mobile: mobile?,
        email: email.flatten(),
        target_group: target_group?,
        town_id: town_id?,
        channel: channel?,
    })
}

pub async fn submit(
    req: HttpRequest,
    ctx: PageCtx,
    state: web::Data<AppState>,
    input: web::Form<RegisterForm>,
) -> Result<HttpResponse, AppError> {
    let now = state.clock().now();
    let towns = state
        .db
        .read(|conn| Ok::<_, AppError>(Town::all(conn)?))
        .await?;
    let mut form = FormState::default();
    let Some(valid) = validate(
        &input,
        &mut form,
        &towns,
        crate::domain::time::uae_today(now),
    ) else {
        return render_form(ctx, form, &state, StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    let password_hash = state
        .hasher
        .hash(input.password.clone())
        .await
        .map_err(anyhow::Error::from)?;
    let actor = anonymous_actor(&req);
    let outcome = registration::register(
        &state.db,
        &state.settings,
        &actor,
        valid,
        password_hash,
        now,
    )
    .await?;
    match outcome {
        Ok(cookie) => {
            let mut response =
                crate::auth::flash::redirect(&state.settings, urls::TRAINEE_HOME, "flash-welcome");
            response.add_cookie(&cookie).map_err(anyhow::Error::from)?;
            Ok(response)
        }
        Err(refusal) => {
            match refusal {
                Refusal::EmiratesIdTaken => form.fail("emirates_id", "eid-taken"),
                Refusal::EmailTaken => form.fail("email", "email-taken"),
            }
            render_form(ctx, form, &state, StatusCode::UNPROCESSABLE_ENTITY).await
        }
    }
}
