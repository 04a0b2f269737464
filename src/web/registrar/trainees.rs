//! The registrar's trainee pages: find a trainee (`q`: name, Emirates ID or
//! mobile), see their places, enrol them on their behalf (a walk-in at a
//! partner) or move them to another class of the same course. Seat rules
//! apply; the reason is required and audited.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::auth::extractors::Registrar;
use crate::auth::flash;
use crate::db::DbError;
use crate::db::db_now;
use crate::db::models::audit;
use crate::db::models::class_session::ClassSession;
use crate::db::models::cohort::Cohort;
use crate::db::models::enrollment::Enrollment;
use crate::db::models::user::User;
use crate::domain::enrollment::{EnrollmentStatus, Refusal};
use crate::domain::person::Role;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::ops::classes::{self, Asker};
use crate::web::account::register::Choice;
use crate::web::page::PageCtx;
use crate::web::public::catalogue::{self, Filter};
use crate::web::{AppState, audit_event, urls};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SearchQuery {
    pub q: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PlaceForm {
    pub cohort_id: String,
    pub reason: String,
}

pub struct TraineeRow {
    pub id: i32,
    pub name_ar: String,
    pub name_en: String,
    pub emirates_id: String,
    pub mobile: String,
    pub accommodation_percent: i32,
    pub accommodation_note: String,
}

impl TraineeRow {
    pub fn url(&self) -> String {
        urls::with_id(urls::REGISTRAR_TRAINEE, self.id)
    }
}

#[derive(Template)]
#[template(path = "registrar/trainees.html")]
pub struct SearchPage {
    pub ctx: PageCtx,
    pub q: String,
    pub rows: Vec<TraineeRow>,
}

pub async fn search(
    ctx: PageCtx,
    _registrar: Registrar,
    state: web::Data<AppState>,
    query: web::Query<SearchQuery>,
) -> Result<HttpResponse, AppError> {
    let q = query.into_inner().q;
    let term = q.clone();
    let users = state
        .db
        .read(move |conn| {
            Ok::<_, AppError>(User::search(conn, &term, Some(Role::Trainee), 100, 0)?)
        })
        .await?;
    let rows = users
        .into_iter()
        .map(|user| TraineeRow {
            id: user.id,
            name_ar: user.full_name_ar,
            name_en: user.full_name_en,
            emirates_id: user.emirates_id.unwrap_or_default(),
            mobile: user.mobile.unwrap_or_default(),
            accommodation_percent: user.accommodation_percent,
            accommodation_note: user.accommodation_note.unwrap_or_default(),
        })
        .collect();
    Ok(HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .body(SearchPage { ctx, q, rows }.render()?))
}

/// One of the trainee's places, as the registrar sees it.
pub struct PlaceRow {
    pub id: i32,
    pub venue: String,
    pub status: String,
    pub note: String,
    pub active: bool,
    /// Attendance standing, for places with a seat.
    pub standing: Option<crate::domain::attendance::Standing>,
    /// (number, date, correction link) of each session.
    pub sessions: Vec<(i32, String, String)>,
}

impl PlaceRow {
    pub fn move_url(&self) -> String {
        urls::with_id(urls::REGISTRAR_ENROLLMENT_MOVE, self.id)
    }

    pub fn eligibility_url(&self) -> String {
        urls::with_id(urls::REGISTRAR_ENROLLMENT_ELIGIBILITY, self.id)
    }
}

/// The trainee's exam standing, and a refused grant's reason and message.
pub struct ExamPanel {
    pub lines: Vec<String>,
    /// Every attempt used: the registrar may grant a new series.
    pub used_up: bool,
    pub grant_reason: String,
    pub grant_problem: Option<String>,
}

#[derive(Template)]
#[template(path = "registrar/trainee.html")]
pub struct TraineePage {
    pub ctx: PageCtx,
    pub trainee: TraineeRow,
    pub places: Vec<PlaceRow>,
    pub classes: Vec<Choice>,
    pub problem: Option<String>,
    pub exam: Option<ExamPanel>,
}

impl TraineePage {
    pub fn accommodation_url(&self) -> String {
        urls::with_id(urls::REGISTRAR_TRAINEE_ACCOMMODATION, self.trainee.id)
    }

    pub fn enrol_url(&self) -> String {
        urls::with_id(urls::REGISTRAR_TRAINEE_ENROLL, self.trainee.id)
    }

    pub fn has_active(&self) -> bool {
        self.places.iter().any(|place| place.active)
    }

    pub fn grant_url(&self) -> String {
        urls::with_id(urls::REGISTRAR_TRAINEE_ATTEMPT_GRANTS, self.trainee.id)
    }
}

async fn render(
    ctx: PageCtx,
    state: &AppState,
    id: i32,
    problem: Option<String>,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    render_page(ctx, state, id, problem, None, status).await
}

/// The page again after a refused grant, the message beside its form.
pub async fn render_with_grant_problem(
    ctx: PageCtx,
    state: &AppState,
    id: i32,
    grant: (String, String),
) -> Result<HttpResponse, AppError> {
    render_page(
        ctx,
        state,
        id,
        None,
        Some(grant),
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}

async fn render_page(
    ctx: PageCtx,
    state: &AppState,
    id: i32,
    problem: Option<String>,
    grant: Option<(String, String)>,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let (lang, now) = (ctx.lang, state.clock().now());
    let loaded = state
        .db
        .read(move |conn| {
            let Some(user) = User::find(conn, id)?.filter(|user| user.role() == Role::Trainee)
            else {
                return Ok::<_, AppError>(None);
            };
            let mut places = Vec::new();
            for place in Enrollment::of_trainee(conn, id)? {
                let venue = match Cohort::find(conn, place.cohort_id)? {
                    Some(cohort) => {
                        catalogue::cards(conn, vec![cohort], lang, now)?
                            .pop()
                            .map(|card| {
                                format!("{} · {} · {}", card.venue, card.town, card.starts_text())
                            })
                    }
                    None => None,
                };
                let seated = place.status().is_seated();
                let standing = if seated {
                    Some(crate::ops::attendance::standing_of(
                        conn,
                        place.cohort_id,
                        place.id,
                        now,
                    )?)
                } else {
                    None
                };
                let sessions = if seated {
                    ClassSession::of_cohort(conn, place.cohort_id)?
                        .iter()
                        .filter(|session| !session.is_cancelled())
                        .map(|session| {
                            let date = crate::domain::schedule::utc_to_local(session.starts_at)
                                .date()
                                .to_string();
                            (
                                session.seq,
                                date,
                                urls::with_id(urls::REGISTRAR_SESSION_ATTENDANCE, session.id),
                            )
                        })
                        .collect()
                } else {
                    Vec::new()
                };
                places.push(PlaceRow {
                    id: place.id,
                    venue: venue.unwrap_or_default(),
                    active: place.status().is_active(),
                    status: place.status.clone(),
                    note: place.note.clone().unwrap_or_default(),
                    standing,
                    sessions,
                });
            }
            let classes = catalogue::listed(conn, &Filter::default(), lang, now)?
                .into_iter()
                .map(|card| Choice {
                    code: card.id.to_string(),
                    label: format!(
                        "{} · {} · {} · {}/{}",
                        card.venue,
                        card.town,
                        card.starts_text(),
                        card.enrolled,
                        card.capacity
                    ),
                })
                .collect();
            let course = Enrollment::of_trainee(conn, id)?
                .first()
                .map(|place| place.course_id);
            let outlook = course
                .map(|course| crate::web::outlook::Outlook::load(conn, id, course, now))
                .transpose()?;
            Ok(Some((user, places, classes, outlook)))
        })
        .await?;
    let (user, places, classes, outlook) = loaded.ok_or(AppError::NotFound)?;
    let (grant_reason, grant_problem) = grant.map_or((String::new(), None), |(typed, message)| {
        (typed, Some(message))
    });
    let exam = outlook.map(|outlook| ExamPanel {
        lines: outlook.lines(&ctx),
        used_up: outlook.used_up(),
        grant_reason,
        grant_problem,
    });
    let trainee = TraineeRow {
        id: user.id,
        name_ar: user.full_name_ar,
        name_en: user.full_name_en,
        emirates_id: user.emirates_id.unwrap_or_default(),
        mobile: user.mobile.unwrap_or_default(),
        accommodation_percent: user.accommodation_percent,
        accommodation_note: user.accommodation_note.unwrap_or_default(),
    };
    let page = TraineePage {
        ctx,
        trainee,
        places,
        classes,
        problem,
        exam,
    };
    Ok(HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .body(page.render()?))
}

pub async fn show(
    ctx: PageCtx,
    _registrar: Registrar,
    state: web::Data<AppState>,
    id: web::Path<i32>,
) -> Result<HttpResponse, AppError> {
    render(ctx, &state, id.into_inner(), None, StatusCode::OK).await
}

/// Why placing someone failed.
#[derive(Debug, thiserror::Error)]
enum PlaceError {
    #[error(transparent)]
    Db(#[from] DbError),
    #[error(transparent)]
    Query(#[from] diesel::result::Error),
    #[error("refused")]
    Refused(Refusal),
    #[error("no such place")]
    Missing,
}

fn problem_key(lang: Lang, reason_missing: bool, cohort_missing: bool) -> Option<String> {
    if cohort_missing {
        Some(lang.t("registrar-choose-class"))
    } else if reason_missing {
        Some(lang.t("registrar-reason-required"))
    } else {
        None
    }
}

pub async fn enroll(
    req: HttpRequest,
    ctx: PageCtx,
    registrar: Registrar,
    state: web::Data<AppState>,
    id: web::Path<i32>,
    input: web::Form<PlaceForm>,
) -> Result<HttpResponse, AppError> {
    let (trainee_id, now) = (id.into_inner(), state.clock().now());
    let reason = input.reason.trim().to_owned();
    let cohort_id = input.cohort_id.trim().parse::<i32>().ok();
    if let Some(problem) = problem_key(ctx.lang, reason.is_empty(), cohort_id.is_none()) {
        return render(
            ctx,
            &state,
            trainee_id,
            Some(problem),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    let cohort_id = cohort_id.unwrap_or_default();
    let exists = state
        .db
        .read(move |conn| {
            Ok::<_, AppError>(
                User::find(conn, trainee_id)?.is_some_and(|u| u.role() == Role::Trainee)
                    && Cohort::find(conn, cohort_id)?.is_some(),
            )
        })
        .await?;
    if !exists {
        return Err(AppError::NotFound);
    }
    let mut event = audit_event(
        &req,
        Some(registrar.id),
        "enrollment.create",
        format!("user:{trainee_id}"),
        serde_json::json!({}),
    );
    let outcome = state
        .db
        .write(move |conn| {
            let placed = match classes::enrol(conn, cohort_id, trainee_id, Asker::Registrar { note: &reason }, now)? {
                Ok(placed) => placed,
                Err(refusal) => return Ok(Err(refusal)),
            };
            event.details = serde_json::json!({ "cohort": cohort_id, "status": placed.status.as_str(), "reason": reason, "on_behalf": true });
            audit::append(conn, &event, db_now(now))?;
            Ok::<_, DbError>(Ok(placed))
        })
        .await?;
    match outcome {
        Ok(_) => Ok(flash::redirect(
            &state.settings,
            &urls::with_id(urls::REGISTRAR_TRAINEE, trainee_id),
            "flash-registrar-enrolled",
        )),
        Err(refusal) => {
            let problem = ctx.t(refusal.key());
            render(ctx, &state, trainee_id, Some(problem), StatusCode::CONFLICT).await
        }
    }
}

/// Moves an active place to another class of the same course: the old
/// seat goes to that class's wait-list, the new class's seat rules apply,
/// and nothing changes if they refuse.
pub async fn move_enrollment(
    req: HttpRequest,
    ctx: PageCtx,
    registrar: Registrar,
    state: web::Data<AppState>,
    id: web::Path<i32>,
    input: web::Form<PlaceForm>,
) -> Result<HttpResponse, AppError> {
    let (place_id, now) = (id.into_inner(), state.clock().now());
    let place = state
        .db
        .read(move |conn| Ok::<_, AppError>(Enrollment::find(conn, place_id)?))
        .await?
        .ok_or(AppError::NotFound)?;
    let trainee_id = place.trainee_id;
    let reason = input.reason.trim().to_owned();
    let target = input
        .cohort_id
        .trim()
        .parse::<i32>()
        .ok()
        .filter(|target| *target != place.cohort_id);
    if let Some(problem) = problem_key(ctx.lang, reason.is_empty(), target.is_none()) {
        return render(
            ctx,
            &state,
            trainee_id,
            Some(problem),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    let target = target.unwrap_or_default();
    let mut event = audit_event(
        &req,
        Some(registrar.id),
        "enrollment.move",
        format!("user:{trainee_id}"),
        serde_json::json!({}),
    );
    let outcome = state
        .db
        .write(move |conn| {
            let Some(place) = Enrollment::find(conn, place_id)?.filter(|place| place.status().is_active()) else {
                return Err(PlaceError::Missing);
            };
            let Some(cohort) = Cohort::find(conn, target)? else { return Err(PlaceError::Missing) };
            if cohort.course_id != place.course_id {
                return Err(PlaceError::Refused(Refusal::NotOpen));
            }
            classes::end_place(conn, &place, EnrollmentStatus::Moved, Some(&reason), now)?;
            // A refusal here rolls the whole move back.
            let placed = classes::enrol(conn, target, place.trainee_id, Asker::Registrar { note: &reason }, now)?.map_err(PlaceError::Refused)?;
            event.details = serde_json::json!({ "from": place.cohort_id, "to": target, "status": placed.status.as_str(), "reason": reason });
            audit::append(conn, &event, db_now(now))?;
            Ok(())
        })
        .await;
    match outcome {
        Ok(()) => Ok(flash::redirect(
            &state.settings,
            &urls::with_id(urls::REGISTRAR_TRAINEE, trainee_id),
            "flash-registrar-moved",
        )),
        Err(PlaceError::Refused(refusal)) => {
            let problem = ctx.t(refusal.key());
            render(ctx, &state, trainee_id, Some(problem), StatusCode::CONFLICT).await
        }
        Err(PlaceError::Missing) => Err(AppError::NotFound),
        Err(PlaceError::Db(err)) => Err(err.into()),
        Err(PlaceError::Query(err)) => Err(err.into()),
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct EligibilityForm {
    /// `1` eligible, `0` not eligible.
    pub eligible: String,
    pub reason: String,
}

/// A registrar's override of the attendance rule for one place, with a
/// reason; audited.
pub async fn override_eligibility(
    req: HttpRequest,
    ctx: PageCtx,
    registrar: Registrar,
    state: web::Data<AppState>,
    id: web::Path<i32>,
    input: web::Form<EligibilityForm>,
) -> Result<HttpResponse, AppError> {
    let (place_id, now) = (id.into_inner(), state.clock().now());
    let place = state
        .db
        .read(move |conn| Ok::<_, AppError>(Enrollment::find(conn, place_id)?))
        .await?
        .ok_or(AppError::NotFound)?;
    let reason = input.reason.trim().to_owned();
    let eligible = match input.eligible.trim() {
        "1" => true,
        "0" => false,
        _ => {
            let problem = ctx.t("choice-invalid");
            return render(
                ctx,
                &state,
                place.trainee_id,
                Some(problem),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    };
    if reason.is_empty() {
        let problem = ctx.t("registrar-reason-required");
        return render(
            ctx,
            &state,
            place.trainee_id,
            Some(problem),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    let event = audit_event(
        &req,
        Some(registrar.id),
        "eligibility.override",
        format!("enrollment:{place_id}"),
        serde_json::json!({ "eligible": eligible, "reason": reason, "cohort": place.cohort_id }),
    );
    let registrar_id = registrar.id;
    state
        .db
        .write(move |conn| {
            crate::db::models::attendance::EligibilityOverride::decide(
                conn,
                place_id,
                eligible,
                &reason,
                registrar_id,
                db_now(now),
            )?;
            audit::append(conn, &event, db_now(now))?;
            crate::ops::exam::completion::resettle(conn, &[place_id], now)?;
            Ok::<_, DbError>(())
        })
        .await?;
    Ok(flash::redirect(
        &state.settings,
        &urls::with_id(urls::REGISTRAR_TRAINEE, place.trainee_id),
        "flash-eligibility-saved",
    ))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct AccommodationForm {
    /// Extra exam time, percent of the duration (0–100).
    pub extra_percent: String,
    pub note: String,
    pub reason: String,
}

/// Sets a trainee's accommodation (extra exam time and a note for the
/// trainer), with a reason; audited.
pub async fn set_accommodation(
    req: HttpRequest,
    ctx: PageCtx,
    registrar: Registrar,
    state: web::Data<AppState>,
    id: web::Path<i32>,
    input: web::Form<AccommodationForm>,
) -> Result<HttpResponse, AppError> {
    let (trainee_id, now) = (id.into_inner(), state.clock().now());
    let percent = input
        .extra_percent
        .trim()
        .parse::<i32>()
        .ok()
        .filter(|percent| (0..=100).contains(percent));
    let note = input.note.trim().to_owned();
    let reason = input.reason.trim().to_owned();
    let problem = if percent.is_none() {
        Some(ctx.t("accommodation-percent-range"))
    } else if note.chars().count() > 200 {
        Some(ctx.t("field-too-long"))
    } else if reason.is_empty() {
        Some(ctx.t("registrar-reason-required"))
    } else {
        None
    };
    if let Some(problem) = problem {
        return render(
            ctx,
            &state,
            trainee_id,
            Some(problem),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    let percent = percent.unwrap_or_default();
    let exists = state
        .db
        .read(move |conn| {
            Ok::<_, AppError>(
                User::find(conn, trainee_id)?.is_some_and(|u| u.role() == Role::Trainee),
            )
        })
        .await?;
    if !exists {
        return Err(AppError::NotFound);
    }
    let event = audit_event(
        &req,
        Some(registrar.id),
        "accommodation.set",
        format!("user:{trainee_id}"),
        serde_json::json!({ "extra_percent": percent, "note": note, "reason": reason }),
    );
    state
        .db
        .write(move |conn| {
            let note = Some(note.as_str()).filter(|note| !note.is_empty());
            User::set_accommodation(conn, trainee_id, percent, note, db_now(now))?;
            audit::append(conn, &event, db_now(now))?;
            Ok::<_, DbError>(())
        })
        .await?;
    Ok(flash::redirect(
        &state.settings,
        &urls::with_id(urls::REGISTRAR_TRAINEE, trainee_id),
        "flash-accommodation-saved",
    ))
}
