-- A certificate's signed token and QR code, made once (at first view) and
-- kept: signing and drawing on every view cost more than the whole page.
-- `verify_url` is the address the QR code was drawn for and `key_id` the
-- issuer key that signed the token; a view asked on
-- another address draws it again, and one after a key rotation signs again.
CREATE TABLE certificate_renderings (
  certificate_id INTEGER PRIMARY KEY NOT NULL REFERENCES certificates (id),
  key_id TEXT NOT NULL,
  token TEXT NOT NULL,
  verify_url TEXT NOT NULL,
  qr_svg TEXT NOT NULL,
  created_at TIMESTAMP NOT NULL
);
