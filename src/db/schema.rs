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

diesel::allow_tables_to_appear_in_same_query!(regions, towns, courses, syllabus_blocks);
