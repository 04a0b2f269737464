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
error-429-title = Too many attempts
error-429-body = Please wait a little and try again.
error-500-title = Something went wrong on our side
error-500-body = The problem has been recorded. Please try again in a few minutes.
error-503-title = The service is temporarily unavailable
error-503-body = Please try again in a few minutes.
