//! The public catalogue: `GET /cohorts` (filters in the URL), the open data
//! `GET /cohorts.json`, a class's page `GET /cohorts/{id}`, and taking a
//! place `POST /cohorts/{id}/enroll`.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use crate::auth::extractors::Trainee;
use crate::auth::flash;
use crate::db::models::class_session::ClassSession;
use crate::db::models::cohort::Cohort;
use crate::db::models::enrollment::Enrollment;
use crate::db::models::region::Region;
use crate::domain::cohort::CohortStatus;
use crate::domain::cohort::Phase;
use crate::domain::enrollment::EnrollmentStatus;
use crate::domain::schedule::SessionStatus;
use crate::domain::time::utc_to_local;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::ops::classes;
use crate::ops::enrolment::self_service::{self, Enrolment};
use crate::web::page::{PageCtx, render};
use crate::web::public::catalogue::{self, CohortCard, Filter};
use crate::web::public::filters::FilterChoices;
use crate::web::public::views::RegionView;
use crate::web::{AppState, audit_actor, urls};

/// Classes per catalogue page.
pub const PAGE_SIZE: usize = 24;

#[derive(Template)]
#[template(path = "public/cohorts.html")]
pub struct CohortsPage {
    pub ctx: PageCtx,
    /// This page's classes, [`PAGE_SIZE`] at most.
    pub cards: Vec<CohortCard>,
    /// How many classes pass the filters, on every page.
    pub matching: usize,
    pub page_number: usize,
    pub pages: usize,
    pub prev_page: Option<String>,
    pub next_page: Option<String>,
    pub filter: Filter,
    /// The regions served (shown with the empty state), and the filter's choices.
    pub regions: Vec<RegionView>,
    pub choices: FilterChoices,
}

impl CohortsPage {
    pub fn filtered(&self) -> bool {
        [
            &self.filter.region,
            &self.filter.town,
            &self.filter.period,
            &self.filter.language,
            &self.filter.month,
        ]
        .iter()
        .any(|value| !value.is_empty())
    }
}

pub async fn list(
    ctx: PageCtx,
    state: web::Data<AppState>,
    filter: web::Query<Filter>,
) -> Result<HttpResponse, AppError> {
    let lang = ctx.lang;
    let now = state.clock().now();
    let mut filter = filter.into_inner();
    let listed = state.clone();
    let (all, regions, towns) = state
        .db
        .read(move |conn| {
            Ok::<_, AppError>((
                listed.listings.all(conn, lang, now)?,
                RegionView::load_all(conn, lang)?,
                Region::all_with_towns(conn)?,
            ))
        })
        .await?;
    let choices = FilterChoices::settle(&mut filter, &towns, &all.cards, lang);
    let matching: Vec<&CohortCard> = all
        .cards
        .iter()
        .filter(|card| filter.matches(card))
        .collect();
    let pages = matching.len().div_ceil(PAGE_SIZE).max(1);
    let page_number = filter
        .page
        .trim()
        .parse::<usize>()
        .unwrap_or(1)
        .clamp(1, pages);
    let cards = matching
        .iter()
        .skip((page_number - 1) * PAGE_SIZE)
        .take(PAGE_SIZE)
        .map(|card| (*card).clone())
        .collect();
    let page = CohortsPage {
        cards,
        matching: matching.len(),
        page_number,
        pages,
        prev_page: (page_number > 1).then(|| filter.link(page_number - 1)),
        next_page: (page_number < pages).then(|| filter.link(page_number + 1)),
        choices,
        regions,
        filter,
        ctx,
    };
    render(StatusCode::OK, &page)
}

/// Open data for partner sites: the same classes and filters as the page.
pub async fn json(
    state: web::Data<AppState>,
    filter: web::Query<Filter>,
) -> Result<HttpResponse, AppError> {
    let now = state.clock().now();
    let filter = filter.into_inner();
    let listed = state.clone();
    let all = state
        .db
        .read(move |conn| Ok::<_, AppError>(listed.listings.all(conn, Lang::En, now)?))
        .await?;
    let body = if filter == Filter::default() {
        all.json()
    } else {
        let records: Vec<serde_json::Value> = all
            .cards
            .iter()
            .filter(|card| filter.matches(card))
            .map(CohortCard::to_json)
            .collect();
        serde_json::to_vec(&records)
            .map_err(|err| AppError::Internal(err.into()))?
            .into()
    };
    Ok(HttpResponse::Ok()
        .content_type(actix_web::http::header::ContentType::json())
        .insert_header(("access-control-allow-origin", "*"))
        .insert_header(("cache-control", "public, max-age=60"))
        .body(body))
}

/// One session as a class page lists it.
#[derive(Clone)]
pub struct SessionLine {
    pub seq: i32,
    pub date: String,
    pub weekday: String,
    pub hours: String,
    pub status: SessionStatus,
    pub reason: String,
    /// Where a moved session was before.
    pub was: String,
}

