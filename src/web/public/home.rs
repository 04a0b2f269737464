//! `GET /`: what the programme is, how it works, who it is for and where.

use actix_web::web::{self, Html};
use askama::Template;

use crate::db::models::course::{self, Course, SyllabusBlock};
use crate::domain::programme;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::web::AppState;
use crate::web::page::PageCtx;
use crate::web::public::catalogue;
use crate::web::public::views::RegionView;

/// One syllabus block, named in the page's language.
pub struct BlockView {
    pub number: i32,
    pub name: String,
    pub topics: String,
}

#[derive(Template)]
#[template(path = "public/home.html")]
pub struct HomePage {
    pub ctx: PageCtx,
    pub regions: Vec<RegionView>,
    /// The next few classes to start, soonest first.
    pub upcoming: Vec<catalogue::CohortCard>,
    pub blocks: Vec<BlockView>,
    pub hours: i32,
    /// Daily sessions and their length, as the programme runs them.
    pub sessions: i32,
    pub session_hours: i32,
    pub exam_minutes: i32,
}

pub async fn show(ctx: PageCtx, state: web::Data<AppState>) -> Result<Html, AppError> {
    let lang = ctx.lang;
    let now = state.clock().now();
    let listed = state.clone();
    let (regions, course, blocks, upcoming) = state
        .db
        .read(move |conn| {
            let upcoming = catalogue::soonest_open(&listed.listings.all(conn, lang, now)?.cards, 3);
            let regions = RegionView::load_all(conn, lang)?;
            let course = Course::by_code(conn, course::ECITIZEN)?;
            let blocks = match &course {
                Some(course) => SyllabusBlock::for_course(conn, course.id)?,
                None => Vec::new(),
            };
            Ok::<_, AppError>((regions, course, blocks, upcoming))
        })
        .await?;
    let page = HomePage {
        regions,
        upcoming,
        blocks: blocks.iter().map(|block| block_view(block, lang)).collect(),
        hours: course.map_or(30, |course| course.hours),
        sessions: programme::DAILY_SESSIONS,
        session_hours: programme::SESSION_HOURS,
        exam_minutes: programme::EXAM_MINUTES,
        ctx,
    };
    Ok(Html::new(page.render()?))
}

fn block_view(block: &SyllabusBlock, lang: Lang) -> BlockView {
    BlockView {
        number: block.number,
        name: block.name(lang).to_owned(),
        topics: block.topics(lang).to_owned(),
    }
}
