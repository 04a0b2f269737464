# بنك الأسئلة (المسؤول). كل مفتاح هنا يجب أن يوجد أيضاً في en/questions.ftl.

nav-questions = بنك الأسئلة

## القائمة
questions-title = بنك الأسئلة
questions-lead = أسئلة الاختبار باللغتين. يسحب كل اختبار أسئلته من الأسئلة الفعّالة في كل وحدة؛ والسؤال الموقوف لا يُسحب مرة أخرى لكنه يبقى في المحاولات التي استخدمته.
questions-imported = { $count ->
    [0] لم يُضف أي سؤال من الملف.
    [one] أُضيف سؤال واحد من الملف.
    [two] أُضيف سؤالان من الملف.
    [few] أُضيفت { $count } أسئلة من الملف.
    [many] أُضيف { $count } سؤالاً من الملف.
   *[other] أُضيف { $count } سؤال من الملف.
}
questions-counts-title = الأسئلة الفعّالة في كل وحدة
question-block-1 = الوحدة الأولى: المهارات الأساسية
question-block-2 = الوحدة الثانية: البحث عن المعلومات
question-block-3 = الوحدة الثالثة: المشاركة الإلكترونية
questions-active-count = { $count ->
    [0] لا توجد أسئلة فعّالة
    [one] سؤال فعّال واحد
    [two] سؤالان فعّالان
    [few] { $count } أسئلة فعّالة
    [many] { $count } سؤالاً فعّالاً
   *[other] { $count } سؤال فعّال
}
questions-block-short = العدد غير كافٍ: يسحب كل اختبار { $count } سؤالاً من كل وحدة.
questions-new = إضافة سؤال
questions-export-csv = تنزيل بصيغة CSV
questions-export-json = تنزيل بصيغة JSON
questions-list-title = { $count ->
    [0] لا توجد أسئلة
    [one] سؤال واحد
    [two] سؤالان
    [few] { $count } أسئلة
    [many] { $count } سؤالاً
   *[other] { $count } سؤال
}
questions-col-block = الوحدة
questions-col-topic = الموضوع
questions-col-kind = النوع
questions-col-stem = السؤال
questions-col-options = الخيارات
questions-col-status = الحالة
questions-col-version = الإصدار
questions-col-actions = الإجراءات
questions-any = الكل
questions-active = فعّال
questions-retired = موقوف
questions-search = كلمات من السؤال
questions-none = لا يوجد سؤال يطابق هذه الشروط.
questions-replaces = إصدار جديد من السؤال { $id }
questions-original = الإصدار الأول
questions-edit = تعديل
questions-retire = إيقاف
questions-reactivate = إعادة الاستخدام
questions-delete = حذف

## الاستيراد
questions-import-title = استيراد أسئلة
questions-import-lead = أضف أسئلة كثيرة دفعة واحدة من ملف CSV أو JSON (بحد أقصى 2 ميغابايت). يُفحص الملف كاملاً: إذا كان في أي سطر خطأ فلن يُضاف شيء، وتُعرض كل الأخطاء مع أرقام أسطرها.
questions-import-help-title = كيف تُعدّ الملف
questions-import-help-csv = ملف CSV (بترميز UTF-8، مثلاً بحفظه من جدول البيانات بصيغة "CSV UTF-8"): سؤال في كل سطر، ويكون السطر الأول هكذا:
questions-import-help-rules = الوحدة 1 أو 2 أو 3؛ والموضوع كلمات إنجليزية صغيرة بينها شرطات (مثل e-mail)؛ والنوع single أو multiple أو true_false. اكتب 1 للخيار الصحيح و0 لغيره. اترك الخيارات غير المستخدمة فارغة في آخر السطر. ضع النص الذي فيه فواصل أو علامات تنصيص أو أسطر جديدة بين علامتي تنصيص مزدوجتين، مع مضاعفة أي علامة تنصيص داخله. عمود الحالة اختياري (active أو retired).
questions-import-help-json = ملف JSON: مصفوفة من الأسئلة بهذا الشكل:
questions-import-file = الملف
questions-import-file-hint = ملف بامتداد ‎.csv أو ‎.json.
questions-import-format = الصيغة
questions-import-format-auto = حسب اسم الملف
questions-import-submit = استيراد
questions-import-refused = { $count ->
    [0] لم يُستورد شيء.
    [one] لم يُستورد شيء: في الملف خطأ واحد.
    [two] لم يُستورد شيء: في الملف خطآن.
    [few] لم يُستورد شيء: في الملف { $count } أخطاء.
    [many] لم يُستورد شيء: في الملف { $count } خطأً.
   *[other] لم يُستورد شيء: في الملف { $count } خطأ.
}
questions-import-line = السطر { $line }
questions-import-option = الخيار { $option }

