# English catalogue. Every key here must also be in ar.ftl (a test checks).

## Site frame
site-name = e-Citizen
site-tagline = Computer skills for everyday life in the UAE
skip-to-content = Skip to main content
nav-label = Main navigation
nav-home = Home
nav-cohorts = Classes
lang-switch-label = العربية
lang-switch-title = اقرأ هذه الصفحة بالعربية
footer-text = e-Citizen computer-literacy programme: Abu Dhabi, the Eastern region and the Western region.
footer-health = Service status

# issue 16 items 6/10
## Page descriptions for search engines, lists and months
meta-description = Free e-Citizen classes in Abu Dhabi, the Eastern region and the Western region: everyday computer, Internet and online-services skills, a supervised exam and a certificate anyone can verify.
meta-description-cohorts = Open e-Citizen classes by region, town, time of day and teaching language, with the seats left in each.
list-separator = {", "}
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
month-year = { $month } { $year }
cohorts-town-not-in-region = { $town } is not in { $region }, so the classes of every town in { $region } are shown.

## Home page
home-title = Computer skills for every citizen
home-lead = e-Citizen is a free training programme that teaches everyday computer skills: using a computer, the Internet and e-mail, finding information you can trust, and using government, banking and other services online.
home-cta-cohorts = Find a class near you
home-what-title = What you will learn
home-what-lead = The course follows the e-Citizen syllabus in three blocks, about { $hours } hours in all.
home-block-number = Block { $number }
home-how-title = How it works
home-step-register = Register with your Emirates ID, on your own or through your school, family-development centre or university.
home-step-enrol = Choose a class in your region, in the morning or the evening.
home-step-attend = Attend { $sessions } daily sessions of { $hours } hours with a trainer.
home-step-exam = Sit a supervised { $minutes }-minute online exam at the end of the class.
home-step-certificate = Receive a certificate that anyone can verify online.
home-audience-title = Who it is for
home-audience-lead = Everyone who wants to be confident with a computer, including:
audience-parents = Parents
audience-homemakers = Homemakers
audience-job-seekers = Job seekers
audience-government = Government employees
audience-special-needs = People with special needs
audience-students = Students
home-regions-title = Where classes are held
home-regions-lead = Classes run in three regions, at schools, family-development centres, universities and other partner venues.
home-region-towns = Towns in { $region }

## Class catalogue
cohorts-title = Classes
cohorts-lead = Open classes you can join, by region, town and time of day.
cohorts-count = { $count ->
    [0] No classes are open
    [one] One class is open
   *[other] { $count } classes are open
}
cohorts-empty-title = No classes are open for enrolment yet
cohorts-empty-body = New classes are announced regularly in every region. Please check again soon, or ask your school, family-development centre or university.
cohorts-regions-title = Regions served

## Error pages
error-back-home = Go to the home page
error-reference = Reference for support: { $id }
error-400-title = The request could not be understood
error-400-body = Something in the request was not valid. Please go back and try again.
error-403-title = You cannot open this page
error-403-body = Your account does not allow this, or the form had expired. Go back, reload the page and try again.
error-404-title = Page not found
error-404-body = We could not find this page. It may have moved, or the address may be mistyped.
error-405-title = This action is not allowed here
error-405-body = This address does not accept that kind of request.
error-413-title = What you sent is too large
error-413-body = The form or file you sent is larger than this site accepts. Please send something smaller.
error-414-title = The address is too long
error-414-body = The page's address is longer than the site accepts. Go back to the previous page, or choose from the menu.
error-431-title = The request is too large
error-431-body = Your browser sent more information than the site accepts, usually because of old cookies. Delete this site's cookies and try again.
error-429-title = Too many attempts
error-429-body = Please wait a little and try again.
error-500-title = Something went wrong on our side
error-500-body = The problem has been recorded. Please try again in a few minutes.
error-503-title = The service is temporarily unavailable
error-503-body = Please try again in a few minutes.

## Navigation for signed-in people
nav-login = Sign in
nav-register = Register
nav-logout = Sign out
nav-password = Change password
nav-me = My page
nav-trainer = My classes
nav-registrar = Registrar
nav-users = People
nav-audit = Audit log

