//! The CodePipeline builder model: stages of actions whose category limits
//! the provider, checked against the pipeline structure rules (two stages at
//! least, source actions first and only first, inputs produced by an earlier
//! action, artifact counts per provider, unique outputs), the moves the
//! builder's drag and drop and buttons make, ready-made exam scenarios to
//! complete, and the URL encoding of a pipeline.
//!
//! Split by seam: [`facts`] (what `content/widgets/pipeline.toml` holds),
//! [`rules`] (the pipeline model and its structure rules), [`codec`] (the
//! URL encoding), [`scenarios`] (the exam scenarios) and [`edit`] (the
//! builder's moves).

mod codec;
mod edit;
mod facts;
mod rules;
mod scenarios;

pub use codec::*;
pub use edit::*;
pub use facts::*;
pub use rules::*;
pub use scenarios::*;

#[cfg(test)]
mod tests;
