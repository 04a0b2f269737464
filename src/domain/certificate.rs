//! Certificate numbers (`EC-YYYY-NNNNNN`, gap-free per year) and
//! verification codes: 128 random bits written in Crockford base32 (26
//! characters), grouped for print and accepted in any case, with or without
//! dashes, with Crockford's look-alike letters folded.
//!
//! The 30 lines of encoding are our own on purpose: the base32 crates write
//! bytes left to right with the pad bits at the end, while these codes (like
//! ULIDs) are a 128-bit number with the pad bits in front, and codes already
//! printed on certificates must keep parsing.

use std::fmt;

choices!(
    /// A certificate record's life: created by a pass, issued by a
    /// registrar, revoked, or superseded by a corrected reissue.
    CertificateStatus {
        Pending => "pending",
        Issued => "issued",
        Revoked => "revoked",
        Superseded => "superseded",
    }
);

impl CertificateStatus {
    pub fn is_pending(self) -> bool {
        self == Self::Pending
    }

    pub fn is_issued(self) -> bool {
        self == Self::Issued
    }

    pub fn is_revoked(self) -> bool {
        self == Self::Revoked
    }

    pub fn is_superseded(self) -> bool {
        self == Self::Superseded
    }
}

/// `EC-2026-000042`.
pub fn number(year: i32, sequence: i32) -> String {
    format!("EC-{year:04}-{sequence:06}")
}

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// A verification code, stored as its 26 canonical characters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerificationCode(String);

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("not a verification code")]
pub struct BadCode;

impl VerificationCode {
    /// From 16 random bytes.
    pub fn from_bytes(bytes: [u8; 16]) -> Self {
        let mut value = u128::from_be_bytes(bytes);
        let mut chars = [b'0'; 26];
        for slot in chars.iter_mut().rev() {
            *slot = ALPHABET[usize::try_from(value & 31).unwrap_or(0)];
            value >>= 5;
        }
        Self(chars.iter().map(|b| char::from(*b)).collect())
    }

    /// Accepts any case, dashes and spaces; folds I/L to 1 and O to 0.
    pub fn parse(text: &str) -> Result<Self, BadCode> {
        let mut code = String::with_capacity(26);
        for c in text.chars().filter(|c| !matches!(c, '-' | ' ')) {
            let c = match c.to_ascii_uppercase() {
                'I' | 'L' => '1',
                'O' => '0',
                c => c,
            };
            if !ALPHABET.contains(&u8::try_from(c).map_err(|_| BadCode)?) {
                return Err(BadCode);
            }
            code.push(c);
        }
        if code.len() != 26 || !matches!(code.as_bytes()[0], b'0'..=b'7') {
            return Err(BadCode);
        }
        Ok(Self(code))
    }

    /// The stored form, 26 characters.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// For print: groups of four and a final two, `ABCD-EFGH-…-YZ`.
    pub fn grouped(&self) -> String {
        self.0
            .as_bytes()
            .chunks(4)
            .map(|chunk| String::from_utf8_lossy(chunk).into_owned())
            .collect::<Vec<_>>()
            .join("-")
    }
}

impl fmt::Display for VerificationCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.grouped())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_zero_padded() {
        assert_eq!(number(2026, 42), "EC-2026-000042");
    }

    #[test]
    fn codes_round_trip_in_any_case_with_or_without_dashes() {
        let code = VerificationCode::from_bytes([0xAB; 16]);
        assert_eq!(code.as_str().len(), 26);
        assert_eq!(VerificationCode::parse(&code.grouped()), Ok(code.clone()));
        assert_eq!(
            VerificationCode::parse(&code.as_str().to_lowercase()),
            Ok(code.clone())
        );
        assert_eq!(code.grouped().len(), 26 + 6);
    }

    /// The encoding is ULID's (Crockford base32 of a big-endian 128-bit
    /// number, two pad bits in front), so these vectors come from outside
    /// this code: ULID's largest value, and two worked out independently.
    #[test]
    fn codes_match_known_answers() {
        let cases: [([u8; 16], &str); 3] = [
            ([0xFF; 16], "7ZZZZZZZZZZZZZZZZZZZZZZZZZ"),
            (
                [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15],
                "00041061050R3GG28A1C60T3GF",
            ),
            (
                [
                    0x01, 0x23, 0x45, 0x67, 0x89, 0xAB, 0xCD, 0xEF, 0x01, 0x23, 0x45, 0x67, 0x89,
                    0xAB, 0xCD, 0xEF,
                ],
                "014D2PF2DBSQQG28T5CY4TQKFF",
            ),
        ];
        for (bytes, text) in cases {
            let code = VerificationCode::from_bytes(bytes);
            assert_eq!(code.as_str(), text);
            assert_eq!(VerificationCode::parse(text), Ok(code));
        }
    }

    #[test]
    fn malformed_codes_are_refused() {
        assert_eq!(VerificationCode::parse("short"), Err(BadCode));
        assert_eq!(
            VerificationCode::parse("UUUUUUUUUUUUUUUUUUUUUUUUUU"),
            Err(BadCode)
        );
        assert_eq!(
            VerificationCode::parse("ZZZZZZZZZZZZZZZZZZZZZZZZZZ"),
            Err(BadCode),
            "above 128 bits"
        );
        let zero = VerificationCode::from_bytes([0; 16]);
        assert_eq!(
            VerificationCode::parse("oooo-oooo-oooo-oooo-oooo-oooo-oo"),
            Ok(zero)
        );
    }
}
