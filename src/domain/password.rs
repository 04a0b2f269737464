//! The password rule: at least 10 characters, no composition rules, and
//! refused when easily guessed (zxcvbn's estimate below 3, which knows
//! common passwords, names and keyboard patterns) or when it contains the
//! person's own name, e-mail address or Emirates ID.

/// Shortest password accepted, in characters.
pub const MIN_CHARS: usize = 10;
/// Longest password accepted (argon2 handles more; this bounds the work).
pub const MAX_CHARS: usize = 256;

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PasswordError {
    #[error("required")]
    Required,
    #[error("too short")]
    TooShort,
    #[error("too long")]
    TooLong,
    #[error("easily guessed")]
    TooGuessable,
    #[error("contains personal information")]
    Personal,
    #[error("confirmation differs")]
    Mismatch,
}

impl PasswordError {
    pub fn key(self) -> &'static str {
        match self {
            Self::Required => "field-required",
            Self::TooShort => "password-too-short",
            Self::TooLong => "password-too-long",
            Self::TooGuessable => "password-guessable",
            Self::Personal => "password-personal",
            Self::Mismatch => "password-mismatch",
        }
    }
}

/// Checks a new password against the rule; `personal` holds the person's
/// names, e-mail address and Emirates ID (empty strings are ignored).
pub fn check(password: &str, personal: &[&str]) -> Result<(), PasswordError> {
    let length = password.chars().count();
    if length == 0 {
        return Err(PasswordError::Required);
    }
    if length < MIN_CHARS {
        return Err(PasswordError::TooShort);
    }
    if length > MAX_CHARS {
        return Err(PasswordError::TooLong);
    }
    let lowered = password.to_lowercase();
    let compact: String = lowered.chars().filter(|c| c.is_alphanumeric()).collect();
    let mut inputs = Vec::new();
    for item in personal
        .iter()
        .map(|item| item.trim().to_lowercase())
        .filter(|item| !item.is_empty())
    {
        // Whole values and their parts: a first name, the e-mail's local
        // part, the Emirates ID's digits.
        let mut parts: Vec<String> = item
            .split(|c: char| !c.is_alphanumeric())
            .filter(|part| part.chars().count() >= 4)
            .map(str::to_owned)
            .collect();
        let digits: String = item.chars().filter(char::is_ascii_digit).collect();
        if digits.len() >= 7 {
            parts.push(digits);
        }
        if parts
            .iter()
            .any(|part| lowered.contains(part.as_str()) || compact.contains(part.as_str()))
        {
            return Err(PasswordError::Personal);
        }
        inputs.push(item);
    }
    let inputs: Vec<&str> = inputs.iter().map(String::as_str).collect();
    let score: u8 = zxcvbn::zxcvbn(password, &inputs).score().into();
    if score < 3 {
        return Err(PasswordError::TooGuessable);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_unusual_passphrase_is_accepted() {
        assert_eq!(check("walnut orbit lantern 58", &["Mariam Ahmed"]), Ok(()));
        assert_eq!(check("قمر يضيء فوق الوادي الأخضر", &[]), Ok(()));
    }

    #[test]
    fn short_common_and_personal_passwords_are_refused() {
        assert_eq!(check("", &[]), Err(PasswordError::Required));
        assert_eq!(check("Ab1!xyz", &[]), Err(PasswordError::TooShort));
        assert_eq!(check("password123", &[]), Err(PasswordError::TooGuessable));
        assert_eq!(check("qwertyuiop", &[]), Err(PasswordError::TooGuessable));
        assert_eq!(
            check("Mariam-lantern-58", &["Mariam Ahmed", "mariam@example.ae"]),
            Err(PasswordError::Personal)
        );
        assert_eq!(
            check("id784199012345676x", &["784-1990-1234567-6"]),
            Err(PasswordError::Personal)
        );
        assert_eq!(check(&"x".repeat(300), &[]), Err(PasswordError::TooLong));
    }
}
