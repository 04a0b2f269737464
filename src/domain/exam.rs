//! The exam's rules: the server's deadline, the grace period for saves,
//! drawing questions by the blueprint, and scoring. Pure functions of their
//! inputs and `now`.

use std::collections::BTreeSet;

use chrono::{Duration, NaiveDateTime};
use rand::Rng;
use rand::seq::SliceRandom;

choices!(
    /// Where an attempt stands: under way, or how it ended (by the trainee,
    /// by the clock, or by the invigilator for an irregularity).
    AttemptStatus {
        Open => "open",
        Submitted => "submitted",
        Expired => "expired",
        Terminated => "terminated",
    }
);

/// Saves arriving this long after the deadline are still stored (a slow
/// network must not cost an answer); later ones are refused.
pub const GRACE: Duration = Duration::seconds(30);

/// start + duration × (1 + extra %) + extensions, to the second.
pub fn deadline(
    started: NaiveDateTime,
    duration_minutes: i32,
    extra_percent: i32,
    extension_minutes: i32,
) -> NaiveDateTime {
    let base = i64::from(duration_minutes) * 60;
    let extra = base * i64::from(extra_percent.max(0)) / 100;
    started
        + Duration::seconds(base + extra)
        + Duration::minutes(i64::from(extension_minutes.max(0)))
}

/// Whether a save at `now` is still accepted.
pub fn accepts_saves(deadline: NaiveDateTime, now: NaiveDateTime) -> bool {
    now <= deadline + GRACE
}

/// A pause between the sweeper's passes at least this long (and at least
/// three of its intervals) is an outage: the database or every server was
/// unreachable, so nobody could save.
pub const OUTAGE_AFTER: Duration = Duration::seconds(30);

/// The whole minutes (rounded up) that an outage from `last_seen`, the
/// sweeper's last pass, to `now` gives back to every attempt still taking
/// saves at `last_seen`; `None` when the pause was no outage.
pub fn outage_minutes(
    last_seen: NaiveDateTime,
    now: NaiveDateTime,
    interval: Duration,
) -> Option<i32> {
    let gap = now - last_seen;
    if gap < OUTAGE_AFTER.max(interval * 3) {
        return None;
    }
    let minutes = (gap.num_seconds() + 59) / 60;
    Some(i32::try_from(minutes).unwrap_or(i32::MAX))
}

/// Whole seconds until saves stop being accepted and the attempt is
/// submitted with what it holds: just past deadline plus grace (at least 1).
pub fn seconds_until_closed(deadline: NaiveDateTime, now: NaiveDateTime) -> i64 {
    (deadline + GRACE - now).num_seconds().max(0) + 1
}

/// Seconds left before the deadline (never negative).
pub fn remaining_seconds(deadline: NaiveDateTime, now: NaiveDateTime) -> i64 {
    (deadline - now).num_seconds().max(0)
}

/// Why the draw failed: a block has fewer active questions than the blueprint asks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("block {block} has too few active questions")]
pub struct NotEnoughQuestions {
    pub block: i32,
}

/// Draws `per_block[b]` questions at random from each block's active ids,
/// block 1 first, in random order within a block.
pub fn draw(
    available: &[Vec<i32>; 3],
    per_block: [usize; 3],
    rng: &mut impl Rng,
) -> Result<Vec<i32>, NotEnoughQuestions> {
    let mut drawn = Vec::new();
    for (index, (ids, wanted)) in available.iter().zip(per_block).enumerate() {
        if ids.len() < wanted {
            return Err(NotEnoughQuestions {
                block: i32::try_from(index).unwrap_or(0) + 1,
            });
        }
        let mut pool = ids.clone();
        pool.shuffle(rng);
        drawn.extend(pool.into_iter().take(wanted));
    }
    Ok(drawn)
}

/// A random order of option ids.
pub fn shuffled(options: &[i32], rng: &mut impl Rng) -> Vec<i32> {
    let mut order = options.to_vec();
    order.shuffle(rng);
    order
}

