# الاختبار: البدء والأداء والنتائج والمراقبة والإعدادات.

exam-title = الاختبار
nav-exam = الاختبار
exam-rules-title = قبل أن تبدأ
exam-your-time = { $minutes } دقيقة.
exam-your-time-extra = { $minutes } دقيقة + { $extra } دقيقة وقتاً إضافياً.
exam-rule-server-clock = يبدأ الوقت على الخادم منذ لحظة البدء: إغلاق الصفحة أو انقطاع الاتصال لا يوقفه.
exam-rule-questions = { $count } سؤالاً، سؤال في كل صفحة. يمكنك الرجوع وتغيير الإجابات ووضع علامة على الأسئلة لمراجعتها.
exam-rule-pass = تنجح إذا حصلت على { $percent }٪ أو أكثر.
exam-rule-saving = تُحفظ كل إجابة فور اختيارها. عند انتهاء الوقت تُرسل إجاباتك المحفوظة تلقائياً.
exam-rule-attempts = { $attempts ->
    [one] محاولة واحدة.
   *[other] حتى { $attempts } محاولات؛ بعد محاولة غير ناجحة يمكنك المحاولة مجدداً بعد { $hours } ساعة.
}
exam-pin = رمز الجلسة
exam-pin-hint = يعطيك المدرب الرمز في بداية جلسة الاختبار.
exam-start = ابدأ الاختبار
exam-continue = تابع اختبارك
exam-previous = نتائجك
exam-passed = ناجح
exam-failed = غير ناجح
exam-refused-no-sitting = لا توجد جلسة اختبار مفتوحة لصفك الآن. يفتحها المدرب بعد آخر جلسة للصف.
exam-refused-pin = الرمز غير صحيح. يرجى التأكد منه مع المدرب.
exam-refused-pin-wait = أُدخل رمز خاطئ مرات كثيرة. يُرجى الانتظار قليلاً ثم التأكد من الرمز مع المدرّب.
exam-refused-not-eligible = لا يمكنك أداء الاختبار بعد: يأتي الاختبار بعد انتهاء صفك لمن يستوفي حضوره الشرط. راجع صفحتك للتفاصيل.
exam-refused-attempts = لم تعد لديك محاولات متبقية لهذا الاختبار.
exam-refused-resit = يمكنك إعادة الاختبار بعد انقضاء مدة الانتظار التي تلي محاولتك الأخيرة.
exam-refused-bank = لا يمكن بدء الاختبار: بنك الأسئلة غير مكتمل. يرجى إبلاغ المدرب.
exam-question-of = السؤال { $number } من { $total }
exam-ends-at = ينتهي الاختبار الساعة { $time }.
exam-ten-minutes = بقيت 10 دقائق.
exam-five-minutes = بقيت 5 دقائق.
exam-time-up = انتهى الوقت. تُرسل إجاباتك المحفوظة الآن، وستظهر نتيجتك في هذه الصفحة.
exam-one-minute = بقيت دقيقة واحدة.
exam-offline = تعذّر إرسال إجاباتك. إنها محفوظة على هذا الجهاز وستُرسل فور عودة الاتصال.
exam-offline-move = أنت غير متصل، فلا يمكنك الانتقال إلى سؤال آخر الآن. إجاباتك محفوظة على هذا الجهاز؛ يرجى الانتظار حتى يعود الاتصال.
exam-offline-short = بانتظار الاتصال…
exam-saving = جارٍ الحفظ…
exam-saved = تم الحفظ.
exam-choose-all = اختر كل ما ينطبق.
exam-flag = ضع علامة على هذا السؤال لمراجعته لاحقاً
exam-previous-question = السؤال السابق
exam-save-next = حفظ والتالي
exam-finish = المراجعة والإرسال
exam-grid = جميع الأسئلة
exam-answered = تمت الإجابة
exam-flagged = عليه علامة
exam-save-late = انتهى وقت هذا الاختبار؛ لم تُحفظ هذه الإجابة. أُرسلت إجاباتك السابقة.
exam-save-invalid = هذه الإجابة لا تخص هذا الاختبار ولم تُحفظ.
exam-review-title = المراجعة قبل الإرسال
exam-all-answered = أجبت عن جميع الأسئلة.
exam-unanswered = { $count ->
    [one] سؤال واحد بلا إجابة:
    [two] سؤالان بلا إجابة:
    [few] { $count } أسئلة بلا إجابة:
   *[other] { $count } سؤالاً بلا إجابة:
}
exam-flagged-count = { $count ->
    [one] سؤال واحد عليه علامة للمراجعة:
    [two] سؤالان عليهما علامة للمراجعة:
    [few] { $count } أسئلة عليها علامة للمراجعة:
   *[other] { $count } سؤالاً عليها علامة للمراجعة:
}
exam-submit = أرسل اختباري
exam-back-to-questions = العودة إلى الأسئلة
exam-result-title = نتيجة اختبارك
exam-pass-mark = درجة النجاح { $percent }٪
exam-started-at = البدء
exam-finished-at = الانتهاء
exam-how-ended = طريقة الانتهاء
exam-ended-submitted = أرسلته بنفسك
exam-ended-expired = انتهى الوقت وأُرسلت إجاباتك المحفوظة
exam-ended-terminated = أنهاه المراقب
exam-receipt = الإيصال
exam-receipt-lead = الأسئلة التي كانت لها إجابة محفوظة عند انتهاء الاختبار.
exam-answer-stored = إجابة محفوظة
exam-no-answer = بلا إجابة
sitting-title = جلسة الاختبار
sitting-open = افتح جلسة اختبار
sitting-pin = الرمز للمتدربين
sitting-refreshes = تحديث هذه اللوحة كل 20 ثانية
sitting-refresh-now = تحديث الآن
sitting-closed = هذه الجلسة مغلقة: لا يمكن لأحد جديد البدء.
sitting-state = الحالة
sitting-state-not-started = لم يبدأ
sitting-state-open = قيد الأداء
sitting-state-submitted = أُرسل
sitting-state-expired = انتهى الوقت
sitting-state-terminated = أنهاه المراقب
sitting-progress = أجاب عن { $answered } من { $total }
sitting-minutes-left = { $minutes ->
    [one] بقيت دقيقة واحدة
    [two] بقيت دقيقتان
    [few] بقيت { $minutes } دقائق
   *[other] بقيت { $minutes } دقيقة
}
sitting-act = التمديد أو الإنهاء
sitting-minutes = الدقائق المضافة
sitting-extend = أضف وقتاً
sitting-terminate = أنهِ هذه المحاولة
sitting-close = أغلق الجلسة
flash-sitting-closed = أُغلقت الجلسة.
flash-attempt-extended = أُضيف الوقت.
flash-attempt-terminated = أُنهيت المحاولة وصُححت كما هي.
flash-attempt-not-open = انتهت هذه المحاولة من قبل.
flash-minutes-invalid = يرجى إدخال عدد دقائق بين 1 و120.
flash-exam-saved = حُفظت إعدادات الاختبار، وتنطبق على المحاولات التي تبدأ من الآن.
exam-settings-title = إعدادات الاختبار
exam-settings-lead = تنطبق التغييرات على المحاولات التي تبدأ لاحقاً؛ وتحتفظ المحاولات الجارية بقواعدها.
exam-duration = المدة (بالدقائق)
hint-exam-duration = من 1 إلى 240 دقيقة.
exam-pass-percent = درجة النجاح (٪)
exam-per-block = عدد الأسئلة لكل وحدة
hint-exam-per-block = عدد الأسئلة التي يسحبها الاختبار من كل وحدة، من 0 إلى 100.
exam-resit-hours = مدة الانتظار قبل إعادة الاختبار (بالساعات)
exam-max-attempts = الحد الأقصى للمحاولات
exam-duration-range = يجب أن تكون المدة من 1 إلى 240 دقيقة.
exam-pass-range = يجب أن تكون درجة النجاح من 1 إلى 100٪.
exam-blocks-invalid = يرجى إدخال ثلاثة أرقام من 0 إلى 100، مثل 12/12/12.
exam-resit-range = يرجى إدخال عدد ساعات من 0 إلى 8760.
exam-attempts-range = يرجى إدخال رقم من 1 إلى 20.
audit-sitting-open = فتح جلسة اختبار
audit-sitting-close = إغلاق جلسة اختبار
audit-attempt-start = بدء اختبار
audit-attempt-pin-wrong = رمز اختبار خاطئ
audit-attempt-submit = إرسال اختبار
audit-attempt-auto-submit = إرسال اختبار عند انتهاء الوقت
audit-attempt-extend = إضافة وقت للاختبار
audit-attempt-terminate = إنهاء اختبار من المراقب
audit-exam-settings = تغيير إعدادات الاختبار

