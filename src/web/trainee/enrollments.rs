//! A trainee's own places: withdrawing (the seat goes to the wait-list at
//! once) and the calendar file of a class's sessions.

use std::fmt::Write as _;

use actix_web::{HttpRequest, HttpResponse, web};
use chrono::{DateTime, NaiveDateTime, Utc};

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

/// iCalendar text (RFC 5545): escaped values, folded lines, CRLF.
fn ics(
    title: &str,
    location: &str,
    cohort_id: i32,
    sessions: &[ClassSession],
    now: DateTime<Utc>,
) -> String {
    let stamp = |at: NaiveDateTime| at.format("%Y%m%dT%H%M%SZ").to_string();
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//e-Citizen//Classes//EN".to_owned(),
        "CALSCALE:GREGORIAN".to_owned(),
    ];
    for session in sessions {
        lines.push("BEGIN:VEVENT".to_owned());
        lines.push(format!(
            "UID:class-{cohort_id}-session-{}@ecitizen",
            session.seq
        ));
        lines.push(format!("DTSTAMP:{}", stamp(db_now(now))));
        lines.push(format!("DTSTART:{}", stamp(session.starts_at)));
        lines.push(format!("DTEND:{}", stamp(session.ends_at)));
        lines.push(format!("SUMMARY:{} ({})", escape(title), session.seq));
        lines.push(format!("LOCATION:{}", escape(location)));
        if session.is_cancelled() {
            lines.push("STATUS:CANCELLED".to_owned());
        }
        if let Some(reason) = &session.reason {
            lines.push(format!("DESCRIPTION:{}", escape(reason)));
        }
        lines.push("END:VEVENT".to_owned());
    }
    lines.push("END:VCALENDAR".to_owned());
    let mut text = String::new();
    for line in lines {
        let _ = write!(text, "{}\r\n", fold(&line));
    }
    text
}

fn escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace('\n', "\\n")
}

/// Folds a line at 75 octets without splitting a character.
fn fold(line: &str) -> String {
    let mut folded = String::new();
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            folded.push_str("\r\n ");
            width = 1;
        }
        folded.push(c);
        width += c.len_utf8();
    }
    folded
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_arabic_lines_fold_between_characters() {
        let line = format!("SUMMARY:{}", "المواطن الإلكتروني ".repeat(8));
        let folded = fold(&line);
        assert!(folded.split("\r\n").all(|part| part.len() <= 75));
        assert_eq!(folded.replace("\r\n ", ""), line);
        assert_eq!(escape("a,b;c\nd"), "a\\,b\\;c\\nd");
    }
}