pub fn session_lines(sessions: &[ClassSession], lang: Lang) -> Vec<SessionLine> {
    use chrono::Datelike;
    sessions
        .iter()
        .map(|session| {
            let (start, end) = (
                utc_to_local(session.starts_at),
                utc_to_local(session.ends_at),
            );
            SessionLine {
                seq: session.seq,
                date: start.date().to_string(),
                weekday: lang.t(&format!("weekday-{}", start.weekday().number_from_monday())),
                hours: format!("{}–{}", start.format("%H:%M"), end.format("%H:%M")),
                status: session.status,
                reason: session.reason.clone().unwrap_or_default(),
                was: session
                    .original_starts_at
                    .map(|at| utc_to_local(at).format("%Y-%m-%d %H:%M").to_string())
                    .unwrap_or_default(),
            }
        })
        .collect()
}

/// The viewer's own place in this class, if any.
pub struct OwnPlace {
    pub id: i32,
    pub status: EnrollmentStatus,
    pub position: Option<usize>,
}

impl OwnPlace {
    pub fn withdraw_url(&self) -> String {
        urls::with_id(urls::ENROLLMENT_WITHDRAW, self.id)
    }
}

#[derive(Template)]
#[template(path = "public/cohort.html")]
pub struct CohortPage {
    pub ctx: PageCtx,
    pub card: CohortCard,
    pub sessions: Vec<SessionLine>,
    pub own: Option<OwnPlace>,
    /// A refusal to show above the enrol button.
    pub problem: Option<String>,
}

impl CohortPage {
    pub fn enrol_url(&self) -> String {
        urls::with_id(urls::COHORT_ENROLL, self.card.id)
    }

    pub fn is_enrollable(&self) -> bool {
        matches!(self.card.phase, Phase::Open | Phase::Running)
    }

    pub fn login_url(&self) -> String {
        urls::login_with_next(&self.card.url())
    }
}

async fn render_class(
    ctx: PageCtx,
    state: &AppState,
    id: i32,
    problem: Option<String>,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let lang = ctx.lang;
    let now = state.clock().now();
    let viewer = ctx.user.as_ref().map(|user| user.id);
    let loaded = state
        .db
        .read(move |conn| {
            let Some(cohort) = Cohort::find(conn, id)? else {
                return Ok::<_, AppError>(None);
            };
            // Drafts are not public.
            if cohort.status == CohortStatus::Draft {
                return Ok(None);
            }
            let sessions = ClassSession::of_cohort(conn, id)?;
            let own = match viewer {
                Some(trainee) => match Enrollment::of_trainee(conn, trainee)?
                    .into_iter()
                    .find(|place| place.cohort_id == id && place.status.is_active())
                {
                    Some(place) => {
                        let position = if place.status == EnrollmentStatus::Waitlisted {
                            classes::waitlist_position(conn, id, place.id)?
                        } else {
                            None
                        };
                        Some(OwnPlace {
                            id: place.id,
                            status: place.status,
                            position,
                        })
                    }
                    None => None,
                },
                None => None,
            };
            let card = catalogue::cards(conn, vec![cohort], lang, now)?.pop();
            Ok(card.map(|card| (card, sessions, own)))
        })
        .await?;
    let (card, sessions, own) = loaded.ok_or(AppError::NotFound)?;
    let page = CohortPage {
        sessions: session_lines(&sessions, lang),
        card,
        own,
        problem,
        ctx,
    };
    render(status, &page)
}

pub async fn show(
    ctx: PageCtx,
    state: web::Data<AppState>,
    id: web::Path<i32>,
) -> Result<HttpResponse, AppError> {
    render_class(ctx, &state, id.into_inner(), None, StatusCode::OK).await
}

/// Takes a seat, or a place on the wait-list when the class is full.
pub async fn enroll(
    req: HttpRequest,
    ctx: PageCtx,
    trainee: Trainee,
    state: web::Data<AppState>,
    id: web::Path<i32>,
) -> Result<HttpResponse, AppError> {
    let cohort_id = id.into_inner();
    let now = state.clock().now();
    let actor = audit_actor(&req, trainee.id);
    match self_service::enrol(&state.db, &actor, trainee.id, cohort_id, now).await? {
        Enrolment::NoSuchClass => Err(AppError::NotFound),
        Enrolment::Placed(placed) => {
            let key = if placed.status == EnrollmentStatus::Enrolled {
                "flash-enrolled"
            } else {
                "flash-waitlisted"
            };
            Ok(flash::redirect(
                &state.settings,
                &urls::with_id(urls::COHORT, cohort_id),
                key,
            ))
        }
        Enrolment::Refused(refusal) => {
            let problem = ctx.t(refusal.key());
            render_class(ctx, &state, cohort_id, Some(problem), StatusCode::CONFLICT).await
        }
    }
}
