//! Nothing the exam page sends says which option is right: candidates who
//! read nothing and answer every question by a fixed rule on the option
//! values or their order score no better than chance over the shipped bank.

use std::collections::{BTreeSet, HashMap};

use ecitizen::db::DbError;
use ecitizen::db::models::exam::{Answer, AttemptQuestion, ExamSettings, NewExamSettings};
use ecitizen::db::models::question::{Question, QuestionOption};

use crate::exam::{open_sitting, ready, save_json_with, spawn_app, start};
use crate::helpers::TestApp;
use crate::people::{Browser, hidden_value};

/// Attempts played by each strategy. Under chance each question is right
/// with its own probability p (1/4 for the bank's four-option questions,
/// 1/2 for true/false, 1/10 or 1/6 for a multiple-answer pick), so the mean
/// score over N attempts of n questions has variance Σ p(1 − p) / (n·N)²;
/// the margin allowed is 4 standard deviations of that, computed from the
/// questions actually drawn. With p(1 − p) about 0.19 on average, 14
/// attempts of 36 questions give sqrt(0.19 / 504) ≈ 0.019, a margin of
/// about 8 points: far below what a leak gives (choosing the lowest value
/// scored 84–87 % against 27–28 % by chance while values were option ids).
/// The bank's true/false questions are 18 of 33 false, so "last shown" (which
/// picks False there) expects about 1 point, half a deviation, above chance.
const ATTEMPTS_PER_STRATEGY: usize = 14;

/// Answering rules that look at nothing but the form's values and order.
#[derive(Clone, Copy, Debug)]
enum Strategy {
    LowestValue,
    HighestValue,
    FirstShown,
    LastShown,
    FirstAsText,
}

impl Strategy {
    const ALL: [Strategy; 5] = [
        Strategy::LowestValue,
        Strategy::HighestValue,
        Strategy::FirstShown,
        Strategy::LastShown,
        Strategy::FirstAsText,
    ];

    /// The `count` values this rule picks among `shown` (in page order).
    fn pick(self, shown: &[String], count: usize) -> Vec<String> {
        let number = |value: &String| value.parse::<i64>().expect("a numeric value");
        let mut order = shown.to_vec();
        match self {
            Self::LowestValue => order.sort_by_key(number),
            Self::HighestValue => order.sort_by_key(|value| std::cmp::Reverse(number(value))),
            Self::FirstShown => {}
            Self::LastShown => order.reverse(),
            Self::FirstAsText => order.sort(),
        }
        order.truncate(count);
        order
    }
}

/// How many options a rule picks: one, or for a multiple-answer question
/// half the options shown, rounded up. That number is on the screen for
/// everyone (the shipped bank's questions of four options mostly have two
/// right, those of five have three), so it reads no question.
fn picks(multiple: bool, shown: usize) -> usize {
    if multiple { shown.div_ceil(2) } else { 1 }
}

/// The exam settings for the run: the shipped bank's 12/12/12 blueprint, no
/// re-sit delay, attempts enough, and a pass mark nobody reaches by rule
/// (a pass would end the trainee's attempts).
async fn blueprint_for_many_attempts(app: &TestApp) {
    let now = app.clock.now().naive_utc();
    app.db
        .write(move |conn| {
            ExamSettings::insert(
                conn,
                &NewExamSettings {
                    duration_minutes: 45,
                    pass_percent: 100,
                    block1_questions: 12,
                    block2_questions: 12,
                    block3_questions: 12,
                    resit_hours: 0,
                    max_attempts: 1000,
                    created_by: None,
                    created_at: now,
                },
            )?;
            Ok::<_, DbError>(())
        })
        .await
        .expect("settings");
}

/// The ids of the active questions.
async fn active_questions(app: &TestApp) -> BTreeSet<i32> {
    app.db
        .read(|conn| {
            let mut ids = BTreeSet::new();
            for block in 1..=3 {
                ids.extend(Question::active_ids(conn, block)?);
            }
            Ok::<_, DbError>(ids)
        })
        .await
        .expect("question ids")
}

/// Retires every active question that is not in `keep`.
async fn retire_all_but(app: &TestApp, keep: BTreeSet<i32>) {
    let extra: Vec<i32> = active_questions(app)
        .await
        .difference(&keep)
        .copied()
        .collect();
    app.db
        .write(move |conn| {
            for id in extra {
                Question::set_active(conn, id, false)?;
            }
            Ok::<_, DbError>(())
        })
        .await
        .expect("retired");
}

