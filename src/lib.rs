//! kata: a trainer for the algorithms ML interviews ask candidates to write
//! from scratch. The binary's modules, one per concept:
//!
//! - [`catalog`]: the practice folder and its kata descriptions;
//! - [`fixture`]: committed cases (`.npz`);
//! - [`build`]: compiling a user's file into a program;
//! - [`run`]: running that program safely on cases;
//! - [`judge`]: comparing outputs;
//! - [`check`]: the whole check, as a pipeline;
//! - [`diagnosis`]: what a failing part's numbers say about the mistake;
//! - [`bench`]: the user's code timed against the reference;
//! - [`gradcheck`]: central differences of the user's own function;
//! - [`report`]: showing verdicts to people and tools;
//! - [`quiet`]: running in-process code that may panic, silently;
//! - [`signature`]: the order a kata's inputs and outputs are shown in;
//! - [`state`], [`files`]: what the tool remembers and writes;
//! - [`verify`]: the self-check of the catalog, for kata authors;
//! - [`history`]: the practice log, `.kata/history.jsonl`;
//! - [`watch`]: re-checking on every save, with one-key commands;
//! - [`interview`]: timed mock interviews on fresh stubs;
//! - [`stats`]: statistics and spaced repetition (`kata stats`, `kata next`);
//! - [`list`]: `kata list`, by track;
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
pub mod diagnosis;
pub mod embedded;
pub mod error;
pub mod files;
pub mod fixture;
pub mod gradcheck;
pub mod hash;
pub mod history;
pub mod interview;
pub mod judge;
pub mod list;
pub mod quiet;
pub mod report;
pub mod run;
pub mod signature;
pub mod state;
pub mod stats;
pub mod track;
pub mod verify;
pub mod watch;
