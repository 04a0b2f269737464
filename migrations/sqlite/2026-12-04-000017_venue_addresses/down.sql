ALTER TABLE venues DROP COLUMN address_ar;
ALTER TABLE venues RENAME COLUMN address_en TO address;
