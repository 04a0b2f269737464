# Classes: catalogue, class pages, enrolment, schedules.

period-morning = Morning
period-evening = Evening
teaching-ar = Taught in Arabic
teaching-en = Taught in English
audience-only-all = Everyone
audience-only-women = Women only
audience-only-men = Men only
weekday-1 = Monday
weekday-2 = Tuesday
weekday-3 = Wednesday
weekday-4 = Thursday
weekday-5 = Friday
weekday-6 = Saturday
weekday-7 = Sunday
phase-draft = Draft (not published)
phase-open = Open for enrolment
phase-running = Under way
phase-finished = Finished
phase-cancelled = Cancelled
session-status-scheduled = As planned
session-status-moved = Moved
session-status-cancelled = Cancelled
enrollment-status-enrolled = Enrolled
enrollment-status-waitlisted = On the wait-list
enrollment-status-withdrawn = Withdrawn
enrollment-status-cancelled = Class cancelled
enrollment-status-moved = Moved to another class

cohorts-filters = Filter the classes
cohorts-filter-region = Region
cohorts-filter-town = Town
cohorts-filter-period = Time of day
cohorts-filter-language = Teaching language
cohorts-filter-month = Starting in
cohorts-any = Any
cohorts-none-match = No class matches these filters
cohorts-clear-filters = Show all classes

cohort-venue = Venue
cohort-when = Time
cohort-days = Days
cohort-dates = Dates
cohort-language = Language
cohort-audience = Who may join
cohort-seats = Seats
cohort-seats-left = { $count ->
    [0] No seats left
    [one] One seat left
   *[other] { $count } seats left
}
cohort-full-waitlist = { $count ->
    [0] Full: join the wait-list
    [one] Full: one person on the wait-list
   *[other] Full: { $count } people on the wait-list
}
cohort-capacity = { $count ->
    [one] One seat in all
   *[other] { $count } seats in all
}
cohort-waitlisted-count = { $count ->
    [one] one waiting
   *[other] { $count } waiting
}
cohort-phase = Status
cohort-details = About this class
cohort-address = Where
cohort-trainer = Trainer
cohort-enrolment-window = Enrolment open
cohort-sessions = Sessions
cohort-your-place = Your place
cohort-enrol = Enrol in this class
cohort-join-waitlist = Join the wait-list
cohort-sign-in-to-enrol = Sign in to enrol
cohort-not-enrollable = This class is no longer taking enrolments.
cohort-cancelled = This class has been cancelled.
cohort-you-are-enrolled = You have a seat in this class.
cohort-you-are-waitlisted = { $position ->
    [one] You are first on the wait-list. You will get the next free seat.
   *[other] You are number { $position } on the wait-list.
}
enrollment-withdraw = Withdraw from this class
session-date = Date
session-time = Time
session-status = Status
session-was = was { $when }
session-change = Cancel or move
session-cancel = Cancel this session
session-move = Move this session
session-new-date = New date
session-new-time = New start time

enrol-refused-active = You already have a place in a class of this course. Withdraw from it first to choose another.
enrol-refused-audience = This class is reserved for another group (women only or men only).
enrol-refused-window = Enrolment for this class is closed.
enrol-refused-overlap = This class meets at the same time as another class of yours.
enrol-refused-not-open = This class is not taking enrolments.

flash-enrolled = You are enrolled. See you at the first session!
flash-waitlisted = The class is full, so you are on the wait-list. We will give you a seat as soon as one is free.
flash-withdrawn = You have withdrawn from the class.
flash-withdraw-too-late = This place can no longer be changed.
flash-cohort-created = The class has been saved as a draft and its sessions scheduled. Publish it to open enrolment.
flash-cohort-saved = The class has been saved.
flash-cohort-cancelled = The class has been cancelled and its trainees told.
flash-cohort-is-cancelled = This class is cancelled and can no longer be changed.
flash-reason-required = Please give a reason.
flash-session-cancelled = The session has been cancelled; the trainees see the reason.
flash-session-moved = The session has been moved; the trainees see the new time and the reason.
flash-session-not-future = Only sessions that have not started yet can be changed.
flash-move-invalid = Please give a new date and time in the future.
flash-registrar-enrolled = The trainee has been placed in the class.
flash-registrar-moved = The trainee has been moved to the other class.

me-enrolled-in = You are enrolled at { $venue }.
me-waitlisted-for = You are on the wait-list at { $venue }.
me-promoted = Good news: a seat became free and it is yours.
me-next-session = Next session
me-class-page = Class page
me-add-to-calendar = Add the sessions to my calendar
me-class-cancelled = Your class at { $venue } has been cancelled. You may enrol in another class.
me-reason = Reason: { $reason }
calendar-event-title = e-Citizen class

# issue 16 items 6/10
calendar-waitlisted-note = You are on the wait-list for this class: these sessions are tentative until a seat is yours.

