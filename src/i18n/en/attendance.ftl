# Attendance, eligibility and programme settings.

mark-present = Present
mark-late = Late
mark-absent = Absent
mark-excused = Excused
nav-back = Back
nav-settings = Settings
attendance-title = Attendance
attendance-all-present = Everyone present
attendance-save = Save attendance
attendance-nobody = Nobody is enrolled in this class yet.
attendance-not-yet = This session has not started yet; attendance can be marked from its start.
attendance-closed = Attendance for this session can no longer be changed by the trainer. A registrar can correct it, with a reason.
attendance-invalid = Some marks were not valid. Please choose present, late, absent or excused for each trainee.
flash-attendance-saved = Attendance saved.
flash-attendance-unchanged = Attendance saved; nothing had changed.
flash-eligibility-saved = The decision has been recorded.
flash-settings-saved = The settings have been saved.
trainer-today = Today's sessions
trainer-no-sessions-today = You have no sessions today.
roster-grid-title = Attendance
roster-title = Trainees
roster-rate = Attendance
roster-eligible = Exam standing
roster-yes = Yes
roster-no = No
roster-low = Low attendance
roster-waitlist = Wait-list
roster-waitlist-empty = Nobody is waiting.
registrar-override = Registrar's decision on the exam
registrar-override-save = Record the decision
registrar-correct-attendance = Correct attendance for session
me-attendance = Attendance
me-attendance-title = Your attendance
me-attendance-rate = { $held ->
    [0] No session has taken place yet.
   *[other] You attended { $attended } of { $held } sessions held so far.
}
me-low-attendance = Your attendance is below { $threshold }%. Please attend every remaining session, or speak to your trainer.
me-eligible = You have attended enough sessions to sit the exam.
settings-title = Programme settings
settings-threshold = Attendance needed to sit the exam (%)
hint-threshold = Of the sessions actually held; cancelled sessions do not count. Between 50 and 100.
settings-save = Save settings
threshold-range = Please give a percentage between 50 and 100.
audit-attendance-mark = Attendance marked
audit-eligibility-override = Eligibility decided by a registrar
audit-settings-update = Settings changed
accommodation-title = Accommodation
accommodation-none = No accommodation.
accommodation-current = { $percent ->
    [0] No extra exam time
   *[other] { $percent }% extra exam time
}
accommodation-percent = Extra exam time (% of the exam's duration)
accommodation-note = Note for the trainer
accommodation-save = Save the accommodation
accommodation-percent-range = Please give a whole percentage from 0 to 100.
flash-accommodation-saved = The accommodation has been saved.
audit-accommodation-set = Accommodation set

# issue 16: one statement of standing, the same for the trainee, the trainer and the registrar
standing-approved = May sit the exam: a registrar's decision.
standing-refused = May not sit the exam in this class: a registrar's decision.
standing-completed = Completed the class: attendance meets the rule for the exam.
standing-not-completed = Did not complete the class: attendance stayed below { $threshold }%.
standing-early = May sit the exam early: a registrar allowed this class an early sitting, and attendance so far meets the rule.
standing-on-track = Attendance so far is enough. The exam comes after the class's last session.
standing-needed = { $count ->
    [one] 1 more session to attend before the exam.
   *[other] { $count } more sessions to attend before the exam.
}
standing-cannot-reach = Too few sessions remain to reach { $threshold }% attendance: the exam cannot be sat in this class. Please speak to the trainer or the registrar.

# issue 16: the roster on a phone
mark-short-present = P
mark-short-late = L
mark-short-absent = A
mark-short-excused = E
roster-marks-key = Marks: P present, L late, A absent, E excused; the small number is the session.

# issue 16: each reason says what it is for and who sees it
reason-decision = Reason for the decision (shown to the trainee)
reason-move = Reason for the move (kept in the record)
reason-grant = Reason for the new attempts (kept in the record)
reason-accommodation = Reason (kept in the record, not shown to the trainee)
reason-placement = Reason for the placement (kept in the record)
registrar-session-link = Session { $seq }, { $date }
reason-revoke = Reason for revoking (shown to anyone who verifies the certificate)
reason-early-sitting = Reason for the early sitting (shown to the trainer)
reason-cancel-class = Reason for cancelling (shown to the trainees)
reason-cancel-session = Reason for cancelling the session (shown to the trainees)
reason-move-session = Reason for the move (shown to the trainees)
reason-correction = Reason for the correction (kept in the record)
