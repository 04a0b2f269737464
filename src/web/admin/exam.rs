//! `GET/POST /admin/exam`: duration (1–240 min), pass mark, questions per
//! block (no more than the block's active questions), re-sit delay and
//! maximum attempts. Each change is a new settings
//! row: attempts already started keep the rules they started under.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::auth::extractors::Admin;
use crate::auth::flash;
use crate::db::models::exam::ExamSettings;
use crate::db::models::question::Question;
use crate::domain::blueprint::{first_shortfall, parse_blocks};
use crate::error::AppError;
use crate::ops::exam::settings::{self, ExamRules, Shortfall};
use crate::web::forms::FormState;
use crate::web::page::{self, PageCtx};
use crate::web::{AppState, audit_actor, urls};

/// The form: a number field per block (`block1`…`block3`); a client may
/// send the three as one `questions_per_block` like `12/12/12` instead.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ExamForm {
    pub duration_minutes: String,
    pub pass_percent: String,
    pub block1: String,
    pub block2: String,
    pub block3: String,
    pub questions_per_block: String,
    pub resit_hours: String,
    pub max_attempts: String,
}

#[derive(Template)]
#[template(path = "admin/exam.html")]
pub struct ExamSettingsPage {
    pub ctx: PageCtx,
    pub form: FormState,
    /// Which block the active bank cannot fill, and how many it holds.
    pub block_shortfall: Option<String>,
}

fn render(ctx: PageCtx, form: FormState, status: StatusCode) -> Result<HttpResponse, AppError> {
    render_with(ctx, form, None, status)
}

fn render_with(
    ctx: PageCtx,
    form: FormState,
    block_shortfall: Option<String>,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let page = ExamSettingsPage {
        ctx,
        form,
        block_shortfall,
    };
    page::render(status, &page)
}

pub async fn form(
    ctx: PageCtx,
    _admin: Admin,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let settings = state
        .db
        .read(|conn| Ok::<_, AppError>(ExamSettings::current(conn)?))
        .await?;
    let mut form = FormState::default();
    form.keep("duration_minutes", &settings.duration_minutes.to_string());
    form.keep("pass_percent", &settings.pass_percent.to_string());
    form.keep("block1", &settings.block1_questions.to_string());
    form.keep("block2", &settings.block2_questions.to_string());
    form.keep("block3", &settings.block3_questions.to_string());
    form.keep("resit_hours", &settings.resit_hours.to_string());
    form.keep("max_attempts", &settings.max_attempts.to_string());
    render(ctx, form, StatusCode::OK)
}

const BLOCK_FIELDS: [&str; 3] = ["block1", "block2", "block3"];

/// The three blocks' numbers: from their own fields (each 0 to 100, not all
/// 0), or from `questions_per_block` when only that was sent.
fn blueprint(form: &mut FormState, input: &ExamForm) -> Option<[i32; 3]> {
    let typed = [&input.block1, &input.block2, &input.block3];
    if typed.iter().all(|text| text.trim().is_empty()) && !input.questions_per_block.is_empty() {
        let blocks = parse_blocks(&input.questions_per_block);
        match blocks {
            Some(numbers) => {
                for (name, number) in BLOCK_FIELDS.into_iter().zip(numbers) {
                    form.keep(name, &number.to_string());
                }
            }
            None => {
                form.keep("block1", &input.questions_per_block);
                form.fail("block1", "exam-blocks-invalid");
            }
        }
        return blocks;
    }
    let mut numbers = [0; 3];
    let mut valid = true;
    for ((name, text), number) in BLOCK_FIELDS.into_iter().zip(typed).zip(&mut numbers) {
        match in_range(form, name, text, 0..=100, "exam-block-range") {
            Some(n) => *number = n,
            None => valid = false,
        }
    }
    if valid && numbers.iter().sum::<i32>() == 0 {
        form.fail("block1", "exam-blocks-none");
        valid = false;
    }
    valid.then_some(numbers)
}

fn in_range(
    form: &mut FormState,
    name: &'static str,
    value: &str,
    range: std::ops::RangeInclusive<i32>,
    key: &'static str,
) -> Option<i32> {
    let number = form.check(
        name,
        value,
        |text| text.trim().parse::<i32>(),
        |_| "number-invalid",
    )?;
    if range.contains(&number) {
        Some(number)
    } else {
        form.fail(name, key);
        None
    }
}

pub async fn save(
    req: HttpRequest,
    ctx: PageCtx,
    admin: Admin,
    state: web::Data<AppState>,
    input: web::Form<ExamForm>,
) -> Result<HttpResponse, AppError> {
    let mut form = FormState::default();
    let duration = in_range(
        &mut form,
        "duration_minutes",
        &input.duration_minutes,
        1..=240,
        "exam-duration-range",
    );
    let pass = in_range(
        &mut form,
        "pass_percent",
        &input.pass_percent,
        1..=100,
        "exam-pass-range",
    );
    let blocks = blueprint(&mut form, &input);
    let resit = in_range(
        &mut form,
        "resit_hours",
        &input.resit_hours,
        0..=8760,
        "exam-resit-range",
    );
    let attempts = in_range(
        &mut form,
        "max_attempts",
        &input.max_attempts,
        1..=20,
        "exam-attempts-range",
    );
    let active = state
        .db
        .read(|conn| Ok::<_, AppError>(Question::active_per_block(conn)?))
        .await?;
    let shortfall = blocks
        .and_then(|blocks| first_shortfall(blocks, active))
        .map(|(block, held)| Shortfall { block, held });
    let (Some(duration), Some(pass), Some(blocks), Some(resit), Some(attempts), None) =
        (duration, pass, blocks, resit, attempts, shortfall)
    else {
        return refuse(ctx, form, shortfall);
    };
    let rules = ExamRules {
        duration_minutes: duration,
        pass_percent: pass,
        blocks,
        resit_hours: resit,
        max_attempts: attempts,
    };
    let actor = audit_actor(&req, admin.id);
    if let Err(shortfall) = settings::save(&state.db, &actor, rules, state.clock().now()).await? {
        return refuse(ctx, form, Some(shortfall));
    }
    Ok(flash::redirect(
        &state.settings,
        urls::ADMIN_EXAM,
        "flash-exam-saved",
    ))
}

/// The form again with its errors, naming the block the bank cannot fill.
fn refuse(
    ctx: PageCtx,
    mut form: FormState,
    shortfall: Option<Shortfall>,
) -> Result<HttpResponse, AppError> {
    let block_shortfall = shortfall.map(|Shortfall { block, held }| {
        let field = block
            .checked_sub(1)
            .and_then(|index| BLOCK_FIELDS.get(index))
            .unwrap_or(&BLOCK_FIELDS[0]);
        form.fail(field, "exam-block-too-many-short");
        ctx.lang.t_args(
            "exam-block-too-many",
            &[("block", block.into()), ("count", held.into())],
        )
    });
    render_with(ctx, form, block_shortfall, StatusCode::UNPROCESSABLE_ENTITY)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_blueprint_keys_exist_in_both_languages() {
        for lang in crate::i18n::Lang::ALL {
            assert!(crate::i18n::keys(lang).contains("exam-block-too-many-short"));
        }
    }
}
