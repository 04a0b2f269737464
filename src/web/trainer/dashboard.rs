//! `GET /trainer`: the sittings open now, today's sessions, and the
//! trainer's own classes (under way first, finished last) with their
//! sessions; future sessions can be cancelled or moved from here.

use actix_web::web::{self, Html};
use askama::Template;

use crate::auth::extractors::Trainer;
use crate::db::db_now;
use crate::db::models::class_session::ClassSession;
use crate::db::models::cohort::Cohort;
use crate::db::models::exam::Sitting;
use crate::domain::cohort::{CohortStatus, Phase};
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
    /// The board of the class's sitting that accepts starts now, if any.
    pub open_sitting: Option<String>,
}

impl TrainerClass {
    pub fn roster_url(&self) -> String {
        urls::with_id(urls::TRAINER_COHORT, self.card.id)
    }

    /// Under way: its sessions are shown unfolded.
    pub fn is_running(&self) -> bool {
        self.card.phase == Phase::Running
    }
}

/// Classes in the order a trainer works through them: under way first,
/// then those about to start, then the finished ones; by first session.
fn order(phase: Phase) -> u8 {
    match phase {
        Phase::Running => 0,
        Phase::Open | Phase::Draft => 1,
        Phase::Finished => 2,
        Phase::Cancelled => 3,
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

impl DashboardPage {
    /// The classes whose sitting accepts starts now.
    pub fn open_sittings(&self) -> Vec<&TrainerClass> {
        self.classes
            .iter()
            .filter(|class| class.open_sitting.is_some())
            .collect()
    }
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
                let open_sitting = Sitting::open_for_cohorts(conn, &[card.id], db_now(now))?
                    .first()
                    .map(|sitting| urls::with_id(urls::TRAINER_SITTING, sitting.id));
                classes.push(TrainerClass {
                    card,
                    sessions,
                    open_sitting,
                });
            }
            // Stable: classes keep their first-session order within a phase.
            classes.sort_by_key(|class| order(class.card.phase));
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