/// The values of the options on a question page, in the order shown.
fn shown_values(page: &str) -> Vec<String> {
    page.split(r#"name="option" value=""#)
        .skip(1)
        .filter_map(|rest| rest.split('"').next().map(str::to_owned))
        .collect()
}

/// Plays one attempt by `strategy` and submits it; returns the attempt.
async fn play(browser: &Browser, pin: &str, strategy: Strategy) -> i32 {
    let attempt = start(browser, pin).await;
    let mut position = 1;
    loop {
        let (status, page) = browser
            .get_page(&format!("/attempts/{attempt}?q={position}"))
            .await;
        assert_eq!(status, 200, "question {position}");
        let shown = shown_values(&page);
        let multiple = page.contains(r#"type="checkbox" name="option""#);
        let chosen: Vec<i32> = strategy
            .pick(&shown, picks(multiple, shown.len()))
            .iter()
            .map(|value| value.parse().expect("numeric"))
            .collect();
        let token = hidden_value(&page, "csrf_token").expect("the form's token");
        let saved = save_json_with(browser, &token, attempt, position, &chosen, 1).await;
        assert_eq!(saved.status().as_u16(), 200, "question {position} saved");
        let total = page
            .matches(&format!(r#"<li><a href="/attempts/{attempt}?q="#))
            .count();
        if position >= i32::try_from(total).expect("small") {
            break;
        }
        position += 1;
    }
    let submitted = browser
        .post_form(
            &format!("/attempts/{attempt}/submit"),
            &[("confirm", "yes")],
        )
        .await;
    assert_eq!(submitted.status().as_u16(), 303);
    attempt
}

/// What one attempt scored and what chance would give it.
struct Outcome {
    /// Fraction of questions right.
    score: f64,
    /// The expected fraction when every pick is a fair random draw of the
    /// same size.
    chance: f64,
    /// The variance of `score` under chance: Σ p(1−p) / n².
    variance: f64,
}

/// n choose k, small numbers.
fn choose(n: usize, k: usize) -> f64 {
    (0..k).fold(1.0, |acc, i| acc * (n - i) as f64 / (i + 1) as f64)
}

/// Scores an attempt from the database: its drawn questions, their right
/// options and the stored answers.
async fn outcome(app: &TestApp, attempt: i32) -> Outcome {
    app.db
        .read(move |conn| {
            let drawn = AttemptQuestion::of_attempt(conn, attempt)?;
            let ids: Vec<i32> = drawn.iter().map(|q| q.question_id).collect();
            let kinds: HashMap<i32, String> = Question::by_ids(conn, &ids)?
                .into_iter()
                .map(|q| (q.id, q.kind.as_str().to_owned()))
                .collect();
            let mut options: HashMap<i32, (usize, BTreeSet<i32>)> = HashMap::new();
            for option in QuestionOption::of_questions(conn, &ids)? {
                let entry = options.entry(option.question_id).or_default();
                entry.0 += 1;
                if option.correct {
                    entry.1.insert(option.id);
                }
            }
            let answers: HashMap<i32, BTreeSet<i32>> = Answer::of_attempt(conn, attempt)?
                .into_iter()
                .map(|a| (a.question_id, a.selected_ids().into_iter().collect()))
                .collect();
            let (mut right, mut chance, mut variance) = (0.0, 0.0, 0.0);
            for id in &ids {
                let (count, correct) = &options[id];
                let picked = picks(kinds[id] == "multiple", *count);
                let p = if picked == correct.len() {
                    1.0 / choose(*count, picked)
                } else {
                    0.0
                };
                chance += p;
                variance += p * (1.0 - p);
                if answers.get(id) == Some(correct) {
                    right += 1.0;
                }
            }
            let n = ids.len() as f64;
            Ok::<_, DbError>(Outcome {
                score: right / n,
                chance: chance / n,
                variance: variance / (n * n),
            })
        })
        .await
        .expect("outcome")
}

/// Plays `ATTEMPTS_PER_STRATEGY` attempts by `strategy`; returns their outcomes.
async fn attempts_by(
    app: &TestApp,
    browser: &Browser,
    pin: &str,
    strategy: Strategy,
) -> Vec<Outcome> {
    let mut outcomes = Vec::new();
    for _ in 0..ATTEMPTS_PER_STRATEGY {
        let attempt = play(browser, pin, strategy).await;
        outcomes.push(outcome(app, attempt).await);
    }
    outcomes
}

#[tokio::test]
async fn answering_by_value_or_order_without_reading_scores_only_chance() {
    let app = spawn_app().await;
    let shipped = active_questions(&app).await;
    assert_eq!(shipped.len(), 156, "the shipped bank is seeded");
    let ready = ready(&app, Strategy::ALL.len(), &[]).await;
    retire_all_but(&app, shipped).await;
    blueprint_for_many_attempts(&app).await;
    let (_, pin) = open_sitting(&app, &ready).await;

    // One candidate per strategy, all sitting at once.
    let played = futures_util::future::join_all(
        Strategy::ALL
            .into_iter()
            .zip(&ready.trainees)
            .map(|(strategy, (_, _, browser))| attempts_by(&app, browser, &pin, strategy)),
    )
    .await;
    let mut report = Vec::new();
    let mut leaking = Vec::new();
    for (strategy, outcomes) in Strategy::ALL.into_iter().zip(played) {
        let n = outcomes.len() as f64;
        let mean = outcomes.iter().map(|o| o.score).sum::<f64>() / n;
        let chance = outcomes.iter().map(|o| o.chance).sum::<f64>() / n;
        // The attempts are independent: Var(mean) = Σ Var(score) / N².
        let sd = (outcomes.iter().map(|o| o.variance).sum::<f64>() / (n * n)).sqrt();
        let margin = 4.0 * sd;
        report.push(format!(
            "{strategy:?}: mean {:.1} %, chance {:.1} %, margin {:.1} points",
            mean * 100.0,
            chance * 100.0,
            margin * 100.0
        ));
        if mean > chance + margin {
            leaking.push(strategy);
        }
    }
    assert!(
        leaking.is_empty(),
        "better than chance without reading: {leaking:?}\n{}",
        report.join("\n")
    );
}
