//! UAE mobile numbers, stored in E.164 form (`+9715XXXXXXXX`).

use std::fmt;

/// Mobile network prefixes in use (050, 052, 053, 054, 055, 056, 058).
const PREFIXES: [char; 7] = ['0', '2', '3', '4', '5', '6', '8'];

/// A valid UAE mobile number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mobile(String);

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum MobileError {
    #[error("empty")]
    Empty,
    #[error("not a UAE mobile number")]
    Invalid,
}

impl MobileError {
    pub fn key(self) -> &'static str {
        match self {
            Self::Empty => "field-required",
            Self::Invalid => "mobile-invalid",
        }
    }
}

impl Mobile {
    /// Accepts `05X XXX XXXX`, `+9715XXXXXXXX`, `009715XXXXXXXX` and
    /// `9715XXXXXXXX`, with spaces, dashes or brackets anywhere.
    pub fn parse(input: &str) -> Result<Self, MobileError> {
        let compact: String = input
            .chars()
            .filter(|c| !matches!(c, ' ' | '-' | '(' | ')' | '.'))
            .collect();
        if compact.is_empty() {
            return Err(MobileError::Empty);
        }
        let national = compact
            .strip_prefix("+971")
            .or_else(|| compact.strip_prefix("00971"))
            .or_else(|| compact.strip_prefix("971"))
            .map(str::to_owned)
            .or_else(|| compact.strip_prefix('0').map(str::to_owned))
            .ok_or(MobileError::Invalid)?;
        let mut chars = national.chars();
        let valid = national.len() == 9
            && national.bytes().all(|b| b.is_ascii_digit())
            && chars.next() == Some('5')
            && chars.next().is_some_and(|c| PREFIXES.contains(&c));
        if !valid {
            return Err(MobileError::Invalid);
        }
        Ok(Self(format!("+971{national}")))
    }

    /// `+9715XXXXXXXX`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// As people write it locally: `05X XXX XXXX`.
    pub fn local(&self) -> String {
        let national = &self.0[4..];
        format!("0{} {} {}", &national[..2], &national[2..5], &national[5..])
    }
}

impl fmt::Display for Mobile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_usual_way_of_writing_it_gives_e164() {
        for input in [
            "050 123 4567",
            "0501234567",
            "+971501234567",
            "00971501234567",
            "971 50 123 4567",
            "+971 (50) 123-4567",
        ] {
            assert_eq!(
                Mobile::parse(input).map(|m| m.0),
                Ok("+971501234567".to_owned()),
                "{input}"
            );
        }
        assert_eq!(
            Mobile::parse("0581234567").expect("valid").local(),
            "058 123 4567"
        );
    }

    #[test]
    fn landlines_foreign_and_short_numbers_are_refused() {
        for input in [
            "02 123 4567",
            "04 1234567",
            "+966501234567",
            "05012345",
            "051 123 4567",
            "05a 123 4567",
        ] {
            assert_eq!(Mobile::parse(input), Err(MobileError::Invalid), "{input}");
        }
        assert_eq!(Mobile::parse("  "), Err(MobileError::Empty));
    }
}
