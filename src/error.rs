//! Errors. Only bad options are errors: any text at all can be cleaned.

use std::fmt;

/// Why [`crate::clean`] refused to run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// A pass name that is not registered (in `only`, `skip` or the CLI).
    UnknownPass {
        /// The name as given.
        name: String,
        /// The names that are registered, in pipeline order.
        known: Vec<&'static str>,
    },
    /// A preset name that does not exist.
    UnknownPreset {
        /// The name as given.
        name: String,
    },
    /// An option value that cannot be used.
    InvalidOption {
        /// The option, as a path such as `residue.captions`.
        option: String,
        /// What is wrong with it.
        message: String,
    },
}

impl Error {
    /// The option or name the error is about, for structured reporting.
    pub fn subject(&self) -> &str {
        match self {
            Error::UnknownPass { name, .. } | Error::UnknownPreset { name } => name,
            Error::InvalidOption { option, .. } => option,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::UnknownPass { name, known } => write!(
                f,
                "unknown pass `{name}`; the passes are: {}",
                known.join(", ")
            ),
            Error::UnknownPreset { name } => {
                write!(
                    f,
                    "unknown preset `{name}`; the presets are: article, gentle"
                )
            }
            Error::InvalidOption { option, message } => write!(f, "option `{option}`: {message}"),
        }
    }
}

impl std::error::Error for Error {}
