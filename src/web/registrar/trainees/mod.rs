//! The registrar's trainee pages: find a trainee (`q`: name, Emirates ID or
//! mobile), see their places, enrol them on their behalf (a walk-in at a
//! partner) or move them to another class of the same course. Seat rules
//! apply; the reason is required and audited.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::auth::extractors::Registrar;
use crate::db::models::user::User;
use crate::domain::person::Role;
use crate::error::AppError;
use crate::web::page::{PageCtx, render};
use crate::web::{AppState, urls};

mod corrections;
mod page;
mod placement;

pub use corrections::{
    AccommodationForm, EligibilityForm, override_eligibility, set_accommodation,
};
pub use page::{ExamPanel, PlaceRow, TraineePage, render_with_grant_problem, show};
pub use placement::{PlaceForm, enroll, move_enrollment};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SearchQuery {
    pub q: String,
}

pub struct TraineeRow {
    pub id: i32,
    pub name_ar: String,
    pub name_en: String,
    pub emirates_id: String,
    pub mobile: String,
    pub accommodation_percent: i32,
    pub accommodation_note: String,
}

impl TraineeRow {
    fn of(user: User) -> Self {
        Self {
            id: user.id,
            name_ar: user.full_name_ar,
            name_en: user.full_name_en,
            emirates_id: user.emirates_id.unwrap_or_default(),
            mobile: user.mobile.unwrap_or_default(),
            accommodation_percent: user.accommodation_percent,
            accommodation_note: user.accommodation_note.unwrap_or_default(),
        }
    }

    pub fn url(&self) -> String {
        urls::with_id(urls::REGISTRAR_TRAINEE, self.id)
    }
}

#[derive(Template)]
#[template(path = "registrar/trainees.html")]
pub struct SearchPage {
    pub ctx: PageCtx,
    pub q: String,
    pub rows: Vec<TraineeRow>,
}

pub async fn search(
    ctx: PageCtx,
    _registrar: Registrar,
    state: web::Data<AppState>,
    query: web::Query<SearchQuery>,
) -> Result<HttpResponse, AppError> {
    let q = query.into_inner().q;
    let term = q.clone();
    let users = state
        .db
        .read(move |conn| {
            Ok::<_, AppError>(User::search(conn, &term, Some(Role::Trainee), 100, 0)?)
        })
        .await?;
    let rows = users.into_iter().map(TraineeRow::of).collect();
    render(StatusCode::OK, &SearchPage { ctx, q, rows })
}
