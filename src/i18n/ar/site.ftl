# الفهرس العربي. كل مفتاح هنا يجب أن يكون في en.ftl أيضاً (يتحقق من ذلك اختبار).

# عزل النصوص اللاتينية والأرقام داخل الجمل العربية (مثل: { -lri }050 123 4567{ -pdi })
# حتى تظهر بترتيبها الصحيح: بداية العزل من اليسار إلى اليمين ونهايته (Unicode LRI / PDI).
-lri = { "\u2066" }
-pdi = { "\u2069" }

## إطار الموقع
site-name = المواطن الإلكتروني
site-tagline = مهارات الحاسوب للحياة اليومية في دولة الإمارات
skip-to-content = انتقل إلى المحتوى الرئيسي
nav-label = القائمة الرئيسية
nav-home = الرئيسية
nav-cohorts = الصفوف
lang-switch-label = English
lang-switch-title = Read this page in English
footer-text = برنامج المواطن الإلكتروني لمحو الأمية الحاسوبية: أبوظبي والمنطقة الشرقية والمنطقة الغربية.
footer-health = حالة الخدمة

# issue 16 items 6/10
## وصف الصفحات لمحركات البحث، والقوائم والأشهر
meta-description = صفوف المواطن الإلكتروني المجانية في أبوظبي والمنطقة الشرقية والمنطقة الغربية: مهارات الحاسوب والإنترنت والخدمات الإلكترونية اليومية، واختبار مراقَب، وشهادة يمكن لأي شخص التحقق منها.
meta-description-cohorts = صفوف المواطن الإلكتروني المفتوحة حسب المنطقة والمدينة ووقت اليوم ولغة التدريس، مع عدد المقاعد المتبقية في كل صف.
list-separator = {"، "}
month-1 = يناير
month-2 = فبراير
month-3 = مارس
month-4 = أبريل
month-5 = مايو
month-6 = يونيو
month-7 = يوليو
month-8 = أغسطس
month-9 = سبتمبر
month-10 = أكتوبر
month-11 = نوفمبر
month-12 = ديسمبر
month-year = { $month } { $year }
cohorts-town-not-in-region = { $town } ليست في { $region }، لذا تُعرض صفوف كل المدن في { $region }.

## الصفحة الرئيسية
home-title = مهارات الحاسوب لكل مواطن
home-lead = المواطن الإلكتروني برنامج تدريبي مجاني يعلّم مهارات الحاسوب اليومية: استخدام الحاسوب والإنترنت والبريد الإلكتروني، والوصول إلى معلومات موثوقة، واستخدام الخدمات الحكومية والمصرفية وغيرها عبر الإنترنت.
home-cta-cohorts = ابحث عن صف قريب منك
home-what-title = ماذا ستتعلم
home-what-lead = يتبع المساق منهج المواطن الإلكتروني في ثلاث وحدات، بمجموع { $hours } ساعة تقريباً.
home-block-number = الوحدة { $number }
home-how-title = كيف يعمل البرنامج
home-step-register = سجّل برقم هويتك الإماراتية، بنفسك أو عن طريق مدرستك أو مركز التنمية الأسرية أو جامعتك.
home-step-enrol = اختر صفاً في منطقتك، صباحاً أو مساءً.
home-step-attend = احضر { $sessions ->
    [few] { $sessions } جلسات يومية
   *[other] { $sessions } جلسة يومية
} مدة كل منها { $hours ->
    [two] ساعتان
    [few] { $hours } ساعات
   *[other] { $hours } ساعة
} مع مدرّب.
home-step-exam = أدِّ اختباراً إلكترونياً مراقَباً مدته { $minutes } دقيقة في نهاية الصف.
home-step-certificate = احصل على شهادة يمكن لأي شخص التحقق منها عبر الإنترنت.
home-audience-title = لمن هذا البرنامج
home-audience-lead = لكل من يريد أن يستخدم الحاسوب بثقة، ومنهم:
audience-parents = أولياء الأمور
audience-homemakers = ربّات البيوت
audience-job-seekers = الباحثون عن عمل
audience-government = موظفو الحكومة
audience-special-needs = أصحاب الهمم
audience-students = الطلاب
home-regions-title = أين تُعقد الصفوف
home-regions-lead = تُعقد الصفوف في ثلاث مناطق، في المدارس ومراكز التنمية الأسرية والجامعات ومواقع الشركاء الأخرى.
home-region-towns = المدن في { $region }

