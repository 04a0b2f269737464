//! One generated class: its row, its sessions by the real schedule rules,
//! its sitting, and each trainee's account, place and attendance (the
//! attempt of one who sat is in `exam`).

use std::collections::BTreeMap;

use chrono::{Duration, NaiveDateTime, NaiveTime};
use rand::Rng;

use super::plan::{ClassPlan, Ids, Reference, Stage, TownRef, VenueRef, next};
use super::rows::{AttendanceRow, CohortRow, EnrollmentRow, Rows, SessionRow, SittingRow, UserRow};
use crate::domain::attendance::Mark;
use crate::domain::cohort::{Audience, CohortStatus, TeachingLanguage, Weekdays};
use crate::domain::enrollment::EnrollmentStatus;
use crate::domain::programme::DAILY_SESSIONS;
use crate::domain::schedule::{self, Plan, SessionStatus};
use crate::domain::time::local_to_utc;

/// Mutable state across classes: the ids and each year's last certificate
/// number.
pub struct Generator<'a, R: Rng> {
    pub reference: &'a Reference,
    pub ids: Ids,
    /// Year → last certificate number used.
    pub counters: BTreeMap<i32, i32>,
    pub rng: R,
}

/// What one class's generation tells the person running it: for a class
/// whose sitting is open, its PIN and its trainees' logins.
pub type Facts = Vec<String>;

