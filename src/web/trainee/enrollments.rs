//! A trainee's own places: withdrawing (the seat goes to the wait-list at
//! once, so it is confirmed first) and the calendar file of a class's sessions.

use actix_web::{HttpRequest, HttpResponse, web};
use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
use icalendar::Event;
use icalendar::{Calendar, Component, EventLike, EventStatus};

use crate::auth::extractors::Trainee;
use crate::auth::flash;
use crate::db::db_now;
use crate::db::models::class_session::ClassSession;
use crate::db::models::cohort::Cohort;
use crate::db::models::enrollment::Enrollment;
use crate::db::models::venue::Venue;
use crate::domain::enrollment::EnrollmentStatus;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::ops::enrolment::self_service::{self, Withdrawal};
use crate::web::confirm::{ConfirmForm, ConfirmPage};
use crate::web::page::PageCtx;
use crate::web::{AppState, audit_actor, urls};

/// `POST /me/enrollments/{id}/withdraw`: before the class ends, once the
/// trainee has confirmed that the seat (or the wait-list place) is given up.
pub async fn withdraw(
    req: HttpRequest,
    ctx: PageCtx,
    trainee: Trainee,
    state: web::Data<AppState>,
    id: web::Path<i32>,
    input: web::Form<ConfirmForm>,
) -> Result<HttpResponse, AppError> {
    let (place_id, now) = (id.into_inner(), state.clock().now());
    if !input.confirmed() {
        return ask_to_withdraw(ctx, &state, trainee.id, place_id).await;
    }
    let actor = audit_actor(&req, trainee.id);
    let key = match self_service::withdraw(&state.db, &actor, trainee.id, place_id, now).await? {
        Withdrawal::NotFound => return Err(AppError::NotFound),
        Withdrawal::Withdrawn => "flash-withdrawn",
        Withdrawal::TooLate => "flash-withdraw-too-late",
    };
    Ok(flash::redirect(&state.settings, urls::TRAINEE_HOME, key))
}

/// What withdrawing gives up, for the trainee's own place only.
async fn ask_to_withdraw(
    ctx: PageCtx,
    state: &AppState,
    trainee_id: i32,
    place_id: i32,
) -> Result<HttpResponse, AppError> {
    let lang = ctx.lang;
    let (place, venue) = state
        .db
        .read(move |conn| {
            let Some(place) = Enrollment::find_own(conn, place_id, trainee_id)? else {
                return Ok::<_, AppError>(None);
            };
            let venue = match Cohort::find(conn, place.cohort_id)? {
                Some(cohort) => Venue::find(conn, cohort.venue_id)?,
                None => None,
            };
            Ok(Some((place, venue.map(|v| v.name(lang).to_owned()))))
        })
        .await?
        .ok_or(AppError::NotFound)?;
    let venue = venue.unwrap_or_default();
    let consequences = if place.status == EnrollmentStatus::Waitlisted {
        vec![ctx.ts("confirm-withdraw-waitlist", "venue", &venue)]
    } else {
        vec![
            ctx.ts("confirm-withdraw-seat", "venue", &venue),
            ctx.t("confirm-withdraw-return"),
        ]
    };
    ConfirmPage {
        title: ctx.t("confirm-withdraw-title"),
        consequences,
        action: urls::with_id(urls::ENROLLMENT_WITHDRAW, place_id),
        fields: Vec::new(),
        yes: ctx.t("confirm-withdraw-yes"),
        back: urls::TRAINEE_HOME.to_owned(),
        ctx,
    }
    .respond()
}

/// `GET /me/enrollments/{id}/calendar.ics`: the class's sessions for a
/// phone or desktop calendar, in the page's language (cancelled ones marked
/// as such; every one tentative while the place is on the wait-list).
pub async fn calendar(
    ctx: PageCtx,
    trainee: Trainee,
    state: web::Data<AppState>,
    id: web::Path<i32>,
) -> Result<HttpResponse, AppError> {
    let (place_id, trainee_id) = (id.into_inner(), trainee.id);
    let loaded = state
        .db
        .read(move |conn| {
            let Some(place) = Enrollment::find_own(conn, place_id, trainee_id)? else {
                return Ok::<_, AppError>(None);
            };
            let Some(cohort) = Cohort::find(conn, place.cohort_id)? else {
                return Ok(None);
            };
            let venue = Venue::find(conn, cohort.venue_id)?;
            Ok(Some((
                place.status,
                cohort,
                venue,
                ClassSession::of_cohort(conn, place.cohort_id)?,
            )))
        })
        .await?;
    let (status, cohort, venue, sessions) = loaded.ok_or(AppError::NotFound)?;
    let location = venue
        .map(|venue| location(&venue, ctx.lang))
        .unwrap_or_default();
    // A wait-listed place may never become a seat: its sessions are
    // tentative, and say why.
    let waitlisted = status == EnrollmentStatus::Waitlisted;
    let event = EventText {
        title: ctx.t("calendar-event-title"),
        location,
        note: waitlisted.then(|| ctx.t("calendar-waitlisted-note")),
    };
    let body = ics(&event, cohort.id, &sessions, state.clock().now());
    Ok(HttpResponse::Ok()
        .content_type("text/calendar; charset=utf-8")
        .insert_header((
            "content-disposition",
            format!("attachment; filename=\"ecitizen-class-{}.ics\"", cohort.id),
        ))
        .body(body))
}

