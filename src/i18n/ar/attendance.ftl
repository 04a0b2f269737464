# الحضور والأهلية وإعدادات البرنامج.

mark-present = حاضر
mark-late = متأخر
mark-absent = غائب
mark-excused = غياب بعذر
nav-back = رجوع
nav-settings = الإعدادات
attendance-title = الحضور
attendance-all-present = الجميع حاضرون
attendance-save = حفظ الحضور
attendance-nobody = لا يوجد مسجلون في هذا الصف بعد.
attendance-not-yet = لم تبدأ هذه الجلسة بعد؛ يمكن تسجيل الحضور منذ بدايتها.
attendance-closed = لم يعد بإمكان المدرب تعديل حضور هذه الجلسة. يمكن للمسجّل تصحيحه مع ذكر السبب.
attendance-invalid = بعض الاختيارات غير صحيحة. يرجى اختيار حاضر أو متأخر أو غائب أو غياب بعذر لكل متدرب.
flash-attendance-saved = تم حفظ الحضور.
flash-attendance-unchanged = تم حفظ الحضور؛ لم يتغير شيء.
flash-eligibility-saved = تم تسجيل القرار.
flash-settings-saved = تم حفظ الإعدادات.
trainer-today = جلسات اليوم
trainer-no-sessions-today = ليست لديك جلسات اليوم.
roster-grid-title = الحضور
roster-title = المتدربون
roster-rate = نسبة الحضور
roster-eligible = الموقف من الاختبار
roster-yes = نعم
roster-no = لا
roster-low = حضور منخفض
roster-waitlist = قائمة الانتظار
roster-waitlist-empty = لا يوجد منتظرون.
registrar-override = قرار المسجّل بشأن الاختبار
registrar-override-save = تسجيل القرار
registrar-correct-attendance = تصحيح الحضور للجلسة
me-attendance = الحضور
me-attendance-title = حضورك
me-attendance-rate = { $held ->
    [0] لم تُعقد أي جلسة بعد.
   *[other] حضرت { $attended } من أصل { $held } من الجلسات المنعقدة حتى الآن.
}
me-low-attendance = نسبة حضورك أقل من { $threshold }٪. يرجى حضور جميع الجلسات المتبقية أو التحدث إلى مدربك.
me-eligible = حضرت ما يكفي من الجلسات لأداء الاختبار.
settings-title = إعدادات البرنامج
settings-threshold = نسبة الحضور المطلوبة لأداء الاختبار (٪)
hint-threshold = من الجلسات المنعقدة فعلاً؛ لا تُحتسب الجلسات الملغاة. بين 50 و100.
settings-save = حفظ الإعدادات
threshold-range = يرجى إدخال نسبة بين 50 و100.
audit-attendance-mark = تسجيل حضور
audit-eligibility-override = قرار المسجّل بشأن الأهلية
audit-settings-update = تغيير الإعدادات
accommodation-title = التسهيلات
accommodation-none = لا توجد تسهيلات.
accommodation-current = { $percent ->
    [0] لا يوجد وقت إضافي للاختبار
   *[other] وقت إضافي للاختبار بنسبة { $percent }٪
}
accommodation-percent = الوقت الإضافي للاختبار (٪ من مدة الاختبار)
accommodation-note = ملاحظة للمدرّب
accommodation-save = حفظ التسهيلات
accommodation-percent-range = يرجى إدخال نسبة صحيحة من 0 إلى 100.
flash-accommodation-saved = تم حفظ التسهيلات.
audit-accommodation-set = تحديد تسهيلات

# issue 16: one statement of standing, the same for the trainee, the trainer and the registrar
standing-approved = أداء الاختبار متاح: بقرار من المسجّل.
standing-refused = أداء الاختبار غير متاح في هذا الصف: بقرار من المسجّل.
standing-completed = اكتمل الصف: الحضور يستوفي شرط الاختبار.
standing-not-completed = لم يكتمل الصف: بقي الحضور دون { $threshold }٪.
standing-early = أداء الاختبار مبكراً متاح: سمح المسجّل لهذا الصف بجلسة اختبار مبكرة، والحضور حتى الآن يستوفي الشرط.
standing-on-track = الحضور حتى الآن كافٍ. يأتي الاختبار بعد آخر جلسة في الصف.
standing-needed = { $count ->
    [one] بقيت جلسة واحدة يلزم حضورها قبل الاختبار.
    [two] بقيت جلستان يلزم حضورهما قبل الاختبار.
    [few] بقيت { $count } جلسات يلزم حضورها قبل الاختبار.
   *[other] بقيت { $count } جلسة يلزم حضورها قبل الاختبار.
}
standing-cannot-reach = الجلسات المتبقية لا تكفي لبلوغ نسبة الحضور { $threshold }٪: لا يمكن أداء الاختبار في هذا الصف. يُرجى مراجعة المدرب أو المسجّل.

# issue 16: the roster on a phone
mark-short-present = ح
mark-short-late = م
mark-short-absent = غ
mark-short-excused = ع
roster-marks-key = العلامات: ح حاضر، م متأخر، غ غائب، ع غياب بعذر؛ والرقم الصغير رقم الجلسة.

# issue 16: each reason says what it is for and who sees it
reason-decision = سبب القرار (يظهر للمتدرب)
reason-move = سبب النقل (يُحفظ في السجل)
reason-grant = سبب منح المحاولات الجديدة (يُحفظ في السجل)
reason-accommodation = السبب (يُحفظ في السجل ولا يظهر للمتدرب)
reason-placement = سبب التسجيل في الصف (يُحفظ في السجل)
registrar-session-link = الجلسة { $seq }، { $date }
reason-revoke = سبب الإلغاء (يظهر لكل من يتحقق من الشهادة)
reason-early-sitting = سبب جلسة الاختبار المبكرة (يظهر للمدرب)
reason-cancel-class = سبب الإلغاء (يظهر للمتدربين)
reason-cancel-session = سبب إلغاء الجلسة (يظهر للمتدربين)
reason-move-session = سبب النقل (يظهر للمتدربين)
reason-correction = سبب التصحيح (يُحفظ في السجل)
