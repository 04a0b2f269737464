//! Password hashing with argon2id (m=19456 KiB, t=2, p=1: the OWASP
//! baseline). Each hash holds 19 MiB and tens of milliseconds of a core, so
//! request handlers hash on the blocking pool behind a semaphore sized to
//! the cores, each into one of as many 19 MiB buffers kept for the server's
//! life: sign-ins allocate nothing large, and the memory stays at cores ×
//! 19 MiB however many people sign in (an allocation per hash grew the
//! resident size by one buffer per blocking thread the allocator kept).

use std::sync::{Arc, LazyLock, Mutex};

use argon2::password_hash::{Output, ParamsString, PasswordHash, SaltString};
use argon2::{Algorithm, Argon2, Block, Params, Version};
use tokio::sync::Semaphore;

/// Hashing failed (it should not: parameters are fixed and valid).
#[derive(Debug, thiserror::Error)]
#[error("password hashing failed: {0}")]
pub struct HashError(String);

fn argon2() -> Argon2<'static> {
    let params = Params::new(19_456, 2, 1, None).unwrap_or_default();
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// The working memory of one hash, reused from hash to hash.
type Memory = Vec<Block>;

/// The raw hash of `password` with `salt`, computed in `memory` (grown to
/// the parameters' size the first time).
fn compute(
    argon: &Argon2<'_>,
    memory: &mut Memory,
    password: &str,
    salt: &[u8],
    length: usize,
) -> Result<Output, HashError> {
    let blocks = argon.params().block_count();
    if memory.len() < blocks {
        memory.resize(blocks, Block::default());
    }
    Output::init_with(length, |out| {
        argon
            .hash_password_into_with_memory(password.as_bytes(), salt, out, &mut memory[..])
            .map_err(|_| argon2::password_hash::Error::Crypto)
    })
    .map_err(|err| HashError(err.to_string()))
}

/// A PHC string (`$argon2id$v=19$m=19456,t=2,p=1$…`), hashed in `memory`.
fn hash_in(memory: &mut Memory, password: &str) -> Result<String, HashError> {
    let mut salt_bytes = [0u8; 16];
    crate::auth::os_random(&mut salt_bytes);
    let salt = SaltString::encode_b64(&salt_bytes).map_err(|err| HashError(err.to_string()))?;
    let argon = argon2();
    let output = compute(
        &argon,
        memory,
        password,
        &salt_bytes,
        Params::DEFAULT_OUTPUT_LEN,
    )?;
    let params =
        ParamsString::try_from(argon.params()).map_err(|err| HashError(err.to_string()))?;
    let hash = PasswordHash {
        algorithm: Algorithm::Argon2id.ident(),
        version: Some(Version::V0x13.into()),
        params,
        salt: Some(salt.as_salt()),
        hash: Some(output),
    };
    Ok(hash.to_string())
}

/// Whether `password` matches the PHC string `hash` (with the parameters
/// it names), computed in `memory`; the comparison is constant-time. A
/// malformed hash matches nothing.
fn verify_in(memory: &mut Memory, hash: &str, password: &str) -> bool {
    let Ok(parsed) = PasswordHash::new(hash) else {
        return false;
    };
    let (Some(salt), Some(expected)) = (parsed.salt, parsed.hash) else {
        return false;
    };
    let algorithm = Algorithm::try_from(parsed.algorithm);
    let version = parsed.version.map_or(Ok(Version::V0x13), Version::try_from);
    let params = Params::try_from(&parsed);
    let (Ok(algorithm), Ok(version), Ok(params)) = (algorithm, version, params) else {
        return false;
    };
    let mut salt_buffer = [0u8; 64];
    let Ok(salt) = salt.decode_b64(&mut salt_buffer) else {
        return false;
    };
    let argon = Argon2::new(algorithm, version, params);
    compute(&argon, memory, password, salt, expected.len()).is_ok_and(|out| out == expected)
}

