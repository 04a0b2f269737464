//! The issuer's Ed25519 key and the compact signed token a certificate's QR
//! code carries, so a certificate can be checked offline with the published
//! public key. The private key lives in the data directory (mode 0600),
//! created on first start; it is never logged.

use std::fmt;
use std::path::Path;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// File name of the private key (hex seed) in the data directory.
pub const KEY_FILE: &str = "issuer-ed25519.key";

/// The signing key and its public identity.
#[derive(Clone)]
pub struct Issuer {
    signing: SigningKey,
    /// First 16 hex digits of the public key's SHA-256.
    pub key_id: String,
}

/// Never prints the key.
impl fmt::Debug for Issuer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Issuer {{ key_id: {} }}", self.key_id)
    }
}

/// The facts a token signs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Facts {
    /// Certificate number.
    pub n: String,
    /// Holder's name in Arabic and in English.
    pub ar: String,
    pub en: String,
    /// Course (English name).
    pub c: String,
    /// Issue date, `YYYY-MM-DD`.
    pub d: String,
    /// Key id.
    pub k: String,
}

/// Why a token does not check out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TokenError {
    #[error("the token is malformed")]
    Malformed,
    #[error("the token was signed by an unknown key")]
    UnknownKey,
    #[error("the signature does not match")]
    BadSignature,
}

fn key_id(public: &VerifyingKey) -> String {
    hex::encode(Sha256::digest(public.as_bytes()))[..16].to_owned()
}

impl Issuer {
    /// Loads the key from `dir`, creating it (mode 0600) on first start.
    pub fn load_or_create(dir: &Path) -> std::io::Result<Self> {
        let path = dir.join(KEY_FILE);
        let seed = match std::fs::read_to_string(&path) {
            Ok(text) => {
                let bytes = hex::decode(text.trim())
                    .map_err(|_| std::io::Error::other("the issuer key file is not hex"))?;
                <[u8; 32]>::try_from(bytes.as_slice())
                    .map_err(|_| std::io::Error::other("the issuer key file is not 32 bytes"))?
            }
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
                std::fs::create_dir_all(dir)?;
                let mut seed = [0u8; 32];
                crate::auth::os_random(&mut seed);
                write_private(&path, &hex::encode(seed))?;
                seed
            }
            Err(err) => return Err(err),
        };
        Ok(Self::from_seed(seed))
    }

    pub fn from_seed(seed: [u8; 32]) -> Self {
        let signing = SigningKey::from_bytes(&seed);
        let key_id = key_id(&signing.verifying_key());
        Self { signing, key_id }
    }

    /// The public key, URL-safe base64.
    pub fn public_key(&self) -> String {
        URL_SAFE_NO_PAD.encode(self.signing.verifying_key().as_bytes())
    }

    /// `base64url(JSON facts).base64url(signature)`.
    pub fn sign(&self, facts: &Facts) -> String {
        let payload = serde_json::to_vec(facts).unwrap_or_default();
        let signature = self.signing.sign(&payload);
        format!(
            "{}.{}",
            URL_SAFE_NO_PAD.encode(&payload),
            URL_SAFE_NO_PAD.encode(signature.to_bytes())
        )
    }

    /// The published keys: (key id, public key).
    pub fn published(&self) -> Vec<(String, String)> {
        vec![(self.key_id.clone(), self.public_key())]
    }
}

#[cfg(unix)]
fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)?;
    file.write_all(text.as_bytes())
}

#[cfg(not(unix))]
fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    std::fs::write(path, text)
}

/// Checks a token against published keys `(key id, base64url public key)`
/// and returns the facts it signs.
pub fn verify(token: &str, keys: &[(String, String)]) -> Result<Facts, TokenError> {
    let (payload, signature) = token.trim().split_once('.').ok_or(TokenError::Malformed)?;
    let payload = URL_SAFE_NO_PAD
        .decode(payload)
        .map_err(|_| TokenError::Malformed)?;
    let signature = URL_SAFE_NO_PAD
        .decode(signature)
        .map_err(|_| TokenError::Malformed)?;
    let signature = Signature::from_slice(&signature).map_err(|_| TokenError::Malformed)?;
    let facts: Facts = serde_json::from_slice(&payload).map_err(|_| TokenError::Malformed)?;
    let (_, public) = keys
        .iter()
        .find(|(id, _)| *id == facts.k)
        .ok_or(TokenError::UnknownKey)?;
    let public = URL_SAFE_NO_PAD
        .decode(public)
        .map_err(|_| TokenError::UnknownKey)?;
    let public = <[u8; 32]>::try_from(public.as_slice()).map_err(|_| TokenError::UnknownKey)?;
    let public = VerifyingKey::from_bytes(&public).map_err(|_| TokenError::UnknownKey)?;
    public
        .verify(&payload, &signature)
        .map_err(|_| TokenError::BadSignature)?;
    Ok(facts)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(issuer: &Issuer) -> Facts {
        Facts {
            n: "EC-2026-000001".into(),
            ar: "مريم أحمد".into(),
            en: "Mariam Ahmed".into(),
            c: "e-Citizen".into(),
            d: "2026-03-23".into(),
            k: issuer.key_id.clone(),
        }
    }

    #[test]
    fn a_token_verifies_and_any_change_or_other_key_fails() {
        let issuer = Issuer::from_seed([7; 32]);
        let token = issuer.sign(&facts(&issuer));
        assert_eq!(verify(&token, &issuer.published()), Ok(facts(&issuer)));
        let mut tampered = token.clone().into_bytes();
        tampered[5] = if tampered[5] == b'A' { b'B' } else { b'A' };
        assert!(
            verify(
                &String::from_utf8(tampered).expect("ascii"),
                &issuer.published()
            )
            .is_err()
        );
        let other = Issuer::from_seed([8; 32]);
        let forged = other.sign(&Facts {
            k: issuer.key_id.clone(),
            ..facts(&issuer)
        });
        assert_eq!(
            verify(&forged, &issuer.published()),
            Err(TokenError::BadSignature)
        );
        assert!(
            !format!("{issuer:?}").contains(&hex::encode([7u8; 32])),
            "Debug never shows the key"
        );
    }

    #[test]
    fn the_key_file_is_created_once_and_private() {
        let dir = tempfile::tempdir().expect("dir");
        let first = Issuer::load_or_create(dir.path()).expect("created");
        let again = Issuer::load_or_create(dir.path()).expect("loaded");
        assert_eq!(first.key_id, again.key_id);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(dir.path().join(KEY_FILE))
                .expect("file")
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }
}