/// "Name, address" in `lang`, each once: an address typed before names and
/// addresses were kept apart often begins with the name already.
fn location(venue: &Venue, lang: Lang) -> String {
    let (name, address) = (venue.name(lang).trim(), venue.address(lang).trim());
    if address.is_empty() {
        name.to_owned()
    } else if name.is_empty() || address.starts_with(name) {
        address.to_owned()
    } else {
        format!("{name}{}{address}", lang.t("list-separator"))
    }
}

/// What every event of a calendar says besides its session.
struct EventText {
    title: String,
    location: String,
    /// For a place on the wait-list: events are tentative, with this note.
    note: Option<String>,
}

/// iCalendar text (RFC 5545) through the `icalendar` crate, which escapes
/// values, folds long (Arabic) lines between characters and ends lines
/// with CRLF. Instants are written in UTC; DTSTAMP is the server's clock.
fn ics(text: &EventText, cohort_id: i32, sessions: &[ClassSession], now: DateTime<Utc>) -> String {
    let utc = |at: NaiveDateTime| Utc.from_utc_datetime(&at);
    let mut calendar = Calendar::empty();
    calendar
        .append_property(("VERSION", "2.0"))
        .append_property(("PRODID", "-//e-Citizen//Classes//EN"))
        .append_property(("CALSCALE", "GREGORIAN"));
    for session in sessions {
        let mut event = Event::new();
        event
            .uid(&format!(
                "class-{cohort_id}-session-{}@ecitizen",
                session.seq
            ))
            .timestamp(utc(db_now(now)))
            .starts(utc(session.starts_at))
            .ends(utc(session.ends_at))
            .summary(&format!("{} ({})", text.title, session.seq))
            .location(&text.location);
        if session.is_cancelled() {
            event.status(EventStatus::Cancelled);
        } else if text.note.is_some() {
            event.status(EventStatus::Tentative);
        }
        let description: Vec<&str> = [session.reason.as_deref(), text.note.as_deref()]
            .into_iter()
            .flatten()
            .collect();
        if !description.is_empty() {
            event.description(&description.join("\n"));
        }
        calendar.push(event.done());
    }
    calendar.done().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::schedule::SessionStatus;

    #[test]
    fn long_arabic_lines_fold_between_characters_and_values_are_escaped() {
        let starts_at = chrono::NaiveDate::from_ymd_opt(2026, 3, 9)
            .and_then(|day| day.and_hms_opt(5, 0, 0))
            .expect("a time");
        let session = ClassSession {
            id: 1,
            cohort_id: 7,
            seq: 1,
            starts_at,
            ends_at: starts_at + chrono::Duration::hours(3),
            status: SessionStatus::Cancelled,
            reason: Some("a,b;c".to_owned()),
            original_starts_at: None,
        };
        let title = "المواطن الإلكتروني ".repeat(8);
        let now = Utc
            .with_ymd_and_hms(2026, 3, 1, 8, 0, 0)
            .single()
            .expect("now");
        let event = EventText {
            title: title.clone(),
            location: "Al Ain".to_owned(),
            note: None,
        };
        let text = ics(&event, 7, &[session], now);
        assert!(text.split("\r\n").all(|line| line.len() <= 75), "{text}");
        let unfolded = text.replace("\r\n ", "");
        assert!(
            unfolded.contains(&format!("SUMMARY:{title} (1)")),
            "{unfolded}"
        );
        assert!(unfolded.contains("DESCRIPTION:a\\,b\\;c"), "{unfolded}");
        assert!(unfolded.contains("DTSTART:20260309T050000Z"), "{unfolded}");
        assert!(unfolded.contains("DTSTAMP:20260301T080000Z"), "{unfolded}");
        assert!(unfolded.contains("STATUS:CANCELLED"), "{unfolded}");
        assert!(
            unfolded.contains("PRODID:-//e-Citizen//Classes//EN"),
            "{unfolded}"
        );
    }
}
