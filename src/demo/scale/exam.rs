//! A generated attempt: the questions drawn by the blueprint with shuffled
//! options, the trainee's answers (right with a probability that is the
//! trainee's skill), the score the real scoring gives them, and for a pass a
//! certificate (issued after two days, a few revoked later, the newest still
//! waiting for the registrar).

use std::collections::BTreeSet;

use chrono::{Datelike, Duration};
use rand::Rng;

use super::class::{Generator, Sat};
use super::plan::next;
use super::rows::{AnswerRow, AttemptRow, CertificateRow, DrawnRow, Rows};
use crate::domain::certificate::{CertificateStatus, VerificationCode};
use crate::domain::exam::{AttemptStatus, Scored};

impl<R: Rng> Generator<'_, R> {
    /// Adds one finished attempt of `sat`, and its certificate on a pass.
    pub(super) fn attempt(&mut self, sat: &Sat<'_>, rows: &mut Rows) {
        let reference = self.reference;
        let id = next(&mut self.ids.attempt);
        let started = sat.opened + Duration::seconds(self.rng.random_range(0..900));
        let deadline = crate::domain::exam::deadline(started, reference.duration_minutes, 0, 0);
        let skill = self.rng.random_range(0.55..0.99);
        let mut scored = Vec::new();
        let mut position = 0;
        for (pool, wanted) in reference.questions.iter().zip(reference.per_block) {
            let drawn = rand::seq::index::sample(&mut self.rng, pool.len(), wanted.min(pool.len()));
            for index in drawn {
                let question = &pool[index];
                position += 1;
                let order = crate::domain::exam::shuffled(&question.options, &mut self.rng);
                rows.drawn.push(DrawnRow {
                    id: next(&mut self.ids.drawn),
                    attempt_id: id,
                    position,
                    question_id: question.id,
                    option_order: join(&order),
                });
                let selected: BTreeSet<i32> = if self.rng.random_bool(skill) {
                    question.correct.clone()
                } else {
                    let wrong: Vec<i32> = question
                        .options
                        .iter()
                        .copied()
                        .filter(|option| !question.correct.contains(option))
                        .collect();
                    let pick = wrong.get(self.rng.random_range(0..wrong.len().max(1)));
                    pick.copied().into_iter().collect()
                };
                rows.answers.push(AnswerRow {
                    id: next(&mut self.ids.answer),
                    attempt_id: id,
                    question_id: question.id,
                    selected: join(&selected.iter().copied().collect::<Vec<_>>()),
                    flagged: self.rng.random_bool(0.03),
                    seq: i64::from(position),
                    saved_at: started + Duration::seconds(i64::from(position) * 55),
                });
                scored.push(Scored {
                    block: question.block,
                    correct: question.correct.clone(),
                    selected,
                });
            }
        }
        let score = crate::domain::exam::score(&scored);
        let passed = score.percent >= reference.pass_percent;
        let expired = self.rng.random_bool(0.03);
        let finished = if expired {
            deadline
        } else {
            started + Duration::seconds(i64::from(position) * 55 + 120)
        };
        rows.attempts.push(AttemptRow {
            id,
            sitting_id: sat.sitting,
            enrollment_id: sat.enrollment,
            trainee_id: sat.place.trainee,
            settings_id: reference.settings_id,
            started_at: started,
            deadline_at: deadline,
            extra_percent: sat.user.accommodation_percent,
            extension_minutes: 0,
            status: if expired {
                AttemptStatus::Expired
            } else {
                AttemptStatus::Submitted
            },
            finished_at: Some(finished),
            end_reason: None,
            score_percent: Some(score.percent),
            passed: Some(passed),
            block1_percent: score.blocks[0],
            block2_percent: score.blocks[1],
            block3_percent: score.blocks[2],
        });
        if passed {
            self.certificate(sat, id, score.percent, finished, rows);
        }
    }

    /// The certificate of a passed attempt.
    fn certificate(
        &mut self,
        sat: &Sat<'_>,
        attempt: i32,
        score: i32,
        finished: chrono::NaiveDateTime,
        rows: &mut Rows,
    ) {
        let reference = self.reference;
        let now = reference.now.naive_utc();
        let issued_at = finished + Duration::days(2);
        let issued = issued_at < now && self.rng.random_bool(0.98);
        let (number, code) = if issued {
            let year = crate::domain::time::utc_to_local(issued_at).year();
            let last = self.counters.entry(year).or_insert(0);
            *last += 1;
            let code = VerificationCode::from_bytes(self.rng.random());
            (
                Some(crate::domain::certificate::number(year, *last)),
                Some(code.as_str().to_owned()),
            )
        } else {
            (None, None)
        };
        let revoked_at = issued_at + Duration::days(30);
        let revoked = issued && revoked_at < now && self.rng.random_bool(0.01);
        rows.certificates.push(CertificateRow {
            id: next(&mut self.ids.certificate),
            attempt_id: attempt,
            trainee_id: sat.place.trainee,
            cohort_id: sat.place.cohort,
            status: match (issued, revoked) {
                (_, true) => CertificateStatus::Revoked,
                (true, false) => CertificateStatus::Issued,
                (false, false) => CertificateStatus::Pending,
            },
            holder_name_ar: sat.user.full_name_ar.clone(),
            holder_name_en: sat.user.full_name_en.clone(),
            emirates_id: sat.user.emirates_id.clone(),
            course_name_ar: reference.course_ar.clone(),
            course_name_en: reference.course_en.clone(),
            score_percent: score,
            exam_date: crate::domain::time::utc_to_local(finished).date(),
            region_ar: sat.town.region_ar.clone(),
            region_en: sat.town.region_en.clone(),
            venue_ar: sat.venue.name_ar.clone(),
            venue_en: sat.venue.name_en.clone(),
            number,
            code,
            issued_at: issued.then_some(issued_at),
            issued_by: issued.then_some(reference.registrar),
            revoked_at: revoked.then_some(revoked_at),
            revoked_by: revoked.then_some(reference.registrar),
            revoke_reason: revoked.then(|| "Issued in error (generated data)".to_owned()),
            created_at: finished,
            replaces_id: None,
            superseded_at: None,
        });
    }
}

/// Ids as stored: comma-separated.
fn join(ids: &[i32]) -> String {
    ids.iter().map(i32::to_string).collect::<Vec<_>>().join(",")
}
