//! Languages and message catalogues. Arabic is the default and is written
//! right to left; English is the second language. Every visible string comes
//! from `ar.ftl` / `en.ftl` (Fluent, which knows Arabic's six plural forms).

use std::collections::BTreeSet;
use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::langid;

/// A language the site is offered in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// Arabic, the programme's teaching language and the site's default.
    #[default]
    Ar,
    /// English.
    En,
}

impl Lang {
    /// Both languages, Arabic first.
    pub const ALL: [Lang; 2] = [Lang::Ar, Lang::En];

    /// The BCP 47 code, as used in `lang="…"` and `?lang=`.
    pub fn code(self) -> &'static str {
        match self {
            Self::Ar => "ar",
            Self::En => "en",
        }
    }

    /// The writing direction, as used in `dir="…"`.
    pub fn dir(self) -> &'static str {
        match self {
            Self::Ar => "rtl",
            Self::En => "ltr",
        }
    }

    /// The other language (the one the language switch offers).
    pub fn other(self) -> Self {
        match self {
            Self::Ar => Self::En,
            Self::En => Self::Ar,
        }
    }

    /// Parses `ar` or `en` (case-insensitive).
    pub fn parse(code: &str) -> Option<Self> {
        match code.trim().to_ascii_lowercase().as_str() {
            "ar" => Some(Self::Ar),
            "en" => Some(Self::En),
            _ => None,
        }
    }

    /// Chooses between a record's Arabic and English text.
    pub fn pick<'a>(self, ar: &'a str, en: &'a str) -> &'a str {
        match self {
            Self::Ar => ar,
            Self::En => en,
        }
    }

    /// The message `key` in this language.
    pub fn t(self, key: &str) -> String {
        CATALOG.format(self, key, None)
    }

    /// The message `key` with named arguments (numbers select plural forms).
    /// The message `key` if the catalogue has it: for labels of open-ended
    /// codes (a question's topic) that may have none.
    pub fn t_opt(self, key: &str) -> Option<String> {
        CATALOG
            .bundle(self)
            .has_message(key)
            .then(|| CATALOG.format(self, key, None))
    }

    pub fn t_args(self, key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        CATALOG.format(self, key, Some(&fluent_args))
    }
}

/// The catalogue files of each language, one per area of the site. Every
/// file exists in both languages with the same keys (a test checks).
macro_rules! catalogue {
    ($lang:literal: $($file:literal),+) => {
        &[$(include_str!(concat!($lang, "/", $file, ".ftl"))),+]
    };
}

const AR_SOURCES: &[&str] = catalogue!("ar": "site", "classes", "venues", "attendance", "exam", "questions", "certificates", "reports");
const EN_SOURCES: &[&str] = catalogue!("en": "site", "classes", "venues", "attendance", "exam", "questions", "certificates", "reports");

fn sources(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::Ar => AR_SOURCES,
        Lang::En => EN_SOURCES,
    }
}

/// Built once: the catalogues are part of the binary, not configuration.
static CATALOG: LazyLock<Catalog> = LazyLock::new(Catalog::load);

struct Catalog {
    ar: FluentBundle<FluentResource>,
    en: FluentBundle<FluentResource>,
}

impl Catalog {
    fn load() -> Self {
        Self {
            ar: bundle(Lang::Ar),
            en: bundle(Lang::En),
        }
    }

    fn bundle(&self, lang: Lang) -> &FluentBundle<FluentResource> {
        match lang {
            Lang::Ar => &self.ar,
            Lang::En => &self.en,
        }
    }

    /// A missing key shows the key itself (and is logged) rather than an
    /// empty space; the catalogue tests keep that from shipping.
    fn format(&self, lang: Lang, key: &str, args: Option<&FluentArgs<'_>>) -> String {
        let bundle = self.bundle(lang);
        let Some(pattern) = bundle.get_message(key).and_then(|message| message.value()) else {
            tracing::warn!(lang = lang.code(), key, "missing translation");
            return key.to_owned();
        };
        let mut errors = Vec::new();
        let text = bundle
            .format_pattern(pattern, args, &mut errors)
            .into_owned();
        if !errors.is_empty() {
            tracing::warn!(
                lang = lang.code(),
                key,
                ?errors,
                "translation formatting failed"
            );
        }
        text
    }
}

fn bundle(lang: Lang) -> FluentBundle<FluentResource> {
    let id = match lang {
        Lang::Ar => langid!("ar"),
        Lang::En => langid!("en"),
    };
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    for source in sources(lang) {
        let resource =
            FluentResource::try_new((*source).to_owned()).unwrap_or_else(|(resource, errors)| {
                tracing::error!(lang = lang.code(), ?errors, "catalogue has syntax errors");
                resource
            });
        if let Err(errors) = bundle.add_resource(resource) {
            tracing::error!(lang = lang.code(), ?errors, "catalogue has duplicate keys");
        }
    }
    bundle
}

/// Every message key of a language's catalogue (for the completeness tests).
pub fn keys(lang: Lang) -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    for source in sources(lang) {
        let resource =
            FluentResource::try_new((*source).to_owned()).unwrap_or_else(|(resource, _)| resource);
        keys.extend(resource.entries().filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(message) => Some(message.id.name.to_owned()),
            _ => None,
        }));
    }
    keys
}

#[cfg(test)]
mod tests;
