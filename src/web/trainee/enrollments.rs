//! A trainee's own places: withdrawing (the seat goes to the wait-list at
//! once) and the calendar file of a class's sessions.

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
use crate::error::AppError;
use crate::ops::enrolment::self_service::{self, Withdrawal};
use crate::web::page::PageCtx;
use crate::web::{AppState, audit_actor, urls};

/// `POST /me/enrollments/{id}/withdraw`: before the class ends.
pub async fn withdraw(
    req: HttpRequest,
    trainee: Trainee,
    state: web::Data<AppState>,
    id: web::Path<i32>,
) -> Result<HttpResponse, AppError> {
    let now = state.clock().now();
    let actor = audit_actor(&req, trainee.id);
    let key =
        match self_service::withdraw(&state.db, &actor, trainee.id, id.into_inner(), now).await? {
            Withdrawal::NotFound => return Err(AppError::NotFound),
            Withdrawal::Withdrawn => "flash-withdrawn",
            Withdrawal::TooLate => "flash-withdraw-too-late",
        };
    Ok(flash::redirect(&state.settings, urls::TRAINEE_HOME, key))
}

/// `GET /me/enrollments/{id}/calendar.ics`: the class's sessions for a
/// phone or desktop calendar (cancelled ones marked as such).
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
                cohort,
                venue,
                ClassSession::of_cohort(conn, place.cohort_id)?,
            )))
        })
        .await?;
    let (cohort, venue, sessions) = loaded.ok_or(AppError::NotFound)?;
    let title = ctx.t("calendar-event-title");
    let (place, address) = venue
        .map(|venue| (venue.name(ctx.lang).to_owned(), venue.address))
        .unwrap_or_default();
    let body = ics(
        &title,
        &format!("{place}, {address}"),
        cohort.id,
        &sessions,
        state.clock().now(),
    );
    Ok(HttpResponse::Ok()
        .content_type("text/calendar; charset=utf-8")
        .insert_header((
            "content-disposition",
            format!("attachment; filename=\"ecitizen-class-{}.ics\"", cohort.id),
        ))
        .body(body))
}

/// iCalendar text (RFC 5545) through the `icalendar` crate, which escapes
/// values, folds long (Arabic) lines between characters and ends lines
/// with CRLF. Instants are written in UTC; DTSTAMP is the server's clock.
fn ics(
    title: &str,
    location: &str,
    cohort_id: i32,
    sessions: &[ClassSession],
    now: DateTime<Utc>,
) -> String {
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
            .summary(&format!("{title} ({})", session.seq))
            .location(location);
        if session.is_cancelled() {
            event.status(EventStatus::Cancelled);
        }
        if let Some(reason) = &session.reason {
            event.description(reason);
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
        let text = ics(&title, "Al Ain", 7, &[session], now);
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