admin-cohorts-title = Classes
admin-cohorts-new = New class
admin-cohorts-none = There are no classes yet.
admin-cohort-edit = Edit class
admin-cohort-started = This class has started: changes to its schedule apply to future sessions only.
admin-cohort-show-dates = Show the dates
admin-cohort-save = Save the class
admin-cohort-preview = { $count ->
    [0] This schedule gives no sessions
    [one] This schedule gives one session
   *[other] This schedule gives { $count } sessions
}
admin-cohort-cancel-title = Cancel this class
admin-cohort-cancel-lead = Every trainee is told on their page and may enrol in another class.
admin-cohort-cancel = Cancel the class
cohort-venue-choice = { $venue }, { $town } ({ $seats } seats)
cohort-period = Period
cohort-starts-time = Starts at
cohort-ends-time = Ends at
hint-period-times = Choosing the period fills in its usual hours; you may change them.
cohort-start-date = First day
cohort-session-count = Number of sessions
hint-session-count = Usually 10 daily sessions of 3 hours.
cohort-capacity-field = Capacity
hint-capacity = At most the venue's number of seats.
cohort-no-trainer = Not assigned yet
cohort-enrol-opens = Enrolment opens
cohort-enrol-closes = Enrolment closes
cohort-status = Publication
venue-retired = This venue is retired; choose another.
time-invalid = Please give a time like 09:00.
time-order = The end must be after the start.
start-in-past = The first day cannot be in the past.
weekdays-required = Choose at least one day of the week.
number-invalid = Please give a whole number.
sessions-range = A class has from 1 to 60 sessions.
capacity-above-seats = The capacity must be between 1 and the venue's number of seats.
capacity-below-enrolled = More trainees are already enrolled than this capacity.
window-order = Enrolment must close on or after the day it opens.

registrar-trainees-title = Trainees
registrar-search = Name, Emirates ID or mobile
registrar-places = Classes
registrar-move-to = Move to
registrar-move = Move
registrar-enrol-title = Enrol in a class
registrar-class = Class
registrar-enrol = Enrol
registrar-choose-class = Please choose a class.
registrar-reason-required = Please give a reason.

audit-enrollment-create = Enrolment
audit-enrollment-withdraw = Withdrawal
audit-enrollment-move = Moved between classes
audit-cohort-create = Class created
audit-cohort-update = Class changed
audit-cohort-cancel = Class cancelled
audit-session-cancel = Session cancelled
audit-session-move = Session moved
home-upcoming-title = Classes starting soon
cohort-when-value = { $period }, { $hours }

## The end of a class
enrol-refused-passed = You have passed this course's exam already, so you do not need another class.
enrollment-status-completed = Completed
enrollment-status-not_completed = Not completed
me-ended-in = Your class at { $venue } has ended:
me-exam-title = Your exam
me-join-another = Find another class

# Class drafts, publishing, rescheduling and clashes (issue 12).
admin-cohort-new-is-draft = A new class is saved as a draft: trainees see it only after you publish it.
admin-cohort-draft-title = This class is a draft
admin-cohort-draft-lead = It is not in the catalogue and takes no enrolments. Publish it when its details are right.
admin-cohort-publish = Publish
admin-cohort-unpublish-title = Back to draft
admin-cohort-unpublish-lead = Nobody has a place yet, so the class can leave the catalogue until it is ready.
admin-cohort-unpublish = Make it a draft again
flash-cohort-published = The class is published: it is in the catalogue and open for enrolment.
flash-cohort-unpublished = The class is a draft again and has left the catalogue.
flash-cohort-in-use = Trainees already have places in this class, or it has begun: it stays published.
flash-cohort-status-unchanged = Nothing changed: the class already had that status.
audit-cohort-publish = Class published
audit-cohort-unpublish = Class back to draft
admin-cohort-changes-title = What saving does to the sessions
admin-cohort-no-changes = Saving changes no session: the schedule is the same.
preview-count-kept = { $count ->
    [0] No session stays as it is
    [one] One session stays as it is
   *[other] { $count } sessions stay as they are
}
preview-count-retimed = { $count ->
    [0] none gets a new time
    [one] one gets a new time
   *[other] { $count } get a new time
}
preview-count-added = { $count ->
    [0] none is added
    [one] one is added
   *[other] { $count } are added
}
preview-count-removed = { $count ->
    [0] none is removed
    [one] one is removed
   *[other] { $count } are removed
}
preview-kept = Stays as it is
preview-kept-held = Stays: it has started or taken place
preview-kept-marked = Stays: attendance has been taken
preview-kept-moved = Stays where the trainer moved it
preview-kept-cancelled = Stays cancelled, as the trainer decided
preview-retimed = New time
preview-added = Added
preview-removed = Removed
preview-was = was { $when }
cohort-clash-venue = Another class meets at this venue at the same time: the { $period ->
    [evening] evening
   *[other] morning
} class at { $venue } starting { $start } ({ $hours }); the first clash is on { $date }.
cohort-clash-trainer = This trainer teaches another class at the same time: the { $period ->
    [evening] evening
   *[other] morning
} class at { $venue } starting { $start } ({ $hours }); the first clash is on { $date }.
cohort-clash-venue-short = Another class meets at this venue at the same time.
cohort-clash-trainer-short = This trainer teaches another class at the same time.
sessions-below-kept = The class keeps the sessions that have started, have attendance or were changed by the trainer, so it cannot have fewer sessions than those.

# issue 16: confirming a withdrawal
confirm-withdraw-title = Withdraw from this class?
confirm-withdraw-seat = Your seat in the class at { $venue } goes to the next person on the wait-list at once.
confirm-withdraw-return = You cannot take it back: to join again you would enrol anew, and the class may be full by then.
confirm-withdraw-waitlist = You leave the wait-list of the class at { $venue } and lose your place in the queue.
confirm-withdraw-yes = Yes, withdraw

# issue 16: the trainer's dashboard
trainer-open-sittings = Exam sittings open now
trainer-go-to-sitting = Go to the sitting at { $venue }
trainer-sitting-board = Go to the open sitting's board
trainer-seats-taken = { $enrolled } of { $capacity } seats taken
trainer-sessions-count = { $count ->
    [one] 1 session
   *[other] { $count } sessions
}