## دليل الصفوف
cohorts-title = الصفوف
cohorts-lead = الصفوف المفتوحة التي يمكنك الانضمام إليها، حسب المنطقة والمدينة ووقت اليوم.
cohorts-count = { $count ->
    [0] لا توجد صفوف مفتوحة
    [one] صف واحد مفتوح
    [two] صفان مفتوحان
    [few] { $count } صفوف مفتوحة
    [many] { $count } صفاً مفتوحاً
   *[other] { $count } صف مفتوح
}
cohorts-empty-title = لا توجد صفوف مفتوحة للتسجيل بعد
cohorts-empty-body = يُعلن عن صفوف جديدة بانتظام في كل منطقة. يرجى المراجعة قريباً، أو السؤال في مدرستك أو مركز التنمية الأسرية أو جامعتك.
cohorts-regions-title = المناطق المخدومة

## صفحات الأخطاء
error-back-home = الذهاب إلى الصفحة الرئيسية
error-reference = الرقم المرجعي للدعم: { $id }
error-400-title = تعذّر فهم الطلب
error-400-body = يوجد في الطلب شيء غير صالح. يرجى الرجوع والمحاولة مرة أخرى.
error-403-title = لا يمكنك فتح هذه الصفحة
error-403-body = حسابك لا يسمح بذلك، أو انتهت صلاحية النموذج. ارجع وأعد تحميل الصفحة ثم حاول مرة أخرى.
error-404-title = الصفحة غير موجودة
error-404-body = لم نعثر على هذه الصفحة. ربما نُقلت، أو أن العنوان مكتوب بشكل غير صحيح.
error-405-title = هذا الإجراء غير مسموح هنا
error-405-body = هذا العنوان لا يقبل هذا النوع من الطلبات.
error-413-title = ما أرسلته كبير جداً
error-413-body = النموذج أو الملف الذي أرسلته أكبر مما يقبله الموقع. يرجى إرسال شيء أصغر.
error-414-title = العنوان طويل جداً
error-414-body = عنوان الصفحة أطول مما يقبله الموقع. ارجع إلى الصفحة السابقة أو اختر ما تريد من القائمة.
error-431-title = رأس الطلب كبير جداً
error-431-body = أرسل متصفحك معلومات أكثر مما يقبله الموقع، وغالباً بسبب ملفات تعريف ارتباط قديمة. احذف ملفات تعريف الارتباط لهذا الموقع ثم حاول مرة أخرى.
error-429-title = محاولات كثيرة جداً
error-429-body = يرجى الانتظار قليلاً ثم المحاولة مرة أخرى.
error-500-title = حدث خطأ من جهتنا
error-500-body = تم تسجيل المشكلة. يرجى المحاولة مرة أخرى بعد بضع دقائق.
error-503-title = الخدمة غير متاحة مؤقتاً
error-503-body = يرجى المحاولة مرة أخرى بعد بضع دقائق.

## التنقل للمستخدمين المسجلين
nav-login = تسجيل الدخول
nav-register = التسجيل
nav-logout = تسجيل الخروج
nav-password = تغيير كلمة المرور
nav-me = صفحتي
nav-trainer = صفوفي
nav-registrar = المسجّل
nav-users = الأشخاص
nav-audit = سجل التدقيق

