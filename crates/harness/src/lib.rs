//! The code that surrounds a user's kata.
//!
//! It is compiled once, as a dependency, and linked into every user program,
//! so that a user's file holds only their functions:
//!
//! - [`value`]: the arrays a case is made of, with typed accessors;
//! - [`protocol`]: what the checker sends to a user program and reads back;
//! - [`child`]: the `main` of a user program, running every part of every
//!   case under `catch_unwind`;
//! - [`adapters`]: per kata, a table of the kata's functions and the code that
//!   feeds a case to them. The same table holds the reference implementation,
//!   its mutants and the user's functions, so all three are run alike.

pub mod adapters;
pub mod child;
pub mod protocol;
pub mod value;

pub use value::{InputError, Inputs, Outputs, Value};

/// One implementation of a kata: the user's, the reference or a mutant.
pub trait Solution: Sync {
    /// The names of the kata's parts (its functions), in order.
    fn parts(&self) -> &'static [&'static str];
    /// Runs one part on a case's inputs and returns its named outputs.
    fn run(&self, part: &str, inputs: &Inputs) -> Result<Outputs, InputError>;
}
