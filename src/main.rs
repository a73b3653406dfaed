//! The `kata` command: parses the command line and hands it to [`kata::commands`].

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = kata::cli::Cli::parse();
    kata::commands::run(cli)
}
