//! The question form: six option rows of which the admin fills as many as
//! the question needs. Rows left empty are skipped, so option numbers in
//! the stored question follow the filled rows.

use std::collections::HashMap;

use crate::db::models::question::{NewQuestion, Question, QuestionOption};
use crate::exam::bank::{self, MAX_OPTIONS, QuestionError};
use crate::web::forms::FormState;

/// The field names of each option row: (Arabic, English, correct).
pub const OPTION_FIELDS: [(&str, &str, &str); MAX_OPTIONS] = [
    ("option1_ar", "option1_en", "option1_correct"),
    ("option2_ar", "option2_en", "option2_correct"),
    ("option3_ar", "option3_en", "option3_correct"),
    ("option4_ar", "option4_en", "option4_correct"),
    ("option5_ar", "option5_en", "option5_correct"),
    ("option6_ar", "option6_en", "option6_correct"),
];

/// The anchor of errors about the options as a whole.
pub const OPTIONS_FIELD: &str = "options";

/// The posted form, by field name (the CSRF token is among them, unused).
pub type QuestionForm = HashMap<String, String>;

/// The value a ticked checkbox keeps in [`FormState`].
const TICKED: &str = "1";

/// Reads the form into a question, recording each error against its field;
/// `None` if there was any.
pub fn validate(input: &QuestionForm, form: &mut FormState) -> Option<NewQuestion> {
    let get = |name: &str| input.get(name).map_or("", String::as_str);
    for name in ["block", "topic", "kind", "stem_ar", "stem_en"] {
        form.keep(name, get(name));
    }
    // The form row each kept option came from, to put its errors there.
    let mut rows = Vec::new();
    let mut options = Vec::new();
    for (row, (ar, en, correct)) in OPTION_FIELDS.iter().enumerate() {
        form.keep(ar, get(ar));
        form.keep(en, get(en));
        let ticked = !get(correct).is_empty();
        form.keep(correct, if ticked { TICKED } else { "" });
        if get(ar).trim().is_empty() && get(en).trim().is_empty() {
            continue;
        }
        rows.push(row);
        options.push((get(ar).to_owned(), get(en).to_owned(), ticked));
    }
    let mut question = NewQuestion {
        // Not a number is as wrong as block 7.
        block: get("block").trim().parse().unwrap_or(0),
        topic: get("topic").to_owned(),
        kind: get("kind").to_owned(),
        stem_ar: get("stem_ar").to_owned(),
        stem_en: get("stem_en").to_owned(),
        options,
    };
    for err in bank::normalize(&mut question) {
        let field = match err {
            QuestionError::Block => "block",
            QuestionError::Topic => "topic",
            QuestionError::Kind => "kind",
            QuestionError::StemArRequired | QuestionError::StemArTooLong => "stem_ar",
            QuestionError::StemEnRequired | QuestionError::StemEnTooLong => "stem_en",
            QuestionError::OptionTextRequired(n)
            | QuestionError::OptionTextTooLong(n)
            | QuestionError::OptionDuplicate(n) => rows
                .get(n - 1)
                .map_or(OPTIONS_FIELD, |row| OPTION_FIELDS[*row].0),
            _ => OPTIONS_FIELD,
        };
        form.fail(field, err.key());
    }
    (!form.has_errors()).then_some(question)
}

/// The edit form showing what is stored.
pub fn prefill(question: &Question, options: &[QuestionOption]) -> FormState {
    let mut form = FormState::default();
    form.keep("block", &question.block.to_string());
    form.keep("topic", &question.topic);
    form.keep("kind", question.kind.as_str());
    form.keep("stem_ar", &question.stem_ar);
    form.keep("stem_en", &question.stem_en);
    for (option, (ar, en, correct)) in options.iter().zip(OPTION_FIELDS) {
        form.keep(ar, &option.text_ar);
        form.keep(en, &option.text_en);
        form.keep(correct, if option.correct { TICKED } else { "" });
    }
    form
}

/// Whether a ticked-box value is set (for the template).
pub fn is_ticked(form: &FormState, name: &str) -> bool {
    form.is(name, TICKED)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filled() -> QuestionForm {
        [
            ("block", "2"),
            ("topic", "health"),
            ("kind", "single"),
            ("stem_ar", "سؤال"),
            ("stem_en", "A question"),
            ("option1_ar", "أ"),
            ("option1_en", "A"),
            ("option1_correct", "1"),
            ("option3_ar", "ب"),
            ("option3_en", "B"),
        ]
        .into_iter()
        .map(|(name, value)| (name.to_owned(), value.to_owned()))
        .collect()
    }

    #[test]
    fn empty_rows_are_skipped_and_the_rest_kept_in_order() {
        let mut form = FormState::default();
        let question = validate(&filled(), &mut form).expect("valid");
        assert_eq!(question.block, 2);
        assert_eq!(
            question.options,
            vec![
                ("أ".to_owned(), "A".to_owned(), true),
                ("ب".to_owned(), "B".to_owned(), false)
            ]
        );
    }

    #[test]
    fn an_option_error_is_shown_on_the_row_it_came_from() {
        let mut input = filled();
        input.insert("option3_en".to_owned(), String::new());
        input.insert("block".to_owned(), "x".to_owned());
        let mut form = FormState::default();
        assert!(validate(&input, &mut form).is_none());
        assert_eq!(form.error("block"), Some("question-block-invalid"));
        assert_eq!(
            form.error("option3_ar"),
            Some("question-option-text-required")
        );
        assert_eq!(form.value("stem_en"), "A question");
        assert!(is_ticked(&form, "option1_correct"));
    }
}
