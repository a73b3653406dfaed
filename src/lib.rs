//! kata: a trainer for the algorithms ML interviews ask candidates to write
//! from scratch. The binary's modules, one per concept:
//!
//! - [`catalog`]: the practice folder and its kata descriptions;
//! - [`fixture`]: committed cases (`.npz`);
//! - [`build`]: compiling a user's file into a program;
//! - [`run`]: running that program safely on cases;
//! - [`judge`]: comparing outputs;
//! - [`check`]: the whole check, with diagnosis of known mistakes;
//! - [`gradcheck`]: central differences of the user's own function;
//! - [`report`]: showing verdicts to people and tools;
//! - [`state`], [`files`]: what the tool remembers and writes;
//! - [`verify`]: the self-check of the catalog, for kata authors;
//! - [`commands`]: one function per subcommand.

pub mod build;
pub mod catalog;
pub mod check;
pub mod cli;
pub mod commands;
pub mod embedded;
pub mod error;
pub mod files;
pub mod fixture;
pub mod gradcheck;
pub mod hash;
pub mod judge;
pub mod report;
pub mod run;
pub mod state;
pub mod verify;
