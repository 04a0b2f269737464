//! What the class form shows before saving: the dates a new class's
//! schedule gives, what saving an edited class does to each session, and
//! the messages naming a class this one would clash with.

use chrono::{Datelike, NaiveDate, NaiveDateTime};

use crate::domain::reschedule::{Change, Kept};
use crate::domain::schedule::Planned;
use crate::domain::time::utc_to_local;
use crate::i18n::Lang;
use crate::ops::classes::{Clash, Clashes};
use crate::web::forms::FormState;

/// One session in the preview. For a new class every line is a new date;
/// for a class being edited `change` says what saving does to it.
pub struct PreviewLine {
    pub seq: usize,
    pub date: String,
    pub weekday: String,
    pub hours: String,
    /// `kept`, `retimed`, `added` or `removed` (a CSS modifier).
    pub change: &'static str,
    /// The translated change, with why a session stays if it must.
    pub label: String,
    /// A session given a new time: when it was.
    pub was: Option<String>,
}

/// How many sessions each change touches, for the preview's heading.
#[derive(Default)]
pub struct ChangeCounts {
    pub kept: usize,
    pub retimed: usize,
    pub added: usize,
    pub removed: usize,
}

impl ChangeCounts {
    pub fn any_change(&self) -> bool {
        self.retimed + self.added + self.removed > 0
    }
}

fn weekday(lang: Lang, date: NaiveDate) -> String {
    lang.t(&format!("weekday-{}", date.weekday().number_from_monday()))
}

fn hours_text(starts_at: NaiveDateTime, ends_at: NaiveDateTime) -> String {
    format!(
        "{}–{}",
        utc_to_local(starts_at).format("%H:%M"),
        utc_to_local(ends_at).format("%H:%M")
    )
}

/// The dates a new class's schedule gives.
pub fn preview_lines(planned: &[Planned], lang: Lang) -> Vec<PreviewLine> {
    planned
        .iter()
        .enumerate()
        .map(|(index, session)| PreviewLine {
            seq: index + 1,
            date: session.date.to_string(),
            weekday: weekday(lang, session.date),
            hours: hours_text(session.starts_at, session.ends_at),
            change: "added",
            label: String::new(),
            was: None,
        })
        .collect()
}

/// What saving an edited class does to each of its sessions.
pub fn change_lines(changes: &[Change], lang: Lang) -> (Vec<PreviewLine>, ChangeCounts) {
    let mut counts = ChangeCounts::default();
    let mut seq = 0;
    let lines = changes
        .iter()
        .map(|change| {
            let (starts_at, ends_at, kind, label, was) = match change {
                Change::Keep {
                    starts_at,
                    ends_at,
                    why,
                    ..
                } => {
                    counts.kept += 1;
                    let label = match why {
                        Kept::Unchanged => lang.t("preview-kept"),
                        Kept::Held => lang.t("preview-kept-held"),
                        Kept::Marked => lang.t("preview-kept-marked"),
                        Kept::Moved => lang.t("preview-kept-moved"),
                        Kept::Cancelled => lang.t("preview-kept-cancelled"),
                    };
                    (*starts_at, *ends_at, "kept", label, None)
                }
                Change::Retime { from, to, .. } => {
                    counts.retimed += 1;
                    let was = format!(
                        "{} {}",
                        utc_to_local(from.0).date(),
                        hours_text(from.0, from.1)
                    );
                    let label = lang.t("preview-retimed");
                    (to.starts_at, to.ends_at, "retimed", label, Some(was))
                }
                Change::Add(slot) => {
                    counts.added += 1;
                    let label = lang.t("preview-added");
                    (slot.starts_at, slot.ends_at, "added", label, None)
                }
                Change::Remove {
                    starts_at, ends_at, ..
                } => {
                    counts.removed += 1;
                    let label = lang.t("preview-removed");
                    (*starts_at, *ends_at, "removed", label, None)
                }
            };
            // A removed session takes no number in the new schedule.
            if !matches!(change, Change::Remove { .. }) {
                seq += 1;
            }
            let date = utc_to_local(starts_at).date();
            PreviewLine {
                seq,
                date: date.to_string(),
                weekday: weekday(lang, date),
                hours: hours_text(starts_at, ends_at),
                change: kind,
                label,
                was,
            }
        })
        .collect();
    (lines, counts)
}

/// A clash message naming the other class: its period, venue and first day,
/// and the first day both meet.
fn clash_message(lang: Lang, key: &str, clash: &Clash) -> String {
    lang.t_args(
        key,
        &[
            ("period", clash.cohort.period.as_str().into()),
            ("venue", clash.venue.name(lang).to_owned().into()),
            ("start", clash.cohort.start_date.to_string().into()),
            ("date", utc_to_local(clash.at).date().to_string().into()),
            (
                "hours",
                format!(
                    "{}–{}",
                    clash.cohort.starts_time.format("%H:%M"),
                    clash.cohort.ends_time.format("%H:%M")
                )
                .into(),
            ),
        ],
    )
}

/// Records the clashes as errors of the venue and trainer fields; returns
/// the messages shown beside them.
pub fn record_clashes(
    form: &mut FormState,
    clashes: &Clashes,
    lang: Lang,
) -> (Option<String>, Option<String>) {
    let venue = clashes.venue.as_ref().map(|clash| {
        form.fail("venue", "cohort-clash-venue-short");
        clash_message(lang, "cohort-clash-venue", clash)
    });
    let trainer = clashes.trainer.as_ref().map(|clash| {
        form.fail("trainer", "cohort-clash-trainer-short");
        clash_message(lang, "cohort-clash-trainer", clash)
    });
    (venue, trainer)
}
