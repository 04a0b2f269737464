//! What makes a question valid, whether typed into the form or read from
//! a file. Pure functions of the question, so they are tested here alone.

use super::{BLOCKS, MAX_OPTION_CHARS, MAX_OPTIONS, MAX_STEM_CHARS, MAX_TOPIC_CHARS};
use crate::db::models::question::NewQuestion;

/// How a question is answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// One correct option among 2–6.
    Single,
    /// At least two correct options among 3–6; all must be chosen.
    Multiple,
    /// Two options (true, false), one correct.
    TrueFalse,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Single, Kind::Multiple, Kind::TrueFalse];

    /// The stored code, also the catalogue suffix (`question-kind-…`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Single => "single",
            Self::Multiple => "multiple",
            Self::TrueFalse => "true_false",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|kind| kind.as_str() == code.trim())
    }

    /// The allowed number of options.
    fn option_range(self) -> std::ops::RangeInclusive<usize> {
        match self {
            Self::Single => 2..=MAX_OPTIONS,
            Self::Multiple => 3..=MAX_OPTIONS,
            Self::TrueFalse => 2..=2,
        }
    }

    /// Whether `correct` correct options suit this kind.
    fn correct_count_ok(self, correct: usize) -> bool {
        match self {
            Self::Single | Self::TrueFalse => correct == 1,
            Self::Multiple => correct >= 2,
        }
    }
}

/// Why a question, or a row of an imported file, is refused. Each kind is
/// also its catalogue key; option errors name the option (1-based) as the
/// message's `$option` argument.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum QuestionError {
    #[error("block must be 1, 2 or 3")]
    Block,
    #[error("topic must be kebab-case, at most 40 characters")]
    Topic,
    #[error("unknown kind")]
    Kind,
    #[error("Arabic stem missing")]
    StemArRequired,
    #[error("English stem missing")]
    StemEnRequired,
    #[error("Arabic stem too long")]
    StemArTooLong,
    #[error("English stem too long")]
    StemEnTooLong,
    #[error("wrong number of options for the kind")]
    OptionCount(Kind),
    #[error("wrong number of correct options for the kind")]
    CorrectCount(Kind),
    #[error("option {0} needs text in both languages")]
    OptionTextRequired(usize),
    #[error("option {0} text too long")]
    OptionTextTooLong(usize),
    #[error("option {0} repeats another option")]
    OptionDuplicate(usize),
    #[error("option {0} follows an empty option")]
    OptionGap(usize),
    #[error("option {0}: correct must be 1 or 0")]
    CorrectValue(usize),
    #[error("status must be active or retired")]
    Status,
    #[error("the file is not valid JSON")]
    JsonSyntax,
    #[error("the file is not a JSON array of questions")]
    JsonNotArray,
    #[error("the question lacks a field or has one of the wrong type")]
    JsonShape,
    #[error("the CSV header lacks a required column")]
    CsvHeader,
    #[error("the CSV row cannot be read")]
    CsvRow,
    #[error("the file has no questions")]
    Empty,
    #[error("the file is not UTF-8 text")]
    NotUtf8,
    #[error("no file was chosen")]
    FileMissing,
    #[error("the file is neither CSV nor JSON")]
    FormatUnknown,
    #[error("the file is larger than the import limit")]
    TooLarge,
}

impl QuestionError {
    /// One of each kind, for the catalogue test.
    pub const ALL: [QuestionError; 29] = [
        Self::Block,
        Self::Topic,
        Self::Kind,
        Self::StemArRequired,
        Self::StemEnRequired,
        Self::StemArTooLong,
        Self::StemEnTooLong,
        Self::OptionCount(Kind::Single),
        Self::OptionCount(Kind::Multiple),
        Self::OptionCount(Kind::TrueFalse),
        Self::CorrectCount(Kind::Single),
        Self::CorrectCount(Kind::Multiple),
        Self::CorrectCount(Kind::TrueFalse),
        Self::OptionTextRequired(1),
        Self::OptionTextTooLong(1),
        Self::OptionDuplicate(1),
        Self::OptionGap(1),
        Self::CorrectValue(1),
        Self::Status,
        Self::JsonSyntax,
        Self::JsonNotArray,
        Self::JsonShape,
        Self::CsvHeader,
        Self::CsvRow,
        Self::Empty,
        Self::NotUtf8,
        Self::FileMissing,
        Self::FormatUnknown,
        Self::TooLarge,
    ];

