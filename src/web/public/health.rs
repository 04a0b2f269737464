//! `GET /healthz` for load balancers and monitoring.

use actix_web::http::header;
use actix_web::{HttpResponse, web};

use crate::error::error_chain;
use crate::web::AppState;

/// 200 `{"status":"ok"}` after a real database round trip; 503 when the
/// database cannot be reached, so a load balancer stops sending traffic.
pub async fn healthz(state: web::Data<AppState>) -> HttpResponse {
    match state.db.ping().await {
        Ok(()) => HttpResponse::Ok()
            .insert_header((header::CACHE_CONTROL, "no-store"))
            .json(serde_json::json!({ "status": "ok" })),
        Err(err) => {
            tracing::warn!(cause = error_chain(&err), "health check failed");
            HttpResponse::ServiceUnavailable()
                .insert_header((header::CACHE_CONTROL, "no-store"))
                .json(serde_json::json!({ "status": "unavailable" }))
        }
    }
}
