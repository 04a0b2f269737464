//! E-mail addresses, compared and stored in lower case.

use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Email(String);

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("not an e-mail address")]
pub struct EmailError;

impl EmailError {
    pub fn key(self) -> &'static str {
        "email-invalid"
    }
}

impl Email {
    /// A deliberately plain check (one `@`, a dot in the domain, no spaces,
    /// at most 254 characters): the real test of an address is a message.
    pub fn parse(input: &str) -> Result<Self, EmailError> {
        let email = input.trim().to_lowercase();
        let (local, domain) = email.split_once('@').ok_or(EmailError)?;
        let valid = !local.is_empty()
            && email.len() <= 254
            && !domain.contains('@')
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !email
                .chars()
                .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | ',' | ';'));
        if valid {
            Ok(Self(email))
        } else {
            Err(EmailError)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_trimmed_and_lower_cased() {
        assert_eq!(
            Email::parse(" Mariam@Example.AE ").map(|e| e.0),
            Ok("mariam@example.ae".to_owned())
        );
    }

    #[test]
    fn malformed_addresses_are_refused() {
        for input in [
            "",
            "mariam",
            "mariam@",
            "@example.ae",
            "mariam@example",
            "a b@example.ae",
            "a@b@c.ae",
            "a@.ae",
        ] {
            assert_eq!(Email::parse(input), Err(EmailError), "{input:?}");
        }
    }
}
