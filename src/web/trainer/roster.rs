//! `GET /trainer/cohorts/{id}`: a trainer's class: the roster with contacts
//! and target groups, the attendance grid (sessions × trainees) with each
//! trainee's rate and eligibility (low attendance highlighted), and the
//! wait-list. Another trainer's class is a 404.

use std::collections::HashMap;

use actix_web::web::{self, Html};
use askama::Template;

use crate::attendance as standing;
use crate::auth::extractors::Trainer;
use crate::db::models::class_session::ClassSession;
use crate::db::models::cohort::Cohort;
use crate::db::models::enrollment::Enrollment;
use crate::db::models::user::User;
use crate::domain::attendance::Standing;
use crate::domain::enrollment::EnrollmentStatus;
use crate::domain::mobile::Mobile;
use crate::error::AppError;
use crate::web::page::PageCtx;
use crate::web::public::catalogue::{self, CohortCard};
use crate::web::{AppState, urls};

/// A grid column.
pub struct SessionColumn {
    pub seq: i32,
    pub date: String,
    pub cancelled: bool,
    pub attendance_url: String,
}

/// A trainee's row: contact, marks and standing.
pub struct RosterRow {
    pub name_ar: String,
    pub name_en: String,
    pub mobile: String,
    pub email: String,
    pub target_group: String,
    /// Extra exam time and a note, if the registrar set them.
    pub accommodation_percent: i32,
    pub accommodation_note: String,
    /// One code per session column (`present`, …, or empty).
    pub marks: Vec<String>,
    pub standing: Standing,
}

impl RosterPage {
    pub fn sittings_url(&self) -> String {
        urls::with_id(urls::TRAINER_COHORT_SITTINGS, self.card.id)
    }
}

#[derive(Template)]
#[template(path = "trainer/roster.html")]
pub struct RosterPage {
    pub ctx: PageCtx,
    pub card: CohortCard,
    pub sessions: Vec<SessionColumn>,
    pub rows: Vec<RosterRow>,
    pub waitlist: Vec<String>,
}

pub async fn show(
    ctx: PageCtx,
    trainer: Trainer,
    state: web::Data<AppState>,
    id: web::Path<i32>,
) -> Result<Html, AppError> {
    let (cohort_id, trainer_id, lang, now) =
        (id.into_inner(), trainer.id, ctx.lang, state.clock().now());
    let loaded = state
        .db
        .read(move |conn| {
            let Some(cohort) = Cohort::find(conn, cohort_id)?
                .filter(|cohort| cohort.trainer_id == Some(trainer_id))
            else {
                return Ok::<_, AppError>(None);
            };
            let sessions = ClassSession::of_cohort(conn, cohort_id)?;
            let enrolled = Enrollment::of_cohort(conn, cohort_id, EnrollmentStatus::Enrolled)?;
            let waiting = Enrollment::of_cohort(conn, cohort_id, EnrollmentStatus::Waitlisted)?;
            let ids: Vec<i32> = enrolled.iter().map(|place| place.id).collect();
            let marks = standing::marks_by_place(conn, &ids)?;
            let overrides = standing::overrides(conn, &ids)?;
            let threshold = standing::threshold(conn)?;
            let mut people: HashMap<i32, User> = HashMap::new();
            for place in enrolled.iter().chain(&waiting) {
                if let Some(user) = User::find(conn, place.trainee_id)? {
                    people.insert(place.trainee_id, user);
                }
            }
            let card = catalogue::cards(conn, vec![cohort], lang, now)?.pop();
            Ok(card.map(|card| {
                (
                    card, sessions, enrolled, waiting, marks, overrides, threshold, people,
                )
            }))
        })
        .await?;
    let (card, sessions, enrolled, waiting, marks, overrides, threshold, people) =
        loaded.ok_or(AppError::NotFound)?;
    let columns = sessions
        .iter()
        .map(|session| SessionColumn {
            seq: session.seq,
            date: crate::domain::schedule::utc_to_local(session.starts_at)
                .format("%m-%d")
                .to_string(),
            cancelled: session.is_cancelled(),
            attendance_url: urls::with_id(urls::TRAINER_SESSION_ATTENDANCE, session.id),
        })
        .collect();
    let rows = enrolled
        .iter()
        .filter_map(|place| {
            let user = people.get(&place.trainee_id)?;
            let overridden = overrides.get(&place.id).map(|o| o.eligible);
            Some(RosterRow {
                name_ar: user.full_name_ar.clone(),
                name_en: user.full_name_en.clone(),
                mobile: user
                    .mobile
                    .as_deref()
                    .and_then(|m| Mobile::parse(m).ok())
                    .map(|m| m.local())
                    .unwrap_or_default(),
                email: user.email.clone().unwrap_or_default(),
                target_group: user
                    .target_group
                    .as_deref()
                    .map(|group| ctx.t_code("target-group", group))
                    .unwrap_or_default(),
                accommodation_percent: user.accommodation_percent,
                accommodation_note: user.accommodation_note.clone().unwrap_or_default(),
                marks: sessions
                    .iter()
                    .map(|session| {
                        marks
                            .get(&(place.id, session.id))
                            .map(|mark| mark.as_str().to_owned())
                            .unwrap_or_default()
                    })
                    .collect(),
                standing: standing::standing(
                    &sessions, place.id, &marks, overridden, threshold, now,
                ),
            })
        })
        .collect();
    let waitlist = waiting
        .iter()
        .filter_map(|place| {
            people
                .get(&place.trainee_id)
                .map(|user| user.name(lang).to_owned())
        })
        .collect();
    Ok(Html::new(
        RosterPage {
            ctx,
            card,
            sessions: columns,
            rows,
            waitlist,
        }
        .render()?,
    ))
}
