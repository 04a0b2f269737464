//! `GET /registrar`: the registrar's workspace. Certificates waiting to be
//! issued appear here once exams are taken; until then it says so.

use actix_web::web::Html;
use askama::Template;

use crate::auth::extractors::Registrar;
use crate::error::AppError;
use crate::web::page::PageCtx;

#[derive(Template)]
#[template(path = "registrar/dashboard.html")]
pub struct DashboardPage {
    pub ctx: PageCtx,
}

pub async fn show(ctx: PageCtx, _registrar: Registrar) -> Result<Html, AppError> {
    Ok(Html::new(DashboardPage { ctx }.render()?))
}