## النماذج
form-errors-title = يرجى تصحيح ما يلي
form-choose = اختر…
filter-apply = عرض
pager-label = الصفحات
pager-next = الصفحة التالية
pager-previous = الصفحة السابقة
pager-status = الصفحة { $page } من { $pages }
field-full-name-ar = الاسم الكامل بالعربية
field-full-name-en = الاسم الكامل بالإنجليزية
field-emirates-id = رقم الهوية الإماراتية
field-date-of-birth = تاريخ الميلاد
field-gender = الجنس
field-mobile = رقم الهاتف المتحرك
field-mobile-optional = رقم الهاتف المتحرك (اختياري)
field-email = البريد الإلكتروني
field-email-optional = البريد الإلكتروني (اختياري)
field-target-group = أيّ مما يلي يصفك أكثر؟
field-town = مدينة السكن
field-channel = كيف عرفت بالبرنامج؟
field-password = كلمة المرور
field-password-confirm = أعد كتابة كلمة المرور
field-current-password = كلمة المرور الحالية
field-new-password = كلمة المرور الجديدة
field-login = البريد الإلكتروني أو رقم الهوية
hint-full-name-ar = كما هو مكتوب في هويتك الإماراتية بالحروف العربية. يُطبع في شهادتك.
hint-full-name-en = كما هو مكتوب في هويتك الإماراتية بالحروف الإنجليزية. يُطبع في شهادتك.
hint-emirates-id = ‏15 رقماً تبدأ بـ 784، مثل { -lri }784-1990-1234567-6{ -pdi }. الشرطات اختيارية.
hint-date-of-birth = اختره من التقويم، أو اكتب اليوم ثم الشهر ثم السنة، مثل 23/04/1990.
hint-mobile = رقم هاتف متحرك إماراتي، مثل { -lri }050 123 4567{ -pdi }.
hint-email = إذا أدخلته يمكنك تسجيل الدخول به أيضاً.
hint-new-password = ‏10 أحرف على الأقل. بضع كلمات لا علاقة بينها تصنع كلمة مرور قوية يسهل تذكرها.
hint-login = البريد الإلكتروني أو رقم الهوية الإماراتية لحسابك.

## أخطاء الحقول
field-required = يرجى تعبئة هذا الحقل.
field-too-long = هذا النص طويل جداً.
name-not-arabic = يرجى كتابة الاسم بالحروف العربية.
name-not-latin = يرجى كتابة الاسم بالحروف الإنجليزية.
date-invalid = يرجى كتابة تاريخ صحيح: اليوم ثم الشهر ثم السنة، مثل 23/04/1990.
age-out-of-range = البرنامج مخصص لمن تتراوح أعمارهم بين 15 و100 سنة.
choice-invalid = يرجى اختيار أحد الخيارات.
eid-format = يتكون رقم الهوية الإماراتية من 15 رقماً.
eid-country = يبدأ رقم الهوية الإماراتية بـ 784.
eid-checksum = رقم الهوية الإماراتية غير صحيح: يرجى التحقق من الأرقام.
eid-year-mismatch = السنة في رقم الهوية لا تطابق سنة الميلاد.
eid-taken = يوجد حساب بهذا الرقم من قبل. جرّب تسجيل الدخول.
mobile-invalid = يرجى إدخال رقم هاتف متحرك إماراتي، مثل { -lri }050 123 4567{ -pdi }.
email-invalid = يرجى إدخال بريد إلكتروني مثل { -lri }name@example.ae{ -pdi }.
email-taken = يوجد حساب بهذا البريد الإلكتروني من قبل.
town-unknown = يرجى اختيار مدينة من القائمة.
password-too-short = يجب أن تتكون كلمة المرور من 10 أحرف على الأقل.
password-too-long = يجب ألا تزيد كلمة المرور على 256 حرفاً.
password-guessable = كلمة المرور هذه سهلة التخمين. جرّب بضع كلمات لا علاقة بينها معاً.
password-personal = يجب ألا تحتوي كلمة المرور على اسمك أو بريدك الإلكتروني أو رقم هويتك.
password-mismatch = كلمتا المرور غير متطابقتين.
password-current-wrong = كلمة المرور الحالية غير صحيحة.
password-same = يجب أن تختلف كلمة المرور الجديدة عن الحالية.

