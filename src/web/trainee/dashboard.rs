//! `GET /me`: the trainee's own page: their class or wait-list place, the
//! next session (with any change or cancellation), the full session list,
//! notices about cancelled classes, and their profile as registered.

use actix_web::web::{self, Html};
use askama::Template;
use chrono::{DateTime, Utc};

use crate::auth::extractors::Trainee;
use crate::db::models::certificate::Certificate;
use crate::db::models::class_session::ClassSession;
use crate::db::models::enrollment::Enrollment;
use crate::db::models::region::Town;
use crate::db::models::user::User;
use crate::db::{DbConnection, db_now};
use crate::domain::attendance::Standing;
use crate::domain::certificate::CertificateStatus;
use crate::domain::cohort::Phase;
use crate::domain::emirates_id::EmiratesId;
use crate::domain::enrollment::EnrollmentStatus;
use crate::domain::mobile::Mobile;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::ops::classes;
use crate::web::AppState;
use crate::web::page::PageCtx;
use crate::web::public::catalogue::CohortCard;
use crate::web::public::cohorts::{SessionLine, session_lines};
use crate::web::public::listing::{Listing, Listings};
use crate::web::urls;

/// One line of the profile summary.
pub struct ProfileLine {
    pub label: String,
    pub value: String,
    /// Latin text or numbers inside an Arabic page are isolated.
    pub isolate: bool,
}

/// The trainee's current place.
pub struct CurrentPlace {
    pub id: i32,
    pub status: EnrollmentStatus,
    pub position: Option<usize>,
    /// Given a seat from the wait-list (shown once it happens).
    pub promoted: bool,
    pub card: CohortCard,
    pub next: Option<SessionLine>,
    pub sessions: Vec<SessionLine>,
    /// Each session's mark (`present`, …, or empty), aligned with `sessions`.
    pub marks: Vec<String>,
    /// Attendance standing, once the trainee has a seat.
    pub standing: Option<Standing>,
    /// Why a registrar decided the trainee may or may not sit the exam.
    pub decision_reason: Option<String>,
    pub finished: bool,
}

impl CurrentPlace {
    /// Still holding a seat or a place in the queue (not ended with its class).
    pub fn is_active(&self) -> bool {
        self.status.is_active()
    }

    pub fn is_waitlisted(&self) -> bool {
        self.status == EnrollmentStatus::Waitlisted
    }
}

impl CurrentPlace {
    /// The session lines with their marks, for the attendance table.
    pub fn rows(&self) -> Vec<(&SessionLine, &str)> {
        self.sessions
            .iter()
            .zip(self.marks.iter().map(String::as_str))
            .collect()
    }

    pub fn withdraw_url(&self) -> String {
        urls::with_id(urls::ENROLLMENT_WITHDRAW, self.id)
    }

    pub fn calendar_url(&self) -> String {
        urls::with_id(urls::ENROLLMENT_CALENDAR, self.id)
    }
}

/// A class cancelled under the trainee.
pub struct CancelledPlace {
    pub venue: String,
    pub reason: String,
}

#[derive(Template)]
#[template(path = "trainee/dashboard.html")]
pub struct DashboardPage {
    pub ctx: PageCtx,
    pub name: String,
    pub current: Option<CurrentPlace>,
    pub cancelled: Vec<CancelledPlace>,
    pub profile: Vec<ProfileLine>,
    /// Issued, revoked or superseded certificates: (link, number, status).
    pub certificates: Vec<(String, String, CertificateStatus)>,
    /// What comes next at the exam, once the trainee has had a seat.
    pub outlook: Vec<String>,
    /// The exam page is where to go next (eligible, attempts left).
    pub exam_next: bool,
    /// Not passed yet: another class is open to them once this one ended.
    pub may_join: bool,
}

/// The place the page shows (the active one, else the class the trainee
/// last sat in) with its class, sessions, marks and standing.
fn current_place(
    conn: &mut DbConnection,
    listings: &Listings,
    listing: &Listing,
    place: &Enrollment,
    lang: Lang,
    now: DateTime<Utc>,
) -> Result<Option<CurrentPlace>, AppError> {
    let sessions = ClassSession::of_cohort(conn, place.cohort_id)?;
    let position = if place.status == EnrollmentStatus::Waitlisted {
        classes::waitlist_position(conn, place.cohort_id, place.id)?
    } else {
        None
    };
    let Some(card) = listings.card(conn, listing, place.cohort_id, lang, now)? else {
        return Ok(None);
    };
    let marks = crate::ops::attendance::marks_by_place(conn, &[place.id])?;
    let (standing, decision_reason) = if place.status.is_seated() {
        let (standing, decision) = crate::ops::attendance::standing_and_decision(
            conn,
            place.cohort_id,
            place.id,
            &sessions,
            &marks,
            now,
        )?;
        (Some(standing), decision.map(|decision| decision.reason))
    } else {
        (None, None)
    };
    let mark_codes: Vec<String> = sessions
        .iter()
        .map(|session| {
            marks
                .get(&(place.id, session.id))
                .map(|mark| mark.as_str().to_owned())
                .unwrap_or_default()
        })
        .collect();
    let upcoming: Vec<ClassSession> = sessions
        .iter()
        .filter(|session| session.ends_at > db_now(now))
        .cloned()
        .collect();
    Ok(Some(CurrentPlace {
        id: place.id,
        status: place.status,
        position,
        promoted: place.promoted_at.is_some(),
        next: session_lines(&upcoming, lang).into_iter().next(),
        sessions: session_lines(&sessions, lang),
        marks: mark_codes,
        standing,
        decision_reason,
        finished: card.phase == Phase::Finished,
        card,
    }))
}

