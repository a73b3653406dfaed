//! The Rust track: the user's file is compiled by rustc against prebuilt
//! dependencies ([`crate::build`]) and runs as a program speaking the
//! harness's protocol ([`crate::run`]).

use std::path::Path;

use crate::build::{self, BuildOptions, Deps};
use crate::catalog::{Kata, Practice};
use crate::error::SetupError;
use crate::track::{Built, Program};

/// The prebuilt dependencies, built first if needed.
pub fn prepare(cache: &Path, quiet: bool) -> Result<Deps, SetupError> {
    build::ensure_deps(cache, quiet)
}

/// Compiles `katas/<kata>.rs`.
pub fn build(
    practice: &Practice,
    kata: &Kata,
    deps: &Deps,
    cache: &Path,
    opts: BuildOptions,
) -> Result<Built, SetupError> {
    Ok(match build::build(practice, kata, deps, cache, opts)? {
        build::Built::Program(path) => Built::Program(Program::Rust(path)),
        build::Built::CompileError(text) => Built::CompileError(text),
    })
}
