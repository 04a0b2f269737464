# الصفوف: الدليل وصفحات الصفوف والتسجيل والجداول.

period-morning = صباحي
period-evening = مسائي
teaching-ar = باللغة العربية
teaching-en = باللغة الإنجليزية
audience-only-all = الجميع
audience-only-women = للنساء فقط
audience-only-men = للرجال فقط
weekday-1 = الاثنين
weekday-2 = الثلاثاء
weekday-3 = الأربعاء
weekday-4 = الخميس
weekday-5 = الجمعة
weekday-6 = السبت
weekday-7 = الأحد
phase-draft = مسودة (غير منشور)
phase-open = مفتوح للتسجيل
phase-running = قيد الانعقاد
phase-finished = انتهى
phase-cancelled = ملغى
session-status-scheduled = كما هو مقرر
session-status-moved = نُقلت
session-status-cancelled = أُلغيت
enrollment-status-enrolled = مسجّل
enrollment-status-waitlisted = على قائمة الانتظار
enrollment-status-withdrawn = انسحب
enrollment-status-cancelled = أُلغي الصف
enrollment-status-moved = نُقل إلى صف آخر

cohorts-filters = تصفية الصفوف
cohorts-filter-region = المنطقة
cohorts-filter-town = المدينة
cohorts-filter-period = وقت اليوم
cohorts-filter-language = لغة التدريس
cohorts-filter-month = يبدأ في
cohorts-any = الكل
cohorts-none-match = لا يوجد صف يطابق هذه الخيارات
cohorts-clear-filters = عرض كل الصفوف

cohort-venue = المكان
cohort-when = الوقت
cohort-days = الأيام
cohort-dates = التواريخ
cohort-language = اللغة
cohort-audience = من يمكنه الانضمام
cohort-seats = المقاعد
cohort-seats-left = { $count ->
    [0] لا توجد مقاعد متبقية
    [one] بقي مقعد واحد
    [two] بقي مقعدان
    [few] بقيت { $count } مقاعد
    [many] بقي { $count } مقعداً
   *[other] بقي { $count } مقعد
}
cohort-full-waitlist = { $count ->
    [0] مكتمل: انضم إلى قائمة الانتظار
    [one] مكتمل: شخص واحد على قائمة الانتظار
    [two] مكتمل: شخصان على قائمة الانتظار
    [few] مكتمل: { $count } أشخاص على قائمة الانتظار
    [many] مكتمل: { $count } شخصاً على قائمة الانتظار
   *[other] مكتمل: { $count } شخص على قائمة الانتظار
}
cohort-capacity = { $count ->
    [one] مقعد واحد إجمالاً
    [two] مقعدان إجمالاً
    [few] { $count } مقاعد إجمالاً
    [many] { $count } مقعداً إجمالاً
   *[other] { $count } مقعد إجمالاً
}
cohort-waitlisted-count = { $count ->
    [one] منتظر واحد
    [two] منتظران
    [few] { $count } منتظرين
    [many] { $count } منتظراً
   *[other] { $count } منتظر
}
cohort-phase = الحالة
cohort-details = عن هذا الصف
cohort-address = المكان
cohort-trainer = المدرّب
cohort-enrolment-window = فترة التسجيل
cohort-sessions = الجلسات
cohort-your-place = مكانك
cohort-enrol = سجّل في هذا الصف
cohort-join-waitlist = انضم إلى قائمة الانتظار
cohort-sign-in-to-enrol = سجّل الدخول للتسجيل
cohort-not-enrollable = لم يعد هذا الصف يقبل التسجيل.
cohort-cancelled = تم إلغاء هذا الصف.
cohort-you-are-enrolled = لديك مقعد في هذا الصف.
cohort-you-are-waitlisted = { $position ->
    [one] أنت الأول على قائمة الانتظار، وستحصل على أول مقعد يتوفر.
   *[other] ترتيبك { $position } على قائمة الانتظار.
}
enrollment-withdraw = الانسحاب من هذا الصف
session-date = التاريخ
session-time = الوقت
session-status = الحالة
session-was = كانت { $when }
session-change = إلغاء أو نقل
session-cancel = إلغاء هذه الجلسة
session-move = نقل هذه الجلسة
session-new-date = التاريخ الجديد
session-new-time = وقت البدء الجديد

