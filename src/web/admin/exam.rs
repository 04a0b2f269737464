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
use crate::db::DbError;
use crate::db::db_now;
use crate::db::models::audit;
use crate::db::models::exam::{ExamSettings, NewExamSettings};
use crate::db::models::question::Question;
use crate::error::AppError;
use crate::web::forms::FormState;
use crate::web::page::PageCtx;
use crate::web::{AppState, audit_event, urls};

/// The form; `questions_per_block` is three numbers like `12/12/12`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ExamForm {
    pub duration_minutes: String,
    pub pass_percent: String,
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
    Ok(HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .body(page.render()?))
}

/// The first block that asks for more questions than its active ones:
/// (block number, active questions). Every attempt draws without
/// repetition, so such a blueprint could not be drawn.
fn first_shortfall(blocks: [i32; 3], active: [i64; 3]) -> Option<(usize, i64)> {
    blocks
        .iter()
        .zip(active)
        .zip(1..)
        .find(|((asked, held), _)| i64::from(**asked) > *held)
        .map(|((_, held), block)| (block, held))
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
    form.keep(
        "questions_per_block",
        &format!(
            "{}/{}/{}",
            settings.block1_questions, settings.block2_questions, settings.block3_questions
        ),
    );
    form.keep("resit_hours", &settings.resit_hours.to_string());
    form.keep("max_attempts", &settings.max_attempts.to_string());
    render(ctx, form, StatusCode::OK)
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
    form.keep("questions_per_block", &input.questions_per_block);
    let blocks: Vec<i32> = input
        .questions_per_block
        .split(['/', ',', ' '])
        .filter(|part| !part.is_empty())
        .filter_map(|part| part.trim().parse().ok())
        .collect();
    let blocks = match blocks.as_slice() {
        [a, b, c] if [a, b, c].iter().all(|n| (0..=100).contains(*n)) && a + b + c > 0 => {
            Some([*a, *b, *c])
        }
        _ => {
            form.fail("questions_per_block", "exam-blocks-invalid");
            None
        }
    };
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
    let shortfall = blocks.and_then(|blocks| first_shortfall(blocks, active));
    let block_shortfall = shortfall.map(|(block, held)| {
        form.fail("questions_per_block", "exam-block-too-many-short");
        ctx.lang.t_args(
            "exam-block-too-many",
            &[("block", block.into()), ("count", held.into())],
        )
    });
    let (Some(duration), Some(pass), Some(blocks), Some(resit), Some(attempts), None) =
        (duration, pass, blocks, resit, attempts, &block_shortfall)
    else {
        return render_with(ctx, form, block_shortfall, StatusCode::UNPROCESSABLE_ENTITY);
    };
    let now = db_now(state.clock().now());
    let new = NewExamSettings {
        duration_minutes: duration,
        pass_percent: pass,
        block1_questions: blocks[0],
        block2_questions: blocks[1],
        block3_questions: blocks[2],
        resit_hours: resit,
        max_attempts: attempts,
        created_by: Some(admin.id),
        created_at: now,
    };
    let event = audit_event(
        &req,
        Some(admin.id),
        "exam.settings",
        "exam".to_owned(),
        serde_json::json!({ "duration_minutes": duration, "pass_percent": pass, "blocks": blocks, "resit_hours": resit, "max_attempts": attempts }),
    );
    state
        .db
        .write(move |conn| {
            ExamSettings::insert(conn, &new)?;
            audit::append(conn, &event, now)?;
            Ok::<_, DbError>(())
        })
        .await?;
    Ok(flash::redirect(
        &state.settings,
        urls::ADMIN_EXAM,
        "flash-exam-saved",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_block_asked_for_more_than_it_holds_is_named() {
        assert_eq!(first_shortfall([12, 60, 12], [40, 56, 40]), Some((2, 56)));
        assert_eq!(first_shortfall([40, 56, 0], [40, 56, 0]), None);
    }

    #[test]
    fn the_blueprint_keys_exist_in_both_languages() {
        for lang in crate::i18n::Lang::ALL {
            assert!(crate::i18n::keys(lang).contains("exam-block-too-many-short"));
        }
    }
}
