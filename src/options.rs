//! Options: which passes run and how each one behaves.
//!
//! In Rust, start from [`Options::default`] (the `article` preset) or
//! [`Options::gentle`]. From JavaScript or JSON the same structure arrives in
//! camelCase, where each pass's entry is either a boolean (run it or not) or an
//! object of that pass's settings (run it, with these settings):
//!
//! ```json
//! { "preset": "article", "skip": ["casing"], "unicode": { "confusables": false } }
//! ```
//!
//! Which passes run is decided in this order: `only`, if given, is the exact set;
//! otherwise the preset's set, plus passes switched on by name, minus passes
//! switched off by name; then `skip` removes passes from either.

use crate::error::Error;
use crate::passes::{self, PassInfo};
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use std::fmt;
use std::marker::PhantomData;

/// A named starting point for the set of passes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Preset {
    /// Every pass: for pasting a scraped article and getting the article back.
    #[default]
    Article,
    /// Character-level passes only (`encoding`, `unicode`, `whitespace`): never
    /// removes a line or re-cases a word.
    Gentle,
}

impl Preset {
    /// Parses a preset name.
    pub fn from_name(name: &str) -> Result<Self, Error> {
        match name {
            "article" => Ok(Preset::Article),
            "gentle" => Ok(Preset::Gentle),
            _ => Err(Error::UnknownPreset {
                name: name.to_string(),
            }),
        }
    }
}

/// A pass's entry in [`Options`]: whether it was switched on or off by name, and
/// its settings.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PassSetting<T> {
    /// `Some(true)` or `Some(false)` when set explicitly; `None` leaves it to the preset.
    pub enabled: Option<bool>,
    /// The pass's own settings.
    pub settings: T,
}

impl<T> PassSetting<T> {
    /// Settings for a pass switched on explicitly.
    pub fn on(settings: T) -> Self {
        Self {
            enabled: Some(true),
            settings,
        }
    }
}

impl<'de, T: Deserialize<'de> + Default> Deserialize<'de> for PassSetting<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct SettingVisitor<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de> + Default> Visitor<'de> for SettingVisitor<T> {
            type Value = PassSetting<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a boolean or an object of the pass's settings")
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
                Ok(PassSetting {
                    enabled: Some(v),
                    settings: T::default(),
                })
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(PassSetting::default())
            }
            fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(PassSetting::default())
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                let settings = T::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(PassSetting {
                    enabled: Some(true),
                    settings,
                })
            }
        }
        deserializer.deserialize_any(SettingVisitor(PhantomData))
    }
}

/// Everything that shapes a run of [`crate::clean`].
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct Options {
    /// The starting set of passes.
    pub preset: Preset,
    /// Run exactly these passes (in pipeline order, whatever order they are given in).
    pub only: Option<Vec<String>>,
    /// Do not run these passes.
    pub skip: Vec<String>,
    /// The `encoding` pass.
    pub encoding: PassSetting<passes::encoding::EncodingOptions>,
    /// The `unicode` pass.
    pub unicode: PassSetting<passes::unicode::UnicodeOptions>,
    /// The `timestamps` pass.
    pub timestamps: PassSetting<passes::timestamps::TimestampsOptions>,
    /// The `residue` pass: page furniture around the article.
    pub residue: PassSetting<passes::residue::ResidueOptions>,
    /// The `casing` pass.
    pub casing: PassSetting<passes::casing::CasingOptions>,
    /// The `whitespace` pass.
    pub whitespace: PassSetting<passes::whitespace::WhitespaceOptions>,
}

impl Options {
    /// The `gentle` preset: character-level passes only.
    pub fn gentle() -> Self {
        Options {
            preset: Preset::Gentle,
            ..Options::default()
        }
    }

    /// Only the named passes.
    pub fn only(names: &[&str]) -> Self {
        Options {
            only: Some(names.iter().map(|s| s.to_string()).collect()),
            ..Options::default()
        }
    }

    /// The passes that will run, in pipeline order; an error names any unknown pass.
    pub fn plan(&self) -> Result<Vec<&'static PassInfo>, Error> {
        let names = self.only.iter().flatten().chain(&self.skip);
        for name in names {
            passes::find(name)?;
        }
        let plan = passes::REGISTRY
            .iter()
            .filter(|p| match &self.only {
                Some(only) => only.iter().any(|n| n == p.name),
                None => (p.enabled)(self).unwrap_or(self.preset == Preset::Article || p.gentle),
            })
            .filter(|p| !self.skip.iter().any(|n| n == p.name))
            .collect();
        Ok(plan)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(o: &Options) -> Vec<&'static str> {
        o.plan().unwrap().iter().map(|p| p.name).collect()
    }

    #[test]
    fn only_runs_exactly_the_named_passes_in_pipeline_order() {
        let o = Options::only(&["whitespace", "unicode"]);
        assert_eq!(
            names(&o),
            ["unicode", "whitespace"],
            "should keep pipeline order"
        );
    }

    #[test]
    fn unknown_pass_names_are_errors() {
        let o = Options {
            skip: vec!["spelling".into()],
            ..Options::default()
        };
        let err = o.plan().unwrap_err();
        assert_eq!(err.subject(), "spelling", "should name the unknown pass");
        assert!(
            err.to_string().contains("unicode"),
            "should list the known passes: {err}"
        );
    }

    #[test]
    fn a_pass_switched_off_by_name_does_not_run() {
        let mut o = Options::default();
        o.unicode.enabled = Some(false);
        assert!(
            !names(&o).contains(&"unicode"),
            "should drop a pass switched off"
        );
    }

    #[test]
    fn gentle_keeps_character_level_passes() {
        let gentle = names(&Options::gentle());
        for p in passes::REGISTRY {
            assert_eq!(
                gentle.contains(&p.name),
                p.gentle,
                "gentle should run {} only if it is character-level",
                p.name
            );
        }
    }
}
