//! Export and import of the bank as CSV or JSON (formats in
//! `exam::bank`). An import is all or nothing: a file with any bad row
//! stores nothing, and the page lists every bad row with its line and
//! reason, so the admin can fix them all in one go.

use actix_multipart::Multipart;
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use futures_util::StreamExt;

use super::{entry_of, file_problem, refuse_import};
use crate::auth::extractors::Admin;
use crate::db::models::question::{Question, QuestionOption};
use crate::error::AppError;
use crate::exam::bank::{self, Entry, QuestionError};
use crate::ops::questions::{self, ImportFile};
use crate::web::page::PageCtx;
use crate::web::{AppState, audit_actor, urls};

/// Largest file an import accepts: a bank of several thousand questions.
pub const IMPORT_LIMIT_BYTES: usize = 2 * 1024 * 1024;

/// The bank's file formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Csv,
    Json,
}

impl Format {
    fn parse(word: &str) -> Option<Self> {
        match word.trim().to_ascii_lowercase().as_str() {
            "csv" => Some(Self::Csv),
            "json" => Some(Self::Json),
            _ => None,
        }
    }

    /// From a file name's extension.
    fn of_file(name: &str) -> Option<Self> {
        name.rsplit_once('.')
            .and_then(|(_, extension)| Self::parse(extension))
    }

    fn as_str(self) -> &'static str {
        match self {
            Self::Csv => "csv",
            Self::Json => "json",
        }
    }
}

/// Every question, active and retired, oldest first.
async fn all_entries(state: &AppState) -> Result<Vec<Entry>, AppError> {
    let (questions, options) = state
        .db
        .read(|conn| {
            let questions = Question::all(conn)?;
            let ids: Vec<i32> = questions.iter().map(|q| q.id).collect();
            let options = QuestionOption::of_questions(conn, &ids)?;
            Ok::<_, AppError>((questions, options))
        })
        .await?;
    Ok(questions
        .iter()
        .map(|question| entry_of(question, &options))
        .collect())
}

fn download(content_type: &str, file_name: &str, body: String) -> HttpResponse {
    HttpResponse::Ok()
        .content_type(content_type)
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{file_name}\""),
        ))
        // Correct answers: keep them out of shared caches.
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(body)
}

pub async fn export_json(
    _admin: Admin,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let body = bank::to_json(&all_entries(&state).await?).map_err(anyhow::Error::from)?;
    Ok(download(
        "application/json; charset=utf-8",
        "question-bank.json",
        body,
    ))
}

pub async fn export_csv(
    _admin: Admin,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let body = bank::to_csv(&all_entries(&state).await?).map_err(anyhow::Error::from)?;
    Ok(download(
        "text/csv; charset=utf-8",
        "question-bank.csv",
        body,
    ))
}

/// What the upload form sent.
#[derive(Default)]
struct Upload {
    file_name: String,
    bytes: Vec<u8>,
    /// The `format` field, when the admin chose one.
    format: String,
}

/// Reads the multipart body, refusing a file over the limit without
/// reading the rest of it.
async fn read_upload(mut payload: Multipart) -> Result<Result<Upload, QuestionError>, AppError> {
    let mut upload = Upload::default();
    while let Some(field) = payload.next().await {
        let mut field = field.map_err(|_| AppError::BadRequest)?;
        let name = field.name().unwrap_or_default().to_owned();
        if name == "file" {
            upload.file_name = field
                .content_disposition()
                .and_then(|disposition| disposition.get_filename())
                .unwrap_or_default()
                .to_owned();
        }
        let mut bytes = Vec::new();
        while let Some(chunk) = field.next().await {
            let chunk = chunk.map_err(|_| AppError::BadRequest)?;
            if bytes.len() + chunk.len() > IMPORT_LIMIT_BYTES {
                return Ok(Err(QuestionError::TooLarge));
            }
            bytes.extend_from_slice(&chunk);
        }
        match name.as_str() {
            "file" => upload.bytes = bytes,
            "format" => upload.format = String::from_utf8_lossy(&bytes).into_owned(),
            _ => {}
        }
    }
    Ok(Ok(upload))
}

/// Parses an upload into questions, or every reason it is refused.
fn parse_upload(upload: &Upload) -> Result<(Format, Vec<Entry>), Vec<bank::RowError>> {
    if upload.bytes.is_empty() && upload.file_name.is_empty() {
        return Err(file_problem(QuestionError::FileMissing));
    }
    let format = Format::parse(&upload.format)
        .or_else(|| Format::of_file(&upload.file_name))
        .ok_or_else(|| file_problem(QuestionError::FormatUnknown))?;
    let text =
        std::str::from_utf8(&upload.bytes).map_err(|_| file_problem(QuestionError::NotUtf8))?;
    let entries = match format {
        Format::Csv => bank::parse_csv(text)?,
        Format::Json => bank::parse_json(text)?,
    };
    Ok((format, entries))
}

/// `POST /admin/questions/import` (multipart: `file`, optional `format`;
/// the CSRF token is in the query string). A good file is added in one
/// transaction and the list says how many; a bad one stores nothing.
pub async fn import(
    req: HttpRequest,
    ctx: PageCtx,
    admin: Admin,
    state: web::Data<AppState>,
    payload: Multipart,
) -> Result<HttpResponse, AppError> {
    let upload = match read_upload(payload).await? {
        Ok(upload) => upload,
        Err(reason) => return refuse_import(ctx, &state, &file_problem(reason)).await,
    };
    let (format, entries) = match parse_upload(&upload) {
        Ok(parsed) => parsed,
        Err(errors) => return refuse_import(ctx, &state, &errors).await,
    };
    let file = ImportFile {
        format: format.as_str(),
        name: upload.file_name,
    };
    let actor = audit_actor(&req, admin.id);
    let count = questions::import(&state.db, &actor, entries, file, state.clock().now()).await?;
    Ok(HttpResponse::SeeOther()
        .insert_header((
            header::LOCATION,
            format!("{}?imported={count}", urls::ADMIN_QUESTIONS),
        ))
        .finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_format_comes_from_the_field_or_the_extension() {
        assert_eq!(Format::of_file("bank.CSV"), Some(Format::Csv));
        assert_eq!(Format::of_file("my.bank.json"), Some(Format::Json));
        assert_eq!(Format::of_file("bank.xlsx"), None);
        assert_eq!(Format::of_file("csv"), None);
        let upload = Upload {
            file_name: "bank.txt".to_owned(),
            bytes: b"[]".to_vec(),
            format: "json".to_owned(),
        };
        // Chosen in the form: the extension does not matter.
        assert_eq!(
            parse_upload(&upload),
            Err(file_problem(QuestionError::Empty))
        );
    }
}
