//! Exam day, driven over HTTP against a running server (by hand, never in
//! CI). The trainees are those `ecitizen seed --scale N --open M` printed:
//! each `demo sitting: cohort <id> pin <PIN>` line is followed by the
//! `demo login: trainee <login> <password>` lines of that class.
//!
//! ```text
//! ecitizen --data-dir D seed --scale 20000 --open 2000 > D/facts.txt
//! ecitizen --data-dir D serve --bind 127.0.0.1:8080 &
//! cargo bench --bench exam_day -- D/facts.txt http://127.0.0.1:8080 \
//!     [--think SECONDS] [--minutes M] [--concurrency C] [--pid SERVER_PID]
//! ```
//!
//! Steps, each reported as requests, errors, requests/s, p50/p95/p99 and the
//! ratio of its rate to `/healthz` measured first in the same run: sign-in
//! (C at a time), starting the attempts with the class's PIN (C at a time),
//! then every trainee at once for M minutes (default 1): a question page and
//! an autosave every `--think` seconds (default 5, jittered ±50 %; 0 makes
//! it a throughput test), and finally every attempt submitted. With `--pid`
//! the server's resident memory is read after each step.
//!
//! A small purpose-built client (tokio and reqwest, already the tests'
//! dependencies) rather than a load-testing framework: the journey needs
//! per-trainee state (cookies, CSRF token, attempt id, save sequence) that
//! wrk's scripts cannot carry across requests, and a framework such as
//! goose would add a large dependency tree for what is a few loops.
#![expect(
    clippy::print_stdout,
    reason = "a benchmark reports on standard output"
)]

use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::sync::{Mutex, Semaphore};

/// One trainee's session as the benchmark carries it.
#[derive(Clone)]
struct Trainee {
    login: String,
    password: String,
    pin: String,
    client: reqwest::Client,
    token: String,
    attempt: String,
}

/// Latencies and errors of one step.
#[derive(Default)]
struct Step {
    latencies: Vec<Duration>,
    errors: usize,
}

impl Step {
    fn record(&mut self, took: Duration, ok: bool) {
        self.latencies.push(took);
        if !ok {
            self.errors += 1;
        }
    }

    fn report(&mut self, name: &str, elapsed: Duration, ceiling: f64, pid: Option<u32>) -> f64 {
        self.latencies.sort();
        let at = |q: f64| {
            let index = ((self.latencies.len() as f64 - 1.0) * q).round() as usize;
            self.latencies
                .get(index)
                .map_or(0.0, |d| d.as_secs_f64() * 1000.0)
        };
        let rate = self.latencies.len() as f64 / elapsed.as_secs_f64().max(1e-9);
        let memory = pid
            .and_then(resident_mb)
            .map_or_else(String::new, |mb| format!("{mb} MB"));
        println!(
            "{name:<22} {:>8} {:>7} {rate:>10.1} {:>8.1} {:>8.1} {:>8.1} {:>7.2} {memory:>8}",
            self.latencies.len(),
            self.errors,
            at(0.50),
            at(0.95),
            at(0.99),
            if ceiling > 0.0 { rate / ceiling } else { 1.0 },
        );
        rate
    }
}

