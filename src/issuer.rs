//! The issuer's Ed25519 key and the compact signed token a certificate's QR
//! code carries, so a certificate can be checked offline with the published
//! public key. The private key lives in the data directory (mode 0600),
//! created on first start, or in a file named by configuration; it is never
//! logged. `ecitizen issuer rotate` replaces it and keeps the old public key
//! in a list of retired keys, which stay published so certificates signed
//! before the rotation still verify.

use std::fmt;
use std::path::{Path, PathBuf};

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// File name of the private key (hex seed) in the data directory.
pub const KEY_FILE: &str = "issuer-ed25519.key";

/// File name of the retired public keys in the data directory.
pub const RETIRED_FILE: &str = "issuer-retired-keys.json";

/// Where the issuer's keys are kept.
#[derive(Clone, Debug)]
pub struct KeyFiles {
    /// The private key (hex seed).
    pub key: PathBuf,
    /// Public keys of earlier private keys, in the format of
    /// `/.well-known/ecitizen-issuer.json`.
    pub retired: PathBuf,
    /// Create the private key when it is missing (the default location);
    /// a key named by configuration must exist.
    pub create: bool,
}

impl KeyFiles {
    /// The default files in the data directory.
    pub fn in_dir(dir: &Path) -> Self {
        Self {
            key: dir.join(KEY_FILE),
            retired: dir.join(RETIRED_FILE),
            create: true,
        }
    }
}

/// The signing key and its public identity.
#[derive(Clone)]
pub struct Issuer {
    signing: SigningKey,
    /// First 16 hex digits of the public key's SHA-256.
    pub key_id: String,
    /// Earlier keys, still published: (key id, public key).
    retired: Vec<(String, String)>,
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
        Self::open(&KeyFiles::in_dir(dir))
    }

    /// Loads the private key (creating it if allowed and missing) and the
    /// retired public keys.
    pub fn open(files: &KeyFiles) -> std::io::Result<Self> {
        let seed = crate::secrets::load_or_create(crate::secrets::KeyFile {
            path: &files.key,
            create: files.create,
            what: "the issuer key",
        })?;
        let retired = match std::fs::read_to_string(&files.retired) {
            Ok(text) => parse_keys(&text).map_err(|err| {
                std::io::Error::other(format!("{}: {err}", files.retired.display()))
            })?,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => Vec::new(),
            Err(err) => return Err(err),
        };
        Ok(Self {
            retired,
            ..Self::from_seed(seed)
        })
    }

    pub fn from_seed(seed: [u8; 32]) -> Self {
        let signing = SigningKey::from_bytes(&seed);
        let key_id = key_id(&signing.verifying_key());
        Self {
            signing,
            key_id,
            retired: Vec::new(),
        }
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

    /// The published keys, current first: (key id, public key).
    pub fn published(&self) -> Vec<(String, String)> {
        let mut keys = vec![(self.key_id.clone(), self.public_key())];
        for key in &self.retired {
            if !keys.iter().any(|(id, _)| *id == key.0) {
                keys.push(key.clone());
            }
        }
        keys
    }

    /// The document published at `/.well-known/ecitizen-issuer.json`.
    pub fn document(&self) -> serde_json::Value {
        let keys: Vec<serde_json::Value> = self
            .published()
            .into_iter()
            .map(|(kid, public_key)| {
                let status = if kid == self.key_id {
                    "current"
                } else {
                    "retired"
                };
                let mut entry = key_entry(&kid, &public_key);
                entry["status"] = status.into();
                entry
            })
            .collect();
        serde_json::json!({ "issuer": "e-Citizen Programme", "keys": keys })
    }
}

/// One key of a keys document (see [`parse_keys`]).
fn key_entry(kid: &str, public_key: &str) -> serde_json::Value {
    serde_json::json!({ "kid": kid, "alg": "Ed25519", "public_key": public_key })
}

/// The (key id, public key) pairs of a keys document (the well-known file or
/// the retired keys).
pub fn parse_keys(text: &str) -> Result<Vec<(String, String)>, String> {
    let json: serde_json::Value =
        serde_json::from_str(text).map_err(|err| format!("not JSON: {err}"))?;
    let keys = json["keys"]
        .as_array()
        .ok_or_else(|| "no \"keys\" list".to_owned())?;
    keys.iter()
        .map(
            |key| match (key["kid"].as_str(), key["public_key"].as_str()) {
                (Some(kid), Some(public_key)) => Ok((kid.to_owned(), public_key.to_owned())),
                _ => Err("a key without \"kid\" or \"public_key\"".to_owned()),
            },
        )
        .collect()
}

/// Replaces the private key with a new one and adds the old public key to
/// the retired keys, which stay published. Returns (old key id, new key id).
/// Running servers keep signing with the old key until they restart.
pub fn rotate(files: &KeyFiles) -> std::io::Result<(String, String)> {
    let current = Issuer::open(&KeyFiles {
        create: false,
        ..files.clone()
    })?;
    let retired: Vec<serde_json::Value> = current
        .published()
        .iter()
        .map(|(kid, public_key)| key_entry(kid, public_key))
        .collect();
    let document = serde_json::json!({ "keys": retired });
    let text = serde_json::to_string_pretty(&document).map_err(std::io::Error::other)?;
    let staged = files.retired.with_extension("json.new");
    std::fs::write(&staged, text)?;
    std::fs::rename(&staged, &files.retired)?;
    let seed = crate::secrets::new_key();
    let staged = files.key.with_extension("key.new");
    match std::fs::remove_file(&staged) {
        Err(err) if err.kind() != std::io::ErrorKind::NotFound => return Err(err),
        _ => {}
    }
    crate::secrets::write_private(&staged, &hex::encode(seed))?;
    std::fs::rename(&staged, &files.key)?;
    Ok((current.key_id, Issuer::from_seed(seed).key_id))
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
mod tests;
