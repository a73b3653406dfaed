//! The `kata` command: parses the command line and hands it to [`kata::commands`].

use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = kata::cli::parse();
    kata::commands::run(cli)
}
