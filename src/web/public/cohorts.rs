//! `GET /cohorts`: the public catalogue of open classes.

use actix_web::web::{self, Html};
use askama::Template;

use crate::error::AppError;
use crate::web::AppState;
use crate::web::page::PageCtx;
use crate::web::public::views::RegionView;

#[derive(Template)]
#[template(path = "public/cohorts.html")]
pub struct CohortsPage {
    pub ctx: PageCtx,
    /// The regions served, shown beside the empty state until classes
    /// exist (they arrive with the scheduling feature).
    pub regions: Vec<RegionView>,
}

pub async fn list(ctx: PageCtx, state: web::Data<AppState>) -> Result<Html, AppError> {
    let lang = ctx.lang;
    let regions = state
        .db
        .read(move |conn| Ok::<_, AppError>(RegionView::load_all(conn, lang)?))
        .await?;
    Ok(Html::new(CohortsPage { ctx, regions }.render()?))
}