enrol-refused-active = لديك مكان في صف من هذا المساق. انسحب منه أولاً لتختار صفاً آخر.
enrol-refused-audience = هذا الصف مخصص لفئة أخرى (للنساء فقط أو للرجال فقط).
enrol-refused-window = انتهت فترة التسجيل في هذا الصف.
enrol-refused-overlap = يتزامن هذا الصف مع صف آخر مسجّل فيه.
enrol-refused-not-open = هذا الصف لا يقبل التسجيل.

flash-enrolled = تم تسجيلك. نراك في الجلسة الأولى!
flash-waitlisted = الصف مكتمل، لذا أُضفت إلى قائمة الانتظار. سنمنحك مقعداً حالما يتوفر.
flash-withdrawn = تم انسحابك من الصف.
flash-withdraw-too-late = لم يعد بالإمكان تغيير هذا المكان.
flash-cohort-created = حُفظ الصف مسودةً وجُدولت جلساته. انشره لفتح التسجيل.
flash-cohort-saved = تم حفظ الصف.
flash-cohort-cancelled = تم إلغاء الصف وإبلاغ المتدربين.
flash-cohort-is-cancelled = هذا الصف ملغى ولا يمكن تعديله.
flash-reason-required = يرجى ذكر السبب.
flash-session-cancelled = تم إلغاء الجلسة، ويرى المتدربون السبب.
flash-session-moved = تم نقل الجلسة، ويرى المتدربون الوقت الجديد والسبب.
flash-session-not-future = لا يمكن تغيير إلا الجلسات التي لم تبدأ بعد.
flash-move-invalid = يرجى إدخال تاريخ ووقت جديدين في المستقبل.
flash-registrar-enrolled = تم تسجيل المتدرب في الصف.
flash-registrar-moved = تم نقل المتدرب إلى الصف الآخر.

me-enrolled-in = أنت مسجّل في { $venue }.
me-waitlisted-for = أنت على قائمة الانتظار في { $venue }.
me-promoted = خبر سار: توفر مقعد وأصبح لك.
me-next-session = الجلسة القادمة
me-class-page = صفحة الصف
me-add-to-calendar = أضف الجلسات إلى تقويمي
me-class-cancelled = تم إلغاء صفك في { $venue }. يمكنك التسجيل في صف آخر.
me-reason = السبب: { $reason }
calendar-event-title = صف المواطن الإلكتروني

# issue 16 items 6/10
calendar-waitlisted-note = أنت على قائمة الانتظار لهذا الصف: هذه الجلسات مبدئية إلى أن يصبح لك مقعد فيه.

