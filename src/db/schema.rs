//! The tables, kept by hand for both backends: only types that SQLite and
//! PostgreSQL share (see DESIGN.md section 1). The migration round-trip test
//! runs against both databases, so drift shows up there.

diesel::table! {
    regions (id) {
        id -> Integer,
        code -> Text,
        name_ar -> Text,
        name_en -> Text,
        position -> Integer,
    }
}

diesel::table! {
    towns (id) {
        id -> Integer,
        region_id -> Integer,
        code -> Text,
        name_ar -> Text,
        name_en -> Text,
        position -> Integer,
    }
}

diesel::table! {
    courses (id) {
        id -> Integer,
        code -> Text,
        name_ar -> Text,
        name_en -> Text,
        hours -> Integer,
    }
}

diesel::table! {
    syllabus_blocks (id) {
        id -> Integer,
        course_id -> Integer,
        number -> Integer,
        name_ar -> Text,
        name_en -> Text,
        topics_ar -> Text,
        topics_en -> Text,
    }
}

diesel::joinable!(towns -> regions (region_id));
diesel::joinable!(syllabus_blocks -> courses (course_id));

diesel::table! {
    users (id) {
        id -> Integer,
        role -> Text,
        full_name_ar -> Text,
        full_name_en -> Text,
        email -> Nullable<Text>,
        emirates_id -> Nullable<Text>,
        date_of_birth -> Nullable<Date>,
        gender -> Nullable<Text>,
        mobile -> Nullable<Text>,
        target_group -> Nullable<Text>,
        town_id -> Nullable<Integer>,
        channel -> Nullable<Text>,
        password_hash -> Text,
        must_change_password -> Bool,
        active -> Bool,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        accommodation_percent -> Integer,
        accommodation_note -> Nullable<Text>,
    }
}

diesel::table! {
    sessions (id) {
        id -> Integer,
        token_hash -> Text,
        user_id -> Integer,
        csrf_token -> Text,
        created_at -> Timestamp,
        last_seen_at -> Timestamp,
        expires_at -> Timestamp,
    }
}

diesel::table! {
    login_attempts (id) {
        id -> Integer,
        account_key -> Text,
        client_ip -> Text,
        succeeded -> Bool,
        at -> Timestamp,
        pending -> Bool,
    }
}

diesel::table! {
    audit_log (id) {
        id -> BigInt,
        at -> Timestamp,
        actor_id -> Nullable<Integer>,
        action -> Text,
        subject -> Text,
        details -> Text,
        client_ip -> Nullable<Text>,
        prev_hash -> Text,
        hash -> Text,
    }
}

