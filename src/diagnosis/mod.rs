//! Diagnosis: what a failing part's numbers say about the mistake behind
//! them. Run only on failing parts, after judging.
//!
//! It works on what any track's program gives back (the judged outputs, as
//! [`kata_harness::Outputs`], and panic text), so it is independent of the
//! language the user wrote in; only [`panics`] knows Rust's messages.
//!
//! - [`mutants`]: catalogued mistakes, each a mutant of the reference, matched
//!   robustly (same passing cases, far closer to the mutant than to the
//!   reference where both fail), or on the cases where it alone deviates;
//! - [`patterns`]: shapes of the error any kata can show (scaled, sign flipped,
//!   permuted axes, an offset along an axis, mismatches confined to a region,
//!   shape relations, non-finite values);
//! - [`invariants`]: properties the kata's TOML declares per output, checked on
//!   the user's numbers;
//! - [`panics`]: Rust panic messages explained;
//! - [`exceptions`]: Python exceptions explained (NumPy's broadcast, matrix
//!   product, reshape and index errors, with the sizes they name).
//!
//! Precision over recall: every finding is either a fact about the numbers
//! or a mistake that no case contradicts.

pub mod exceptions;
pub mod invariants;
pub mod mutants;
pub mod panics;
pub mod patterns;

use kata_harness::{Inputs, Outputs};
use serde::{Deserialize, Serialize};

use crate::catalog::{Kata, Part};
use crate::judge::Tolerance;

/// Findings shown under a failing part in the terminal; `--json` has all.
pub const SHOWN: usize = 3;

/// What kind of thing a finding says.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A catalogued mistake.
    Mistake,
    /// A shape of the error, for any kata.
    Pattern,
    /// A declared property of an output that the user's numbers break.
    Invariant,
    /// A panic, explained.
    Panic,
    /// A Python exception, explained.
    Exception,
    /// The gradient check's verdict.
    Gradient,
}

impl Kind {
    /// The kind as JSON spells it.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Mistake => "mistake",
            Kind::Pattern => "pattern",
            Kind::Invariant => "invariant",
            Kind::Panic => "panic",
            Kind::Exception => "exception",
            Kind::Gradient => "gradient",
        }
    }
}

/// One thing the diagnosis says about a failing part.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// Its kind.
    pub kind: Kind,
    /// A stable identifier: the mistake's id, or the pattern's, invariant's
    /// or panic's name.
    pub id: String,
    /// In English.
    pub en: String,
    /// In Chinese.
    pub zh: String,
    /// Lower is more specific; findings are sorted by it.
    #[serde(default)]
    pub rank: u32,
    /// The output a pattern or invariant was found on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output: Option<String>,
}

impl Finding {
    /// The message in the report's language.
    pub fn message(&self, zh: bool) -> &str {
        if zh {
            &self.zh
        } else {
            &self.en
        }
    }
}

/// How a part ended on one case, as far as diagnosis cares.
#[derive(Clone, Copy, Debug)]
pub enum Outcome<'a> {
    /// Returned outputs, right or wrong.
    Returned {
        /// What the user's function returned.
        got: &'a Outputs,
        /// Whether they passed.
        passed: bool,
    },
    /// Panicked (or threw).
    Panicked {
        /// The panic's message.
        message: &'a str,
        /// Where, `file:line:col`, when known.
        location: Option<&'a str>,
    },
}

/// One case of a part, with what the user's code did on it.
#[derive(Clone, Copy, Debug)]
pub struct Observed<'a> {
    /// The case's name.
    pub case: &'a str,
    /// Its inputs.
    pub inputs: &'a Inputs,
    /// The expected outputs of this part.
    pub expected: &'a Outputs,
    /// What the user's code did.
    pub outcome: Outcome<'a>,
}

impl Observed<'_> {
    /// Whether the user's code passed this case.
    pub fn passed(&self) -> bool {
        matches!(self.outcome, Outcome::Returned { passed: true, .. })
    }
}

/// Everything the diagnosis of one failing part reads.
pub struct Context<'a> {
    /// The kata.
    pub kata: &'a Kata,
    /// The part.
    pub part: &'a Part,
    /// The cases where the user's code returned or panicked (crashes and
    /// cases not run say nothing about the numbers).
    pub observed: Vec<Observed<'a>>,
}

impl<'a> Context<'a> {
    /// The part's tolerance.
    pub fn tol(&self) -> Tolerance {
        Tolerance {
            rtol: self.part.rtol,
            atol: self.part.atol,
        }
    }

    /// The cases that failed by returning wrong outputs.
    pub fn wrong(&self) -> impl Iterator<Item = (&Observed<'a>, &'a Outputs)> + '_ {
        self.observed.iter().filter_map(|o| match o.outcome {
            Outcome::Returned { got, passed: false } => Some((o, got)),
            _ => None,
        })
    }
}

/// Every finding on a failing part, most specific first.
pub fn diagnose(cx: &Context<'_>) -> Vec<Finding> {
    if cx.observed.iter().all(Observed::passed) {
        return Vec::new();
    }
    let mut findings = mutants::findings(cx);
    let named: Vec<String> = findings
        .iter()
        .filter(|f| f.rank == mutants::RANK_FULL)
        .map(|f| f.id.clone())
        .collect();
    findings.extend(panics::findings(cx));
    findings.extend(invariants::findings(cx));
    let found = patterns::findings(cx);
    // A mistake the catalog ties to a pattern is named when the pattern shows.
    for mistake in &cx.kata.mistakes {
        let Some(pattern) = &mistake.pattern else { continue };
        let shows = found
            .iter()
            .any(|f| &f.id == pattern && (mistake.output.is_none() || f.output == mistake.output));
        if shows && !named.contains(&mistake.id) {
            // Named from the numbers outright: no longer only for some cases.
            findings.retain(|f| f.id != mistake.id);
            findings.push(Finding {
                kind: Kind::Mistake,
                id: mistake.id.clone(),
                en: mistake.en.clone(),
                zh: mistake.zh.clone(),
                rank: mutants::RANK_FULL,
                output: None,
            });
        }
    }
    findings.extend(found);
    findings.sort_by_key(|f| f.rank);
    findings
}

/// `a` and `b` joined for a message: `x`, `x and y`, `x, y and z`.
pub(crate) fn join_en(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}
