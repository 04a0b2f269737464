# الشهادات والتحقق العلني منها.

certificate-title = شهادتك
certificate-programme = برنامج المواطن الإلكتروني
certificate-heading = شهادة إتمام
certificate-certifies = تشهد بأن
certificate-completed = { $gender ->
    [female] قد أتمّت بنجاح مساق { $course }
   *[other] قد أتمّ بنجاح مساق { $course }
}
certificate-number = رقم الشهادة
certificate-exam-date = تاريخ الاختبار
certificate-issued-on = تاريخ الإصدار
certificate-verify-at = التحقق عبر
certificate-holder = صاحب الشهادة
certificate-course = المساق
certificate-score = الدرجة
certificate-choose = إصدار
certificate-issue-chosen = أصدر الشهادات المختارة
certificate-issued-title = الشهادات الصادرة
certificate-none-issued = لم تصدر أي شهادة بعد.
certificate-revoke = إلغاء
me-certificates-title = شهاداتي
flash-certificates-issued = صدرت الشهادات.
flash-certificates-none-chosen = يرجى اختيار شهادة واحدة على الأقل.
flash-certificate-revoked = أُلغيت الشهادة، وصفحة التحقق تذكر ذلك الآن.
flash-certificate-not-issued = لا يمكن إلغاء إلا شهادة صادرة.
verify-title = التحقق من شهادة
verify-code = رمز التحقق
verify-code-hint = الرمز المطبوع على الشهادة، مع الشرطات أو بدونها.
verify-submit = تحقق
verify-valid = هذه الشهادة صالحة.
verify-revoked = أُلغيت هذه الشهادة.
verify-revoked-on = أُلغيت بتاريخ { $date }.
verify-not-found = لا توجد شهادة بهذا الرمز.
verify-not-found-body = يرجى التحقق من الرمز المطبوع على الشهادة. إن كان صحيحاً فتواصل مع مكتب البرنامج.
audit-certificate-issue = إصدار شهادة
audit-certificate-revoke = إلغاء شهادة
certificate-qr-label = رمز الاستجابة السريعة لعنوان التحقق
verify-token-valid = توقيع رمز الاستجابة السريعة أصلي ومطابق لهذه الشهادة.
verify-token-invalid = توقيع رمز الاستجابة السريعة غير مطابق: قد لا تكون هذه شهادة أصلية من المواطن الإلكتروني.
# issue 16 items 6/10
verify-forged-title = تنبيه: لم يُوقَّع رمز الاستجابة السريعة هذا لهذه الشهادة
verify-forged-body = الرمز نفسه يخص الشهادة المبيّنة تفاصيلها أدناه. قارنها بالورقة: إن اختلف أي شيء فالورقة غير أصلية.
certificate-reissue = تصحيح الاسم وإعادة الإصدار
reissue-title = إعادة إصدار شهادة بعد تصحيح الاسم
reissue-lead = تحصل الشهادة المصحّحة على رقم جديد ورمز تحقق جديد. تبقى الشهادة القديمة في السجل، وتبيّن صفحة التحقق منها الشهادة التي حلّت محلها.
reissue-reason = سبب التصحيح
reissue-reason-hint = مثال: كُتب الاسم بالإنجليزية بشكل خاطئ. يُحفظ في سجل التدقيق.
reissue-update-account = تصحيح الأسماء في حساب المتدرب أيضًا
reissue-submit = إعادة إصدار الشهادة
flash-certificate-reissued = صدرت الشهادة المصحّحة برقم جديد، وتبيّن الشهادة القديمة الآن أنها استُبدلت.
error-reissue-same-names = الأسماء مطابقة لما في الشهادة: صحّح أحدها على الأقل.
audit-certificate-reissue = إعادة إصدار شهادة بعد تصحيح الاسم
verify-superseded = استُبدلت هذه الشهادة بشهادة مصحّحة.
verify-superseded-on = استُبدلت بتاريخ { $date } بالشهادة رقم { $number }.
verify-see-replacement = التحقق من الشهادة البديلة
certificate-superseded-notice = استُبدلت هذه الشهادة بشهادة مصحّحة:
me-certificate-superseded = استُبدلت بشهادة مصحّحة
certificate-search = البحث عن شهادة
certificate-search-hint = رقمها أو رمز التحقق منها أو جزء من اسم حاملها.
certificate-search-submit = بحث
certificate-none-found = لا توجد شهادة تطابق هذا البحث.
certificate-status = الحالة
certificate-status-pending = بانتظار الإصدار
certificate-status-issued = صالحة
certificate-status-revoked = ملغاة
certificate-status-superseded = استُبدلت بشهادة مصحّحة

# issue 16: printing a certificate
certificate-print = اطبع الشهادة
certificate-print-hint = تُطبع على صفحة A4 واحدة بالعرض.
