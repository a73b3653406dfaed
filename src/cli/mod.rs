//! The command line.

use std::path::PathBuf;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

mod zh;

/// Parses the command line; `--help` is in Chinese under `--lang zh` or
/// `KATA_LANG=zh`.
pub fn parse() -> Cli {
    let args: Vec<String> = std::env::args_os().map(|a| a.to_string_lossy().into_owned()).collect();
    let mut cmd = Cli::command();
    if zh::wanted(&args) {
        cmd = zh::translate(cmd);
    }
    let matches = cmd.get_matches_from(std::env::args_os());
    Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit())
}

/// Practise the algorithms ML interviews ask you to write from scratch.
///
/// Edit katas/<name>.rs (Rust) or katas/<name>.py (the Python track), then
/// run `kata check <name>`: your numbers are compared with NumPy/PyTorch
/// fixtures and random cases, and a failure says where they differ and
/// which well-known mistake it looks like.
#[derive(Debug, Parser)]
#[command(name = "kata", version, max_term_width = 80)]
pub struct Cli {
    /// The practice folder (default: the nearest one at or above the current folder).
    #[arg(long, global = true, value_name = "DIR")]
    pub dir: Option<PathBuf>,
    /// The language of the katas: `kata init` writes stubs in it, and on any
    /// other command it overrides the track the folder remembers.
    #[arg(long, global = true, value_enum, value_name = "TRACK")]
    pub track: Option<crate::track::Track>,
    /// When to use colours (NO_COLOR is honoured by `auto`).
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// The command.
    #[command(subcommand)]
    pub command: Command,
}

/// When to use colours.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum ColorChoice {
    /// When writing to a terminal and NO_COLOR is not set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// The language of everything printed for a person (`--lang`, or `KATA_LANG`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// 中文.
    Zh,
}