## Forms
form-errors-title = Please correct the following
form-choose = Choose…
filter-apply = Show
pager-label = Pages
pager-next = Next page
pager-previous = Previous page
pager-status = Page { $page } of { $pages }
field-full-name-ar = Full name in Arabic
field-full-name-en = Full name in English
field-emirates-id = Emirates ID number
field-date-of-birth = Date of birth
field-gender = Gender
field-mobile = Mobile number
field-mobile-optional = Mobile number (optional)
field-email = E-mail address
field-email-optional = E-mail address (optional)
field-target-group = Which describes you best?
field-town = Home town
field-channel = How did you hear about the programme?
field-password = Password
field-password-confirm = Type the password again
field-current-password = Current password
field-new-password = New password
field-login = E-mail or Emirates ID
hint-full-name-ar = As written on your Emirates ID, in Arabic letters. It is printed on your certificate.
hint-full-name-en = As written on your Emirates ID, in English letters. It is printed on your certificate.
hint-emirates-id = 15 digits starting with 784, for example 784-1990-1234567-6. Dashes are optional.
hint-date-of-birth = Choose it in the calendar, or type the day, month and year, for example 23/04/1990.
hint-mobile = A UAE mobile number, for example 050 123 4567.
hint-email = If you give one, you can also sign in with it.
hint-new-password = At least 10 characters. A few unrelated words make a strong password that is easy to remember.
hint-login = The e-mail address or Emirates ID number of your account.

## Field errors
field-required = Please fill this in.
field-too-long = This is too long.
name-not-arabic = Please write the name in Arabic letters.
name-not-latin = Please write the name in English letters.
date-invalid = Please give a date that exists, day, month and year, for example 23/04/1990.
age-out-of-range = The programme is for people aged 15 to 100.
choice-invalid = Please choose one of the options.
eid-format = An Emirates ID has 15 digits.
eid-country = An Emirates ID starts with 784.
eid-checksum = This Emirates ID number is not valid: please check the digits.
eid-year-mismatch = The year in the Emirates ID does not match the date of birth.
eid-taken = An account with this Emirates ID already exists. Try signing in instead.
mobile-invalid = Please give a UAE mobile number, for example 050 123 4567.
email-invalid = Please give an e-mail address like name@example.ae.
email-taken = An account with this e-mail address already exists.
town-unknown = Please choose a town from the list.
password-too-short = The password must have at least 10 characters.
password-too-long = The password must have at most 256 characters.
password-guessable = This password is too easy to guess. Try a few unrelated words together.
password-personal = The password must not contain your name, e-mail address or Emirates ID.
password-mismatch = The two passwords are not the same.
password-current-wrong = The current password is not correct.
password-same = The new password must be different from the current one.

## Choices
gender-female = Female
gender-male = Male
target-group-parent = Parent
target-group-homemaker = Homemaker
target-group-job-seeker = Job seeker
target-group-government-employee = Government employee
target-group-special-needs = Person with special needs
target-group-student = Student
target-group-other = Other
channel-school = My school
channel-family-development = A family-development centre
channel-university = My university
channel-employer = My employer
channel-media = Newspaper, radio, TV or social media
channel-friends-family = Friends or family
channel-other = Other
role-trainee = Trainee
role-trainer = Trainer
role-registrar = Registrar
role-admin = Administrator

## Registration
register-title = Register for e-Citizen
register-lead = Registration is free. You will need your Emirates ID and a mobile number.
register-section-person = About you
register-section-contact = How to reach you
register-section-password = Your password
register-submit = Create my account
register-have-account = Already registered?

## Signing in
login-title = Sign in
login-submit = Sign in
login-no-account = New to e-Citizen?
login-failed = The e-mail, Emirates ID or password is not correct.
login-deactivated = This account has been deactivated. Please contact the programme office.
login-throttled = { $minutes ->
    [one] Too many attempts. Please wait a minute and try again.
   *[other] Too many attempts. Please wait { $minutes } minutes and try again.
}

## Password change
password-title = Change your password
password-lead = Choose a password you do not use anywhere else.
password-forced = You signed in with a one-time password. Please choose your own password to continue.
password-submit = Change password

