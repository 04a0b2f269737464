# The exam: starting, taking, results, invigilation, settings.

exam-title = Exam
nav-exam = Exam
exam-rules-title = Before you start
exam-your-time = { $minutes } minutes.
exam-your-time-extra = { $minutes } minutes + { $extra } minutes extra time.
exam-rule-server-clock = The clock runs on the server from the moment you start: closing the page or losing the connection does not stop it.
exam-rule-questions = { $count } questions, one per page. You may go back, change answers and flag questions for review.
exam-rule-pass = You pass with { $percent }% or more.
exam-rule-saving = Every answer is saved as you choose it. When time runs out, your saved answers are submitted for you.
exam-rule-attempts = { $attempts ->
    [one] One attempt.
   *[other] Up to { $attempts } attempts; after a failed attempt you may try again after { $hours } hours.
}
exam-pin = Sitting PIN
exam-pin-hint = Your trainer gives the PIN at the start of the sitting.
exam-start = Start the exam
exam-continue = Continue your exam
exam-previous = Your results
exam-passed = Passed
exam-failed = Not passed
exam-refused-no-sitting = There is no exam sitting open for your class now. Your trainer opens it after the class's last session.
exam-refused-pin = The PIN is not correct. Please check it with your trainer.
exam-refused-pin-wait = Too many wrong PINs. Please wait a little, then check the PIN with your trainer.
exam-refused-not-eligible = You may not sit the exam yet: it comes once your class has ended, for those whose attendance meets the rule. See your page for details.
exam-refused-attempts = You have no attempts left for this exam.
exam-refused-resit = You may try the exam again once the waiting time after your last attempt has passed.
exam-refused-bank = The exam cannot start: the question bank is incomplete. Please tell your trainer.
exam-question-of = Question { $number } of { $total }
exam-ends-at = The exam ends at { $time }.
exam-ten-minutes = 10 minutes left.
exam-five-minutes = 5 minutes left.
exam-time-up = Time is up. Your saved answers are being submitted; your result will appear on this page.
exam-one-minute = 1 minute left.
exam-offline = Your answers could not be sent. They are kept on this device and will be sent as soon as the connection is back.
exam-offline-move = You are offline, so you cannot move to another question yet. Your answers are kept on this device; please wait until the connection is back.
exam-offline-short = Waiting for the connection…
exam-saving = Saving…
exam-saved = Saved.
exam-choose-all = Choose all that apply.
exam-flag = Flag this question to review later
exam-previous-question = Previous question
exam-save-next = Save and next
exam-finish = Review and submit
exam-grid = All questions
exam-answered = answered
exam-flagged = flagged
exam-save-late = The time for this exam is over; this answer was not saved. Your earlier answers have been submitted.
exam-save-invalid = This answer does not belong to this exam and was not saved.
exam-review-title = Review before submitting
exam-all-answered = You have answered every question.
exam-unanswered = { $count ->
    [one] One question has no answer:
   *[other] { $count } questions have no answer:
}
exam-flagged-count = { $count ->
    [one] One question is flagged for review:
   *[other] { $count } questions are flagged for review:
}
exam-submit = Submit my exam
exam-back-to-questions = Back to the questions
exam-result-title = Your exam result
exam-pass-mark = pass mark { $percent }%
exam-started-at = Started
exam-finished-at = Finished
exam-how-ended = How it ended
exam-ended-submitted = Submitted by you
exam-ended-expired = Time ran out; your saved answers were submitted
exam-ended-terminated = Ended by the invigilator
exam-receipt = Receipt
exam-receipt-lead = Which questions had a stored answer when the exam ended.
exam-answer-stored = answer stored
exam-no-answer = no answer
sitting-title = Exam sitting
sitting-open = Open an exam sitting
sitting-pin = PIN for the trainees
sitting-refreshes = Update this board every 20 seconds
sitting-refresh-now = Refresh now
sitting-closed = This sitting is closed: nobody new can start.
sitting-state = Status
sitting-state-not-started = Not started
sitting-state-open = In progress
sitting-state-submitted = Submitted
sitting-state-expired = Time ran out
sitting-state-terminated = Ended by the invigilator
sitting-progress = answered { $answered } of { $total }
sitting-minutes-left = { $minutes ->
    [one] 1 minute left
   *[other] { $minutes } minutes left
}
sitting-act = Extend or end
sitting-minutes = Minutes to add
sitting-extend = Add time
sitting-terminate = End this attempt
sitting-close = Close the sitting
flash-sitting-closed = The sitting is closed.
flash-attempt-extended = Time added.
flash-attempt-terminated = The attempt has been ended and scored as it stands.
flash-attempt-not-open = This attempt has already ended.
flash-minutes-invalid = Please give between 1 and 120 minutes.
flash-exam-saved = The exam settings have been saved. They apply to attempts started from now on.
exam-settings-title = Exam settings
exam-settings-lead = Changes apply to attempts started afterwards; attempts under way keep their rules.
exam-duration = Duration (minutes)
hint-exam-duration = From 1 to 240 minutes.
exam-pass-percent = Pass mark (%)
exam-per-block = Questions per block
hint-exam-per-block = How many questions the exam draws from each block, from 0 to 100.
exam-resit-hours = Waiting time before a re-sit (hours)
exam-max-attempts = Maximum attempts
exam-duration-range = The duration must be from 1 to 240 minutes.
exam-pass-range = The pass mark must be from 1 to 100%.
exam-blocks-invalid = Please give three numbers from 0 to 100, like 12/12/12.
exam-resit-range = Please give a number of hours from 0 to 8760.
exam-attempts-range = Please give a number from 1 to 20.
audit-sitting-open = Sitting opened
audit-sitting-close = Sitting closed
audit-attempt-start = Exam started
audit-attempt-pin-wrong = Wrong exam PIN
audit-attempt-submit = Exam submitted
audit-attempt-auto-submit = Exam submitted at the deadline
audit-attempt-extend = Exam time added
audit-attempt-terminate = Exam ended by the invigilator
audit-exam-settings = Exam settings changed

