//! Attendance and exam eligibility: once every planned session of the class
//! has been held, a trainee may sit the exam when (present + late) ÷ sessions
//! held ≥ the threshold (80 % unless an admin changes it). Cancelled sessions
//! do not count; a session counts as held once it has ended. When a
//! registrar allowed a sitting before the last session, the rule applies to
//! the sessions held so far. A registrar's override for the trainee wins.

use chrono::{Duration, NaiveDate, NaiveDateTime};

choices!(
    /// A trainee's mark for one session.
    Mark { Present => "present", Late => "late", Absent => "absent", Excused => "excused" }
);

impl Mark {
    /// Whether the mark counts towards eligibility.
    pub fn attended(self) -> bool {
        matches!(self, Self::Present | Self::Late)
    }
}

/// The default threshold, in percent.
pub const DEFAULT_THRESHOLD: i32 = 80;

/// One session of the trainee's class, as the rule sees it.
#[derive(Clone, Copy, Debug)]
pub struct SessionRecord {
    pub cancelled: bool,
    /// Ended before now.
    pub held: bool,
    pub mark: Option<Mark>,
}

/// What the rule concludes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Standing {
    /// Sessions held so far (not cancelled, ended).
    pub held: u32,
    /// Of those, attended (present or late).
    pub attended: u32,
    /// All sessions that are not cancelled, held or not.
    pub planned: u32,
    pub threshold: i32,
    /// A registrar's decision, if any.
    pub overridden: Option<bool>,
    /// A registrar allowed the class a sitting before its last session.
    pub early_sitting: bool,
}

impl Standing {
    pub fn of(sessions: &[SessionRecord], threshold: i32, overridden: Option<bool>) -> Self {
        let counted: Vec<&SessionRecord> = sessions
            .iter()
            .filter(|session| !session.cancelled)
            .collect();
        let held: Vec<&&SessionRecord> = counted.iter().filter(|session| session.held).collect();
        let attended = held
            .iter()
            .filter(|session| session.mark.is_some_and(Mark::attended))
            .count();
        Self {
            held: u32::try_from(held.len()).unwrap_or(u32::MAX),
            attended: u32::try_from(attended).unwrap_or(u32::MAX),
            planned: u32::try_from(counted.len()).unwrap_or(u32::MAX),
            threshold,
            overridden,
            early_sitting: false,
        }
    }

    /// The same standing, in a class a registrar allowed an early sitting.
    pub fn with_early_sitting(self, early_sitting: bool) -> Self {
        Self {
            early_sitting,
            ..self
        }
    }

    /// Every planned session has been held: the class has ended.
    pub fn all_held(&self) -> bool {
        self.planned > 0 && self.held >= self.planned
    }

    /// Attendance so far, in whole percent (100 before any session is held).
    pub fn rate_percent(&self) -> u32 {
        (self.attended * 100).checked_div(self.held).unwrap_or(100)
    }

    /// The rule on the sessions held so far: attended × 100 ≥ threshold × held.
    pub fn meets_rule(&self) -> bool {
        self.held > 0
            && i64::from(self.attended) * 100 >= i64::from(self.threshold) * i64::from(self.held)
    }

    /// May sit the exam: the override if there is one, else the rule once
    /// the class has ended (or on the sessions so far, for an early sitting).
    pub fn eligible(&self) -> bool {
        self.overridden
            .unwrap_or_else(|| (self.all_held() || self.early_sitting) && self.meets_rule())
    }

    /// On course: the rule holds on the sessions so far and can still hold
    /// at the end (what the trainee and trainer see while the class runs).
    pub fn on_track(&self) -> bool {
        self.overridden
            .unwrap_or_else(|| self.still_needed() <= self.remaining())
    }

    /// How many more sessions to attend so that, once every planned session
    /// is held, the rule is met.
    pub fn still_needed(&self) -> u32 {
        let needed_total = (i64::from(self.threshold) * i64::from(self.planned) + 99) / 100;
        u32::try_from((needed_total - i64::from(self.attended)).max(0)).unwrap_or(0)
    }

