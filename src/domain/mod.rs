//! Pure rules of the programme. Nothing here knows about actix, diesel or
//! askama; anything that depends on time takes `now` as an argument.

/// Defines a closed set of choices stored as text.
macro_rules! choices {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $code:literal),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $name { $($variant),* }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// The stored and submitted code.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $code),* }
            }

            pub fn parse(code: &str) -> Result<Self, $crate::domain::person::FieldError> {
                match code.trim() {
                    "" => Err($crate::domain::person::FieldError::Required),
                    $($code => Ok($name::$variant),)*
                    _ => Err($crate::domain::person::FieldError::BadChoice),
                }
            }
        }

        /// Serialised as the stored code (in audit details and JSON).
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        /// Writes the stored code.
        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

pub mod attendance;
pub mod audit;
pub mod blueprint;
pub mod certificate;
pub mod class_size;
pub mod cohort;
pub mod email;
pub mod emirates_id;
pub mod enrollment;
pub mod exam;
pub mod mobile;
pub mod password;
pub mod person;
pub mod programme;
pub mod region;
pub mod report;
pub mod reschedule;
pub mod resit;
pub mod schedule;
pub mod throttle;
pub mod time;
pub mod venue;
