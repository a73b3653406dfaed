//! kata: a trainer for the algorithms ML interviews ask candidates to write
//! from scratch. The binary's modules, one per concept:
//!
//! - [`catalog`]: the practice folder and its kata descriptions;
//! - [`fixture`]: committed cases (`.npz`);
//! - [`build`]: compiling a user's file into a program;
//! - [`run`]: running that program safely on cases;
//! - [`judge`]: comparing outputs;
//! - [`check`]: the whole check, with diagnosis of known mistakes;
//! - [`bench`]: the user's code timed against the reference;
//! - [`gradcheck`]: central differences of the user's own function;
//! - [`report`]: showing verdicts to people and tools;
//! - [`state`], [`files`]: what the tool remembers and writes;
//! - [`verify`]: the self-check of the catalog, for kata authors;
//! - [`history`]: the practice log, `.kata/history.jsonl`;
//! - [`watch`]: re-checking on every save, with one-key commands;
//! - [`interview`]: timed mock interviews on fresh stubs;
//! - [`stats`]: statistics and spaced repetition (`kata stats`, `kata next`);
//! - [`track`]: the Rust and Python tracks: user files, stubs, building and running;
//! - [`commands`]: one function per subcommand.

// First, so that its `print!`/`println!` replace std's in every module below.
#[macro_use]
mod output;
pub mod bench;
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
pub mod history;
pub mod interview;
pub mod judge;
pub mod report;
pub mod run;
pub mod state;
pub mod stats;
pub mod track;
pub mod verify;
pub mod watch;
