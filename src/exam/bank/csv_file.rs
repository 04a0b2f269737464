//! The CSV format, one question per row, UTF-8 with or without a byte-order
//! mark, quoted as RFC 4180 says (a field with a comma, a quote or a line
//! break is put in double quotes, and a quote inside is doubled):
//!
//! ```text
//! block,topic,kind,stem_ar,stem_en,option1_ar,option1_en,option1_correct,…,option6_ar,option6_en,option6_correct,status
//! ```
//!
//! - `kind` is `single`, `multiple` or `true_false`;
//! - `optionN_correct` is `1` or `0` (`true` / `false` also accepted; empty
//!   means not correct);
//! - unused options are left empty, after the used ones (a row may also
//!   simply end early);
//! - `status` (`active` or `retired`) is optional; empty means active.
//!
//! Columns are found by their header name, so their order does not matter
//! and unknown columns are ignored.

use super::{Entry, MAX_OPTIONS, QuestionError, RowError, finish, parse_status, status_word};
use crate::db::models::question::NewQuestion;

/// Where each known column is in the file.
struct Columns {
    block: usize,
    topic: usize,
    kind: usize,
    stem_ar: usize,
    stem_en: usize,
    /// (Arabic, English, correct) per option present in the header.
    options: Vec<(usize, usize, usize)>,
    status: Option<usize>,
}

impl Columns {
    fn from_header(header: &csv::StringRecord) -> Option<Self> {
        let find = |name: &str| {
            header
                .iter()
                .position(|column| column.trim().eq_ignore_ascii_case(name))
        };
        let mut options = Vec::new();
        for n in 1..=MAX_OPTIONS {
            let columns = (
                find(&format!("option{n}_ar")),
                find(&format!("option{n}_en")),
                find(&format!("option{n}_correct")),
            );
            match columns {
                (Some(ar), Some(en), Some(correct)) => options.push((ar, en, correct)),
                _ => break,
            }
        }
        // Every kind needs at least two options.
        if options.len() < 2 {
            return None;
        }
        Some(Self {
            block: find("block")?,
            topic: find("topic")?,
            kind: find("kind")?,
            stem_ar: find("stem_ar")?,
            stem_en: find("stem_en")?,
            options,
            status: find("status"),
        })
    }
}

/// The header [`to_csv`] writes.
fn header() -> Vec<String> {
    let mut names: Vec<String> = ["block", "topic", "kind", "stem_ar", "stem_en"]
        .map(str::to_owned)
        .to_vec();
    for n in 1..=MAX_OPTIONS {
        names.push(format!("option{n}_ar"));
        names.push(format!("option{n}_en"));
        names.push(format!("option{n}_correct"));
    }
    names.push("status".to_owned());
    names
}

fn parse_correct(value: &str) -> Option<bool> {
    match value.trim().to_ascii_lowercase().as_str() {
        "1" | "true" => Some(true),
        "" | "0" | "false" => Some(false),
        _ => None,
    }
}

/// Reads a CSV file of questions. Every row is checked; any error refuses
/// the whole file, with the file line where the row starts (header = 1).
pub fn parse_csv(text: &str) -> Result<Vec<Entry>, Vec<RowError>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        // Rows may end after their last used option.
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let header_error = |reason| vec![RowError { line: 1, reason }];
    let columns = match records.next() {
        None => return Err(header_error(QuestionError::Empty)),
        Some(Err(_)) => return Err(header_error(QuestionError::CsvHeader)),
        Some(Ok(header)) => {
            Columns::from_header(&header).ok_or_else(|| header_error(QuestionError::CsvHeader))?
        }
    };
    let mut entries = Vec::new();
    let mut positions = Vec::new();
    let mut errors = Vec::new();
    for record in records {
        let record = match record {
            Ok(record) => record,
            Err(err) => {
                let line = err.position().map_or(0, |pos| pos.line());
                errors.push(RowError {
                    line: usize::try_from(line).unwrap_or(usize::MAX),
                    reason: QuestionError::CsvRow,
                });
                continue;
            }
        };
        // Spreadsheets pad a sheet with rows of empty cells.
        if record.iter().all(|field| field.trim().is_empty()) {
            continue;
        }
        let line = record
            .position()
            .map_or(0, |pos| usize::try_from(pos.line()).unwrap_or(usize::MAX));
        match read_row(&record, &columns) {
            Ok(entry) => {
                entries.push(entry);
                positions.push(line);
            }
            Err(reasons) => {
                errors.extend(reasons.into_iter().map(|reason| RowError { line, reason }));
            }
        }
    }
    finish(entries, &positions, errors)
}

/// One row as a question; errors that stop it being read at all.
fn read_row(record: &csv::StringRecord, columns: &Columns) -> Result<Entry, Vec<QuestionError>> {
    let field = |index: usize| record.get(index).unwrap_or("");
    let mut errors = Vec::new();
    // A block that is not a number is as wrong as block 7.
    let block = field(columns.block).trim().parse::<i32>().unwrap_or(0);
    let mut options = Vec::new();
    let mut gap = false;
    for (index, &(ar, en, correct)) in columns.options.iter().enumerate() {
        let n = index + 1;
        let (ar, en, correct) = (field(ar), field(en), field(correct));
        if ar.trim().is_empty() && en.trim().is_empty() {
            gap = true;
            continue;
        }
        if gap {
            errors.push(QuestionError::OptionGap(n));
        }
        match parse_correct(correct) {
            Some(correct) => options.push((ar.to_owned(), en.to_owned(), correct)),
            None => errors.push(QuestionError::CorrectValue(n)),
        }
    }
    let active = columns
        .status
        .map_or(Some(true), |index| parse_status(field(index)));
    let Some(active) = active else {
        errors.push(QuestionError::Status);
        return Err(errors);
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Entry {
        question: NewQuestion {
            block,
            topic: field(columns.topic).to_owned(),
            kind: field(columns.kind).to_owned(),
            stem_ar: field(columns.stem_ar).to_owned(),
            stem_en: field(columns.stem_en).to_owned(),
            options,
        },
        active,
    })
}

