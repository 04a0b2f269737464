CREATE TABLE regions (
  id INTEGER PRIMARY KEY NOT NULL,
  code TEXT NOT NULL UNIQUE,
  name_ar TEXT NOT NULL,
  name_en TEXT NOT NULL,
  position INTEGER NOT NULL
);

CREATE TABLE towns (
  id INTEGER PRIMARY KEY NOT NULL,
  region_id INTEGER NOT NULL REFERENCES regions (id),
  code TEXT NOT NULL UNIQUE,
  name_ar TEXT NOT NULL,
  name_en TEXT NOT NULL,
  position INTEGER NOT NULL
);
CREATE INDEX towns_region_id ON towns (region_id);

CREATE TABLE courses (
  id INTEGER PRIMARY KEY NOT NULL,
  code TEXT NOT NULL UNIQUE,
  name_ar TEXT NOT NULL,
  name_en TEXT NOT NULL,
  hours INTEGER NOT NULL
);

CREATE TABLE syllabus_blocks (
  id INTEGER PRIMARY KEY NOT NULL,
  course_id INTEGER NOT NULL REFERENCES courses (id),
  number INTEGER NOT NULL CHECK (number BETWEEN 1 AND 3),
  name_ar TEXT NOT NULL,
  name_en TEXT NOT NULL,
  topics_ar TEXT NOT NULL,
  topics_en TEXT NOT NULL,
  UNIQUE (course_id, number)
);

-- Reference data: the programme's three regions and their towns, and the
-- e-Citizen course with its three syllabus blocks.
INSERT INTO regions (code, name_ar, name_en, position) VALUES
  ('abu-dhabi', 'منطقة أبوظبي', 'Abu Dhabi Region', 1),
  ('eastern', 'المنطقة الشرقية (منطقة العين)', 'Eastern Region (Al Ain)', 2),
  ('western', 'المنطقة الغربية (الظفرة)', 'Western Region (Al Dhafra)', 3);

INSERT INTO towns (region_id, code, name_ar, name_en, position) VALUES
  ((SELECT id FROM regions WHERE code = 'abu-dhabi'), 'abu-dhabi-city', 'مدينة أبوظبي', 'Abu Dhabi City', 1),
  ((SELECT id FROM regions WHERE code = 'eastern'), 'al-ain', 'العين', 'Al Ain', 1),
  ((SELECT id FROM regions WHERE code = 'eastern'), 'al-hayer', 'الهير', 'Al Hayer', 2),
  ((SELECT id FROM regions WHERE code = 'eastern'), 'al-wagan', 'الوقن', 'Al Wagan', 3),
  ((SELECT id FROM regions WHERE code = 'western'), 'madinat-zayed', 'مدينة زايد', 'Madinat Zayed', 1),
  ((SELECT id FROM regions WHERE code = 'western'), 'al-sila', 'السلع', 'Al Sila', 2),
  ((SELECT id FROM regions WHERE code = 'western'), 'ruwais', 'الرويس', 'Ruwais', 3),
  ((SELECT id FROM regions WHERE code = 'western'), 'ghayathi', 'غياثي', 'Ghayathi', 4);

INSERT INTO courses (code, name_ar, name_en, hours) VALUES
  ('ECITIZEN', 'المواطن الإلكتروني', 'e-Citizen', 30);

INSERT INTO syllabus_blocks (course_id, number, name_ar, name_en, topics_ar, topics_en) VALUES
  ((SELECT id FROM courses WHERE code = 'ECITIZEN'), 1, 'المهارات الأساسية', 'Foundation skills',
   'الحاسوب، الملفات، المستندات، الإنترنت، البريد الإلكتروني',
   'The computer, files, documents, the Internet, e-mail'),
  ((SELECT id FROM courses WHERE code = 'ECITIZEN'), 2, 'البحث عن المعلومات', 'Information search',
   'الحكومة، الأعمال والمستهلك، الصحة، التعليم، السفر، الترفيه',
   'Government, business and consumer, health, education, travel, leisure'),
  ((SELECT id FROM courses WHERE code = 'ECITIZEN'), 3, 'المشاركة الإلكترونية', 'e-Participation',
   'الخدمات الحكومية الإلكترونية، الخدمات المصرفية، التسوق، الوظائف، التعلم، الخدمات الصحية',
   'Online government services, banking, shopping, jobs, learning, health services');
