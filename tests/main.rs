//! The end-to-end suite, one test binary (linking ten took longer than
//! running them). Each module drives the real `kata` binary or the
//! reference library.

mod common;

mod alternative_styles;
mod bench;
mod cli;
mod diagnosis;
mod new_user;
mod practice_modes;
mod python_track;
mod reference_fixtures;
mod robustness;
mod terminal;
mod wrong_solutions;