## الاختبار في نهاية الصف: جلسات لها مدة، جلسات مبكرة، والخطوة التالية
exam-refused-passed = اجتزت هذا الاختبار من قبل، وستصدر شهادتك.
sittings-title = جلسات الاختبار
sitting-opened-at = فُتحت
sitting-closes-at = يُقبل البدء حتى
sitting-closed-at = أُغلقت في
sitting-one-open = جلسة مفتوحة الآن: أعطِ المتدربين رمزها من لوحة الجلسة.
sitting-early-allowed = سمح المسجّل لهذا الصف بجلسة اختبار قبل آخر جلساته. السبب:
sitting-window = عدد الدقائق التي يمكن للمتدربين البدء خلالها
sitting-window-hint = من 10 إلى 480 دقيقة. بعدها لا يمكن لأحد جديد البدء ولا يعمل الرمز، أما المحاولات الجارية فتحتفظ بوقتها.
sitting-window-explained = بعد ذلك لا يعمل الرمز، وتحتفظ المحاولات الجارية بوقتها.
sitting-no-sessions = لا توجد جلسات مخططة لهذا الصف، فلا يمكن فتح جلسة اختبار.
sitting-after-last-session = يمكن فتح جلسة الاختبار بعد انتهاء آخر جلسة للصف، في
sitting-refused-not-ended = ما زالت للصف جلسات قادمة. تُفتح جلسة الاختبار بعد آخر جلسة، أو قبل ذلك إذا سمح المسجّل.
sitting-refused-not-running = لا تُفتح جلسة اختبار إلا لصف منشور غير ملغى.
sitting-refused-window = أدخل عدد دقائق من 10 إلى 480.
early-sitting-class-ended = انتهى هذا الصف: يمكن لمدربه فتح جلسة الاختبار دون إذن.
early-sitting-not-running = لا تكون جلسة مبكرة إلا لصف منشور غير ملغى.
early-sitting-already = لهذا الصف إذن لم يستخدمه المدرب بعد.
flash-early-sitting-allowed = يمكن الآن للصف عقد جلسة اختبار واحدة قبل آخر جلساته، ويفتحها المدرب.
flash-attempts-granted = مُنحت سلسلة جديدة من المحاولات.
grant-refused-passed = اجتاز هذا المتدرب الاختبار، فلا شيء يُمنح.
grant-refused-attempts-left = ما زالت لهذا المتدرب محاولات متبقية.
grant-refused-not-retrained = تُمنح سلسلة جديدة بعد أن يُكمل المتدرب صفاً بدأ بعد محاولته الأخيرة.
grant-hint = استُنفدت كل المحاولات. بعد أن يُكمل المتدرب صفاً جديداً يمكنك منحه سلسلة جديدة من المحاولات.
grant-submit = امنح سلسلة جديدة من المحاولات
exam-what-next = الخطوة التالية
outlook-passed = تم اجتياز الاختبار.
outlook-may-sit = { $left ->
    [one] بقيت محاولة واحدة (من { $max }): يؤدى الاختبار في جلسة يفتحها المدرب بعد آخر جلسة للصف.
    [two] بقيت محاولتان (من { $max }): يؤدى الاختبار في جلسة يفتحها المدرب بعد آخر جلسة للصف.
    [few] بقيت { $left } محاولات (من { $max }): يؤدى الاختبار في جلسة يفتحها المدرب بعد آخر جلسة للصف.
   *[other] بقيت { $left } محاولة (من { $max }): يؤدى الاختبار في جلسة يفتحها المدرب بعد آخر جلسة للصف.
}
outlook-resit-from = { $left ->
    [one] المحاولة التالية ممكنة ابتداءً من { $when } (بتوقيت الإمارات). بقيت محاولة واحدة (من { $max }).
    [two] المحاولة التالية ممكنة ابتداءً من { $when } (بتوقيت الإمارات). بقيت محاولتان (من { $max }).
    [few] المحاولة التالية ممكنة ابتداءً من { $when } (بتوقيت الإمارات). بقيت { $left } محاولات (من { $max }).
   *[other] المحاولة التالية ممكنة ابتداءً من { $when } (بتوقيت الإمارات). بقيت { $left } محاولة (من { $max }).
}
outlook-used-up = { $used ->
    [one] استُخدمت المحاولة الوحيدة. بعد إكمال صف جديد يمكن للمسجّل منح سلسلة جديدة من المحاولات.
    [two] استُخدمت المحاولتان كلتاهما. بعد إكمال صف جديد يمكن للمسجّل منح سلسلة جديدة من المحاولات.
    [few] استُخدمت المحاولات الـ{ $used } كلها. بعد إكمال صف جديد يمكن للمسجّل منح سلسلة جديدة من المحاولات.
   *[other] استُخدمت المحاولات الـ{ $used } كلها. بعد إكمال صف جديد يمكن للمسجّل منح سلسلة جديدة من المحاولات.
}
outlook-certificate-pending = الشهادة: قيد الإعداد، ويصدرها المسجّل.
outlook-certificate-issued = صدرت الشهادة { $number }.
outlook-certificate-revoked = أُلغيت الشهادة { $number }.
registrar-cohorts-title = الصفوف وجلسات الاختبار
registrar-cohorts-lead = تُفتح جلسة اختبار الصف بعد انتهاء آخر جلساته. ويمكن للمسجّل هنا السماح بجلسة واحدة قبل ذلك (اختبار تعويضي أو مبكر)، مع سبب يُسجَّل.
registrar-cohorts-none = لا يوجد صف جارٍ أو على وشك البدء.
registrar-last-session = تنتهي آخر جلسة في:
registrar-early-used = { $count ->
    [one] عُقدت جلسة مبكرة واحدة.
    [two] عُقدت جلستان مبكرتان.
    [few] عُقدت { $count } جلسات مبكرة.
   *[other] عُقدت { $count } جلسة مبكرة.
}
registrar-early-waiting = جلسة مبكرة مسموح بها بانتظار المدرب. السبب:
registrar-early-allow = اسمح بجلسة قبل آخر جلسة للصف
registrar-exam-record = الاختبار
audit-enrollment-promote = منح مقعد من قائمة الانتظار
audit-enrollment-complete = إكمال الصف
audit-enrollment-not-complete = عدم إكمال الصف
audit-enrollment-waitlist-ended = انتهاء مكان في قائمة الانتظار بانتهاء الصف
audit-sitting-allow-early = السماح بجلسة مبكرة
audit-attempt-grant = منح سلسلة جديدة من المحاولات

