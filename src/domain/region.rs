//! The programme's three regions, by their stable codes.

use std::fmt;

/// A region code as used in URLs and open data.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RegionCode {
    AbuDhabi,
    Eastern,
    Western,
}

/// The text is not one of the region codes.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown region code")]
pub struct UnknownRegion;

impl RegionCode {
    pub const ALL: [RegionCode; 3] = [
        RegionCode::AbuDhabi,
        RegionCode::Eastern,
        RegionCode::Western,
    ];

    /// `abu-dhabi`, `eastern` or `western`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::AbuDhabi => "abu-dhabi",
            Self::Eastern => "eastern",
            Self::Western => "western",
        }
    }

    /// Parses a code, ignoring case and surrounding spaces.
    pub fn parse(code: &str) -> Result<Self, UnknownRegion> {
        let code = code.trim().to_ascii_lowercase();
        Self::ALL
            .into_iter()
            .find(|region| region.as_str() == code)
            .ok_or(UnknownRegion)
    }
}

impl fmt::Display for RegionCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for region in RegionCode::ALL {
            assert_eq!(RegionCode::parse(region.as_str()), Ok(region));
        }
        assert_eq!(RegionCode::parse(" Eastern "), Ok(RegionCode::Eastern));
        assert_eq!(RegionCode::parse("northern"), Err(UnknownRegion));
    }
}
