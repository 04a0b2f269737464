//! Every path of the site in one place; templates and handlers use these
//! rather than string literals.

pub const HOME: &str = "/";
pub const HEALTHZ: &str = "/healthz";
pub const COHORTS: &str = "/cohorts";
pub const COHORTS_JSON: &str = "/cohorts.json";
pub const COHORT: &str = "/cohorts/{id}";
pub const COHORT_ENROLL: &str = "/cohorts/{id}/enroll";
/// Static files: `/static/<path>?v=<version>` (see `web::assets`).
pub const STATIC: &str = "/static/{path:.*}";

pub const VERIFY: &str = "/verify";
pub const ISSUER_KEYS: &str = "/.well-known/ecitizen-issuer.json";
pub const VERIFY_CODE_JSON: &str = "/verify/{code}.json";
pub const VERIFY_CODE: &str = "/verify/{code}";
pub const REGISTRAR_CERTIFICATES_ISSUE: &str = "/registrar/certificates/issue";
pub const REGISTRAR_REPORTS: &str = "/registrar/reports";
pub const REGISTRAR_REPORT_CSV: &str = "/registrar/reports/{table}.csv";
pub const REGISTRAR_CERTIFICATE: &str = "/registrar/certificates/{id}";
pub const REGISTRAR_CERTIFICATE_REVOKE: &str = "/registrar/certificates/{id}/revoke";
pub const REGISTRAR_CERTIFICATE_REISSUE: &str = "/registrar/certificates/{id}/reissue";
pub const TRAINEE_CERTIFICATE: &str = "/me/certificates/{id}";
pub const REGISTER: &str = "/register";
pub const LOGIN: &str = crate::auth::LOGIN_PATH;
pub const LOGOUT: &str = "/logout";
pub const ACCOUNT_PASSWORD: &str = crate::auth::PASSWORD_PATH;

pub const TRAINEE_HOME: &str = "/me";
pub const ENROLLMENT_WITHDRAW: &str = "/me/enrollments/{id}/withdraw";
pub const ENROLLMENT_CALENDAR: &str = "/me/enrollments/{id}/calendar.ics";
pub const TRAINER_HOME: &str = "/trainer";
pub const REGISTRAR_HOME: &str = "/registrar";

pub const ADMIN_USERS: &str = "/admin/users";
pub const ADMIN_USER_DEACTIVATE: &str = "/admin/users/{id}/deactivate";
pub const ADMIN_USER_REACTIVATE: &str = "/admin/users/{id}/reactivate";
pub const ADMIN_USER_RESET: &str = "/admin/users/{id}/reset-password";
pub const ADMIN_USER_ROLE: &str = "/admin/users/{id}/role";
pub const ADMIN_AUDIT: &str = "/admin/audit";
pub const ADMIN_COHORTS: &str = "/admin/cohorts";
pub const ADMIN_COHORT_NEW: &str = "/admin/cohorts/new";
pub const ADMIN_COHORT: &str = "/admin/cohorts/{id}";
pub const ADMIN_COHORT_CANCEL: &str = "/admin/cohorts/{id}/cancel";
pub const ADMIN_COHORT_PUBLISH: &str = "/admin/cohorts/{id}/publish";
pub const ADMIN_COHORT_UNPUBLISH: &str = "/admin/cohorts/{id}/unpublish";

