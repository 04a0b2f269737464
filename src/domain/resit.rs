//! What a trainee may do next at a course: attempts, the pass, the re-sit
//! delay and a registrar's new series of attempts. Counted per trainee and
//! course, across classes and registrar moves, so changing class resets
//! nothing. Pure functions of the record and `now`.

use chrono::{Duration, NaiveDateTime};

/// One finished attempt, as these rules see it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Finished {
    pub at: NaiveDateTime,
    /// Passed, and not ended by the invigilator for an irregularity.
    pub passed: bool,
}

/// A trainee's attempts at one course.
#[derive(Clone, Debug, Default)]
pub struct Record {
    /// Every finished attempt, in any order.
    pub finished: Vec<Finished>,
    /// The newest registrar's grant of a new series, if any: attempts
    /// finished before it no longer count.
    pub granted_at: Option<NaiveDateTime>,
}

/// The exam settings these rules need.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    pub max_attempts: i32,
    pub resit_hours: i32,
}

/// Where the trainee stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NextStep {
    /// Passed: the certificate follows.
    Passed,
    /// May start at the next sitting; `left` attempts remain.
    MaySit { left: u32 },
    /// May start again from `from` (the re-sit delay); `left` remain.
    ResitFrom { from: NaiveDateTime, left: u32 },
    /// Every attempt is used: retraining in a new class, then a registrar
    /// may grant a new series.
    UsedUp { used: u32 },
}

impl Record {
    /// The finished attempts that count towards the limit.
    pub fn counted(&self) -> impl Iterator<Item = &Finished> {
        self.finished
            .iter()
            .filter(move |attempt| self.granted_at.is_none_or(|granted| attempt.at > granted))
    }

    pub fn passed(&self) -> bool {
        self.finished.iter().any(|attempt| attempt.passed)
    }

    /// When the newest finished attempt ended.
    pub fn last_finished(&self) -> Option<NaiveDateTime> {
        self.finished.iter().map(|attempt| attempt.at).max()
    }

    /// What comes next at `now`.
    pub fn next_step(&self, limits: Limits, now: NaiveDateTime) -> NextStep {
        if self.passed() {
            return NextStep::Passed;
        }
        let used = u32::try_from(self.counted().count()).unwrap_or(u32::MAX);
        let max = u32::try_from(limits.max_attempts.max(1)).unwrap_or(1);
        if used >= max {
            return NextStep::UsedUp { used };
        }
        let left = max - used;
        let last = self.counted().map(|attempt| attempt.at).max();
        match last.map(|at| at + Duration::hours(i64::from(limits.resit_hours.max(0)))) {
            Some(from) if now < from => NextStep::ResitFrom { from, left },
            _ => NextStep::MaySit { left },
        }
    }

    /// A registrar may grant a new series once every attempt is used and
    /// the trainee has since completed a class that began after their last
    /// attempt (`completed_class_starts`: when each completed class began).
    pub fn may_grant(
        &self,
        limits: Limits,
        completed_class_starts: &[NaiveDateTime],
        now: NaiveDateTime,
    ) -> Result<(), GrantRefusal> {
        if self.passed() {
            return Err(GrantRefusal::Passed);
        }
        if !matches!(self.next_step(limits, now), NextStep::UsedUp { .. }) {
            return Err(GrantRefusal::AttemptsLeft);
        }
        let last = self.last_finished();
        if !completed_class_starts
            .iter()
            .any(|start| last.is_none_or(|last| *start > last))
        {
            return Err(GrantRefusal::NotRetrained);
        }
        Ok(())
    }
}

/// Why a new series of attempts cannot be granted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GrantRefusal {
    Passed,
    AttemptsLeft,
    /// No class completed since the last attempt.
    NotRetrained,
    ReasonRequired,
}

impl GrantRefusal {
    pub fn key(self) -> &'static str {
        match self {
            Self::Passed => "grant-refused-passed",
            Self::AttemptsLeft => "grant-refused-attempts-left",
            Self::NotRetrained => "grant-refused-not-retrained",
            Self::ReasonRequired => "flash-reason-required",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").expect("valid")
    }

    const LIMITS: Limits = Limits {
        max_attempts: 3,
        resit_hours: 72,
    };

    fn failed(text: &str) -> Finished {
        Finished {
            at: at(text),
            passed: false,
        }
    }

    #[test]
    fn a_failed_attempt_waits_for_the_resit_delay() {
        let record = Record {
            finished: vec![failed("2026-03-23 06:00")],
            granted_at: None,
        };
        assert_eq!(
            record.next_step(LIMITS, at("2026-03-24 06:00")),
            NextStep::ResitFrom {
                from: at("2026-03-26 06:00"),
                left: 2
            }
        );
        assert_eq!(
            record.next_step(LIMITS, at("2026-03-26 06:00")),
            NextStep::MaySit { left: 2 }
        );
        assert_eq!(
            Record::default().next_step(LIMITS, at("2026-03-24 06:00")),
            NextStep::MaySit { left: 3 }
        );
    }

    #[test]
    fn three_failures_use_every_attempt_until_a_grant_after_retraining() {
        let mut record = Record {
            finished: vec![
                failed("2026-03-23 06:00"),
                failed("2026-03-26 06:00"),
                failed("2026-03-30 06:00"),
            ],
            granted_at: None,
        };
        let now = at("2026-05-01 06:00");
        assert_eq!(record.next_step(LIMITS, now), NextStep::UsedUp { used: 3 });
        assert_eq!(
            record.may_grant(LIMITS, &[at("2026-03-09 05:00")], now),
            Err(GrantRefusal::NotRetrained),
            "the class before the attempts does not count"
        );
        assert_eq!(
            record.may_grant(LIMITS, &[at("2026-04-13 05:00")], now),
            Ok(())
        );
        record.granted_at = Some(now);
        assert_eq!(
            record.next_step(LIMITS, now),
            NextStep::MaySit { left: 3 },
            "the attempts before the grant no longer count"
        );
        assert_eq!(
            record.may_grant(LIMITS, &[at("2026-04-13 05:00")], now),
            Err(GrantRefusal::AttemptsLeft)
        );
    }

    #[test]
    fn a_pass_ends_the_series() {
        let record = Record {
            finished: vec![
                failed("2026-03-23 06:00"),
                Finished {
                    at: at("2026-03-26 06:00"),
                    passed: true,
                },
            ],
            granted_at: None,
        };
        assert_eq!(
            record.next_step(LIMITS, at("2026-04-01 06:00")),
            NextStep::Passed
        );
        assert_eq!(
            record.may_grant(LIMITS, &[], at("2026-04-01 06:00")),
            Err(GrantRefusal::Passed)
        );
    }
}