    /// The catalogue key of the message.
    pub fn key(self) -> &'static str {
        match self {
            Self::Block => "question-block-invalid",
            Self::Topic => "question-topic-invalid",
            Self::Kind => "question-kind-invalid",
            Self::StemArRequired => "question-stem-ar-required",
            Self::StemEnRequired => "question-stem-en-required",
            Self::StemArTooLong => "question-stem-ar-too-long",
            Self::StemEnTooLong => "question-stem-en-too-long",
            Self::OptionCount(Kind::Single) => "question-options-single",
            Self::OptionCount(Kind::Multiple) => "question-options-multiple",
            Self::OptionCount(Kind::TrueFalse) => "question-options-true-false",
            Self::CorrectCount(Kind::Single) => "question-correct-single",
            Self::CorrectCount(Kind::Multiple) => "question-correct-multiple",
            Self::CorrectCount(Kind::TrueFalse) => "question-correct-true-false",
            Self::OptionTextRequired(_) => "question-option-text-required",
            Self::OptionTextTooLong(_) => "question-option-text-too-long",
            Self::OptionDuplicate(_) => "question-option-duplicate",
            Self::OptionGap(_) => "question-option-gap",
            Self::CorrectValue(_) => "question-correct-value",
            Self::Status => "question-status-invalid",
            Self::JsonSyntax => "import-json-syntax",
            Self::JsonNotArray => "import-json-not-array",
            Self::JsonShape => "import-json-shape",
            Self::CsvHeader => "import-csv-header",
            Self::CsvRow => "import-csv-row",
            Self::Empty => "import-empty",
            Self::NotUtf8 => "import-not-utf8",
            Self::FileMissing => "import-file-missing",
            Self::FormatUnknown => "import-format-unknown",
            Self::TooLarge => "import-too-large",
        }
    }

    /// The option the error is about (1-based), if any.
    pub fn option(self) -> Option<usize> {
        match self {
            Self::OptionTextRequired(n)
            | Self::OptionTextTooLong(n)
            | Self::OptionDuplicate(n)
            | Self::OptionGap(n)
            | Self::CorrectValue(n) => Some(n),
            _ => None,
        }
    }
}

/// Trims every text of a question (spreadsheets leave stray spaces) and
/// returns it with every rule it breaks; empty when it is valid.
pub fn normalize(question: &mut NewQuestion) -> Vec<QuestionError> {
    question.topic = question.topic.trim().to_owned();
    question.kind = question.kind.trim().to_owned();
    question.stem_ar = question.stem_ar.trim().to_owned();
    question.stem_en = question.stem_en.trim().to_owned();
    for (ar, en, _) in &mut question.options {
        *ar = ar.trim().to_owned();
        *en = en.trim().to_owned();
    }
    validate(question)
}

/// Every rule `question` breaks, in the order of its fields; empty when it
/// is valid. Texts are taken as they are (see [`normalize`]).
pub fn validate(question: &NewQuestion) -> Vec<QuestionError> {
    let mut errors = Vec::new();
    if !BLOCKS.contains(&question.block) {
        errors.push(QuestionError::Block);
    }
    if !is_topic(&question.topic) {
        errors.push(QuestionError::Topic);
    }
    let kind = Kind::parse(&question.kind);
    if kind.is_none() {
        errors.push(QuestionError::Kind);
    }
    check_text(
        &question.stem_ar,
        MAX_STEM_CHARS,
        QuestionError::StemArRequired,
        QuestionError::StemArTooLong,
        &mut errors,
    );
    check_text(
        &question.stem_en,
        MAX_STEM_CHARS,
        QuestionError::StemEnRequired,
        QuestionError::StemEnTooLong,
        &mut errors,
    );
    check_options(&question.options, &mut errors);
    if let Some(kind) = kind {
        let count = question.options.len();
        if !kind.option_range().contains(&count) {
            errors.push(QuestionError::OptionCount(kind));
        }
        let correct = question.options.iter().filter(|(_, _, c)| *c).count();
        if !kind.correct_count_ok(correct) {
            errors.push(QuestionError::CorrectCount(kind));
        }
    }
    errors
}

/// Kebab-case: lowercase ASCII letters and digits in words joined by single
/// hyphens, so topics group reliably in filters and reports.
fn is_topic(topic: &str) -> bool {
    !topic.is_empty()
        && topic.len() <= MAX_TOPIC_CHARS
        && topic.split('-').all(|word| {
            !word.is_empty()
                && word
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

fn check_text(
    text: &str,
    max: usize,
    required: QuestionError,
    too_long: QuestionError,
    errors: &mut Vec<QuestionError>,
) {
    if text.is_empty() {
        errors.push(required);
    } else if text.chars().count() > max {
        errors.push(too_long);
    }
}

fn check_options(options: &[(String, String, bool)], errors: &mut Vec<QuestionError>) {
    for (index, (ar, en, _)) in options.iter().enumerate() {
        let n = index + 1;
        if ar.is_empty() || en.is_empty() {
            errors.push(QuestionError::OptionTextRequired(n));
        } else if ar.chars().count() > MAX_OPTION_CHARS || en.chars().count() > MAX_OPTION_CHARS {
            errors.push(QuestionError::OptionTextTooLong(n));
        } else {
            // Two options reading the same in either language cannot be
            // told apart by the trainee.
            let repeats = options[..index]
                .iter()
                .any(|(other_ar, other_en, _)| same_text(ar, other_ar) || same_text(en, other_en));
            if repeats {
                errors.push(QuestionError::OptionDuplicate(n));
            }
        }
    }
}

fn same_text(a: &str, b: &str) -> bool {
    a.to_lowercase() == b.to_lowercase()
}

#[cfg(test)]
mod tests;
