# The question bank (admin). Every key here must also be in ar/questions.ftl.

nav-questions = Question bank

## The list
questions-title = Question bank
questions-lead = The exam's questions in both languages. Each exam draws its questions per block from the active ones; a retired question is never drawn again but stays in the attempts that used it.
questions-imported = { $count ->
    [one] One question was added from the file.
   *[other] { $count } questions were added from the file.
}
questions-counts-title = Active questions per block
question-block-1 = Block 1: Foundation skills
question-block-2 = Block 2: Information search
question-block-3 = Block 3: e-Participation
questions-active-count = { $count ->
    [one] one active question
   *[other] { $count } active questions
}
questions-block-short = Too few: an exam draws { $count } from each block.
questions-new = Add a question
questions-export-csv = Download as CSV
questions-export-json = Download as JSON
questions-list-title = { $count ->
    [one] One question
   *[other] { $count } questions
}
questions-col-block = Block
questions-col-topic = Topic
questions-col-kind = Kind
questions-col-stem = Question
questions-col-options = Options
questions-col-status = Status
questions-col-version = Version
questions-col-actions = Actions
questions-any = Any
questions-active = Active
questions-retired = Retired
questions-search = Words in the question
questions-none = No question matches these filters.
questions-replaces = New version of question { $id }
questions-original = First version
questions-edit = Edit
questions-retire = Retire
questions-reactivate = Bring back into use
questions-delete = Delete

## Import
questions-import-title = Import questions
questions-import-lead = Add many questions at once from a CSV or JSON file (at most 2 MB). The file is checked as a whole: if any row has a mistake, nothing is added and every mistake is listed with its line.
questions-import-help-title = How to prepare the file
questions-import-help-csv = CSV (UTF-8, for example saved from a spreadsheet as "CSV UTF-8"): one question per row, with this first line:
questions-import-help-rules = The block is 1, 2 or 3; the topic is lowercase words joined by hyphens (for example e-mail); the kind is single, multiple or true_false. Mark each correct option with 1 and the others with 0. Leave unused options empty at the end of the row. Put a text containing commas, quotes or line breaks in double quotes, doubling any quote inside. The status column is optional (active or retired).
questions-import-help-json = JSON: an array of questions like this:
questions-import-file = File
questions-import-file-hint = A .csv or .json file.
questions-import-format = Format
questions-import-format-auto = From the file name
questions-import-submit = Import
questions-import-refused = { $count ->
    [one] Nothing was imported: the file has one mistake.
   *[other] Nothing was imported: the file has { $count } mistakes.
}
questions-import-line = Line { $line }
questions-import-option = option { $option }

## The form
questions-new-title = Add a question
questions-edit-title = Edit question
questions-back = Back to the question bank
questions-used-note = This question has been used in an exam. Saving your changes retires it and adds the changed question as a new version; the exams that used it keep the question as it was.
questions-field-block = Syllabus block
questions-field-topic = Topic
questions-hint-topic = Lowercase English words joined by hyphens, for example e-mail or online-banking.
questions-field-kind = Kind of question
questions-field-stem-ar = Question in Arabic
questions-field-stem-en = Question in English
questions-field-options = Options
questions-hint-options = Fill in as many options as the question needs, in both languages, and tick the correct ones. Empty rows are left out.
questions-field-option-ar = Option { $option } in Arabic
questions-field-option-en = Option { $option } in English
questions-field-correct = Correct
questions-new-submit = Add question
questions-edit-submit = Save changes
questions-status-title = Retire or delete
questions-status-lead = Retire a question to stop drawing it in new exams. Only a question that no exam has used can be deleted.

## Kinds
question-kind-single = One answer
question-kind-multiple = Several answers
question-kind-true-false = True or false

## Errors
question-block-invalid = Choose block 1, 2 or 3.
question-topic-invalid = The topic must be lowercase English words or numbers joined by single hyphens, at most 40 characters.
question-kind-invalid = Choose one answer, several answers or true or false.
question-stem-ar-required = Write the question in Arabic.
question-stem-en-required = Write the question in English.
question-stem-ar-too-long = The Arabic question can have at most 500 characters.
question-stem-en-too-long = The English question can have at most 500 characters.
question-options-single = A one-answer question has from 2 to 6 options.
question-options-multiple = A several-answer question has from 3 to 6 options.
question-options-true-false = A true-or-false question has exactly 2 options.
question-correct-single = Mark exactly one option as correct.
question-correct-multiple = Mark at least two options as correct.
question-correct-true-false = Mark exactly one of the two options as correct.
question-option-text-required = Write the option in both Arabic and English.
question-option-text-too-long = An option can have at most 200 characters in each language.
question-option-duplicate = This option repeats another option.
question-option-gap = This option comes after an empty option: leave only the last options empty.
question-correct-value = Write 1 for a correct option and 0 for a wrong one.
question-status-invalid = The status must be active or retired.
import-json-syntax = This is not valid JSON.
import-json-not-array = The file must be a JSON array of questions.
import-json-shape = This question lacks a field, or a field has the wrong type.
import-csv-header = The first line must name the columns: block, topic, kind, stem_ar, stem_en and at least option1 and option2 (ar, en, correct).
import-csv-row = This row cannot be read: check its quotes.
import-empty = The file has no questions.
import-not-utf8 = The file is not UTF-8 text. Save it as "CSV UTF-8" or as UTF-8 JSON.
import-file-missing = Choose a file to import.
import-format-unknown = The file must be .csv or .json, or choose the format.
import-too-large = The file is larger than 2 MB.

## Messages after a change
flash-question-created = The question was added.
flash-question-updated = The question was saved.
flash-question-versioned = The question had been used in an exam, so it was retired and the changed question was added as a new version.
flash-question-unchanged = Nothing was changed.
flash-question-retired = The question was retired.
flash-question-reactivated = The question is back in use.
flash-question-deleted = The question was deleted.
flash-question-in-use = This question has been used in an exam, so it cannot be deleted. Retire it instead.

## Audit log
audit-question-create = Question added
audit-question-update = Question changed
audit-question-retire = Question retired
audit-question-reactivate = Question brought back into use
audit-question-delete = Question deleted
audit-question-import = Questions imported

# issue 16: the shipped bank's topics by name (a topic made up by an admin shows as typed)
topic-banking = Online banking
topic-computer = The computer
topic-consumer = Consumer rights
topic-documents = Documents
topic-e-government = E-government services
topic-education-info = Education information
topic-email = E-mail
topic-files = Files and folders
topic-government-info = Government information
topic-health-info = Health information
topic-health-services = Health services
topic-internet = The Internet
topic-jobs = Jobs
topic-learning = Learning online
topic-reliability = Reliable information
topic-safety = Safety online
topic-search-skills = Searching
topic-shopping = Shopping online
topic-travel = Travel
