//! Secret keys kept in files: 32 random bytes written as hex, mode 0600,
//! created on first start in the data directory unless a configured file is
//! named (which must then exist). Used for the certificate issuer's signing
//! key and the key that signs visitors' CSRF tokens. Never logged.

use std::path::Path;

/// A key file to read, and whether it may be created when missing.
#[derive(Clone, Copy, Debug)]
pub struct KeyFile<'a> {
    pub path: &'a Path,
    /// Create the key when the file is missing (the default location).
    pub create: bool,
    /// What the key is, for error messages (`"the issuer key"`).
    pub what: &'a str,
}

/// Reads the 32-byte key, creating it first when allowed and missing.
pub fn load_or_create(file: KeyFile<'_>) -> std::io::Result<[u8; 32]> {
    match std::fs::read_to_string(file.path) {
        Ok(text) => {
            let bytes = hex::decode(text.trim())
                .map_err(|_| std::io::Error::other(format!("{} file is not hex", file.what)))?;
            <[u8; 32]>::try_from(bytes.as_slice())
                .map_err(|_| std::io::Error::other(format!("{} file is not 32 bytes", file.what)))
        }
        Err(err) if err.kind() == std::io::ErrorKind::NotFound && file.create => {
            if let Some(dir) = file.path.parent() {
                std::fs::create_dir_all(dir)?;
            }
            let key = new_key();
            write_private(file.path, &hex::encode(key))?;
            Ok(key)
        }
        Err(err) => Err(err),
    }
}

/// 32 bytes from the operating system's generator.
pub fn new_key() -> [u8; 32] {
    let mut key = [0u8; 32];
    crate::auth::os_random(&mut key);
    key
}

/// Writes a new file only its owner can read; fails if it exists.
#[cfg(unix)]
pub fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)?;
    file.write_all(text.as_bytes())
}

/// Writes a new file; fails if it exists.
#[cfg(not(unix))]
pub fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?
        .write_all(text.as_bytes())
}
