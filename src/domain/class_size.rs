//! How big a class may be: how many sessions it has, and how many places
//! its room and its trainees allow.

/// Why a class's size was refused; each is the form error's catalogue key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SizeError {
    /// Fewer than one session, or more than the programme ever needs.
    SessionsRange,
    /// No place at all, or more places than the venue has seats.
    AboveSeats,
    /// Fewer places than trainees already enrolled.
    BelowEnrolled,
}

impl SizeError {
    pub fn key(self) -> &'static str {
        match self {
            Self::SessionsRange => "sessions-range",
            Self::AboveSeats => "capacity-above-seats",
            Self::BelowEnrolled => "capacity-below-enrolled",
        }
    }
}

/// The most sessions a class may have.
pub const MAX_SESSIONS: i32 = 60;

/// A class has between one and [`MAX_SESSIONS`] sessions.
pub fn check_sessions(count: i32) -> Result<i32, SizeError> {
    if (1..=MAX_SESSIONS).contains(&count) {
        Ok(count)
    } else {
        Err(SizeError::SessionsRange)
    }
}

/// A class has at least one place, no more than its venue's `seats`, and
/// no fewer than the `enrolled` trainees it already has.
pub fn check_capacity(capacity: i32, seats: i32, enrolled: i64) -> Result<i32, SizeError> {
    if capacity < 1 || capacity > seats {
        Err(SizeError::AboveSeats)
    } else if i64::from(capacity) < enrolled {
        Err(SizeError::BelowEnrolled)
    } else {
        Ok(capacity)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_class_has_one_to_sixty_sessions() {
        assert_eq!(check_sessions(1), Ok(1));
        assert_eq!(check_sessions(60), Ok(60));
        assert_eq!(check_sessions(0), Err(SizeError::SessionsRange));
        assert_eq!(check_sessions(61), Err(SizeError::SessionsRange));
    }

    #[test]
    fn the_room_bounds_a_class_from_above_and_its_trainees_from_below() {
        assert_eq!(check_capacity(20, 20, 0), Ok(20));
        assert_eq!(check_capacity(21, 20, 0), Err(SizeError::AboveSeats));
        assert_eq!(check_capacity(0, 20, 0), Err(SizeError::AboveSeats));
        assert_eq!(check_capacity(10, 20, 12), Err(SizeError::BelowEnrolled));
        // A full room wins over the trainees: the room is the harder limit.
        assert_eq!(check_capacity(25, 20, 22), Err(SizeError::AboveSeats));
    }
}