admin-cohorts-title = الصفوف
admin-cohorts-new = صف جديد
admin-cohorts-none = لا توجد صفوف بعد.
admin-cohort-edit = تعديل الصف
admin-cohort-started = بدأ هذا الصف: تنطبق تغييرات الجدول على الجلسات القادمة فقط.
admin-cohort-show-dates = اعرض التواريخ
admin-cohort-save = احفظ الصف
admin-cohort-preview = { $count ->
    [0] لا ينتج هذا الجدول أي جلسة
    [one] ينتج هذا الجدول جلسة واحدة
    [two] ينتج هذا الجدول جلستين
    [few] ينتج هذا الجدول { $count } جلسات
    [many] ينتج هذا الجدول { $count } جلسة
   *[other] ينتج هذا الجدول { $count } جلسة
}
admin-cohort-cancel-title = إلغاء هذا الصف
admin-cohort-cancel-lead = يُبلَّغ كل متدرب في صفحته، ويمكنه التسجيل في صف آخر.
admin-cohort-cancel = ألغِ الصف
cohort-venue-choice = { $venue }، { $town } ({ $seats } مقعد)
cohort-period = الفترة
cohort-starts-time = يبدأ الساعة
cohort-ends-time = ينتهي الساعة
hint-period-times = يملأ اختيار الفترة ساعاتها المعتادة، ويمكنك تغييرها.
cohort-start-date = اليوم الأول
cohort-session-count = عدد الجلسات
hint-session-count = عادةً 10 جلسات يومية مدة كل منها 3 ساعات.
cohort-capacity-field = السعة
hint-capacity = لا تزيد على عدد مقاعد المكان.
cohort-no-trainer = لم يُحدَّد بعد
cohort-enrol-opens = يبدأ التسجيل
cohort-enrol-closes = ينتهي التسجيل
cohort-status = النشر
venue-retired = هذا المكان متوقف عن الاستخدام؛ اختر مكاناً آخر.
time-invalid = يرجى إدخال وقت مثل 09:00.
time-order = يجب أن يكون وقت الانتهاء بعد وقت البدء.
start-in-past = لا يمكن أن يكون اليوم الأول في الماضي.
weekdays-required = اختر يوماً واحداً على الأقل من أيام الأسبوع.
number-invalid = يرجى إدخال عدد صحيح.
sessions-range = يتكون الصف من جلسة واحدة إلى 60 جلسة.
capacity-above-seats = يجب أن تكون السعة بين 1 وعدد مقاعد المكان.
capacity-below-enrolled = عدد المسجلين حالياً أكبر من هذه السعة.
window-order = يجب أن ينتهي التسجيل في يوم بدئه أو بعده.

registrar-trainees-title = المتدربون
registrar-search = الاسم أو رقم الهوية أو الهاتف
registrar-places = الصفوف
registrar-move-to = النقل إلى
registrar-move = نقل
registrar-enrol-title = التسجيل في صف
registrar-class = الصف
registrar-enrol = سجّل
registrar-choose-class = يرجى اختيار صف.
registrar-reason-required = يرجى ذكر السبب.

audit-enrollment-create = تسجيل في صف
audit-enrollment-withdraw = انسحاب
audit-enrollment-move = نقل بين الصفوف
audit-cohort-create = إنشاء صف
audit-cohort-update = تعديل صف
audit-cohort-cancel = إلغاء صف
audit-session-cancel = إلغاء جلسة
audit-session-move = نقل جلسة
home-upcoming-title = صفوف تبدأ قريباً
cohort-when-value = { $period }، { $hours }

## انتهاء الصف
enrol-refused-passed = اجتزت اختبار هذا المساق من قبل، فلا حاجة إلى صف آخر.
enrollment-status-completed = أكمل الصف
enrollment-status-not_completed = لم يُكمل الصف
me-ended-in = انتهى صفك في { $venue }:
me-exam-title = اختبارك
me-join-another = ابحث عن صف آخر