diesel::table! {
    venues (id) {
        id -> Integer,
        town_id -> Integer,
        name_ar -> Text,
        name_en -> Text,
        partner_kind -> Text,
        address_ar -> Text,
        address_en -> Text,
        seats -> Integer,
        retired -> Bool,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    holidays (id) {
        id -> Integer,
        day -> Date,
        name_ar -> Text,
        name_en -> Text,
    }
}

diesel::table! {
    cohorts (id) {
        id -> Integer,
        course_id -> Integer,
        venue_id -> Integer,
        period -> Text,
        starts_time -> Time,
        ends_time -> Time,
        teaching_language -> Text,
        audience -> Text,
        start_date -> Date,
        weekdays -> Text,
        session_count -> Integer,
        capacity -> Integer,
        trainer_id -> Nullable<Integer>,
        enrol_opens -> Date,
        enrol_closes -> Date,
        status -> Text,
        cancel_reason -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    class_sessions (id) {
        id -> Integer,
        cohort_id -> Integer,
        seq -> Integer,
        starts_at -> Timestamp,
        ends_at -> Timestamp,
        status -> Text,
        reason -> Nullable<Text>,
        original_starts_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    enrollments (id) {
        id -> Integer,
        cohort_id -> Integer,
        trainee_id -> Integer,
        course_id -> Integer,
        status -> Text,
        queued_at -> Timestamp,
        enrolled_at -> Nullable<Timestamp>,
        promoted_at -> Nullable<Timestamp>,
        ended_at -> Nullable<Timestamp>,
        note -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    attendance (id) {
        id -> Integer,
        session_id -> Integer,
        enrollment_id -> Integer,
        status -> Text,
        marked_by -> Integer,
        marked_at -> Timestamp,
    }
}

diesel::table! {
    eligibility_overrides (id) {
        id -> Integer,
        enrollment_id -> Integer,
        eligible -> Bool,
        reason -> Text,
        decided_by -> Integer,
        decided_at -> Timestamp,
    }
}

diesel::table! {
    programme_settings (name) {
        name -> Text,
        value -> Integer,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    questions (id) {
        id -> Integer,
        block -> Integer,
        topic -> Text,
        kind -> Text,
        stem_ar -> Text,
        stem_en -> Text,
        active -> Bool,
        replaces_id -> Nullable<Integer>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    question_options (id) {
        id -> Integer,
        question_id -> Integer,
        position -> Integer,
        text_ar -> Text,
        text_en -> Text,
        correct -> Bool,
    }
}

diesel::table! {
    exam_settings (id) {
        id -> Integer,
        duration_minutes -> Integer,
        pass_percent -> Integer,
        block1_questions -> Integer,
        block2_questions -> Integer,
        block3_questions -> Integer,
        resit_hours -> Integer,
        max_attempts -> Integer,
        created_by -> Nullable<Integer>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    sittings (id) {
        id -> Integer,
        cohort_id -> Integer,
        pin -> Text,
        opened_by -> Integer,
        opened_at -> Timestamp,
        closed_at -> Nullable<Timestamp>,
        closes_at -> Timestamp,
    }
}

diesel::table! {
    sitting_permissions (id) {
        id -> Integer,
        cohort_id -> Integer,
        reason -> Text,
        granted_by -> Integer,
        granted_at -> Timestamp,
        sitting_id -> Nullable<Integer>,
    }
}

diesel::table! {
    attempt_grants (id) {
        id -> Integer,
        trainee_id -> Integer,
        course_id -> Integer,
        reason -> Text,
        granted_by -> Integer,
        granted_at -> Timestamp,
    }
}

diesel::table! {
    attempts (id) {
        id -> Integer,
        sitting_id -> Integer,
        enrollment_id -> Integer,
        trainee_id -> Integer,
        settings_id -> Integer,
        started_at -> Timestamp,
        deadline_at -> Timestamp,
        extra_percent -> Integer,
        extension_minutes -> Integer,
        status -> Text,
        finished_at -> Nullable<Timestamp>,
        end_reason -> Nullable<Text>,
        score_percent -> Nullable<Integer>,
        passed -> Nullable<Bool>,
        block1_percent -> Nullable<Integer>,
        block2_percent -> Nullable<Integer>,
        block3_percent -> Nullable<Integer>,
    }
}

diesel::table! {
    attempt_questions (id) {
        id -> Integer,
        attempt_id -> Integer,
        position -> Integer,
        question_id -> Integer,
        option_order -> Text,
    }
}

diesel::table! {
    answers (id) {
        id -> Integer,
        attempt_id -> Integer,
        question_id -> Integer,
        selected -> Text,
        flagged -> Bool,
        seq -> BigInt,
        saved_at -> Timestamp,
    }
}

diesel::table! {
    certificates (id) {
        id -> Integer,
        attempt_id -> Integer,
        trainee_id -> Integer,
        cohort_id -> Integer,
        status -> Text,
        holder_name_ar -> Text,
        holder_name_en -> Text,
        emirates_id -> Nullable<Text>,
        course_name_ar -> Text,
        course_name_en -> Text,
        score_percent -> Integer,
        exam_date -> Date,
        region_ar -> Text,
        region_en -> Text,
        venue_ar -> Text,
        venue_en -> Text,
        number -> Nullable<Text>,
        code -> Nullable<Text>,
        issued_at -> Nullable<Timestamp>,
        issued_by -> Nullable<Integer>,
        revoked_at -> Nullable<Timestamp>,
        revoked_by -> Nullable<Integer>,
        revoke_reason -> Nullable<Text>,
        created_at -> Timestamp,
        replaces_id -> Nullable<Integer>,
        superseded_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    certificate_renderings (certificate_id) {
        certificate_id -> Integer,
        key_id -> Text,
        token -> Text,
        verify_url -> Text,
        qr_svg -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    certificate_counters (year) {
        year -> Integer,
        last_number -> Integer,
    }
}

diesel::joinable!(users -> towns (town_id));
diesel::joinable!(question_options -> questions (question_id));
diesel::joinable!(sittings -> cohorts (cohort_id));
diesel::joinable!(attempts -> sittings (sitting_id));
diesel::joinable!(attempts -> enrollments (enrollment_id));
diesel::joinable!(sitting_permissions -> cohorts (cohort_id));
diesel::joinable!(attempt_questions -> attempts (attempt_id));
diesel::joinable!(attempt_questions -> questions (question_id));
diesel::joinable!(answers -> attempts (attempt_id));
diesel::table! {
    heartbeats (name) {
        name -> Text,
        seen_at -> Timestamp,
    }
}

diesel::joinable!(certificate_renderings -> certificates (certificate_id));
diesel::joinable!(attendance -> class_sessions (session_id));
diesel::joinable!(attendance -> enrollments (enrollment_id));
diesel::joinable!(venues -> towns (town_id));
diesel::joinable!(cohorts -> venues (venue_id));
diesel::joinable!(cohorts -> courses (course_id));
diesel::joinable!(cohorts -> users (trainer_id));
diesel::joinable!(class_sessions -> cohorts (cohort_id));
diesel::joinable!(enrollments -> cohorts (cohort_id));
diesel::joinable!(enrollments -> users (trainee_id));
diesel::joinable!(sessions -> users (user_id));
diesel::joinable!(audit_log -> users (actor_id));

diesel::allow_tables_to_appear_in_same_query!(
    regions,
    towns,
    courses,
    syllabus_blocks,
    users,
    sessions,
    login_attempts,
    audit_log,
    venues,
    holidays,
    cohorts,
    class_sessions,
    enrollments,
    attendance,
    eligibility_overrides,
    programme_settings,
    questions,
    question_options,
    exam_settings,
    sittings,
    attempts,
    attempt_questions,
    answers,
    certificates,
    certificate_counters,
    certificate_renderings,
    sitting_permissions,
    attempt_grants,
    heartbeats,
);