impl Command {
    /// The language the command speaks, its errors too: its `--lang`, or
    /// `KATA_LANG` for the commands without one (`verify`, `completions`).
    pub fn lang(&self) -> Lang {
        match self {
            Command::List { lang, .. }
            | Command::Show { lang, .. }
            | Command::Check { lang, .. }
            | Command::Hint { lang, .. }
            | Command::Bench { lang, .. }
            | Command::Stats { lang, .. }
            | Command::Next { lang, .. }
            | Command::Solution { lang, .. }
            | Command::Reset { lang, .. }
            | Command::Init { lang, .. } => *lang,
            Command::Watch(args) => args.lang,
            Command::Interview(args) => args.lang,
            _ => std::env::var("KATA_LANG")
                .ok()
                .and_then(|v| Lang::from_str(&v, true).ok())
                .unwrap_or_default(),
        }
    }
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the katas by track (classic, llm) with their difficulty and your status.
    List {
        /// Only the katas with this tag (`llm`, `classic`, `attention`, …).
        #[arg(long, value_name = "TAG")]
        tag: Option<String>,
        /// Print JSON for tools.
        #[arg(long)]
        json: bool,
        /// Language of the list.
        #[arg(long, value_enum, env = "KATA_LANG", default_value_t = Lang::En)]
        lang: Lang,
    },
    /// Print a kata's statement, signatures and worked example.
    Show {
        /// The kata.
        name: String,
        /// Language of the statement, labels and example.
        #[arg(long, value_enum, env = "KATA_LANG", default_value_t = Lang::En)]
        lang: Lang,
    },
    /// Check your solution(s): exit 0 if all pass, 1 if any fails, 2 on a setup error.
    #[command(override_usage = "kata check <NAMES>... [OPTIONS]\n       kata check --all [OPTIONS]")]
    Check {
        /// The katas to check (or --all).
        #[arg(required_unless_present = "all")]
        names: Vec<String>,
        /// Check every kata.
        #[arg(long, conflicts_with = "names")]
        all: bool,
        /// Print results as JSON (Exercism's results.json v3 shape).
        #[arg(long)]
        json: bool,
        /// Seed of the random cases (a failing random case names its seed).
        #[arg(long)]
        seed: Option<u64>,
        /// How many random cases to add to the fixtures.
        #[arg(long, value_name = "N", default_value_t = crate::check::DEFAULT_RANDOM_CASES)]
        random: usize,
        /// Run only this case (e.g. `example`, `random-3`).
        #[arg(long, value_name = "CASE")]
        case: Option<String>,
        /// Language of the whole report: labels, verdicts and mistake messages.
        #[arg(long, value_enum, env = "KATA_LANG", default_value_t = Lang::En)]
        lang: Lang,
    },
    /// Show the next hint for a kata (one more each time).
    Hint {
        /// The kata.
        name: String,
        /// Language of the hint.
        #[arg(long, value_enum, env = "KATA_LANG", default_value_t = Lang::En)]
        lang: Lang,
    },
    /// Print the reference solution (only after you have passed, unless --force).
    Solution {
        /// The kata.
        name: String,
        /// Show it even though you have not passed yet.
        #[arg(long)]
        force: bool,
        /// Language of its messages (the solution itself is code, the same in both).
        #[arg(long, value_enum, env = "KATA_LANG", default_value_t = Lang::En)]
        lang: Lang,
    },
    /// Restore a kata's stub; your file is saved under .kata/backups/ first.
    Reset {
        /// The kata.
        name: String,
        /// Language of what it says it did.
        #[arg(long, value_enum, env = "KATA_LANG", default_value_t = Lang::En)]
        lang: Lang,
    },
    /// Write a fresh practice folder (descriptions, stubs, fixtures) into DIR
    /// (`--track python` for NumPy stubs; the folder remembers it).
    Init {
        /// Where to write it.
        dir: PathBuf,
        /// Overwrite files that differ (each is backed up first).
        #[arg(long)]
        force: bool,
        /// Language of what it says it did.
        #[arg(long, value_enum, env = "KATA_LANG", default_value_t = Lang::En)]
        lang: Lang,
    },
    /// Time your code against the reference on a large case (Rust: a release build).
    ///
    /// Prints both medians and their ratio, and where such code loses time
    /// beyond 10x; exit 1 if your code fails or its outputs differ from the
    /// reference's.
    Bench {
        /// The kata.
        name: String,
        /// Timed calls each, for your code and the reference (the median is shown).
        #[arg(long, value_name = "N", default_value_t = crate::bench::DEFAULT_RUNS,
              value_parser = clap::value_parser!(u32).range(1..=100))]
        runs: u32,
        /// Shrinks the case's main sizes by this factor, for tests.
        #[arg(long, hide = true, default_value_t = 1.0, value_parser = crate::bench::parse_scale)]
        scale: f64,
        /// Language of the report and advice.
        #[arg(long, value_enum, env = "KATA_LANG", default_value_t = Lang::En)]
        lang: Lang,
    },
    /// For kata authors: the reference passes every case, every mutant fails one,
    /// the stub is "not implemented yet", the worked example holds.
    Verify {
        /// The katas (default: all).
        names: Vec<String>,
        /// Seed of the random cases.
        #[arg(long)]
        seed: Option<u64>,
        /// How many random cases.
        #[arg(long, value_name = "N", default_value_t = crate::check::DEFAULT_RANDOM_CASES)]
        random: usize,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Re-check a kata on every save (keys: h hint, n next kata as `kata next` picks it, l list, f full report, q quit).
    Watch(crate::watch::WatchArgs),
    /// A timed mock interview on fresh stubs in .kata/interviews/<time>/.
    Interview(crate::interview::InterviewArgs),
    /// Per kata: checks, passes, time to pass in interviews, last practised.
    Stats {
        /// Print JSON for tools.
        #[arg(long)]
        json: bool,
        /// Language of the table's words and its notes.
        #[arg(long, value_enum, env = "KATA_LANG", default_value_t = Lang::En)]
        lang: Lang,
    },
    /// The kata to practise now (spaced repetition), and why.
    Next {
        /// Print JSON for tools.
        #[arg(long)]
        json: bool,
        /// Only katas with this tag (`classic`, `llm`, a topic: see `kata show`).
        #[arg(long, value_name = "TAG")]
        tag: Option<String>,
        /// Language of the suggestion and its reason.
        #[arg(long, value_enum, env = "KATA_LANG", default_value_t = Lang::En)]
        lang: Lang,
    },
    /// Print shell completions.
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
}