/// The classes cancelled under the trainee, with why.
fn cancelled_places(
    conn: &mut DbConnection,
    listings: &Listings,
    listing: &Listing,
    places: &[Enrollment],
    lang: Lang,
    now: DateTime<Utc>,
) -> Result<Vec<CancelledPlace>, AppError> {
    let mut cancelled = Vec::new();
    for place in places
        .iter()
        .filter(|place| place.status == EnrollmentStatus::Cancelled)
    {
        if let Some(card) = listings.card(conn, listing, place.cohort_id, lang, now)? {
            cancelled.push(CancelledPlace {
                venue: card.venue,
                reason: place.note.clone().unwrap_or_default(),
            });
        }
    }
    Ok(cancelled)
}

/// The trainee's certificates once issued: (link, number, status).
fn certificate_links(certificates: &[Certificate]) -> Vec<(String, String, CertificateStatus)> {
    certificates
        .iter()
        .filter(|c| !c.status.is_pending())
        .map(|c| {
            (
                urls::with_id(urls::TRAINEE_CERTIFICATE, c.id),
                c.number.clone().unwrap_or_default(),
                c.status,
            )
        })
        .collect()
}

/// Everything the page reads, in one read.
struct Loaded {
    user: Option<User>,
    town: Option<Town>,
    current: Option<CurrentPlace>,
    cancelled: Vec<CancelledPlace>,
    certificates: Vec<(String, String, CertificateStatus)>,
    outlook: Option<crate::web::outlook::Outlook>,
}

fn load(
    conn: &mut DbConnection,
    listings: &Listings,
    id: i32,
    lang: Lang,
    now: DateTime<Utc>,
) -> Result<Loaded, AppError> {
    let user = User::find(conn, id)?;
    let places = Enrollment::of_trainee(conn, id)?;
    // Read once for every card the page shows.
    let listing = listings.all(conn, lang, now)?;
    let certificates = Certificate::of_trainee(conn, id)?;
    // The active place, else the class the trainee last sat in.
    let shown = places
        .iter()
        .find(|place| place.status.is_active())
        .or_else(|| places.iter().find(|place| place.status.is_seated()));
    let outlook = match places.iter().find(|place| place.status.is_seated()) {
        Some(place) => Some(crate::web::outlook::Outlook::load_with(
            conn,
            id,
            place.course_id,
            &certificates,
            now,
        )?),
        None => None,
    };
    let current = match shown {
        Some(place) => current_place(conn, listings, &listing, place, lang, now)?,
        None => None,
    };
    let town = match user.as_ref().and_then(|user| user.town_id) {
        Some(town_id) => Town::find(conn, town_id)?,
        None => None,
    };
    Ok(Loaded {
        user,
        town,
        cancelled: cancelled_places(conn, listings, &listing, &places, lang, now)?,
        certificates: certificate_links(&certificates),
        current,
        outlook,
    })
}

/// The profile as registered, each line in the page's language.
fn profile(ctx: &PageCtx, user: &User, town: Option<&Town>) -> Vec<ProfileLine> {
    let line = |key: &str, value: String, isolate: bool| ProfileLine {
        label: ctx.t(key),
        value,
        isolate,
    };
    let mut profile = vec![
        line("profile-name-ar", user.full_name_ar.clone(), false),
        line("profile-name-en", user.full_name_en.clone(), true),
    ];
    if let Some(id) = user
        .emirates_id
        .as_deref()
        .and_then(|id| EmiratesId::parse(id).ok())
    {
        profile.push(line("profile-emirates-id", id.as_str().to_owned(), true));
    }
    if let Some(mobile) = user
        .mobile
        .as_deref()
        .and_then(|mobile| Mobile::parse(mobile).ok())
    {
        profile.push(line("profile-mobile", mobile.local(), true));
    }
    if let Some(email) = &user.email {
        profile.push(line("profile-email", email.clone(), true));
    }
    if let Some(town) = town {
        profile.push(line("profile-town", town.name(ctx.lang).to_owned(), false));
    }
    if let Some(group) = &user.target_group {
        profile.push(line(
            "profile-target-group",
            ctx.t(&format!("target-group-{group}")),
            false,
        ));
    }
    profile
}

pub async fn show(
    ctx: PageCtx,
    trainee: Trainee,
    state: web::Data<AppState>,
) -> Result<Html, AppError> {
    let id = trainee.id;
    let lang = ctx.lang;
    let now = state.clock().now();
    let listed = state.clone();
    let loaded = state
        .db
        .read(move |conn| load(conn, &listed.listings, id, lang, now))
        .await?;
    let user = loaded.user.ok_or(AppError::NotFound)?;
    let (current, outlook) = (loaded.current, loaded.outlook);
    let exam_next = current
        .as_ref()
        .and_then(|place| place.standing)
        .is_some_and(|standing| standing.eligible())
        && outlook
            .as_ref()
            .is_some_and(|o| matches!(o.next, crate::domain::resit::NextStep::MaySit { .. }));
    let may_join = outlook
        .as_ref()
        .is_some_and(|o| o.next != crate::domain::resit::NextStep::Passed);
    let page = DashboardPage {
        may_join,
        name: user.name(lang).to_owned(),
        profile: profile(&ctx, &user, loaded.town.as_ref()),
        current,
        cancelled: loaded.cancelled,
        certificates: loaded.certificates,
        outlook: outlook.map(|o| o.lines(&ctx)).unwrap_or_default(),
        exam_next,
        ctx,
    };
    Ok(Html::new(page.render()?))
}
