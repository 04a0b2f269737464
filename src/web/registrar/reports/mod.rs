//! `GET /registrar/reports`: the programme's figures for a range of class
//! start dates, in one region or town or all — the headline a sponsor asks
//! for, the funnel (enrolled → completed attendance → sat → passed →
//! certified) broken down every way the programme is judged, and each
//! syllabus block's results. Every table has its CSV beside it
//! (`/registrar/reports/{table}.csv` with the same query), UTF-8 with a
//! byte-order mark, headed in the page's language, values as on the page.
//! Registrars and admins only.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use chrono::{Datelike, Duration, NaiveDate, NaiveTime};
use serde::Deserialize;

use crate::auth::extractors::ReportReader;
use crate::db::DbConnection;
use crate::db::models::region::Region;
use crate::db::models::report::{self, BlockResult, Group, Scope};
use crate::domain::report::{Counts, Dimension, percent};
use crate::domain::time::{local_to_utc, parse_day, uae_today};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::web::account::register::Choice;
use crate::web::page::PageCtx;
use crate::web::registrar::charts::{self, Chart};
use crate::web::{AppState, urls};

mod csv;
pub use csv::csv;

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct ReportQuery {
    pub from: String,
    pub to: String,
    pub region: String,
    pub town: String,
}

/// A breakdown's row: its group's name in the page's language and counts.
pub struct Row {
    pub label: String,
    pub counts: Counts,
}

/// One breakdown table.
pub struct Table {
    pub code: &'static str,
    pub title: String,
    pub rows: Vec<Row>,
    /// Rows left out of the page (all are in the CSV).
    pub more: usize,
}

/// At most this many rows of a table on the page; a programme's years of
/// classes are for the CSV.
const PAGE_ROWS: usize = 100;

/// The headline's line for a region: trained there and its share.
pub struct RegionShare {
    pub name: String,
    pub trained: i64,
    pub share: Option<i64>,
}

#[derive(Template)]
#[template(path = "registrar/reports.html")]
pub struct ReportsPage {
    pub ctx: PageCtx,
    pub query: ReportQuery,
    /// The range as used (typed, or the defaults).
    pub from: String,
    pub to: String,
    pub errors: Vec<(&'static str, String)>,
    pub regions: Vec<Choice>,
    pub towns: Vec<Choice>,
    pub registered: i64,
    pub total: Counts,
    pub shares: Vec<RegionShare>,
    pub tables: Vec<Table>,
    pub blocks: Vec<BlockResult>,
    /// The funnel and the trained by region, drawn.
    pub charts: Vec<Chart>,
}

impl ReportsPage {
    pub fn error(&self, field: &str) -> Option<&String> {
        self.errors
            .iter()
            .find(|(name, _)| *name == field)
            .map(|(_, text)| text)
    }

    /// The CSV of `table` for the same range and place.
    pub fn csv_url(&self, table: &str) -> String {
        let query = url::form_urlencoded::Serializer::new(String::new())
            .append_pair("from", &self.from)
            .append_pair("to", &self.to)
            .append_pair("region", &self.query.region)
            .append_pair("town", &self.query.town)
            .finish();
        format!(
            "{}?{query}",
            urls::REGISTRAR_REPORT_CSV.replace("{table}", table)
        )
    }

    /// A share as a percentage, or a dash when there is nothing to share.
    pub fn rate(&self, value: impl std::borrow::Borrow<Option<i64>>) -> String {
        value
            .borrow()
            .map_or_else(|| "—".to_owned(), |v| self.ctx.percent(v))
    }
}

/// The range and place asked for, or what is wrong with it (field, key).
/// Without dates: from the first of January to today (UAE).
fn scope(
    query: &ReportQuery,
    today: NaiveDate,
) -> Result<Scope, Vec<(&'static str, &'static str)>> {
    let mut errors = Vec::new();
    let mut day = |field: &'static str, text: &str, default: NaiveDate| {
        if text.trim().is_empty() {
            return default;
        }
        parse_day(text).unwrap_or_else(|_| {
            errors.push((field, "date-invalid"));
            default
        })
    };
    let year_start = NaiveDate::from_ymd_opt(today.year(), 1, 1).unwrap_or(today);
    let from = day("from", &query.from, year_start);
    let to = day("to", &query.to, today);
    if errors.is_empty() && from > to {
        errors.push(("to", "reports-range-backwards"));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Scope {
        from,
        to,
        region: query.region.trim().to_owned(),
        town: query.town.trim().to_owned(),
    })
}

/// What the page shows, counted in SQL.
struct Figures {
    registered: i64,
    total: Counts,
    groups: Vec<(Dimension, Vec<Group>)>,
    blocks: Vec<BlockResult>,
}

/// Which of the figures a response needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Wanted {
    /// The headline and funnel (registrations and the totals).
    Funnel,
    Blocks,
    /// These breakdowns.
    Groups(&'static [Dimension]),
}

fn figures(conn: &mut DbConnection, scope: &Scope, wanted: &[Wanted]) -> Result<Figures, AppError> {
    let mut figures = Figures {
        registered: 0,
        total: Counts::default(),
        groups: Vec::new(),
        blocks: Vec::new(),
    };
    for part in wanted {
        match part {
            Wanted::Funnel => {
                let from = local_to_utc(scope.from, NaiveTime::MIN);
                let until = local_to_utc(scope.to + Duration::days(1), NaiveTime::MIN);
                figures.registered = report::registered(conn, from, until, scope)?;
                figures.total = report::funnel(conn, scope)?;
            }
            Wanted::Blocks => figures.blocks = report::blocks(conn, scope)?,
            Wanted::Groups(dimensions) => {
                for dimension in *dimensions {
                    figures
                        .groups
                        .push((*dimension, report::funnel_by(conn, *dimension, scope)?));
                }
            }
        }
    }
    Ok(figures)
}