/// A 6-character PIN from letters and digits that are not easily confused.
pub fn pin(rng: &mut impl Rng) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    (0..6)
        .map(|_| char::from(ALPHABET[rng.random_range(0..ALPHABET.len())]))
        .collect()
}

/// Normalises a typed PIN (case, spaces) for comparison.
pub fn normalise_pin(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect::<String>()
        .to_uppercase()
}

/// One drawn question as scoring sees it.
#[derive(Clone, Debug)]
pub struct Scored {
    pub block: i32,
    pub correct: BTreeSet<i32>,
    pub selected: BTreeSet<i32>,
}

/// The result of an attempt.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Score {
    pub correct: u32,
    pub total: u32,
    /// Whole percent, rounded down.
    pub percent: i32,
    /// Per block, `None` when the blueprint drew nothing from it.
    pub blocks: [Option<i32>; 3],
}

fn percent(correct: u32, total: u32) -> i32 {
    (correct * 100)
        .checked_div(total)
        .and_then(|p| i32::try_from(p).ok())
        .unwrap_or(0)
}

/// A question scores only when the selection is exactly its correct set
/// (so a multiple-answer question needs every right option and no wrong one).
pub fn score(questions: &[Scored]) -> Score {
    let right = |q: &Scored| !q.selected.is_empty() && q.selected == q.correct;
    let correct = u32::try_from(questions.iter().filter(|q| right(q)).count()).unwrap_or(0);
    let total = u32::try_from(questions.len()).unwrap_or(0);
    let mut blocks = [None; 3];
    for (index, slot) in blocks.iter_mut().enumerate() {
        let block = i32::try_from(index).unwrap_or(0) + 1;
        let in_block: Vec<&Scored> = questions.iter().filter(|q| q.block == block).collect();
        if !in_block.is_empty() {
            let got = u32::try_from(in_block.iter().filter(|q| right(q)).count()).unwrap_or(0);
            *slot = Some(percent(got, u32::try_from(in_block.len()).unwrap_or(0)));
        }
    }
    Score {
        correct,
        total,
        percent: percent(correct, total),
        blocks,
    }
}

/// Why a trainee may not start.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StartRefusal {
    NoSitting,
    WrongPin,
    NotEligible,
    AttemptsUsedUp,
    AlreadyPassed,
    ResitTooEarly,
    NotEnoughQuestions,
    /// Too many wrong PINs: the next may be typed after `seconds`.
    PinWait {
        seconds: u64,
    },
}

impl StartRefusal {
    pub fn key(self) -> &'static str {
        match self {
            Self::NoSitting => "exam-refused-no-sitting",
            Self::WrongPin => "exam-refused-pin",
            Self::NotEligible => "exam-refused-not-eligible",
            Self::AttemptsUsedUp => "exam-refused-attempts",
            Self::AlreadyPassed => "exam-refused-passed",
            Self::ResitTooEarly => "exam-refused-resit",
            Self::NotEnoughQuestions => "exam-refused-bank",
            Self::PinWait { .. } => "exam-refused-pin-wait",
        }
    }

    pub const ALL: [StartRefusal; 8] = [
        Self::NoSitting,
        Self::WrongPin,
        Self::NotEligible,
        Self::AttemptsUsedUp,
        Self::AlreadyPassed,
        Self::ResitTooEarly,
        Self::NotEnoughQuestions,
        Self::PinWait { seconds: 60 },
    ];
}

/// How many minutes a trainer may add to one attempt at a time.
pub const EXTENSION_MINUTES: std::ops::RangeInclusive<i32> = 1..=120;

