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
roster-eligible = يحق له أداء الاختبار
roster-yes = نعم
roster-no = لا
roster-overridden = بقرار المسجّل
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
me-eligible-override = وافق المسجّل على أدائك للاختبار.
me-not-eligible-override = قرر المسجّل أنه لا يحق لك أداء الاختبار في هذا الصف.
me-sessions-needed = { $count ->
    [one] تحتاج إلى حضور جلسة واحدة أخرى لتتمكن من أداء الاختبار.
    [two] تحتاج إلى حضور جلستين أخريين لتتمكن من أداء الاختبار.
    [few] تحتاج إلى حضور { $count } جلسات أخرى لتتمكن من أداء الاختبار.
    [many] تحتاج إلى حضور { $count } جلسة أخرى لتتمكن من أداء الاختبار.
   *[other] تحتاج إلى حضور { $count } جلسة أخرى لتتمكن من أداء الاختبار.
}
me-cannot-reach = لم يبقَ عدد كافٍ من الجلسات للوصول إلى نسبة حضور { $threshold }٪. يرجى التحدث إلى مدربك أو المسجّل.
me-completed = أكملت الصف بنجاح.
me-not-completed = لم تُكمل الصف: كانت نسبة حضورك منخفضة.
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
