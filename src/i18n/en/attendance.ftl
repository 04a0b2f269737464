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
roster-eligible = May sit the exam
roster-yes = Yes
roster-no = No
roster-overridden = registrar's decision
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
me-eligible-override = The registrar has approved you to sit the exam.
me-not-eligible-override = The registrar has decided that you may not sit the exam in this class.
me-sessions-needed = { $count ->
    [one] You need to attend 1 more session to sit the exam.
   *[other] You need to attend { $count } more sessions to sit the exam.
}
me-cannot-reach = Too few sessions remain to reach { $threshold }% attendance. Please speak to your trainer or the registrar.
me-completed = You completed the class.
me-not-completed = You did not complete the class: your attendance was too low.
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
