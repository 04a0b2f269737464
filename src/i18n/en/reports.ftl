# Programme reports (registrars and admins)
reports-title = Programme reports
reports-lead = The programme's figures for the classes that started between two dates, everywhere or in one region or town. Each table can be downloaded as a spreadsheet (CSV).
reports-from = Classes starting from
reports-to = Until
reports-all = All
reports-range-backwards = The end of the range comes before its start.
reports-headline = At a glance
reports-registered = Registered
reports-enrolled = Enrolled
reports-trained = Trained (completed attendance)
reports-completed = Completed attendance
reports-sat = Sat the exam
reports-passed = Passed
reports-pass-rate = Pass rate
reports-certified = Certificate issued
reports-trained-by-region = Trained, by region:
reports-funnel = From registration to certificate
reports-csv = Download as CSV
reports-none = No classes in this range.
reports-not-given = Not given
reports-blocks = Results per syllabus block
reports-attempts = Attempts
reports-mean-score = Mean score
reports-how-counted = Registered counts trainee accounts created in the range (by the town they live in). The other figures count people, once each, among the seats in classes that started in the range (by where the class was held); the pass rate is passed ÷ sat. Block results count every finished attempt, re-sits included.
reports-by-region = Region
reports-by-town = Town
reports-by-venue = Venue
reports-by-class = Class
reports-by-trainer = Trainer
reports-by-period = Time of day
reports-by-language = Teaching language
reports-by-gender = Gender
reports-by-target_group = Target group
reports-by-channel = Registration channel
nav-reports = Reports
reports-print = Print the report
reports-more-rows = { $count ->
    [one] 1 more row is in the CSV.
   *[other] { $count } more rows are in the CSV.
}
