# مواقع التدريب والعطلات (الإدارة). كل مفتاح هنا يجب أن يكون في en/venues.ftl أيضاً.

## التنقل
nav-venues = مواقع التدريب
nav-holidays = العطلات

## مواقع التدريب
venues-title = مواقع التدريب
venues-lead = أماكن التدريب في كل مدينة. يحتفظ الموقع الموقوف بصفوفه، ولكن لا تُعقد فيه صفوف جديدة.
venues-none = لا توجد مواقع تدريب بعد. أضف أول موقع من النموذج أدناه.
venues-col-name = الاسم
venues-col-kind = الجهة الشريكة
venues-col-address = العنوان
venues-col-seats = المقاعد
venues-col-status = الحالة
venues-col-actions = الإجراءات
venues-active = قيد الاستخدام
venues-retired = موقوف
venues-edit = تعديل
venues-retire = إيقاف الاستخدام
venues-reactivate = إعادة الاستخدام
venues-delete = حذف
venues-create-title = إضافة موقع تدريب
venues-create-submit = إضافة الموقع
venues-edit-title = تعديل موقع التدريب: { $name }
venues-edit-submit = حفظ التغييرات
venues-back = العودة إلى مواقع التدريب
venues-status-title = الإيقاف أو الحذف
venues-status-lead = أوقِف استخدام الموقع إذا لم يعد مستخدماً: تبقى صفوفه كما هي، ولا يمكن تخطيط صفوف جديدة فيه. ولا يجوز حذف إلا الموقع الذي لم يُعقد فيه أي صف.

## حقول موقع التدريب
field-venue-town = المدينة
field-venue-name-ar = الاسم بالعربية
field-venue-name-en = الاسم بالإنجليزية
field-venue-partner-kind = نوع الجهة الشريكة
# issue 16 items 6/10
field-venue-address-ar = العنوان بالعربية
field-venue-address-en = العنوان بالإنجليزية
venue-address-not-arabic = يرجى كتابة العنوان العربي بالحروف العربية؛ ويجوز أن تكون أرقام الشوارع ورموز المباني بالحروف اللاتينية.
venue-address-not-english = يرجى كتابة العنوان الإنجليزي بالحروف الإنجليزية.
field-venue-seats = عدد المقاعد
hint-venue-address = الشارع والمبنى والقاعة، ليتمكن المتدربون من الوصول إليه. 300 حرف على الأكثر.
hint-venue-seats = عدد المقاعد في قاعة التدريب، من 1 إلى 500. لا يمكن أن يتجاوز عدد مقاعد أي صف هذا العدد.
venue-address-too-long = يجب ألا يزيد العنوان على 300 حرف.
venue-seats-not-number = يرجى كتابة عدد المقاعد رقماً صحيحاً، مثل 20.
venue-seats-out-of-range = يجب أن يتراوح عدد المقاعد بين 1 و500.

## أنواع الجهات الشريكة
partner-kind-school = مدرسة
partner-kind-family-development = مركز التنمية الأسرية
partner-kind-university = جامعة
partner-kind-applied-research = مركز للبحوث التطبيقية أو كلية تقنية
partner-kind-government = جهة حكومية
partner-kind-other = غير ذلك

## العطلات
holidays-title = العطلات
holidays-lead = العطلات الرسمية وغيرها من الأيام التي لا تُعقد فيها جلسات تدريبية.
holidays-note = لا تُجدوَل الجلسات في أيام العطلات أبداً، أما الصفوف المجدولة من قبل فتحتفظ بمواعيدها.
holidays-none = لم تُضف أي عطلة بعد.
holidays-col-day = التاريخ
holidays-col-actions = الإجراءات
holidays-delete = حذف
holidays-create-title = إضافة عطلة
holidays-create-submit = إضافة العطلة
field-holiday-day = التاريخ
hint-holiday-day = اختره من التقويم، أو اكتب اليوم/الشهر/السنة، مثل 02/12/2026.
field-holiday-name-ar = الاسم بالعربية
field-holiday-name-en = الاسم بالإنجليزية
holiday-day-taken = توجد عطلة مسجلة في هذا اليوم من قبل.

## الرسائل
flash-venue-created = تمت إضافة موقع التدريب.
flash-venue-updated = تم حفظ التغييرات على موقع التدريب.
flash-venue-unchanged = لم يتغير شيء.
flash-venue-retired = تم إيقاف استخدام موقع التدريب. تبقى صفوفه كما هي، ولا يمكن تخطيط صفوف جديدة فيه.
flash-venue-reactivated = عاد موقع التدريب إلى الاستخدام.
flash-venue-deleted = تم حذف موقع التدريب.
flash-venue-in-use = لا يمكن حذف موقع التدريب هذا لأن له صفوفاً، ويمكنك إيقاف استخدامه بدلاً من ذلك.
flash-holiday-added = تمت إضافة العطلة.
flash-holiday-deleted = تم حذف العطلة.

## سجل التدقيق
audit-venue-create = إضافة موقع تدريب
audit-venue-update = تعديل موقع تدريب
audit-venue-retire = إيقاف استخدام موقع تدريب
audit-venue-reactivate = إعادة استخدام موقع تدريب
audit-venue-delete = حذف موقع تدريب
audit-holiday-create = إضافة عطلة
audit-holiday-delete = حذف عطلة
