# تقارير البرنامج (للمسجّلين والمشرفين)
reports-title = تقارير البرنامج
reports-lead = أرقام البرنامج للصفوف التي بدأت بين تاريخين، في كل المناطق أو في منطقة أو مدينة واحدة. يمكن تنزيل كل جدول ملفَّ جدول بيانات (CSV).
reports-from = الصفوف التي تبدأ من
reports-to = حتى
reports-all = الكل
reports-range-backwards = نهاية المدة تسبق بدايتها.
reports-headline = نظرة سريعة
reports-registered = المسجّلون
reports-enrolled = الملتحقون بالصفوف
reports-trained = المتدرّبون (اكتمل حضورهم)
reports-completed = اكتمل الحضور
reports-sat = أدّوا الاختبار
reports-passed = الناجحون
reports-pass-rate = نسبة النجاح
reports-certified = صدرت شهاداتهم
reports-trained-by-region = المتدرّبون حسب المنطقة:
reports-funnel = من التسجيل إلى الشهادة
reports-csv = تنزيل بصيغة CSV
reports-none = لا صفوف في هذه المدة.
reports-not-given = غير محدد
reports-blocks = النتائج في كل وحدة من المنهج
reports-attempts = المحاولات
reports-mean-score = متوسط الدرجة
reports-how-counted = يَعُدّ «المسجّلون» حسابات المتدربين التي أُنشئت في المدة (حسب مدينة السكن). وتَعُدّ الأرقام الأخرى الأشخاص، كل شخص مرة واحدة، بين المقاعد في الصفوف التي بدأت في المدة (حسب مكان الصف)؛ ونسبة النجاح هي الناجحون ÷ من أدّوا الاختبار. وتَعُدّ نتائج الوحدات كل محاولة منتهية، ومنها محاولات الإعادة.
reports-by-region = المنطقة
reports-by-town = المدينة
reports-by-venue = مكان التدريب
reports-by-class = الصف
reports-by-trainer = المدرّب
reports-by-period = الفترة
reports-by-language = لغة التدريس
reports-by-gender = الجنس
reports-by-target_group = الفئة المستهدفة
reports-by-channel = جهة التسجيل
nav-reports = التقارير
reports-print = اطبع التقرير
reports-more-rows = { $count ->
    [one] صف واحد آخر في ملف CSV.
    [two] صفّان آخران في ملف CSV.
    [few] { $count } صفوف أخرى في ملف CSV.
   *[other] { $count } صفاً آخر في ملف CSV.
}
