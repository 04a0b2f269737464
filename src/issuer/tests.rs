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
fn after_a_rotation_old_tokens_still_verify_and_new_ones_use_the_new_key() {
    let dir = tempfile::tempdir().expect("dir");
    let files = KeyFiles::in_dir(dir.path());
    let before = Issuer::open(&files).expect("created");
    let old_token = before.sign(&facts(&before));
    let (old_id, new_id) = rotate(&files).expect("rotated");
    assert_eq!(old_id, before.key_id);
    let after = Issuer::open(&files).expect("loaded");
    assert_eq!(after.key_id, new_id);
    assert_ne!(new_id, old_id);
    let ids: Vec<String> = after.published().into_iter().map(|(id, _)| id).collect();
    assert_eq!(ids, [new_id.clone(), old_id.clone()], "current first");
    assert!(verify(&old_token, &after.published()).is_ok());
    let new_token = after.sign(&facts(&after));
    assert!(verify(&new_token, &after.published()).is_ok());
    assert_eq!(
        verify(&new_token, &before.published()),
        Err(TokenError::UnknownKey)
    );
    let document = after.document();
    assert_eq!(document["keys"][0]["status"], "current");
    assert_eq!(document["keys"][1]["status"], "retired");
    // A second rotation keeps both earlier keys.
    rotate(&files).expect("rotated again");
    assert_eq!(Issuer::open(&files).expect("loaded").published().len(), 3);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&files.key)
            .expect("file")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "the rotated key is private too");
    }
}

#[test]
fn a_configured_key_must_exist() {
    let dir = tempfile::tempdir().expect("dir");
    let files = KeyFiles {
        create: false,
        ..KeyFiles::in_dir(dir.path())
    };
    assert!(Issuer::open(&files).is_err());
    assert!(!files.key.exists());
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
