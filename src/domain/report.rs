//! The programme's reports: what a breakdown groups by, and the funnel's
//! counts with the rates read from them. The counting itself is SQL
//! (`db::models::report`); this is what the numbers mean.

choices!(
    /// What a breakdown table groups the funnel by: where the class was
    /// held and how it ran, or who the trainee is.
    Dimension {
        Region => "region",
        Town => "town",
        Venue => "venue",
        Class => "class",
        Trainer => "trainer",
        Period => "period",
        Language => "language",
        Gender => "gender",
        TargetGroup => "target_group",
        Channel => "channel",
    }
);

impl Dimension {
    /// The catalogue prefix of the stored codes this dimension groups by
    /// (`period-morning`), or `None` when its rows carry their own names.
    pub fn code_labels(self) -> Option<&'static str> {
        match self {
            Self::Period => Some("period"),
            Self::Language => Some("teaching"),
            Self::Gender => Some("gender"),
            Self::TargetGroup => Some("target-group"),
            Self::Channel => Some("channel"),
            Self::Region | Self::Town | Self::Venue | Self::Class | Self::Trainer => None,
        }
    }
}

/// One row of the funnel: distinct trainees at each step, among the places
/// in classes that started in the report's range.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// With a seat in such a class.
    pub enrolled: i64,
    /// Whose place ended `completed` (attendance met the rule).
    pub completed: i64,
    /// Who finished an exam attempt from that place.
    pub sat: i64,
    /// Who passed one.
    pub passed: i64,
    /// Who holds an issued certificate from one.
    pub certified: i64,
}

impl Counts {
    /// Passed as a share of those who sat, in whole percent.
    pub fn pass_rate(&self) -> Option<i64> {
        percent(self.passed, self.sat)
    }

    /// Completed attendance as a share of the enrolled, in whole percent.
    pub fn completion_rate(&self) -> Option<i64> {
        percent(self.completed, self.enrolled)
    }
}

/// `part` of `whole` in whole percent, rounded half up; `None` of nothing.
pub fn percent(part: i64, whole: i64) -> Option<i64> {
    (whole > 0).then(|| (part * 200 + whole) / (whole * 2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_round_half_up_and_say_nothing_of_nothing() {
        assert_eq!(percent(1, 3), Some(33));
        assert_eq!(percent(2, 3), Some(67));
        assert_eq!(percent(1, 8), Some(13));
        assert_eq!(percent(0, 5), Some(0));
        assert_eq!(percent(0, 0), None);
        let counts = Counts {
            enrolled: 4,
            completed: 3,
            sat: 3,
            passed: 2,
            certified: 1,
        };
        assert_eq!(
            (counts.completion_rate(), counts.pass_rate()),
            (Some(75), Some(67))
        );
    }
}