# Exam settings: the blueprint must fit the active bank (issue 12).
exam-block-too-many-short = لا يكفي بنك الأسئلة لهذه الأعداد.
exam-block-too-many = { $count ->
    [0] الوحدة { $block } لا تضم أي سؤال نشط، فلا يمكن طلب أسئلة منها.
    [one] الوحدة { $block } لا تضم إلا سؤالاً نشطاً واحداً: اطلب منها سؤالاً واحداً على الأكثر.
    [two] الوحدة { $block } لا تضم إلا سؤالين نشطين: اطلب منها سؤالين على الأكثر.
    [few] الوحدة { $block } لا تضم إلا { $count } أسئلة نشطة: اطلب منها { $count } أسئلة على الأكثر.
    [many] الوحدة { $block } لا تضم إلا { $count } سؤالاً نشطاً: اطلب منها { $count } سؤالاً على الأكثر.
   *[other] الوحدة { $block } لا تضم إلا { $count } سؤال نشط: اطلب منها { $count } سؤال على الأكثر.
}

# issue 16: the exam screen and its confirmations
exam-answered-of = أُجيب عن { $answered } من { $total }
exam-legend-answered = مُجاب عنه
exam-legend-unanswered = بلا إجابة
exam-legend-flagged = مُعلَّم للمراجعة
exam-legend-current = السؤال الحالي
exam-confirm-unanswered = { $count ->
    [one] أفهم أن سؤالاً واحداً بلا إجابة فلا درجة له، وأنه لا يمكن تغيير الإجابات بعد التسليم.
    [two] أفهم أن سؤالين بلا إجابة فلا درجة لهما، وأنه لا يمكن تغيير الإجابات بعد التسليم.
    [few] أفهم أن { $count } أسئلة بلا إجابة فلا درجة لها، وأنه لا يمكن تغيير الإجابات بعد التسليم.
   *[other] أفهم أن { $count } سؤالاً بلا إجابة فلا درجة لها، وأنه لا يمكن تغيير الإجابات بعد التسليم.
}
exam-confirm-unanswered-needed = { $count ->
    [one] سؤال واحد بلا إجابة. ضع علامة في المربع للتسليم على أي حال، أو عُد وأجب عنه.
    [two] سؤالان بلا إجابة. ضع علامة في المربع للتسليم على أي حال، أو عُد وأجب عنهما.
    [few] { $count } أسئلة بلا إجابة. ضع علامة في المربع للتسليم على أي حال، أو عُد وأجب عنها.
   *[other] { $count } سؤالاً بلا إجابة. ضع علامة في المربع للتسليم على أي حال، أو عُد وأجب عنها.
}
exam-result-against = درجتك { $score }٪، ودرجة النجاح { $pass }٪.
exam-block-scores = الدرجة في كل وحدة
exam-block = الوحدة
exam-score = الدرجة
exam-see-certificate = اعرض شهادتك
exam-back-home = العودة إلى صفحتك
exam-details = تفاصيل الاختبار
sitting-extend-legend = منح وقت إضافي لهذه المحاولة
sitting-extend-reason = سبب الوقت الإضافي (يُحفظ في السجل)
sitting-end-legend = إنهاء هذه المحاولة الآن
sitting-end-reason = سبب الإنهاء (يظهر للمتدرب مع النتيجة)
confirm-terminate-title = إنهاء هذه المحاولة؟
confirm-terminate-ends = ينتهي اختبار { $name } الآن ويُصحَّح بالإجابات المحفوظة حتى هذه اللحظة. لا يمكن استئنافه، ويُحتسب من عدد المحاولات المسموح بها.
confirm-terminate-reason = السبب، ويظهر للمتدرب: { $reason }
confirm-terminate-yes = نعم، أنهِ المحاولة
exam-not-now = لا يمكن بدء الاختبار الآن
exam-check-again = تحقّق مرة أخرى
exam-block-range = يرجى كتابة عدد من 0 إلى 100.
exam-blocks-none = يلزم أن تضم وحدة واحدة على الأقل أسئلة.