/// Everything the page shows, read on two connections at once (each
/// statement scans the range's places; the two halves take about as long).
async fn all_figures(state: &AppState, scope: &Scope) -> Result<Figures, AppError> {
    const WHERE: &[Dimension] = &[
        Dimension::Region,
        Dimension::Town,
        Dimension::Venue,
        Dimension::Class,
        Dimension::Trainer,
    ];
    const HOW_AND_WHO: &[Dimension] = &[
        Dimension::Period,
        Dimension::Language,
        Dimension::Gender,
        Dimension::TargetGroup,
        Dimension::Channel,
    ];
    let (first, second) = (scope.clone(), scope.clone());
    let (mut a, b) = tokio::join!(
        state
            .db
            .read(move |conn| figures(conn, &first, &[Wanted::Funnel, Wanted::Groups(WHERE)])),
        state.db.read(move |conn| figures(
            conn,
            &second,
            &[Wanted::Blocks, Wanted::Groups(HOW_AND_WHO)]
        )),
    );
    let b = b?;
    if let Ok(a) = a.as_mut() {
        a.groups.extend(b.groups);
        a.blocks = b.blocks;
    }
    a
}

/// A group's name in `lang`: its own, or its code's from the catalogue.
fn label(dimension: Dimension, group: &Group, lang: Lang) -> String {
    if group.key.is_empty() {
        return lang.t("reports-not-given");
    }
    match dimension.code_labels() {
        Some(prefix) => lang.t(&format!("{prefix}-{}", group.key)),
        None => lang.pick(&group.name_ar, &group.name_en).to_owned(),
    }
}

fn tables(groups: &[(Dimension, Vec<Group>)], lang: Lang) -> Vec<Table> {
    groups
        .iter()
        .map(|(dimension, groups)| Table {
            code: dimension.as_str(),
            title: lang.t(&format!("reports-by-{}", dimension.as_str())),
            rows: groups
                .iter()
                .map(|group| Row {
                    label: label(*dimension, group, lang),
                    counts: group.counts,
                })
                .collect(),
            more: 0,
        })
        .collect()
}

/// The tables as the page shows them: the first [`PAGE_ROWS`] of each.
fn on_page(mut tables: Vec<Table>) -> Vec<Table> {
    for table in &mut tables {
        table.more = table.rows.len().saturating_sub(PAGE_ROWS);
        table.rows.truncate(PAGE_ROWS);
    }
    tables
}

fn shares(groups: &[(Dimension, Vec<Group>)], lang: Lang) -> Vec<RegionShare> {
    let Some((_, regions)) = groups.iter().find(|(d, _)| *d == Dimension::Region) else {
        return Vec::new();
    };
    let trained: i64 = regions.iter().map(|g| g.counts.completed).sum();
    regions
        .iter()
        .map(|group| RegionShare {
            name: label(Dimension::Region, group, lang),
            trained: group.counts.completed,
            share: percent(group.counts.completed, trained),
        })
        .collect()
}

/// The region and town choices, the towns narrowed to the chosen region.
fn place_choices(
    conn: &mut DbConnection,
    region: &str,
    lang: Lang,
) -> Result<(Vec<Choice>, Vec<Choice>), AppError> {
    let all = Region::all_with_towns(conn)?;
    let regions = all
        .iter()
        .map(|(r, _)| Choice {
            code: r.code.clone(),
            label: r.name(lang).to_owned(),
        })
        .collect();
    let towns = all
        .iter()
        .filter(|(r, _)| region.is_empty() || r.code == region)
        .flat_map(|(_, towns)| towns.iter())
        .map(|t| Choice {
            code: t.code.clone(),
            label: t.name(lang).to_owned(),
        })
        .collect();
    Ok((regions, towns))
}

pub async fn show(
    ctx: PageCtx,
    _reader: ReportReader,
    state: web::Data<AppState>,
    query: web::Query<ReportQuery>,
) -> Result<HttpResponse, AppError> {
    let query = query.into_inner();
    let lang = ctx.lang;
    let scope = scope(&query, uae_today(state.clock().now()));
    let region = query.region.trim().to_owned();
    let (regions, towns) = state
        .db
        .read(move |conn| place_choices(conn, &region, lang))
        .await?;
    let figures = match &scope {
        Ok(scope) => Some(all_figures(&state, scope).await?),
        Err(_) => None,
    };
    let (from, to) = match &scope {
        Ok(scope) => (scope.from.to_string(), scope.to.to_string()),
        Err(_) => (query.from.clone(), query.to.clone()),
    };
    let errors = scope
        .as_ref()
        .err()
        .map(|errors| {
            errors
                .iter()
                .map(|(field, key)| (*field, ctx.t(key)))
                .collect()
        })
        .unwrap_or_default();
    let status = if figures.is_some() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let figures = figures.unwrap_or(Figures {
        registered: 0,
        total: Counts::default(),
        groups: Vec::new(),
        blocks: Vec::new(),
    });
    let shares = shares(&figures.groups, lang);
    let charts = if figures.groups.is_empty() {
        Vec::new()
    } else {
        charts::report(&ctx, figures.registered, &figures.total, &shares)
    };
    let page = ReportsPage {
        charts,
        shares,
        tables: on_page(tables(&figures.groups, lang)),
        registered: figures.registered,
        total: figures.total,
        blocks: figures.blocks,
        from,
        to,
        errors,
        regions,
        towns,
        query,
        ctx,
    };
    crate::web::page::render(status, &page)
}
