//! `GET /registrar/reports/{table}.csv`: one table of the reports page as
//! CSV, for the same range and place: UTF-8 with a byte-order mark (so a
//! spreadsheet shows Arabic), headed in the page's language, CRLF line
//! ends, the values the page shows (shares as whole percent numbers).

use actix_web::http::header;
use actix_web::{HttpResponse, web};

use super::{ReportQuery, Wanted, figures, scope, tables};
use crate::auth::extractors::ReportReader;
use crate::domain::report::{Counts, Dimension};
use crate::domain::time::uae_today;
use crate::error::AppError;
use crate::web::AppState;
use crate::web::page::PageCtx;

/// `GET /registrar/reports/{table}.csv`: one table of the page as CSV.
pub async fn csv(
    ctx: PageCtx,
    _reader: ReportReader,
    state: web::Data<AppState>,
    table: web::Path<String>,
    query: web::Query<ReportQuery>,
) -> Result<HttpResponse, AppError> {
    let table = table.into_inner();
    let lang = ctx.lang;
    let dimension = match table.as_str() {
        "funnel" | "blocks" => None,
        code => Some(Dimension::parse(code).map_err(|_| AppError::NotFound)?),
    };
    let scope = scope(&query, uae_today(state.clock().now())).map_err(|_| AppError::BadRequest)?;
    let wanted = match (table.as_str(), dimension) {
        ("blocks", _) => Wanted::Blocks,
        (_, Some(dimension)) => Wanted::Groups(dimension_alone(dimension)),
        _ => Wanted::Funnel,
    };
    let figures = {
        let scope = scope.clone();
        state
            .db
            .read(move |conn| figures(conn, &scope, &[wanted]))
            .await?
    };
    let mut out = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let head = |key: &str| lang.t(key);
    let counts_header = [
        head("reports-enrolled"),
        head("reports-completed"),
        head("reports-sat"),
        head("reports-passed"),
        head("reports-pass-rate"),
        head("reports-certified"),
    ];
    let rate = |value: Option<i64>| value.map_or_else(String::new, |v| v.to_string());
    let counts_row = |c: &Counts| {
        [
            c.enrolled.to_string(),
            c.completed.to_string(),
            c.sat.to_string(),
            c.passed.to_string(),
            rate(c.pass_rate()),
            c.certified.to_string(),
        ]
    };
    let write = |out: &mut ::csv::Writer<Vec<u8>>, record: Vec<String>| {
        out.write_record(record).map_err(anyhow::Error::from)
    };
    match (table.as_str(), dimension) {
        ("blocks", _) => {
            write(
                &mut out,
                vec![
                    head("exam-block"),
                    head("reports-attempts"),
                    head("reports-mean-score"),
                    head("reports-pass-rate"),
                ],
            )?;
            for block in &figures.blocks {
                write(
                    &mut out,
                    vec![
                        block.block.to_string(),
                        block.attempts.to_string(),
                        rate(block.mean()),
                        rate(block.pass_rate()),
                    ],
                )?;
            }
        }
        (_, Some(dimension)) => {
            let mut header = vec![head(&format!("reports-by-{}", dimension.as_str()))];
            header.extend(counts_header.iter().cloned());
            write(&mut out, header)?;
            for table in tables(&figures.groups, lang) {
                for row in table.rows {
                    let mut record = vec![row.label];
                    record.extend(counts_row(&row.counts));
                    write(&mut out, record)?;
                }
            }
        }
        _ => {
            let mut header = vec![head("reports-registered")];
            header.extend(counts_header.iter().cloned());
            write(&mut out, header)?;
            let mut record = vec![figures.registered.to_string()];
            record.extend(counts_row(&figures.total));
            write(&mut out, record)?;
        }
    }
    let mut body = "\u{feff}".as_bytes().to_vec();
    body.extend(
        out.into_inner()
            .map_err(|err| anyhow::anyhow!("csv: {err}"))?,
    );
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!(
                "attachment; filename=\"ecitizen-{table}-{}-{}.csv\"",
                scope.from, scope.to
            ),
        ))
        .body(body))
}

/// One dimension as the list [`Wanted::Groups`] takes.
fn dimension_alone(dimension: Dimension) -> &'static [Dimension] {
    let at = Dimension::ALL
        .iter()
        .position(|d| *d == dimension)
        .unwrap_or(0);
    &Dimension::ALL[at..=at]
}
