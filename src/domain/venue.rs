//! A venue's own fields: where it is (its address) and how many people its
//! room seats. Names use `person::ArabicName` / `EnglishName`, the partner
//! kind `cohort::PartnerKind`.

/// Longest address accepted, in characters.
pub const ADDRESS_MAX: usize = 300;

/// Most seats a venue may have; larger halls are not training rooms.
pub const SEATS_MAX: i32 = 500;

/// Why a venue field was refused; `key()` is the catalogue key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum VenueError {
    #[error("required")]
    Required,
    #[error("address too long")]
    AddressTooLong,
    #[error("the Arabic address has no Arabic letters")]
    AddressNotArabic,
    #[error("the English address has Arabic letters")]
    AddressNotEnglish,
    #[error("seats is not a whole number")]
    SeatsNotNumber,
    #[error("seats out of range")]
    SeatsOutOfRange,
}

impl VenueError {
    pub const ALL: &'static [VenueError] = &[
        Self::Required,
        Self::AddressTooLong,
        Self::AddressNotArabic,
        Self::AddressNotEnglish,
        Self::SeatsNotNumber,
        Self::SeatsOutOfRange,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Self::Required => "field-required",
            Self::AddressTooLong => "venue-address-too-long",
            Self::AddressNotArabic => "venue-address-not-arabic",
            Self::AddressNotEnglish => "venue-address-not-english",
            Self::SeatsNotNumber => "venue-seats-not-number",
            Self::SeatsOutOfRange => "venue-seats-out-of-range",
        }
    }
}

/// A venue's street address, on one line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Address(String);

impl Address {
    pub fn parse(input: &str) -> Result<Self, VenueError> {
        // One line on the page and in the certificate snapshot: runs of
        // spaces and line breaks pasted from elsewhere become one space.
        let address = input.split_whitespace().collect::<Vec<_>>().join(" ");
        if address.is_empty() {
            return Err(VenueError::Required);
        }
        if address.chars().count() > ADDRESS_MAX {
            return Err(VenueError::AddressTooLong);
        }
        Ok(Self(address))
    }

    /// The Arabic address: it has Arabic letters (street numbers and Latin
    /// building codes may stand beside them), so an English one typed in
    /// the wrong field is caught before it reaches an Arabic page.
    pub fn parse_arabic(input: &str) -> Result<Self, VenueError> {
        let address = Self::parse(input)?;
        if address.0.chars().any(is_arabic) {
            Ok(address)
        } else {
            Err(VenueError::AddressNotArabic)
        }
    }

    /// The English address: no Arabic letters.
    pub fn parse_english(input: &str) -> Result<Self, VenueError> {
        let address = Self::parse(input)?;
        if address.0.chars().any(is_arabic) {
            Err(VenueError::AddressNotEnglish)
        } else {
            Ok(address)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

fn is_arabic(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// The number of seats in a venue's room, 1 to [`SEATS_MAX`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Seats(i32);

impl Seats {
    /// Accepts Western and Arabic-Indic digits, since admins type in either.
    pub fn parse(input: &str) -> Result<Self, VenueError> {
        let digits: String = input.trim().chars().map(western_digit).collect();
        if digits.is_empty() {
            return Err(VenueError::Required);
        }
        let unsigned = digits.strip_prefix('-').unwrap_or(&digits);
        if unsigned.is_empty() || !unsigned.chars().all(|c| c.is_ascii_digit()) {
            return Err(VenueError::SeatsNotNumber);
        }
        // Anything too long for an i32 is out of range rather than "not a number".
        let seats = digits.parse::<i32>().unwrap_or(i32::MAX);
        if (1..=SEATS_MAX).contains(&seats) {
            Ok(Self(seats))
        } else {
            Err(VenueError::SeatsOutOfRange)
        }
    }

    pub fn get(self) -> i32 {
        self.0
    }
}

/// `٣` (Arabic-Indic) and `۳` (Extended Arabic-Indic) become `3`.
fn western_digit(c: char) -> char {
    let offset = match c {
        '\u{0660}'..='\u{0669}' => Some(u32::from(c) - 0x0660),
        '\u{06F0}'..='\u{06F9}' => Some(u32::from(c) - 0x06F0),
        _ => None,
    };
    offset
        .and_then(|digit| char::from_digit(digit, 10))
        .unwrap_or(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_is_required_fits_on_one_line_and_has_at_most_300_characters() {
        assert_eq!(
            Address::parse("  Street 12,\n Building 4 ").map(|a| a.0),
            Ok("Street 12, Building 4".to_owned())
        );
        assert_eq!(Address::parse(" \n "), Err(VenueError::Required));
        assert!(Address::parse(&"ع".repeat(300)).is_ok());
        assert_eq!(
            Address::parse(&"ع".repeat(301)),
            Err(VenueError::AddressTooLong)
        );
    }

    #[test]
    fn each_address_is_in_its_own_language() {
        assert!(Address::parse_arabic("شارع زايد، مبنى 4B").is_ok());
        assert_eq!(
            Address::parse_arabic("Zayed Street, Building 4"),
            Err(VenueError::AddressNotArabic)
        );
        assert!(Address::parse_english("Zayed Street, Building 4").is_ok());
        assert_eq!(
            Address::parse_english("شارع زايد"),
            Err(VenueError::AddressNotEnglish)
        );
        assert_eq!(Address::parse_arabic(" "), Err(VenueError::Required));
    }

    #[test]
    fn seats_are_a_whole_number_from_1_to_500() {
        assert_eq!(Seats::parse(" 25 ").map(Seats::get), Ok(25));
        assert_eq!(Seats::parse("1").map(Seats::get), Ok(1));
        assert_eq!(Seats::parse("500").map(Seats::get), Ok(500));
        assert_eq!(Seats::parse("٢٥").map(Seats::get), Ok(25));
        assert_eq!(Seats::parse("۳۰").map(Seats::get), Ok(30));
        assert_eq!(Seats::parse(""), Err(VenueError::Required));
        assert_eq!(Seats::parse("0"), Err(VenueError::SeatsOutOfRange));
        assert_eq!(Seats::parse("501"), Err(VenueError::SeatsOutOfRange));
        assert_eq!(Seats::parse("-4"), Err(VenueError::SeatsOutOfRange));
        assert_eq!(
            Seats::parse("99999999999999"),
            Err(VenueError::SeatsOutOfRange)
        );
        for not_a_number in ["abc", "12.5", "1e3", "-", "2 5", "+"] {
            assert_eq!(
                Seats::parse(not_a_number),
                Err(VenueError::SeatsNotNumber),
                "{not_a_number:?}"
            );
        }
    }
}