## Flash messages
flash-welcome = Welcome to e-Citizen! Your account is ready.
flash-signed-out = You have signed out on every device.
flash-password-changed = Your password has been changed. You have been signed out everywhere else.
flash-not-on-self = You cannot change your own account here.
flash-user-deactivated = The account has been deactivated and its sessions ended.
flash-user-reactivated = The account has been reactivated.
flash-role-invalid = Please choose a valid role.
flash-role-unchanged = The person already has that role.
flash-role-changed = The role has been changed.

## Dashboards
me-title = My page
me-welcome = Welcome, { $name }
me-class-title = My class
me-no-class = You have not joined a class yet.
me-profile-title = My details
profile-name-ar = Name in Arabic
profile-name-en = Name in English
profile-emirates-id = Emirates ID
profile-mobile = Mobile
profile-email = E-mail
profile-town = Home town
profile-target-group = Group
trainer-title = Trainer workspace
trainer-classes-title = My classes
trainer-no-classes = No classes are assigned to you yet.
registrar-title = Registrar workspace
registrar-pending-title = Certificates waiting to be issued
registrar-no-pending = No certificates are waiting.

## People (admin)
users-title = People
users-search = Name, e-mail, Emirates ID or mobile
users-role-filter = Role
users-all-roles = All roles
users-none = Nobody matches this search.
users-col-name = Name
users-col-role = Role
users-col-status = Status
users-col-actions = Actions
users-active = Active
users-inactive = Deactivated
users-you = This is you
users-deactivate = Deactivate
users-reactivate = Reactivate
users-reset = Reset password
users-change-role = Change role
users-create-title = Create a staff account
users-create-lead = Trainers, registrars and administrators get a one-time password and choose their own at first sign-in.
users-create-submit = Create account
users-credential-title = One-time password
users-credential-lead = Give this password to the person now. It is shown only once; they must change it when they sign in.
users-one-time-password = One-time password

## Audit log (admin)
audit-title = Audit log
audit-lead = Every sign-in, account change and programme decision, newest first. Entries are chained so that any alteration is detected.
audit-all-actions = All actions
audit-from = From
audit-to = To
audit-none = No entries match.
audit-col-time = Time
audit-col-actor = By
audit-col-action = Action
audit-col-subject = About
audit-col-details = Details
audit-col-address = Address
audit-user-register = Registration
audit-login-success = Signed in
audit-login-failure = Failed sign-in
audit-logout = Signed out
audit-password-change = Password changed
audit-user-create = Account created
audit-user-password-reset = Password reset
audit-user-deactivate = Account deactivated
audit-user-reactivate = Account reactivated
audit-user-role-change = Role changed

# issue 16: shared by every page (exam screen, results, standings)
percent = { $value }%
confirm-back = No, go back
confirm-deactivate-title = Deactivate this account?
confirm-deactivate-signs-out = { $name } will no longer be able to sign in, and is signed out everywhere now.
confirm-deactivate-kept = Their records stay as they are, and you can reactivate the account later.
confirm-deactivate-yes = Yes, deactivate
confirm-role-title = Change this person's role?
confirm-role-change = { $name } changes from { $from } to { $to }. From their next page they can do what a { $to } does, and no longer what a { $from } does.
confirm-role-yes = Yes, change the role
audit-person = Person
audit-person-hint = A name, e-mail address, Emirates ID or mobile number.
audit-nobody = Nobody matches “{ $person }”.
audit-one-person = Showing what one person did.
audit-everyone = Show everyone
audit-subject-user = Account { $id }
audit-subject-attempt = Exam attempt { $id }
audit-subject-certificate = Certificate { $id }
audit-subject-cohort = Class { $id }
audit-subject-enrollment = Place { $id }
audit-subject-holiday = Holiday { $id }
audit-subject-question = Question { $id }
audit-subject-session = Session { $id }
audit-subject-sitting = Exam sitting { $id }
audit-subject-venue = Venue { $id }
audit-subject-settings = Programme settings
nav-admin = Administration
nav-admin-classes = Class management
