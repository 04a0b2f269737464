//! What a form shows back: the values typed (never passwords) and, per
//! field, the catalogue key of its error.

use std::collections::HashMap;

/// Values and errors of one submitted form, for re-rendering it.
#[derive(Clone, Debug, Default)]
pub struct FormState {
    values: HashMap<&'static str, String>,
    /// In the order the fields were checked (the order on the page).
    errors: Vec<(&'static str, &'static str)>,
}

impl FormState {
    /// What was typed into `name` (empty if nothing).
    pub fn value(&self, name: &str) -> &str {
        self.values.get(name).map_or("", String::as_str)
    }

    /// Keeps a typed value to show again.
    pub fn keep(&mut self, name: &'static str, value: &str) {
        self.values.insert(name, value.trim().to_owned());
    }

    /// Whether `value` is the current value of `name` (for selects and radios).
    pub fn is(&self, name: &str, value: &str) -> bool {
        self.value(name) == value
    }

    /// Records an error for `name`; the first one for a field is kept.
    pub fn fail(&mut self, name: &'static str, key: &'static str) {
        if self.error(name).is_none() {
            self.errors.push((name, key));
        }
    }

    /// The catalogue key of `name`'s error.
    pub fn error(&self, name: &str) -> Option<&'static str> {
        self.errors
            .iter()
            .find(|(field, _)| *field == name)
            .map(|(_, key)| *key)
    }

    pub fn has_errors(&self) -> bool {
        !self.errors.is_empty()
    }

    /// Every error in page order, for the summary at the top of the form.
    pub fn errors(&self) -> &[(&'static str, &'static str)] {
        &self.errors
    }

    /// Runs a parser on a field, keeping the value and recording its error.
    pub fn check<T, E>(
        &mut self,
        name: &'static str,
        value: &str,
        parse: impl FnOnce(&str) -> Result<T, E>,
        key: impl FnOnce(E) -> &'static str,
    ) -> Option<T> {
        self.keep(name, value);
        match parse(value) {
            Ok(parsed) => Some(parsed),
            Err(err) => {
                self.fail(name, key(err));
                None
            }
        }
    }
}