## The exam at the end of the class: sittings with a window, early sittings, next steps
exam-refused-passed = You have passed this exam already: your certificate follows.
sittings-title = Exam sittings
sitting-opened-at = opened
sitting-closes-at = Accepts starts until
sitting-closed-at = Closed at
sitting-one-open = A sitting is open now: give the trainees its PIN from the sitting's board.
sitting-early-allowed = A registrar has allowed this class a sitting before its last session. Reason:
sitting-window = Minutes during which trainees may start
sitting-window-hint = From 10 to 480 minutes. After that nobody new can start and the PIN no longer works; attempts already under way keep their own time.
sitting-window-explained = After that the PIN no longer works; attempts under way keep their own time.
sitting-no-sessions = This class has no sessions planned, so no sitting can be opened.
sitting-after-last-session = The exam sitting can be opened once the class's last session has ended, on
sitting-refused-not-ended = The class still has sessions to come. The sitting can be opened after the last session, or earlier if a registrar allows it.
sitting-refused-not-running = A sitting can be opened only for a published class that has not been cancelled.
sitting-refused-window = Enter a number of minutes from 10 to 480.
early-sitting-class-ended = This class has ended: its trainer can open a sitting without a permission.
early-sitting-not-running = Only a published class that has not been cancelled can have an early sitting.
early-sitting-already = This class already has a permission its trainer has not used yet.
flash-early-sitting-allowed = The class may now have one sitting before its last session. Its trainer can open it.
flash-attempts-granted = A new series of attempts was granted.
grant-refused-passed = This trainee has passed the exam: there is nothing to grant.
grant-refused-attempts-left = This trainee still has attempts left.
grant-refused-not-retrained = A new series can be granted once the trainee has completed a class that began after their last attempt.
grant-hint = Every attempt is used. Once the trainee has completed a new class, you can grant a new series of attempts.
grant-submit = Grant a new series of attempts
exam-what-next = What happens next
outlook-passed = The exam is passed.
outlook-may-sit = { $left ->
    [one] One attempt left (of { $max }): the exam can be sat at a sitting the trainer opens after the class's last session.
   *[other] { $left } attempts left (of { $max }): the exam can be sat at a sitting the trainer opens after the class's last session.
}
outlook-resit-from = { $left ->
    [one] The next attempt is possible from { $when } (UAE time). One attempt left (of { $max }).
   *[other] The next attempt is possible from { $when } (UAE time). { $left } attempts left (of { $max }).
}
outlook-used-up = { $used ->
    [one] The only attempt is used. After completing a new class, a registrar can grant a new series of attempts.
   *[other] All { $used } attempts are used. After completing a new class, a registrar can grant a new series of attempts.
}
outlook-certificate-pending = Certificate: being prepared; a registrar issues it.
outlook-certificate-issued = Certificate { $number } has been issued.
outlook-certificate-revoked = Certificate { $number } has been revoked.
registrar-cohorts-title = Classes and sittings
registrar-cohorts-lead = A class's exam sitting can be opened once its last session has ended. Here a registrar can allow one sitting earlier (a make-up or an early exam), with a reason that is recorded.
registrar-cohorts-none = No class is under way or about to start.
registrar-last-session = Last session ends:
registrar-early-used = { $count ->
    [one] One early sitting has been held.
   *[other] { $count } early sittings have been held.
}
registrar-early-waiting = An early sitting is allowed and waiting for the trainer. Reason:
registrar-early-allow = Allow a sitting before the last session
registrar-exam-record = Exam
audit-enrollment-promote = Seat given from the wait-list
audit-enrollment-complete = Class completed
audit-enrollment-not-complete = Class not completed
audit-enrollment-waitlist-ended = Wait-list place ended with its class
audit-sitting-allow-early = Early sitting allowed
audit-attempt-grant = New series of attempts granted