/// A PHC string. Blocking; allocates its own memory (the command line and
/// the demo; handlers use [`Hasher`]).
pub fn hash_blocking(password: &str) -> Result<String, HashError> {
    hash_in(&mut Memory::new(), password)
}

/// Whether `password` matches `hash`. Blocking; allocates its own memory.
pub fn verify_blocking(hash: &str, password: &str) -> bool {
    verify_in(&mut Memory::new(), hash, password)
}

/// Verified against when the login names no account, so that an unknown
/// login takes as long as a wrong password.
static DUMMY_HASH: LazyLock<String> =
    LazyLock::new(|| hash_blocking(&crate::auth::random_token()).unwrap_or_default());

/// Bounded, off-the-workers hashing for request handlers, each hash in one
/// of the kept buffers (at most one per permit).
#[derive(Clone)]
pub struct Hasher {
    permits: Arc<Semaphore>,
    memory: Arc<Mutex<Vec<Memory>>>,
}

impl Hasher {
    /// At most `concurrency` hashes at once (one per core is right).
    pub fn new(concurrency: usize) -> Self {
        Self {
            permits: Arc::new(Semaphore::new(concurrency.max(1))),
            memory: Arc::default(),
        }
    }

    /// Runs `work` on the blocking pool with a permit and a kept buffer.
    async fn with_memory<T: Send + 'static>(
        &self,
        work: impl FnOnce(&mut Memory) -> T + Send + 'static,
    ) -> Result<T, HashError> {
        let _permit = self
            .permits
            .acquire()
            .await
            .map_err(|err| HashError(err.to_string()))?;
        let pool = Arc::clone(&self.memory);
        actix_web::web::block(move || {
            let taken = pool.lock().map(|mut kept| kept.pop()).unwrap_or(None);
            let mut memory = taken.unwrap_or_default();
            let result = work(&mut memory);
            if let Ok(mut kept) = pool.lock() {
                kept.push(memory);
            }
            result
        })
        .await
        .map_err(|err| HashError(err.to_string()))
    }

    pub async fn hash(&self, password: String) -> Result<String, HashError> {
        self.with_memory(move |memory| hash_in(memory, &password))
            .await?
    }

    /// Verifies against `hash`, or against a dummy hash when there is no
    /// account, so both take the same time.
    pub async fn verify(&self, hash: Option<String>, password: String) -> Result<bool, HashError> {
        self.with_memory(move |memory| match hash {
            Some(hash) => verify_in(memory, &hash, &password),
            None => {
                verify_in(memory, &DUMMY_HASH, &password);
                false
            }
        })
        .await
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

    /// Hashes stored before the kept buffers (made by the crate's own
    /// hasher) still verify, and the crate verifies ours; one buffer serves
    /// hash after hash.
    #[test]
    fn reused_memory_agrees_with_the_argon2_crate_both_ways() {
        use argon2::password_hash::{PasswordHasher, PasswordVerifier};

        let salt = SaltString::encode_b64(&[7u8; 16]).expect("salt");
        let theirs = argon2()
            .hash_password(b"walnut orbit lantern 58", &salt)
            .expect("hashes")
            .to_string();
        let mut memory = Memory::new();
        assert!(verify_in(&mut memory, &theirs, "walnut orbit lantern 58"));
        assert!(!verify_in(&mut memory, &theirs, "walnut orbit lantern 57"));
        let ours = hash_in(&mut memory, "cedar river 12").expect("hashes");
        let parsed = PasswordHash::new(&ours).expect("a PHC string");
        assert!(argon2().verify_password(b"cedar river 12", &parsed).is_ok());
        assert!(verify_in(&mut memory, &ours, "cedar river 12"));
        assert_eq!(memory.len(), 19_456, "one 19 MiB buffer, reused");
    }

    #[test]
    fn one_time_passwords_are_readable_and_pass_the_password_rule() {
        let password = one_time_password();
        assert_eq!(password.len(), 19);
        assert_eq!(crate::domain::password::check(&password, &[]), Ok(()));
    }
}
