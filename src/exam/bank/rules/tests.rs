use super::*;
use crate::exam::bank::tests::single;

fn option(ar: &str, en: &str, correct: bool) -> (String, String, bool) {
    (ar.to_owned(), en.to_owned(), correct)
}

#[test]
fn a_well_formed_question_of_each_kind_is_valid() {
    assert_eq!(validate(&single()), vec![]);
    let multiple = NewQuestion {
        kind: "multiple".to_owned(),
        options: vec![
            option("أ", "A", true),
            option("ب", "B", true),
            option("ج", "C", false),
        ],
        ..single()
    };
    assert_eq!(validate(&multiple), vec![]);
    let true_false = NewQuestion {
        kind: "true_false".to_owned(),
        options: vec![option("صح", "True", false), option("خطأ", "False", true)],
        ..single()
    };
    assert_eq!(validate(&true_false), vec![]);
}

#[test]
fn block_topic_and_kind_are_checked() {
    for block in [0, 4, -1] {
        assert_eq!(
            validate(&NewQuestion { block, ..single() }),
            vec![QuestionError::Block]
        );
    }
    for topic in [
        "",
        "Files",
        "e mail",
        "files-",
        "-files",
        "a--b",
        &"a".repeat(41),
    ] {
        let question = NewQuestion {
            topic: topic.to_owned(),
            ..single()
        };
        assert_eq!(validate(&question), vec![QuestionError::Topic], "{topic:?}");
    }
    for topic in ["files", "e-mail", "web-2", &"a".repeat(40)] {
        let question = NewQuestion {
            topic: topic.to_owned(),
            ..single()
        };
        assert_eq!(validate(&question), vec![], "{topic:?}");
    }
    let question = NewQuestion {
        kind: "essay".to_owned(),
        ..single()
    };
    assert_eq!(validate(&question), vec![QuestionError::Kind]);
}

#[test]
fn stems_are_required_and_limited_in_both_languages() {
    let question = NewQuestion {
        stem_ar: String::new(),
        stem_en: String::new(),
        ..single()
    };
    assert_eq!(
        validate(&question),
        vec![QuestionError::StemArRequired, QuestionError::StemEnRequired]
    );
    let long = "س".repeat(MAX_STEM_CHARS + 1);
    let question = NewQuestion {
        stem_ar: long.clone(),
        stem_en: long,
        ..single()
    };
    assert_eq!(
        validate(&question),
        vec![QuestionError::StemArTooLong, QuestionError::StemEnTooLong]
    );
    // Characters, not bytes: 500 Arabic letters are fine.
    let question = NewQuestion {
        stem_ar: "س".repeat(MAX_STEM_CHARS),
        ..single()
    };
    assert_eq!(validate(&question), vec![]);
}

#[test]
fn each_kind_has_its_number_of_options_and_correct_answers() {
    let one = NewQuestion {
        options: vec![option("أ", "A", true)],
        ..single()
    };
    assert_eq!(
        validate(&one),
        vec![QuestionError::OptionCount(Kind::Single)]
    );
    let seven = NewQuestion {
        options: (1..=7)
            .map(|n| option(&format!("خيار {n}"), &format!("Option {n}"), n == 1))
            .collect(),
        ..single()
    };
    assert_eq!(
        validate(&seven),
        vec![QuestionError::OptionCount(Kind::Single)]
    );
    let two_correct = NewQuestion {
        options: vec![option("أ", "A", true), option("ب", "B", true)],
        ..single()
    };
    assert_eq!(
        validate(&two_correct),
        vec![QuestionError::CorrectCount(Kind::Single)]
    );
    let multiple_one_correct = NewQuestion {
        kind: "multiple".to_owned(),
        options: vec![
            option("أ", "A", true),
            option("ب", "B", false),
            option("ج", "C", false),
        ],
        ..single()
    };
    assert_eq!(
        validate(&multiple_one_correct),
        vec![QuestionError::CorrectCount(Kind::Multiple)]
    );
    let multiple_two_options = NewQuestion {
        kind: "multiple".to_owned(),
        options: vec![option("أ", "A", true), option("ب", "B", true)],
        ..single()
    };
    assert_eq!(
        validate(&multiple_two_options),
        vec![QuestionError::OptionCount(Kind::Multiple)]
    );
    let true_false_three = NewQuestion {
        kind: "true_false".to_owned(),
        ..single()
    };
    assert_eq!(
        validate(&true_false_three),
        vec![QuestionError::OptionCount(Kind::TrueFalse)]
    );
    let true_false_none = NewQuestion {
        kind: "true_false".to_owned(),
        options: vec![option("صح", "True", false), option("خطأ", "False", false)],
        ..single()
    };
    assert_eq!(
        validate(&true_false_none),
        vec![QuestionError::CorrectCount(Kind::TrueFalse)]
    );
}

#[test]
fn option_texts_are_required_limited_and_distinct() {
    let mut question = single();
    question.options[1].1 = String::new();
    question.options[2].0 = "ع".repeat(MAX_OPTION_CHARS + 1);
    assert_eq!(
        validate(&question),
        vec![
            QuestionError::OptionTextRequired(2),
            QuestionError::OptionTextTooLong(3)
        ]
    );
    let mut question = single();
    question.options[2].1 = ".DOCX".to_owned();
    assert_eq!(validate(&question), vec![QuestionError::OptionDuplicate(3)]);
}

#[test]
fn normalizing_trims_every_text_first() {
    let mut question = NewQuestion {
        topic: " files ".to_owned(),
        stem_en: "  Which?  ".to_owned(),
        ..single()
    };
    question.options[0].0 = " .docx ".to_owned();
    assert_eq!(normalize(&mut question), vec![]);
    assert_eq!(question.topic, "files");
    assert_eq!(question.stem_en, "Which?");
    assert_eq!(question.options[0].0, ".docx");
}

#[test]
fn kinds_parse_from_their_codes() {
    for kind in Kind::ALL {
        assert_eq!(Kind::parse(kind.as_str()), Some(kind));
    }
    assert_eq!(Kind::parse("truefalse"), None);
}

#[test]
fn every_error_has_its_message_in_both_catalogues() {
    use crate::i18n::{Lang, keys};
    for lang in Lang::ALL {
        let known = keys(lang);
        for err in QuestionError::ALL {
            assert!(known.contains(err.key()), "{}: {}", lang.code(), err.key());
        }
        for block in BLOCKS {
            let key = format!("question-block-{block}");
            assert!(known.contains(&key), "{}: {key}", lang.code());
        }
        for kind in Kind::ALL {
            let key = format!("question-kind-{}", kind.as_str().replace('_', "-"));
            assert!(known.contains(&key), "{}: {key}", lang.code());
        }
    }
}