# Exam settings: the blueprint must fit the active bank (issue 12).
exam-block-too-many-short = The question bank cannot fill these numbers.
exam-block-too-many = { $count ->
    [0] Block { $block } has no active questions, so none can be asked from it.
    [one] Block { $block } has only one active question: ask for at most one.
   *[other] Block { $block } has only { $count } active questions: ask for { $count } or fewer.
}

# issue 16: the exam screen and its confirmations
exam-answered-of = { $answered } of { $total } answered
exam-legend-answered = Answered
exam-legend-unanswered = Not answered
exam-legend-flagged = Flagged for review
exam-legend-current = This question
exam-confirm-unanswered = { $count ->
    [one] I understand that 1 question is unanswered and will score no marks, and that I cannot change my answers after submitting.
   *[other] I understand that { $count } questions are unanswered and will score no marks, and that I cannot change my answers after submitting.
}
exam-confirm-unanswered-needed = { $count ->
    [one] 1 question is unanswered. Tick the box to submit anyway, or go back and answer it.
   *[other] { $count } questions are unanswered. Tick the box to submit anyway, or go back and answer them.
}
exam-result-against = Your score is { $score }%; the pass mark is { $pass }%.
exam-block-scores = Score in each block
exam-block = Block
exam-score = Score
exam-see-certificate = See your certificate
exam-back-home = Back to your page
exam-details = How the exam went
sitting-extend-legend = Give this trainee more time
sitting-extend-reason = Reason for the extra time (kept in the record)
sitting-end-legend = End this attempt now
sitting-end-reason = Reason for ending it (shown to the trainee with the result)
confirm-terminate-title = End this attempt?
confirm-terminate-ends = The exam of { $name } ends now and is scored with the answers saved so far. It cannot be resumed, and it counts as one of their attempts.
confirm-terminate-reason = Reason, shown to the trainee: { $reason }
confirm-terminate-yes = Yes, end the attempt
exam-not-now = The exam cannot start now
exam-check-again = Check again
exam-block-range = Please give a number from 0 to 100.
exam-blocks-none = At least one block needs questions.