pub const TRAINER_COHORT: &str = "/trainer/cohorts/{id}";
pub const TRAINER_COHORT_SITTINGS: &str = "/trainer/cohorts/{id}/sittings";
pub const TRAINER_SITTING: &str = "/trainer/sittings/{id}";
pub const TRAINER_SITTING_EXTEND: &str = "/trainer/sittings/{id}/extend";
pub const TRAINER_SITTING_TERMINATE: &str = "/trainer/sittings/{id}/terminate";
pub const TRAINER_SITTING_CLOSE: &str = "/trainer/sittings/{id}/close";
pub const TRAINEE_EXAM: &str = "/me/exam";
pub const ATTEMPT: &str = "/attempts/{id}";
pub const ATTEMPT_ANSWERS: &str = "/attempts/{id}/answers";
pub const ATTEMPT_REVIEW: &str = "/attempts/{id}/review";
pub const ATTEMPT_SUBMIT: &str = "/attempts/{id}/submit";
pub const ATTEMPT_RESULT: &str = "/attempts/{id}/result";
pub const ADMIN_EXAM: &str = "/admin/exam";
pub const TRAINER_SESSION_ATTENDANCE: &str = "/trainer/sessions/{id}/attendance";
pub const REGISTRAR_SESSION_ATTENDANCE: &str = "/registrar/sessions/{id}/attendance";
pub const REGISTRAR_ENROLLMENT_ELIGIBILITY: &str = "/registrar/enrollments/{id}/eligibility";
pub const ADMIN_SETTINGS: &str = "/admin/settings";
pub const TRAINER_SESSION_CANCEL: &str = "/trainer/sessions/{id}/cancel";
pub const TRAINER_SESSION_MOVE: &str = "/trainer/sessions/{id}/move";

pub const REGISTRAR_TRAINEES: &str = "/registrar/trainees";
pub const REGISTRAR_TRAINEE: &str = "/registrar/trainees/{id}";
pub const REGISTRAR_TRAINEE_ACCOMMODATION: &str = "/registrar/trainees/{id}/accommodation";
pub const REGISTRAR_TRAINEE_ENROLL: &str = "/registrar/trainees/{id}/enroll";
pub const REGISTRAR_ENROLLMENT_MOVE: &str = "/registrar/enrollments/{id}/move";
pub const REGISTRAR_TRAINEE_ATTEMPT_GRANTS: &str = "/registrar/trainees/{id}/attempt-grants";
pub const REGISTRAR_COHORTS: &str = "/registrar/cohorts";
pub const REGISTRAR_COHORT_EARLY_SITTING: &str = "/registrar/cohorts/{id}/early-sitting";
pub const ADMIN_VENUES: &str = "/admin/venues";
pub const ADMIN_VENUE: &str = "/admin/venues/{id}";
pub const ADMIN_VENUE_RETIRE: &str = "/admin/venues/{id}/retire";
pub const ADMIN_VENUE_REACTIVATE: &str = "/admin/venues/{id}/reactivate";
pub const ADMIN_VENUE_DELETE: &str = "/admin/venues/{id}/delete";
pub const ADMIN_HOLIDAYS: &str = "/admin/holidays";
pub const ADMIN_HOLIDAY_DELETE: &str = "/admin/holidays/{id}/delete";
pub const ADMIN_QUESTIONS: &str = "/admin/questions";
pub const ADMIN_QUESTION_NEW: &str = "/admin/questions/new";
pub const ADMIN_QUESTIONS_EXPORT_JSON: &str = "/admin/questions/export.json";
pub const ADMIN_QUESTIONS_EXPORT_CSV: &str = "/admin/questions/export.csv";
/// A multipart upload: its form carries the CSRF token in the query string.
pub const ADMIN_QUESTIONS_IMPORT: &str = "/admin/questions/import";
pub const ADMIN_QUESTION: &str = "/admin/questions/{id}";
pub const ADMIN_QUESTION_RETIRE: &str = "/admin/questions/{id}/retire";
pub const ADMIN_QUESTION_REACTIVATE: &str = "/admin/questions/{id}/reactivate";
pub const ADMIN_QUESTION_DELETE: &str = "/admin/questions/{id}/delete";

pub use crate::auth::login_with_next;

/// Fills the `{id}` of a path pattern.
pub fn with_id(pattern: &str, id: i32) -> String {
    pattern.replace("{id}", &id.to_string())
}

/// Where each role lands after signing in.
pub fn home_for(role: crate::domain::person::Role) -> &'static str {
    use crate::domain::person::Role;
    match role {
        Role::Trainee => TRAINEE_HOME,
        Role::Trainer => TRAINER_HOME,
        Role::Registrar => REGISTRAR_HOME,
        Role::Admin => ADMIN_USERS,
    }
}
