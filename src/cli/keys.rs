//! The certificate issuer's keys from the command line: checking a token
//! offline, printing the published keys, rotating the signing key.

use anyhow::Context;

use super::{IssuerCommand, print_facts};
use crate::config::Settings;

/// Checks a certificate token against the published keys (a saved key
/// document, or this instance's own keys).
pub(super) fn verify_token(
    settings: &Settings,
    token: &str,
    keys: Option<&std::path::Path>,
) -> anyhow::Result<()> {
    let published = match keys {
        Some(path) => published_keys(path)?,
        None => {
            let files = settings.issuer_files();
            if !files.key.exists() {
                anyhow::bail!(
                    "no issuer key at {}: pass --keys with the published keys",
                    files.key.display()
                );
            }
            crate::issuer::Issuer::open(&files)?.published()
        }
    };
    match crate::issuer::verify(token, &published) {
        Ok(facts) => {
            print_facts(&[
                "signature valid".to_owned(),
                format!("number: {}", facts.n),
                format!("holder: {} / {}", facts.ar, facts.en),
                format!("course: {}", facts.c),
                format!("issued on: {}", facts.d),
                format!("key: {}", facts.k),
            ]);
            Ok(())
        }
        Err(err) => anyhow::bail!("token invalid: {err}"),
    }
}

pub(super) fn issuer(settings: &Settings, command: IssuerCommand) -> anyhow::Result<()> {
    let files = settings.issuer_files();
    match command {
        IssuerCommand::Keys => {
            let issuer = crate::issuer::Issuer::open(&crate::issuer::KeyFiles {
                create: false,
                ..files.clone()
            })
            .with_context(|| format!("cannot read the issuer key {}", files.key.display()))?;
            print_facts(&[serde_json::to_string_pretty(&issuer.document())?]);
        }
        IssuerCommand::Rotate => {
            let (old, new) = crate::issuer::rotate(&files)
                .with_context(|| format!("cannot rotate the issuer key {}", files.key.display()))?;
            print_facts(&[
                format!("issuer key rotated: {old} retired (still published), {new} current"),
                "restart the servers so they sign with the new key".to_owned(),
            ]);
        }
    }
    Ok(())
}

/// The (key id, public key) pairs of a saved `ecitizen-issuer.json`.
fn published_keys(path: &std::path::Path) -> anyhow::Result<Vec<(String, String)>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    crate::issuer::parse_keys(&text).map_err(|err| anyhow::anyhow!("{}: {err}", path.display()))
}