/// The server's resident memory in MB, from `/proc`.
fn resident_mb(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|line| line.starts_with("VmRSS:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024)
}

struct Options {
    facts: String,
    base: String,
    think: f64,
    minutes: f64,
    concurrency: usize,
    pid: Option<u32>,
}

fn options() -> Options {
    let mut args = std::env::args().skip(1).filter(|arg| arg != "--bench");
    let mut positional = Vec::new();
    let mut options = Options {
        facts: String::new(),
        base: String::new(),
        think: 5.0,
        minutes: 1.0,
        concurrency: 32,
        pid: None,
    };
    while let Some(arg) = args.next() {
        let mut value = || args.next().expect("a value after the option");
        match arg.as_str() {
            "--think" => options.think = value().parse().expect("seconds"),
            "--minutes" => options.minutes = value().parse().expect("minutes"),
            "--concurrency" => options.concurrency = value().parse().expect("a number"),
            "--pid" => options.pid = Some(value().parse().expect("a process id")),
            _ => positional.push(arg),
        }
    }
    let mut positional = positional.into_iter();
    options.facts = positional.next().expect("the facts file seed printed");
    options.base = positional
        .next()
        .expect("the server's address")
        .trim_end_matches('/')
        .to_owned();
    options
}

/// The trainees of the open sittings, with their class's PIN.
fn trainees(facts: &str) -> Vec<Trainee> {
    let mut pin = String::new();
    let mut found = Vec::new();
    for line in facts.lines() {
        if let Some(rest) = line.strip_prefix("demo sitting: cohort ") {
            pin = rest.rsplit(' ').next().unwrap_or_default().to_owned();
        } else if let Some(rest) = line.strip_prefix("demo login: trainee ") {
            let mut words = rest.split(' ');
            if let (Some(login), Some(password), false) =
                (words.next(), words.next(), pin.is_empty())
            {
                found.push(Trainee {
                    login: login.to_owned(),
                    password: password.to_owned(),
                    pin: pin.clone(),
                    client: reqwest::Client::builder()
                        .cookie_store(true)
                        .redirect(reqwest::redirect::Policy::none())
                        .build()
                        .expect("a client"),
                    token: String::new(),
                    attempt: String::new(),
                });
            }
        }
    }
    found
}

/// The CSRF token in a page's form.
fn csrf(page: &str) -> String {
    page.split("name=\"csrf_token\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or_default()
        .to_owned()
}

/// `/healthz` from 64 loops for five seconds: the ceiling.
async fn ceiling(base: &str, pid: Option<u32>) -> f64 {
    let client = reqwest::Client::new();
    let step = Arc::new(Mutex::new(Step::default()));
    let until = Instant::now() + Duration::from_secs(5);
    let started = Instant::now();
    let loops: Vec<_> = (0..64)
        .map(|_| {
            let (client, step, url) = (client.clone(), step.clone(), format!("{base}/healthz"));
            tokio::spawn(async move {
                while Instant::now() < until {
                    let at = Instant::now();
                    let ok = client
                        .get(&url)
                        .send()
                        .await
                        .is_ok_and(|reply| reply.status().is_success());
                    step.lock().await.record(at.elapsed(), ok);
                }
            })
        })
        .collect();
    for one in loops {
        one.await.expect("a loop");
    }
    let mut step = step.lock().await;
    step.report("/healthz", started.elapsed(), 0.0, pid)
}

/// Runs `each` for every trainee, `concurrency` at a time, recording each
/// call's latency and success.
async fn in_parallel<F, Fut>(
    trainees: Vec<Trainee>,
    concurrency: usize,
    each: F,
) -> (Vec<Trainee>, Step, Duration)
where
    F: Fn(Trainee) -> Fut + Send + Sync + 'static + Clone,
    Fut: std::future::Future<Output = (Trainee, bool)> + Send,
{
    let gate = Arc::new(Semaphore::new(concurrency));
    let step = Arc::new(Mutex::new(Step::default()));
    let started = Instant::now();
    let tasks: Vec<_> = trainees
        .into_iter()
        .map(|trainee| {
            let (gate, step, each) = (gate.clone(), step.clone(), each.clone());
            tokio::spawn(async move {
                let _permit = gate.acquire().await.expect("the gate");
                let at = Instant::now();
                let (trainee, ok) = each(trainee).await;
                step.lock().await.record(at.elapsed(), ok);
                trainee
            })
        })
        .collect();
    let mut done = Vec::new();
    for task in tasks {
        done.push(task.await.expect("a trainee"));
    }
    let elapsed = started.elapsed();
    let step = std::mem::take(&mut *step.lock().await);
    (done, step, elapsed)
}

async fn sign_in(base: String, mut trainee: Trainee) -> (Trainee, bool) {
    let Ok(page) = trainee.client.get(format!("{base}/login")).send().await else {
        return (trainee, false);
    };
    let token = csrf(&page.text().await.unwrap_or_default());
    let reply = trainee
        .client
        .post(format!("{base}/login"))
        .form(&[
            ("login", trainee.login.as_str()),
            ("password", trainee.password.as_str()),
            ("csrf_token", token.as_str()),
        ])
        .send()
        .await;
    let ok = reply.is_ok_and(|reply| reply.status().as_u16() == 303);
    if let Ok(page) = trainee.client.get(format!("{base}/me/exam")).send().await {
        trainee.token = csrf(&page.text().await.unwrap_or_default());
    }
    (trainee, ok)
}

async fn start(base: String, mut trainee: Trainee) -> (Trainee, bool) {
    let reply = trainee
        .client
        .post(format!("{base}/me/exam"))
        .form(&[
            ("pin", trainee.pin.as_str()),
            ("csrf_token", trainee.token.as_str()),
        ])
        .send()
        .await;
    let location = reply
        .ok()
        .and_then(|reply| reply.headers().get("location").cloned())
        .and_then(|value| value.to_str().ok().map(str::to_owned))
        .unwrap_or_default();
    trainee.attempt = location
        .strip_prefix("/attempts/")
        .unwrap_or_default()
        .to_owned();
    let ok = !trainee.attempt.is_empty();
    (trainee, ok)
}

/// Every trainee at once: a question page and a save per think time.
async fn exam(base: &str, trainees: &[Trainee], options: &Options, ceiling: f64) {
    let pages = Arc::new(Mutex::new(Step::default()));
    let saves = Arc::new(Mutex::new(Step::default()));
    let started = Instant::now();
    let until = started + Duration::from_secs_f64(options.minutes * 60.0);
    let tasks: Vec<_> = trainees
        .iter()
        .filter(|trainee| !trainee.attempt.is_empty())
        .cloned()
        .enumerate()
        .map(|(index, trainee)| {
            let (pages, saves, base, think) =
                (pages.clone(), saves.clone(), base.to_owned(), options.think);
            tokio::spawn(async move {
                let mut seq = 0u64;
                while Instant::now() < until {
                    seq += 1;
                    if think > 0.0 {
                        let jitter =
                            0.5 + ((index as u64 * 7919 + seq * 104_729) % 1000) as f64 / 1000.0;
                        tokio::time::sleep(Duration::from_secs_f64(think * jitter)).await;
                    }
                    let question = (seq % 36 + 1).to_string();
                    let url = format!("{base}/attempts/{}", trainee.attempt);
                    let at = Instant::now();
                    let ok = trainee
                        .client
                        .get(format!("{url}?q={question}"))
                        .send()
                        .await
                        .is_ok_and(|reply| reply.status().is_success());
                    pages.lock().await.record(at.elapsed(), ok);
                    let at = Instant::now();
                    let ok = trainee
                        .client
                        .post(format!("{url}/answers"))
                        .header("accept", "application/json")
                        .header("x-csrf-token", &trainee.token)
                        .form(&[
                            ("q", question.as_str()),
                            ("option", "1"),
                            ("flag", "0"),
                            ("seq", &seq.to_string()),
                        ])
                        .send()
                        .await
                        .is_ok_and(|reply| reply.status().is_success());
                    saves.lock().await.record(at.elapsed(), ok);
                }
            })
        })
        .collect();
    for task in tasks {
        task.await.expect("a trainee");
    }
    let elapsed = started.elapsed();
    pages
        .lock()
        .await
        .report("question pages", elapsed, ceiling, options.pid);
    saves
        .lock()
        .await
        .report("autosaves", elapsed, ceiling, options.pid);
}

async fn submit(base: String, trainee: Trainee) -> (Trainee, bool) {
    let reply = trainee
        .client
        .post(format!("{base}/attempts/{}/submit", trainee.attempt))
        .form(&[("csrf_token", trainee.token.as_str())])
        .send()
        .await;
    let ok =
        reply.is_ok_and(|reply| reply.status().is_success() || reply.status().is_redirection());
    (trainee, ok)
}

#[tokio::main]
async fn main() {
    let options = options();
    let facts = std::fs::read_to_string(&options.facts).expect("the facts file");
    let trainees = trainees(&facts);
    println!(
        "{} trainees, think {} s, {} min, {} at a time",
        trainees.len(),
        options.think,
        options.minutes,
        options.concurrency
    );
    println!(
        "{:<22} {:>8} {:>7} {:>10} {:>8} {:>8} {:>8} {:>7} {:>8}",
        "step", "requests", "errors", "req/s", "p50 ms", "p95 ms", "p99 ms", "ratio", "memory"
    );
    let base = options.base.clone();
    let ceiling = ceiling(&base, options.pid).await;
    let (trainees, mut step, took) = in_parallel(trainees, options.concurrency, {
        let base = base.clone();
        move |trainee| sign_in(base.clone(), trainee)
    })
    .await;
    step.report("sign-in", took, ceiling, options.pid);
    let (trainees, mut step, took) = in_parallel(trainees, options.concurrency, {
        let base = base.clone();
        move |trainee| start(base.clone(), trainee)
    })
    .await;
    step.report("attempt start", took, ceiling, options.pid);
    println!("(all starts took {:.1} s)", took.as_secs_f64());
    exam(&base, &trainees, &options, ceiling).await;
    let (_, mut step, took) = in_parallel(trainees, 64, {
        let base = base.clone();
        move |trainee| submit(base.clone(), trainee)
    })
    .await;
    step.report("submit", took, ceiling, options.pid);
}
