//! `GET /trainer`: the trainer's workspace. Classes and today's sessions
//! appear here once classes are scheduled; until then it says so.

use actix_web::web::Html;
use askama::Template;

use crate::auth::extractors::Trainer;
use crate::error::AppError;
use crate::web::page::PageCtx;

#[derive(Template)]
#[template(path = "trainer/dashboard.html")]
pub struct DashboardPage {
    pub ctx: PageCtx,
}

pub async fn show(ctx: PageCtx, _trainer: Trainer) -> Result<Html, AppError> {
    Ok(Html::new(DashboardPage { ctx }.render()?))
}