## الخيارات
gender-female = أنثى
gender-male = ذكر
target-group-parent = وليّ أمر
target-group-homemaker = ربة منزل
target-group-job-seeker = باحث عن عمل
target-group-government-employee = موظف حكومي
target-group-special-needs = من أصحاب الهمم
target-group-student = طالب
target-group-other = غير ذلك
channel-school = مدرستي
channel-family-development = مركز التنمية الأسرية
channel-university = جامعتي
channel-employer = جهة عملي
channel-media = الصحف أو الإذاعة أو التلفاز أو وسائل التواصل
channel-friends-family = الأصدقاء أو العائلة
channel-other = غير ذلك
role-trainee = متدرب
role-trainer = مدرّب
role-registrar = مسجّل
role-admin = مدير النظام

## التسجيل
register-title = التسجيل في المواطن الإلكتروني
register-lead = التسجيل مجاني. ستحتاج إلى هويتك الإماراتية ورقم هاتف متحرك.
register-section-person = بياناتك
register-section-contact = كيف نتواصل معك
register-section-password = كلمة المرور
register-submit = أنشئ حسابي
register-have-account = مسجّل من قبل؟

## تسجيل الدخول
login-title = تسجيل الدخول
login-submit = دخول
login-no-account = جديد في المواطن الإلكتروني؟
login-failed = البريد الإلكتروني أو رقم الهوية أو كلمة المرور غير صحيح.
login-deactivated = تم إيقاف هذا الحساب. يرجى التواصل مع مكتب البرنامج.
login-throttled = { $minutes ->
    [one] محاولات كثيرة جداً. يرجى الانتظار دقيقة ثم المحاولة مرة أخرى.
    [two] محاولات كثيرة جداً. يرجى الانتظار دقيقتين ثم المحاولة مرة أخرى.
    [few] محاولات كثيرة جداً. يرجى الانتظار { $minutes } دقائق ثم المحاولة مرة أخرى.
   *[other] محاولات كثيرة جداً. يرجى الانتظار { $minutes } دقيقة ثم المحاولة مرة أخرى.
}

## تغيير كلمة المرور
password-title = تغيير كلمة المرور
password-lead = اختر كلمة مرور لا تستخدمها في أي مكان آخر.
password-forced = سجلت الدخول بكلمة مرور لمرة واحدة. يرجى اختيار كلمة مرورك الخاصة للمتابعة.
password-submit = تغيير كلمة المرور

## الرسائل
flash-welcome = مرحباً بك في المواطن الإلكتروني! حسابك جاهز.
flash-signed-out = تم تسجيل خروجك من جميع الأجهزة.
flash-password-changed = تم تغيير كلمة المرور، وتم تسجيل خروجك من الأجهزة الأخرى.
flash-not-on-self = لا يمكنك تعديل حسابك من هنا.
flash-user-deactivated = تم إيقاف الحساب وإنهاء جلساته.
flash-user-reactivated = تمت إعادة تفعيل الحساب.
flash-role-invalid = يرجى اختيار دور صحيح.
flash-role-unchanged = لدى الشخص هذا الدور من قبل.
flash-role-changed = تم تغيير الدور.

## الصفحات الشخصية
me-title = صفحتي
me-welcome = مرحباً، { $name }
me-class-title = صفي
me-no-class = لم تنضم إلى أي صف بعد.
me-profile-title = بياناتي
profile-name-ar = الاسم بالعربية
profile-name-en = الاسم بالإنجليزية
profile-emirates-id = رقم الهوية
profile-mobile = الهاتف المتحرك
profile-email = البريد الإلكتروني
profile-town = مدينة السكن
profile-target-group = الفئة
trainer-title = مساحة المدرّب
trainer-classes-title = صفوفي
trainer-no-classes = لم تُسند إليك أي صفوف بعد.
registrar-title = مساحة المسجّل
registrar-pending-title = شهادات بانتظار الإصدار
registrar-no-pending = لا توجد شهادات بانتظار الإصدار.