# Class drafts, publishing, rescheduling and clashes (issue 12).
admin-cohort-new-is-draft = يُحفظ الصف الجديد مسودةً، ولا يراه المتدربون إلا بعد نشره.
admin-cohort-draft-title = هذا الصف مسودة
admin-cohort-draft-lead = لا يظهر في دليل الصفوف ولا يقبل التسجيل. انشره عندما تكتمل تفاصيله.
admin-cohort-publish = انشر
admin-cohort-unpublish-title = إعادته إلى مسودة
admin-cohort-unpublish-lead = لا يوجد أي مسجّل بعد، لذا يمكن سحب الصف من الدليل حتى يكتمل.
admin-cohort-unpublish = أعِده مسودة
flash-cohort-published = نُشر الصف: أصبح في دليل الصفوف ومفتوحاً للتسجيل.
flash-cohort-unpublished = عاد الصف مسودةً وسُحب من دليل الصفوف.
flash-cohort-in-use = لدى متدربين أماكن في هذا الصف أو أنه بدأ، لذا يبقى منشوراً.
flash-cohort-status-unchanged = لم يتغير شيء: الصف في هذه الحالة من قبل.
audit-cohort-publish = نشر صف
audit-cohort-unpublish = إعادة صف إلى مسودة
admin-cohort-changes-title = ما يحدث للجلسات عند الحفظ
admin-cohort-no-changes = لا يغيّر الحفظ أي جلسة: الجدول كما هو.
preview-count-kept = { $count ->
    [0] لا تبقى أي جلسة كما هي
    [one] تبقى جلسة واحدة كما هي
    [two] تبقى جلستان كما هما
    [few] تبقى { $count } جلسات كما هي
   *[other] تبقى { $count } جلسة كما هي
}
preview-count-retimed = { $count ->
    [0] لا تتغير مواعيد أي جلسة
    [one] جلسة واحدة بموعد جديد
    [two] جلستان بموعد جديد
    [few] { $count } جلسات بموعد جديد
   *[other] { $count } جلسة بموعد جديد
}
preview-count-added = { $count ->
    [0] لا تُضاف أي جلسة
    [one] تُضاف جلسة واحدة
    [two] تُضاف جلستان
    [few] تُضاف { $count } جلسات
   *[other] تُضاف { $count } جلسة
}
preview-count-removed = { $count ->
    [0] لا تُحذف أي جلسة
    [one] تُحذف جلسة واحدة
    [two] تُحذف جلستان
    [few] تُحذف { $count } جلسات
   *[other] تُحذف { $count } جلسة
}
preview-kept = تبقى كما هي
preview-kept-held = تبقى: بدأت أو عُقدت
preview-kept-marked = تبقى: سُجّل فيها الحضور
preview-kept-moved = تبقى في الموعد الذي نقلها إليه المدرب
preview-kept-cancelled = تبقى ملغاة كما قرر المدرب
preview-retimed = موعد جديد
preview-added = جلسة مضافة
preview-removed = تُحذف
preview-was = كانت { $when }
cohort-clash-venue = يتزامن هذا الصف مع صف آخر في المكان نفسه: صف { $period ->
    [evening] الفترة المسائية
   *[other] الفترة الصباحية
} في { $venue } الذي يبدأ في { $start } ({ $hours })، وأول تعارض في { $date }.
cohort-clash-trainer = يدرّس هذا المدرب صفاً آخر في الوقت نفسه: صف { $period ->
    [evening] الفترة المسائية
   *[other] الفترة الصباحية
} في { $venue } الذي يبدأ في { $start } ({ $hours })، وأول تعارض في { $date }.
cohort-clash-venue-short = يوجد صف آخر في هذا المكان في الوقت نفسه.
cohort-clash-trainer-short = يدرّس هذا المدرب صفاً آخر في الوقت نفسه.
sessions-below-kept = يحتفظ الصف بالجلسات التي بدأت أو سُجّل فيها الحضور أو غيّرها المدرب، فلا يمكن أن يقل عدد الجلسات عنها.

# issue 16: confirming a withdrawal
confirm-withdraw-title = الانسحاب من هذا الصف؟
confirm-withdraw-seat = يذهب مقعدك في صف { $venue } فوراً إلى الشخص التالي في قائمة الانتظار.
confirm-withdraw-return = لا يمكن التراجع عن ذلك: للعودة يلزم تسجيل جديد، وقد يكون الصف ممتلئاً حينها.
confirm-withdraw-waitlist = تغادر قائمة انتظار صف { $venue } وتفقد دورك فيها.
confirm-withdraw-yes = نعم، انسحب

# issue 16: the trainer's dashboard
trainer-open-sittings = جلسات الاختبار المفتوحة الآن
trainer-go-to-sitting = انتقل إلى جلسة الاختبار في { $venue }
trainer-sitting-board = انتقل إلى لوحة جلسة الاختبار المفتوحة
trainer-seats-taken = المقاعد المحجوزة: { $enrolled } من { $capacity }
trainer-sessions-count = { $count ->
    [zero] لا جلسات
    [one] جلسة واحدة
    [two] جلستان
    [few] { $count } جلسات
   *[other] { $count } جلسة
}
