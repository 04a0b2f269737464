//! Password hashing with argon2id (m=19456 KiB, t=2, p=1: the OWASP
//! baseline). Each hash holds 19 MiB and tens of milliseconds of a core, so
//! hashing runs on the blocking pool behind a semaphore sized to the cores.

use std::sync::{Arc, LazyLock};

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use tokio::sync::Semaphore;

/// Hashing failed (it should not: parameters are fixed and valid).
#[derive(Debug, thiserror::Error)]
#[error("password hashing failed: {0}")]
pub struct HashError(String);

fn argon2() -> Argon2<'static> {
    let params = Params::new(19_456, 2, 1, None).unwrap_or_default();
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// A PHC string (`$argon2id$v=19$m=19456,t=2,p=1$…`). Blocking.
pub fn hash_blocking(password: &str) -> Result<String, HashError> {
    let mut salt_bytes = [0u8; 16];
    crate::auth::os_random(&mut salt_bytes);
    let salt = SaltString::encode_b64(&salt_bytes).map_err(|err| HashError(err.to_string()))?;
    argon2()
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|err| HashError(err.to_string()))
}

/// Whether `password` matches `hash`. Blocking. A malformed hash matches
/// nothing.
pub fn verify_blocking(hash: &str, password: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|parsed| {
        argon2()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok()
    })
}

/// Verified against when the login names no account, so that an unknown
/// login takes as long as a wrong password.
static DUMMY_HASH: LazyLock<String> =
    LazyLock::new(|| hash_blocking(&crate::auth::random_token()).unwrap_or_default());

/// Bounded, off-the-workers hashing for request handlers.
#[derive(Clone)]
pub struct Hasher {
    permits: Arc<Semaphore>,
}

impl Hasher {
    /// At most `concurrency` hashes at once (one per core is right).
    pub fn new(concurrency: usize) -> Self {
        Self {
            permits: Arc::new(Semaphore::new(concurrency.max(1))),
        }
    }

    pub async fn hash(&self, password: String) -> Result<String, HashError> {
        let _permit = self
            .permits
            .acquire()
            .await
            .map_err(|err| HashError(err.to_string()))?;
        actix_web::web::block(move || hash_blocking(&password))
            .await
            .map_err(|err| HashError(err.to_string()))?
    }

    /// Verifies against `hash`, or against a dummy hash when there is no
    /// account, so both take the same time.
    pub async fn verify(&self, hash: Option<String>, password: String) -> Result<bool, HashError> {
        let _permit = self
            .permits
            .acquire()
            .await
            .map_err(|err| HashError(err.to_string()))?;
        actix_web::web::block(move || match hash {
            Some(hash) => verify_blocking(&hash, &password),
            None => {
                verify_blocking(&DUMMY_HASH, &password);
                false
            }
        })
        .await
        .map_err(|err| HashError(err.to_string()))
    }
}

/// A one-time password for accounts an admin creates or resets: four groups
/// of four characters from an alphabet without look-alikes (about 80 bits).
pub fn one_time_password() -> String {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
    let mut bytes = [0u8; 16];
    crate::auth::os_random(&mut bytes);
    // 256 is not a multiple of 31; the slight bias costs a fraction of a bit.
    let chars: Vec<char> = bytes
        .iter()
        .map(|b| char::from(ALPHABET[usize::from(*b) % ALPHABET.len()]))
        .collect();
    chars
        .chunks(4)
        .map(|group| group.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_use_argon2id_with_the_documented_parameters() {
        let hash = hash_blocking("walnut orbit lantern 58").expect("hashes");
        assert!(
            hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{hash}"
        );
        assert!(verify_blocking(&hash, "walnut orbit lantern 58"));
        assert!(!verify_blocking(&hash, "walnut orbit lantern 59"));
        assert!(!verify_blocking("not a hash", "anything"));
    }

    #[test]
    fn one_time_passwords_are_readable_and_pass_the_password_rule() {
        let password = one_time_password();
        assert_eq!(password.len(), 19);
        assert_eq!(crate::domain::password::check(&password, &[]), Ok(()));
    }
}