    /// Sessions not yet held.
    pub fn remaining(&self) -> u32 {
        self.planned.saturating_sub(self.held)
    }

    /// Below the threshold once half the sessions are held.
    pub fn low_warning(&self) -> bool {
        self.overridden.is_none()
            && self.held * 2 >= self.planned
            && self.held > 0
            && !self.meets_rule()
    }
}

/// A trainee's standing in one sentence: the trainee, their trainer and the
/// registrar are all told the same thing (`standing-…` in the catalogues).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Statement {
    /// A registrar decided: may sit (`true`) or may not.
    Decided(bool),
    /// The class has ended and attendance met the rule.
    Completed,
    /// The class has ended and attendance fell short.
    NotCompleted,
    /// A registrar allowed an early sitting and the sessions so far meet the rule.
    Early,
    /// Enough so far; the exam comes after the last session.
    OnTrack,
    /// This many more sessions to attend.
    Needed(u32),
    /// Too few sessions remain to reach the threshold.
    CannotReach,
}

impl Statement {
    pub fn key(self) -> &'static str {
        match self {
            Self::Decided(true) => "standing-approved",
            Self::Decided(false) => "standing-refused",
            Self::Completed => "standing-completed",
            Self::NotCompleted => "standing-not-completed",
            Self::Early => "standing-early",
            Self::OnTrack => "standing-on-track",
            Self::Needed(_) => "standing-needed",
            Self::CannotReach => "standing-cannot-reach",
        }
    }
}

impl Standing {
    /// The one statement of this standing.
    pub fn statement(&self) -> Statement {
        if let Some(decision) = self.overridden {
            return Statement::Decided(decision);
        }
        if self.all_held() {
            return if self.meets_rule() {
                Statement::Completed
            } else {
                Statement::NotCompleted
            };
        }
        if self.early_sitting && self.meets_rule() {
            return Statement::Early;
        }
        match self.still_needed() {
            0 => Statement::OnTrack,
            needed if needed <= self.remaining() => Statement::Needed(needed),
            _ => Statement::CannotReach,
        }
    }
}

