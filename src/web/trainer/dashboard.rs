//! `GET /trainer`: the trainer's own classes with their sessions; future
//! sessions can be cancelled or moved from here.

use actix_web::web::{self, Html};
use askama::Template;

use crate::auth::extractors::Trainer;
use crate::db::db_now;
use crate::db::models::class_session::ClassSession;
use crate::db::models::cohort::Cohort;
use crate::domain::cohort::CohortStatus;
use crate::domain::schedule::SessionStatus;
use crate::error::AppError;
use crate::web::AppState;
use crate::web::page::PageCtx;
use crate::web::public::catalogue::{self, CohortCard};
use crate::web::public::cohorts::{SessionLine, session_lines};
use crate::web::urls;

/// A session with what the trainer may do to it.
pub struct TrainerSession {
    pub id: i32,
    pub line: SessionLine,
    pub changeable: bool,
}

impl TrainerSession {
    pub fn cancel_url(&self) -> String {
        urls::with_id(urls::TRAINER_SESSION_CANCEL, self.id)
    }

    pub fn move_url(&self) -> String {
        urls::with_id(urls::TRAINER_SESSION_MOVE, self.id)
    }
}

pub struct TrainerClass {
    pub card: CohortCard,
    pub sessions: Vec<TrainerSession>,
}

impl TrainerClass {
    pub fn roster_url(&self) -> String {
        urls::with_id(urls::TRAINER_COHORT, self.card.id)
    }
}

/// A session of today, with its class.
pub struct TodaySession {
    pub venue: String,
    pub hours: String,
    pub status: SessionStatus,
    pub attendance_url: String,
}

#[derive(Template)]
#[template(path = "trainer/dashboard.html")]
pub struct DashboardPage {
    pub ctx: PageCtx,
    pub classes: Vec<TrainerClass>,
    pub today: Vec<TodaySession>,
}

pub async fn show(
    ctx: PageCtx,
    trainer: Trainer,
    state: web::Data<AppState>,
) -> Result<Html, AppError> {
    let (lang, now, trainer_id) = (ctx.lang, state.clock().now(), trainer.id);
    let classes = state
        .db
        .read(move |conn| {
            let cohorts: Vec<Cohort> = Cohort::of_trainer(conn, trainer_id)?
                .into_iter()
                .filter(|cohort| cohort.status != CohortStatus::Draft)
                .collect();
            let mut classes = Vec::new();
            for card in catalogue::cards(conn, cohorts, lang, now)? {
                let sessions = ClassSession::of_cohort(conn, card.id)?;
                let lines = session_lines(&sessions, lang);
                let sessions = sessions
                    .iter()
                    .zip(lines)
                    .map(|(session, line)| TrainerSession {
                        id: session.id,
                        changeable: session.starts_at > db_now(now) && !session.is_cancelled(),
                        line,
                    })
                    .collect();
                classes.push(TrainerClass { card, sessions });
            }
            Ok::<_, AppError>(classes)
        })
        .await?;
    let today_date = crate::domain::time::uae_today(now);
    let today = classes
        .iter()
        .flat_map(|class| {
            class
                .sessions
                .iter()
                .filter(|session| session.line.date == today_date.to_string())
                .map(|session| TodaySession {
                    venue: class.card.venue.clone(),
                    hours: session.line.hours.clone(),
                    status: session.line.status,
                    attendance_url: urls::with_id(urls::TRAINER_SESSION_ATTENDANCE, session.id),
                })
        })
        .collect();
    Ok(Html::new(
        DashboardPage {
            ctx,
            classes,
            today,
        }
        .render()?,
    ))
}