impl<R: Rng> Generator<'_, R> {
    /// Adds the rows of `class` to `rows`.
    pub fn class(&mut self, class: &ClassPlan, rows: &mut Rows) -> Facts {
        let reference = self.reference;
        let town = &reference.towns[class.town];
        let venue = &town.venues[class.venue % town.venues.len()];
        let trainer = reference.trainers[(class.town * 7 + class.venue) % reference.trainers.len()];
        let cohort = next(&mut self.ids.cohort);
        let (starts, ends) = class.period.default_hours();
        let opened_at = local_to_utc(class.start - Duration::days(28), NaiveTime::MIN);
        rows.cohorts.push(CohortRow {
            id: cohort,
            course_id: reference.course_id,
            venue_id: venue.id,
            period: class.period,
            starts_time: starts,
            ends_time: ends,
            teaching_language: if class.venue % 10 == 9 {
                TeachingLanguage::English
            } else {
                TeachingLanguage::Arabic
            },
            audience: Audience::All,
            start_date: class.start,
            weekdays: Weekdays::working_week().to_string(),
            session_count: DAILY_SESSIONS,
            capacity: 20,
            trainer_id: Some(trainer),
            enrol_opens: class.start - Duration::days(28),
            enrol_closes: class.start - Duration::days(1),
            status: CohortStatus::Open,
            cancel_reason: None,
            created_at: opened_at,
            updated_at: opened_at,
        });
        let plan = Plan {
            from: class.start,
            weekdays: Weekdays::working_week(),
            count: u32::try_from(DAILY_SESSIONS).unwrap_or(10),
            starts,
            ends,
        };
        let sessions: Vec<(i32, NaiveDateTime, NaiveDateTime)> = (1..)
            .zip(schedule::generate(&plan, &reference.holidays))
            .map(|(seq, planned)| {
                let id = next(&mut self.ids.session);
                rows.sessions.push(SessionRow {
                    id,
                    cohort_id: cohort,
                    seq,
                    starts_at: planned.starts_at,
                    ends_at: planned.ends_at,
                    status: SessionStatus::Scheduled,
                    reason: None,
                    original_starts_at: None,
                });
                (id, planned.starts_at, planned.ends_at)
            })
            .collect();
        let last_end = sessions.last().map_or(opened_at, |s| s.2);
        let sitting = self.sitting(class, cohort, trainer, last_end, rows);
        let mut facts = Vec::new();
        if let Some((_, pin)) = sitting.as_ref().filter(|_| class.stage == Stage::ExamDay) {
            facts.push(format!("demo sitting: cohort {cohort} pin {pin}"));
        }
        for number in class.first..class.first + class.trainees {
            let registered = opened_at + Duration::hours(self.rng.random_range(1..24 * 20));
            let user = super::people::trainee(
                reference,
                town,
                number,
                registered,
                next(&mut self.ids.user),
                &mut self.rng,
            );
            if class.stage == Stage::ExamDay {
                facts.push(format!(
                    "demo login: trainee {} {}",
                    user.emirates_id.as_deref().unwrap_or_default(),
                    reference.password
                ));
            }
            let place = Place {
                cohort,
                trainer,
                trainee: user.id,
                registered,
            };
            let (enrollment, completed) = self.place(class.stage, &place, &sessions, rows);
            if let (Some((sitting, _)), true, Stage::History) =
                (sitting.as_ref(), completed, class.stage)
                && self.rng.random_bool(0.95)
            {
                let sat = Sat {
                    place: &place,
                    enrollment,
                    user: &user,
                    venue,
                    town,
                    sitting: *sitting,
                    opened: sitting_opens(last_end),
                };
                self.attempt(&sat, rows);
            }
            rows.users.push(user);
        }
        facts
    }

    /// The class's sitting, three days after it ended (closed) or now (open):
    /// its id and PIN. Classes that have not ended have none.
    fn sitting(
        &mut self,
        class: &ClassPlan,
        cohort: i32,
        trainer: i32,
        last_end: NaiveDateTime,
        rows: &mut Rows,
    ) -> Option<(i32, String)> {
        let now = self.reference.now.naive_utc();
        let (opened_at, closes_at, closed_at) = match class.stage {
            Stage::Upcoming => return None,
            Stage::History => {
                let opened = sitting_opens(last_end);
                let closes = opened + Duration::hours(2);
                (opened, closes, Some(closes))
            }
            Stage::ExamDay => (
                now - Duration::minutes(2),
                now + Duration::minutes(i64::from(
                    *crate::ops::exam::sittings::WINDOW_MINUTES.end(),
                )),
                None,
            ),
        };
        let id = next(&mut self.ids.sitting);
        let pin = crate::domain::exam::pin(&mut self.rng);
        rows.sittings.push(SittingRow {
            id,
            cohort_id: cohort,
            pin: pin.clone(),
            opened_by: trainer,
            opened_at,
            closed_at,
            closes_at,
        });
        Some((id, pin))
    }

    /// A trainee's place and attendance: its id, and whether they completed
    /// the class.
    fn place(
        &mut self,
        stage: Stage,
        place: &Place,
        sessions: &[(i32, NaiveDateTime, NaiveDateTime)],
        rows: &mut Rows,
    ) -> (i32, bool) {
        let id = next(&mut self.ids.enrollment);
        let queued = place.registered + Duration::minutes(self.rng.random_range(5..600));
        let withdrawn = stage == Stage::History && self.rng.random_bool(0.04);
        let diligence = if stage == Stage::ExamDay {
            1.0
        } else {
            self.rng.random_range(0.7..1.0)
        };
        let mut attended = 0;
        if stage != Stage::Upcoming && !withdrawn {
            for &(session, starts_at, _) in sessions {
                let mark = if self.rng.random_bool(diligence) {
                    if self.rng.random_bool(0.95) {
                        Mark::Present
                    } else {
                        Mark::Late
                    }
                } else if self.rng.random_bool(0.7) {
                    Mark::Absent
                } else {
                    Mark::Excused
                };
                attended += usize::from(mark.attended());
                rows.attendance.push(AttendanceRow {
                    id: next(&mut self.ids.attendance),
                    session_id: session,
                    enrollment_id: id,
                    status: mark,
                    marked_by: place.trainer,
                    marked_at: starts_at + Duration::minutes(15),
                });
            }
        }
        let completed = attended * 100
            >= sessions.len()
                * usize::try_from(crate::domain::attendance::DEFAULT_THRESHOLD).unwrap_or(80);
        let last_end = sessions.last().map_or(queued, |s| s.2);
        let (status, ended_at) = match stage {
            Stage::Upcoming => (EnrollmentStatus::Enrolled, None),
            _ if withdrawn => (
                EnrollmentStatus::Withdrawn,
                Some(queued + Duration::days(3)),
            ),
            _ if completed => (EnrollmentStatus::Completed, Some(last_end)),
            _ => (EnrollmentStatus::NotCompleted, Some(last_end)),
        };
        rows.enrollments.push(EnrollmentRow {
            id,
            cohort_id: place.cohort,
            trainee_id: place.trainee,
            course_id: self.reference.course_id,
            status,
            queued_at: queued,
            enrolled_at: Some(queued),
            promoted_at: None,
            ended_at,
            note: None,
            created_at: queued,
            updated_at: ended_at.unwrap_or(queued),
        });
        (id, status == EnrollmentStatus::Completed)
    }
}

/// A past class's sitting opened three days after its last session, at
/// about nine in the morning in the UAE.
fn sitting_opens(last_end: NaiveDateTime) -> NaiveDateTime {
    let day = crate::domain::time::utc_to_local(last_end).date() + Duration::days(3);
    local_to_utc(day, NaiveTime::from_hms_opt(9, 0, 0).unwrap_or_default())
}

/// A trainee's seat in a generated class.
pub(super) struct Place {
    pub cohort: i32,
    pub trainer: i32,
    pub trainee: i32,
    pub registered: NaiveDateTime,
}

/// A completed trainee who sat the class's exam.
pub(super) struct Sat<'a> {
    pub place: &'a Place,
    pub enrollment: i32,
    pub user: &'a UserRow,
    pub venue: &'a VenueRef,
    pub town: &'a TownRef,
    pub sitting: i32,
    /// When the sitting opened.
    pub opened: NaiveDateTime,
}