## الأشخاص (الإدارة)
users-title = الأشخاص
users-search = الاسم أو البريد أو رقم الهوية أو الهاتف
users-role-filter = الدور
users-all-roles = كل الأدوار
users-none = لا يوجد من يطابق هذا البحث.
users-col-name = الاسم
users-col-role = الدور
users-col-status = الحالة
users-col-actions = الإجراءات
users-active = نشط
users-inactive = موقوف
users-you = هذا أنت
users-deactivate = إيقاف
users-reactivate = إعادة تفعيل
users-reset = إعادة تعيين كلمة المرور
users-change-role = تغيير الدور
users-create-title = إنشاء حساب لموظف
users-create-lead = يحصل المدربون والمسجلون والمديرون على كلمة مرور لمرة واحدة، ويختارون كلمة مرورهم عند أول دخول.
users-create-submit = إنشاء الحساب
users-credential-title = كلمة مرور لمرة واحدة
users-credential-lead = سلّم كلمة المرور هذه للشخص الآن. لن تظهر إلا مرة واحدة، وعليه تغييرها عند تسجيل الدخول.
users-one-time-password = كلمة المرور المؤقتة

## سجل التدقيق (الإدارة)
audit-title = سجل التدقيق
audit-lead = كل عملية دخول وتغيير في الحسابات وقرار في البرنامج، الأحدث أولاً. السجلات مترابطة بحيث يُكتشف أي تعديل.
audit-all-actions = كل الإجراءات
audit-from = من
audit-to = إلى
audit-none = لا توجد سجلات مطابقة.
audit-col-time = الوقت
audit-col-actor = بواسطة
audit-col-action = الإجراء
audit-col-subject = يخص
audit-col-details = التفاصيل
audit-col-address = العنوان
audit-user-register = تسجيل جديد
audit-login-success = تسجيل دخول
audit-login-failure = محاولة دخول فاشلة
audit-logout = تسجيل خروج
audit-password-change = تغيير كلمة المرور
audit-user-create = إنشاء حساب
audit-user-password-reset = إعادة تعيين كلمة المرور
audit-user-deactivate = إيقاف حساب
audit-user-reactivate = إعادة تفعيل حساب
audit-user-role-change = تغيير الدور

# issue 16: shared by every page (exam screen, results, standings)
percent = { $value }٪
confirm-back = لا، عودة
confirm-deactivate-title = تعطيل هذا الحساب؟
confirm-deactivate-signs-out = لن يعود بإمكان صاحب الحساب { $name } تسجيل الدخول، ويُسجَّل خروجه من كل الأجهزة الآن.
confirm-deactivate-kept = تبقى سجلات الحساب كما هي، ويمكنك إعادة تفعيله لاحقاً.
confirm-deactivate-yes = نعم، عطّل الحساب
confirm-role-title = تغيير دور هذا الشخص؟
confirm-role-change = يتغير دور { $name } من «{ $from }» إلى «{ $to }». ابتداءً من الصفحة التالية تتاح لهذا الحساب صلاحيات «{ $to }» ولا تعود له صلاحيات «{ $from }».
confirm-role-yes = نعم، غيّر الدور
audit-person = الشخص
audit-person-hint = الاسم أو البريد الإلكتروني أو رقم الهوية الإماراتية أو رقم الهاتف المتحرك.
audit-nobody = لا أحد يطابق «{ $person }».
audit-one-person = تُعرض أعمال شخص واحد.
audit-everyone = اعرض الجميع
audit-subject-user = الحساب { $id }
audit-subject-attempt = محاولة الاختبار { $id }
audit-subject-certificate = الشهادة { $id }
audit-subject-cohort = الصف { $id }
audit-subject-enrollment = المقعد { $id }
audit-subject-holiday = العطلة { $id }
audit-subject-question = السؤال { $id }
audit-subject-session = الجلسة { $id }
audit-subject-sitting = جلسة الاختبار { $id }
audit-subject-venue = المكان { $id }
audit-subject-settings = إعدادات البرنامج
nav-admin = الإدارة
nav-admin-classes = إدارة الصفوف
