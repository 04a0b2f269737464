-- Every venue has its address in Arabic and in English, as it has its name:
-- the address stored so far (typed in whichever language) becomes the
-- English one and starts as the Arabic one too, until an admin translates it.
ALTER TABLE venues RENAME COLUMN address TO address_en;
ALTER TABLE venues ADD COLUMN address_ar TEXT NOT NULL DEFAULT '';
UPDATE venues SET address_ar = address_en;
