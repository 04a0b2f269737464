//! Login throttling: after a few failures in a short window, each further
//! attempt must wait a delay that doubles with every failure, up to a
//! ceiling; and never more than a fixed number of failures an hour. The
//! same rule applies whether or not the account exists.

use chrono::{DateTime, Duration, Utc};

/// The numbers of the rule.
#[derive(Clone, Copy, Debug)]
pub struct Policy {
    /// Failures allowed in `window` before delays start.
    pub free_failures: usize,
    pub window: Duration,
    /// Delay after the first failure beyond the free ones; doubles after each.
    pub base_delay: Duration,
    pub max_delay: Duration,
    /// Hard ceiling of failures in any hour.
    pub hourly_cap: usize,
}

impl Policy {
    /// Per account and client address: 5 free failures in 15 minutes, then
    /// 1, 2, 4, 8, 15, 15… minutes; at most 100 failures an hour. Someone
    /// guessing from one address is slowed down without locking the owner
    /// out from theirs.
    pub const PAIR: Policy = Policy {
        free_failures: 5,
        window: Duration::minutes(15),
        base_delay: Duration::minutes(1),
        max_delay: Duration::minutes(15),
        hourly_cap: 100,
    };

    /// Per account, across every address: 20 free failures in 15 minutes,
    /// then 1 minute, then 2 at most; 100 failures an hour. Loose enough
    /// that failures aimed from elsewhere keep the owner waiting a minute
    /// or two at worst, tight enough that a guess spread over many
    /// addresses gets no more than about one try a minute.
    pub const ACCOUNT: Policy = Policy {
        free_failures: 20,
        window: Duration::minutes(15),
        base_delay: Duration::minutes(1),
        max_delay: Duration::minutes(2),
        hourly_cap: 100,
    };

    /// Per client address, across accounts (a shared school network is one
    /// address, so this is looser).
    pub const CLIENT: Policy = Policy {
        free_failures: 30,
        window: Duration::minutes(15),
        base_delay: Duration::minutes(1),
        max_delay: Duration::minutes(15),
        hourly_cap: 300,
    };

    /// Wrong exam PINs per trainee: 5 free in 15 minutes, then 1, 2, 4, 8,
    /// 15 minutes; at most 20 an hour. A trainee mistypes a PIN once or
    /// twice; guessing one is hopeless at this pace.
    pub const PIN: Policy = Policy {
        free_failures: 5,
        window: Duration::minutes(15),
        base_delay: Duration::minutes(1),
        max_delay: Duration::minutes(15),
        hourly_cap: 20,
    };

    /// Wrong exam PINs per client address, across trainees (a whole class
    /// sits behind one school address).
    pub const PIN_CLIENT: Policy = Policy {
        free_failures: 60,
        window: Duration::minutes(15),
        base_delay: Duration::minutes(1),
        max_delay: Duration::minutes(15),
        hourly_cap: 300,
    };

    /// Certificate look-ups per client address: generous for an employer
    /// checking a stack of certificates, far too slow to enumerate codes.
    pub const VERIFY: Policy = Policy {
        free_failures: 30,
        window: Duration::minutes(1),
        base_delay: Duration::seconds(30),
        max_delay: Duration::minutes(15),
        hourly_cap: 600,
    };

    /// How long to wait before the next attempt, or `None` if it may go
    /// ahead now. `failures` are the failed attempts of the last hour that
    /// came after the last success, in any order.
    pub fn wait(&self, failures: &[DateTime<Utc>], now: DateTime<Utc>) -> Option<Duration> {
        let hour_ago = now - Duration::hours(1);
        let mut last_hour: Vec<DateTime<Utc>> = failures
            .iter()
            .copied()
            .filter(|at| *at > hour_ago)
            .collect();
        last_hour.sort();
        if last_hour.len() >= self.hourly_cap {
            // Wait until enough of them are more than an hour old.
            let frees_at = last_hour[last_hour.len() - self.hourly_cap] + Duration::hours(1);
            return positive(frees_at - now);
        }
        let recent = last_hour
            .iter()
            .filter(|at| **at > now - self.window)
            .count();
        if recent < self.free_failures {
            return None;
        }
        let doublings = u32::try_from(recent - self.free_failures)
            .unwrap_or(u32::MAX)
            .min(16);
        let delay = (self.base_delay * 2i32.pow(doublings)).min(self.max_delay);
        let last = *last_hour.last()?;
        positive(last + delay - now)
    }
}

fn positive(wait: Duration) -> Option<Duration> {
    (wait > Duration::zero()).then_some(wait)
}

/// Whole seconds for a `Retry-After` header, rounded up, at least 1.
pub fn retry_after_secs(wait: Duration) -> u64 {
    let millis = wait.num_milliseconds().max(1);
    u64::try_from(millis.div_euclid(1000) + i64::from(millis % 1000 != 0))
        .unwrap_or(1)
        .max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(minutes: i64) -> DateTime<Utc> {
        DateTime::<Utc>::from_timestamp(1_772_000_000, 0).expect("valid")
            + Duration::minutes(minutes)
    }

    #[test]
    fn five_failures_are_free_and_the_sixth_attempt_waits() {
        let policy = Policy::PAIR;
        let four: Vec<_> = (0..4).map(at).collect();
        assert_eq!(policy.wait(&four, at(4)), None);
        let five: Vec<_> = (0..5).map(at).collect();
        assert_eq!(policy.wait(&five, at(4)), Some(Duration::minutes(1)));
    }

    #[test]
    fn the_delay_doubles_and_stops_at_the_ceiling() {
        let policy = Policy::PAIR;
        let six: Vec<_> = (0..6).map(|_| at(0)).collect();
        assert_eq!(policy.wait(&six, at(0)), Some(Duration::minutes(2)));
        let nine: Vec<_> = (0..9).map(|_| at(0)).collect();
        assert_eq!(policy.wait(&nine, at(0)), Some(Duration::minutes(15)));
        // Once the delay has passed, one more attempt may go ahead.
        assert_eq!(policy.wait(&six, at(2)), None);
    }

    #[test]
    fn old_failures_stop_counting() {
        let old: Vec<_> = (0..5).map(at).collect();
        assert_eq!(Policy::PAIR.wait(&old, at(25)), None);
    }

    #[test]
    fn failures_across_addresses_keep_the_owner_waiting_two_minutes_at_most() {
        let policy = Policy::ACCOUNT;
        let nineteen: Vec<_> = (0..19).map(|_| at(0)).collect();
        assert_eq!(policy.wait(&nineteen, at(0)), None);
        let many: Vec<_> = (0..40).map(|_| at(0)).collect();
        assert_eq!(policy.wait(&many, at(0)), Some(Duration::minutes(2)));
    }

    #[test]
    fn never_more_than_the_hourly_cap() {
        let policy = Policy {
            free_failures: 1000,
            ..Policy::PAIR
        };
        let many: Vec<_> = (0..100).map(|i| at(i / 2)).collect();
        assert_eq!(policy.wait(&many, at(50)), Some(Duration::minutes(10)));
    }

    #[test]
    fn retry_after_rounds_up_to_whole_seconds() {
        assert_eq!(retry_after_secs(Duration::milliseconds(1500)), 2);
        assert_eq!(retry_after_secs(Duration::seconds(60)), 60);
        assert_eq!(retry_after_secs(Duration::zero()), 1);
    }
}