/// The minutes of an extension, if given and within [`EXTENSION_MINUTES`].
pub fn extension(minutes: Option<i32>) -> Option<i32> {
    minutes.filter(|minutes| EXTENSION_MINUTES.contains(minutes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    fn at(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S").expect("valid")
    }

    #[test]
    fn the_deadline_adds_extra_time_and_extensions() {
        let start = at("2026-03-20 06:00:00");
        assert_eq!(deadline(start, 45, 0, 0), at("2026-03-20 06:45:00"));
        assert_eq!(deadline(start, 45, 25, 0), at("2026-03-20 06:56:15"));
        assert_eq!(deadline(start, 45, 0, 10), at("2026-03-20 06:55:00"));
    }

    #[test]
    fn saves_are_accepted_for_thirty_seconds_after_the_deadline() {
        let end = at("2026-03-20 06:45:00");
        assert!(accepts_saves(end, end + Duration::seconds(29)));
        assert!(accepts_saves(end, end + Duration::seconds(30)));
        assert!(!accepts_saves(end, end + Duration::seconds(31)));
        assert_eq!(remaining_seconds(end, end + Duration::seconds(5)), 0);
        // The page reloads into the result just after saves stop.
        assert_eq!(seconds_until_closed(end, end - Duration::seconds(60)), 91);
        assert_eq!(seconds_until_closed(end, end + Duration::seconds(30)), 1);
        let closed = end + Duration::seconds(seconds_until_closed(end, end));
        assert!(!accepts_saves(end, closed));
    }

    #[test]
    fn an_outage_gives_back_its_length_in_whole_minutes() {
        let seen = at("2026-03-20 06:00:00");
        let every = Duration::seconds(5);
        // A few missed passes are no outage.
        assert_eq!(
            outage_minutes(seen, seen + Duration::seconds(29), every),
            None
        );
        assert_eq!(
            outage_minutes(seen, seen + Duration::seconds(30), every),
            Some(1)
        );
        assert_eq!(
            outage_minutes(seen, seen + Duration::seconds(61), every),
            Some(2)
        );
        // A slow sweeper needs a longer pause before it counts.
        let slow = Duration::seconds(60);
        assert_eq!(
            outage_minutes(seen, seen + Duration::seconds(179), slow),
            None
        );
        assert_eq!(
            outage_minutes(seen, seen + Duration::minutes(10), slow),
            Some(10)
        );
    }

    #[test]
    fn the_draw_follows_the_blueprint() {
        let mut rng = rand::rngs::StdRng::seed_from_u64(7);
        let available = [(1..=20).collect(), (21..=40).collect(), (41..=60).collect()];
        let drawn = draw(&available, [12, 12, 12], &mut rng).expect("enough");
        assert_eq!(drawn.len(), 36);
        assert!(drawn[..12].iter().all(|id| (1..=20).contains(id)));
        assert_eq!(
            drawn.iter().collect::<BTreeSet<_>>().len(),
            36,
            "no question twice"
        );
        let short = [(1..=5).collect(), vec![], vec![]];
        assert_eq!(
            draw(&short, [12, 0, 0], &mut rng),
            Err(NotEnoughQuestions { block: 1 })
        );
    }

    #[test]
    fn multiple_answer_questions_score_only_when_exactly_right() {
        let q = |block, correct: &[i32], selected: &[i32]| Scored {
            block,
            correct: correct.iter().copied().collect(),
            selected: selected.iter().copied().collect(),
        };
        let result = score(&[
            q(1, &[1], &[1]),
            q(1, &[2, 3], &[2]),
            q(2, &[4, 5], &[4, 5]),
            q(2, &[6], &[]),
            q(3, &[7], &[8]),
        ]);
        assert_eq!((result.correct, result.total, result.percent), (2, 5, 40));
        assert_eq!(result.blocks, [Some(50), Some(50), Some(0)]);
    }

    #[test]
    fn pins_are_six_unambiguous_characters() {
        let mut rng = rand::rngs::StdRng::seed_from_u64(1);
        let pin = pin(&mut rng);
        assert_eq!(pin.len(), 6);
        assert!(!pin.contains(['0', 'O', '1', 'I', 'L']));
        assert_eq!(normalise_pin(" ab3-k9x "), "AB3K9X");
    }

    #[test]
    fn an_extension_is_one_to_a_hundred_and_twenty_minutes() {
        assert_eq!(extension(Some(1)), Some(1));
        assert_eq!(extension(Some(120)), Some(120));
        assert_eq!(extension(Some(0)), None);
        assert_eq!(extension(Some(-5)), None);
        assert_eq!(extension(Some(121)), None);
        assert_eq!(extension(None), None);
    }
}