## النموذج
questions-new-title = إضافة سؤال
questions-edit-title = تعديل سؤال
questions-back = العودة إلى بنك الأسئلة
questions-used-note = استُخدم هذا السؤال في اختبار. حفظ التعديلات يوقفه ويضيف السؤال المعدّل إصداراً جديداً؛ وتبقى الاختبارات التي استخدمته على السؤال كما كان.
questions-field-block = وحدة المنهج
questions-field-topic = الموضوع
questions-hint-topic = كلمات إنجليزية بحروف صغيرة بينها شرطات، مثل e-mail أو online-banking.
questions-field-kind = نوع السؤال
questions-field-stem-ar = السؤال بالعربية
questions-field-stem-en = السؤال بالإنجليزية
questions-field-options = الخيارات
questions-hint-options = املأ ما يحتاجه السؤال من خيارات باللغتين، وضع علامة على الخيارات الصحيحة. تُهمل الصفوف الفارغة.
questions-field-option-ar = الخيار { $option } بالعربية
questions-field-option-en = الخيار { $option } بالإنجليزية
questions-field-correct = صحيح
questions-new-submit = إضافة السؤال
questions-edit-submit = حفظ التعديلات
questions-status-title = الإيقاف أو الحذف
questions-status-lead = أوقف السؤال حتى لا يُسحب في الاختبارات الجديدة. لا يمكن حذف إلا سؤال لم يُستخدم في أي اختبار.

## الأنواع
question-kind-single = إجابة واحدة
question-kind-multiple = عدة إجابات
question-kind-true-false = صح أو خطأ

## الأخطاء
question-block-invalid = اختر الوحدة 1 أو 2 أو 3.
question-topic-invalid = يجب أن يكون الموضوع كلمات إنجليزية صغيرة أو أرقاماً بينها شرطة واحدة، بحد أقصى 40 حرفاً.
question-kind-invalid = اختر إجابة واحدة أو عدة إجابات أو صح أو خطأ.
question-stem-ar-required = اكتب السؤال بالعربية.
question-stem-en-required = اكتب السؤال بالإنجليزية.
question-stem-ar-too-long = لا يزيد السؤال بالعربية على 500 حرف.
question-stem-en-too-long = لا يزيد السؤال بالإنجليزية على 500 حرف.
question-options-single = لسؤال الإجابة الواحدة من 2 إلى 6 خيارات.
question-options-multiple = لسؤال الإجابات المتعددة من 3 إلى 6 خيارات.
question-options-true-false = لسؤال الصح والخطأ خياران بالضبط.
question-correct-single = حدّد خياراً صحيحاً واحداً بالضبط.
question-correct-multiple = حدّد خيارين صحيحين على الأقل.
question-correct-true-false = حدّد أحد الخيارين فقط على أنه صحيح.
question-option-text-required = اكتب الخيار بالعربية والإنجليزية.
question-option-text-too-long = لا يزيد الخيار على 200 حرف في كل لغة.
question-option-duplicate = هذا الخيار يكرر خياراً آخر.
question-option-gap = هذا الخيار يأتي بعد خيار فارغ: اترك الخيارات الأخيرة فقط فارغة.
question-correct-value = اكتب 1 للخيار الصحيح و0 للخيار الخاطئ.
question-status-invalid = يجب أن تكون الحالة active أو retired.
import-json-syntax = هذا ليس نص JSON صحيحاً.
import-json-not-array = يجب أن يكون الملف مصفوفة JSON من الأسئلة.
import-json-shape = ينقص هذا السؤال حقل، أو في أحد حقوله نوع خاطئ.
import-csv-header = يجب أن يسمّي السطر الأول الأعمدة: block وtopic وkind وstem_ar وstem_en وعلى الأقل option1 وoption2 (ar وen وcorrect).
import-csv-row = تعذّرت قراءة هذا السطر: راجع علامات التنصيص فيه.
import-empty = لا توجد أسئلة في الملف.
import-not-utf8 = الملف ليس نصاً بترميز UTF-8. احفظه بصيغة "CSV UTF-8" أو JSON بترميز UTF-8.
import-file-missing = اختر ملفاً لاستيراده.
import-format-unknown = يجب أن يكون الملف ‎.csv أو ‎.json، أو اختر الصيغة.
import-too-large = حجم الملف أكبر من 2 ميغابايت.

## رسائل بعد التغيير
flash-question-created = أُضيف السؤال.
flash-question-updated = حُفظ السؤال.
flash-question-versioned = كان السؤال قد استُخدم في اختبار، فأُوقف وأُضيف السؤال المعدّل إصداراً جديداً.
flash-question-unchanged = لم يتغير شيء.
flash-question-retired = أُوقف السؤال.
flash-question-reactivated = عاد السؤال إلى الاستخدام.
flash-question-deleted = حُذف السؤال.
flash-question-in-use = استُخدم هذا السؤال في اختبار، فلا يمكن حذفه. يمكنك إيقافه بدلاً من ذلك.

## سجل التدقيق
audit-question-create = إضافة سؤال
audit-question-update = تعديل سؤال
audit-question-retire = إيقاف سؤال
audit-question-reactivate = إعادة سؤال إلى الاستخدام
audit-question-delete = حذف سؤال
audit-question-import = استيراد أسئلة

# issue 16: the shipped bank's topics by name (a topic made up by an admin shows as typed)
topic-banking = الخدمات المصرفية الإلكترونية
topic-computer = الحاسوب
topic-consumer = حقوق المستهلك
topic-documents = المستندات
topic-e-government = الخدمات الحكومية الإلكترونية
topic-education-info = معلومات التعليم
topic-email = البريد الإلكتروني
topic-files = الملفات والمجلدات
topic-government-info = المعلومات الحكومية
topic-health-info = المعلومات الصحية
topic-health-services = الخدمات الصحية
topic-internet = الإنترنت
topic-jobs = الوظائف
topic-learning = التعلم الإلكتروني
topic-reliability = موثوقية المعلومات
topic-safety = الأمان على الإنترنت
topic-search-skills = البحث
topic-shopping = التسوق الإلكتروني
topic-travel = السفر