/// A trainer may mark a session from its start until the end of the next
/// day (local time); after that only a registrar, with a reason.
pub fn trainer_may_mark(starts_at_local: NaiveDateTime, now_local: NaiveDateTime) -> bool {
    let last_day: NaiveDate = starts_at_local.date() + Duration::days(1);
    let closes = last_day.and_hms_opt(23, 59, 59).unwrap_or(starts_at_local) + Duration::seconds(1);
    now_local >= starts_at_local && now_local < closes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sessions(
        present: usize,
        late: usize,
        absent: usize,
        cancelled: usize,
    ) -> Vec<SessionRecord> {
        let mut all = Vec::new();
        all.extend((0..present).map(|_| SessionRecord {
            cancelled: false,
            held: true,
            mark: Some(Mark::Present),
        }));
        all.extend((0..late).map(|_| SessionRecord {
            cancelled: false,
            held: true,
            mark: Some(Mark::Late),
        }));
        all.extend((0..absent).map(|_| SessionRecord {
            cancelled: false,
            held: true,
            mark: Some(Mark::Absent),
        }));
        all.extend((0..cancelled).map(|_| SessionRecord {
            cancelled: true,
            held: true,
            mark: None,
        }));
        all
    }

    #[test]
    fn eight_of_ten_is_eligible_and_seven_is_not() {
        assert!(Standing::of(&sessions(8, 0, 2, 0), 80, None).eligible());
        assert!(!Standing::of(&sessions(7, 0, 3, 0), 80, None).eligible());
    }

    #[test]
    fn a_cancelled_session_does_not_count() {
        // 7 of 9 held (one cancelled) is 77.8 %.
        let standing = Standing::of(&sessions(7, 0, 2, 1), 80, None);
        assert_eq!((standing.attended, standing.held), (7, 9));
        assert!(!standing.eligible());
    }

    #[test]
    fn late_counts_as_attended() {
        assert!(Standing::of(&sessions(6, 2, 2, 0), 80, None).eligible());
    }

    #[test]
    fn an_override_wins_either_way() {
        assert!(Standing::of(&sessions(5, 0, 5, 0), 80, Some(true)).eligible());
        assert!(!Standing::of(&sessions(10, 0, 0, 0), 80, Some(false)).eligible());
    }

    #[test]
    fn sessions_still_needed_count_towards_the_planned_total() {
        let mut plan = sessions(3, 0, 1, 0);
        plan.extend((0..6).map(|_| SessionRecord {
            cancelled: false,
            held: false,
            mark: None,
        }));
        let standing = Standing::of(&plan, 80, None);
        assert_eq!(standing.still_needed(), 5);
        assert_eq!(standing.remaining(), 6);
        assert_eq!(standing.rate_percent(), 75);
    }

    #[test]
    fn the_exam_comes_only_once_every_planned_session_is_held() {
        // One session held and attended, nine still to come: on track, but
        // not yet eligible, unless a registrar allowed an early sitting.
        let mut plan = sessions(1, 0, 0, 0);
        plan.extend((0..9).map(|_| SessionRecord {
            cancelled: false,
            held: false,
            mark: None,
        }));
        let standing = Standing::of(&plan, 80, None);
        assert!(standing.meets_rule() && standing.on_track());
        assert!(!standing.all_held() && !standing.eligible());
        assert!(standing.with_early_sitting(true).eligible());
        // A cancelled session still to come does not hold the exam back.
        let mut ended = sessions(9, 0, 0, 0);
        ended.push(SessionRecord {
            cancelled: true,
            held: false,
            mark: None,
        });
        assert!(Standing::of(&ended, 80, None).eligible());
        assert!(Standing::of(&plan, 80, Some(true)).eligible());
    }

    #[test]
    fn the_low_attendance_warning_comes_after_half_the_sessions() {
        let mut plan = sessions(2, 0, 3, 0);
        plan.extend((0..5).map(|_| SessionRecord {
            cancelled: false,
            held: false,
            mark: None,
        }));
        assert!(Standing::of(&plan, 80, None).low_warning());
        let mut early = sessions(1, 0, 2, 0);
        early.extend((0..7).map(|_| SessionRecord {
            cancelled: false,
            held: false,
            mark: None,
        }));
        assert!(!Standing::of(&early, 80, None).low_warning());
    }

    #[test]
    fn trainers_mark_from_the_start_until_the_end_of_the_next_day() {
        let start = NaiveDate::from_ymd_opt(2026, 3, 9)
            .and_then(|d| d.and_hms_opt(9, 0, 0))
            .expect("valid");
        assert!(!trainer_may_mark(start, start - Duration::minutes(1)));
        assert!(trainer_may_mark(start, start));
        assert!(trainer_may_mark(start, start + Duration::hours(38)));
        assert!(!trainer_may_mark(start, start + Duration::hours(39)));
    }

    /// The sentence says "may sit" exactly when the rule says eligible, for
    /// every mix of held, attended and planned sessions, early sittings and
    /// registrars' decisions: trainee, trainer and registrar never disagree.
    #[test]
    fn the_statement_agrees_with_eligibility_everywhere() {
        for planned in 1..=8u32 {
            for held in 0..=planned {
                for attended in 0..=held {
                    for early_sitting in [false, true] {
                        for overridden in [None, Some(true), Some(false)] {
                            let standing = Standing {
                                held,
                                attended,
                                planned,
                                threshold: 80,
                                overridden,
                                early_sitting,
                            };
                            let says_may_sit = matches!(
                                standing.statement(),
                                Statement::Decided(true) | Statement::Completed | Statement::Early
                            );
                            assert_eq!(says_may_sit, standing.eligible(), "{standing:?}");
                        }
                    }
                }
            }
        }
    }
}