/// Writes questions in the format [`parse_csv`] reads, with all six option
/// columns and the status: UTF-8 with a byte-order mark and CRLF line
/// endings (RFC 4180), so that a spreadsheet opened by double-clicking reads
/// the Arabic as Arabic. A line break inside a quoted cell stays as typed.
pub fn to_csv(entries: &[Entry]) -> Result<String, csv::Error> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::from("\u{feff}".as_bytes()));
    writer.write_record(header())?;
    for entry in entries {
        let q = &entry.question;
        let mut row = vec![
            q.block.to_string(),
            q.topic.clone(),
            q.kind.clone(),
            q.stem_ar.clone(),
            q.stem_en.clone(),
        ];
        for n in 0..MAX_OPTIONS {
            match q.options.get(n) {
                Some((ar, en, correct)) => {
                    row.push(ar.clone());
                    row.push(en.clone());
                    row.push(if *correct { "1" } else { "0" }.to_owned());
                }
                None => row.extend([String::new(), String::new(), String::new()]),
            }
        }
        row.push(status_word(entry.active).to_owned());
        writer.write_record(&row)?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|err| csv::Error::from(err.into_error()))?;
    // Only strings went in, so the bytes are UTF-8.
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exam::bank::tests::single;

    const HEADER: &str = "block,topic,kind,stem_ar,stem_en,option1_ar,option1_en,option1_correct,option2_ar,option2_en,option2_correct,option3_ar,option3_en,option3_correct";

    #[test]
    fn export_then_import_gives_the_same_questions() {
        let mut tricky = single();
        tricky.stem_en = "Quoted \"text\", commas\nand a second line".to_owned();
        tricky.options[1].1 = "a, b".to_owned();
        let true_false = NewQuestion {
            kind: "true_false".to_owned(),
            options: vec![
                ("صح".to_owned(), "True".to_owned(), true),
                ("خطأ".to_owned(), "False".to_owned(), false),
            ],
            ..single()
        };
        let entries = vec![
            Entry {
                question: tricky,
                active: true,
            },
            Entry {
                question: true_false,
                active: false,
            },
        ];
        let text = to_csv(&entries).expect("writable");
        assert!(text.starts_with("\u{feff}block,topic,"), "{text}");
        assert!(text.contains(",active\r\n"), "{text}");
        assert_eq!(text.matches("\r\n").count(), 3, "one per record: {text}");
        assert_eq!(parse_csv(&text), Ok(entries));
    }

    #[test]
    fn a_hand_written_file_with_a_bom_short_rows_and_words_for_booleans_is_read() {
        let text = format!(
            "\u{feff}{HEADER}\r\n1,files,single,\"س، ص\",\"Q, with comma\",أ,A,true,ب,B,false\r\n2,e-mail,true_false,س,\"Two\nlines\",صح,True,0,خطأ,False,1,,,\n"
        );
        let entries = parse_csv(&text).expect("valid file");
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[0].question.stem_ar, "س، ص");
        assert_eq!(entries[0].question.options.len(), 2);
        assert!(entries[0].question.options[0].2);
        assert_eq!(entries[1].question.stem_en, "Two\nlines");
        assert!(entries[1].active);
    }

    #[test]
    fn every_bad_row_is_reported_by_its_file_line() {
        let text = format!(
            "{HEADER}\n\
             1,files,single,س,Q,أ,A,1,ب,B,0\n\
             \"4\",files,single,\"س\nعلى سطرين\",Q,أ,A,1,ب,B,0\n\
             1,files,single,س,Q,أ,A,yes,ب,B,0\n\
             1,files,single,س,Q,أ,A,1,,,,ج,C,0\n\
             1,files,single,,Q,أ,A,1,ب,B,1\n"
        );
        assert_eq!(
            parse_csv(&text),
            Err(vec![
                RowError {
                    line: 3,
                    reason: QuestionError::Block
                },
                RowError {
                    line: 5,
                    reason: QuestionError::CorrectValue(1)
                },
                RowError {
                    line: 6,
                    reason: QuestionError::OptionGap(3)
                },
                RowError {
                    line: 7,
                    reason: QuestionError::StemArRequired
                },
                RowError {
                    line: 7,
                    reason: QuestionError::CorrectCount(super::super::Kind::Single)
                },
            ])
        );
    }

    #[test]
    fn a_file_without_the_needed_columns_or_rows_is_refused() {
        assert_eq!(
            parse_csv("block,topic,kind\n1,files,single\n"),
            Err(vec![RowError {
                line: 1,
                reason: QuestionError::CsvHeader
            }])
        );
        assert_eq!(
            parse_csv(""),
            Err(vec![RowError {
                line: 1,
                reason: QuestionError::Empty
            }])
        );
        assert_eq!(
            parse_csv(&format!("{HEADER}\n,,,,\n")),
            Err(vec![RowError {
                line: 1,
                reason: QuestionError::Empty
            }])
        );
    }
}
