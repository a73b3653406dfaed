//! Showing verdicts: to a person (coloured, 80 columns) or to a tool
//! (`--json`, shaped like Exercism's results.json version 3).

use std::fmt::Write as _;

use colored::Colorize;
use kata_harness::Value;
use serde_json::json;
use similar::{ChangeTag, TextDiff};

use crate::check::{CaseReport, KataReport, OutputFailure, PartReport, Status, Verdict};
use crate::diagnosis::{self, Kind};
use crate::judge::{unravel, Mismatch};
use crate::run::{Crash, Printed};

/// Elements per line of a printed array.
const PER_LINE: usize = 5;
/// Lines of a user's printed output shown per case.
const PRINTED_LINES: usize = 12;
/// Failing cases shown in full per part; the rest get one line each.
const DETAILED: usize = 1;
/// Failing cases listed per part at most.
const LISTED: usize = 8;

/// Renders a report for a terminal. `zh` picks the Chinese mistake messages.
pub fn human(report: &KataReport, zh: bool) -> String {
    let mut out = String::new();
    let name = report.name.bold();
    let cached = if report.cached {
        " (cached)".dimmed().to_string()
    } else {
        String::new()
    };
    match report.status {
        Status::CompileError => {
            let _ = writeln!(out, "{} {name}: does not compile{cached}", "✗".red().bold());
            if let Some(text) = &report.compile_error {
                out.push_str(text);
                if !text.ends_with('\n') {
                    out.push('\n');
                }
            }
            return out;
        }
        Status::NotImplemented => {
            let _ = writeln!(
                out,
                "{} {name}: not implemented yet: replace the todo!() in katas/{}.rs{cached}",
                "·".yellow().bold(),
                report.name
            );
            return out;
        }
        Status::Passed => {
            let (total, fixtures) = count_cases(report);
            let _ = writeln!(
                out,
                "{} {name}: passed {total} cases ({fixtures} fixtures, {} random, seed {}){cached}",
                "✓".green().bold(),
                total - fixtures,
                report.seed
            );
        }
        Status::Failed => {
            let _ = writeln!(out, "{} {name}: failed{cached}", "✗".red().bold());
        }
    }
    if report.status == Status::Failed {
        for part in &report.parts {
            part_human(&mut out, report, part, zh);
        }
    }
    for part in &report.parts {
        if report.status == Status::Passed {
            printed_section(&mut out, part);
        }
    }
    if let Some(g) = &report.gradient_check {
        let _ = writeln!(
            out,
            "  {} {}",
            "Gradient check:".yellow().bold(),
            wrap(&crate::gradcheck::explain(g), 60, "  ").trim_start()
        );
    }
    if report.dropped_bytes > 0 {
        let _ = writeln!(
            out,
            "  (your program printed {} more bytes, not shown)",
            report.dropped_bytes
        );
    }
    out
}

fn count_cases(report: &KataReport) -> (usize, usize) {
    let cases = report.parts.first().map_or(&[][..], |p| &p.cases[..]);
    (cases.len(), cases.iter().filter(|c| c.seed.is_none()).count())
}

fn part_human(out: &mut String, report: &KataReport, part: &PartReport, zh: bool) {
    let total = part.cases.len();
    match part.status {
        Status::Passed => {
            let _ = writeln!(out, "  {} {}: passed {total} cases", "✓".green(), part.name);
            return;
        }
        Status::NotImplemented => {
            let _ = writeln!(out, "  {} {}: not implemented yet", "·".yellow(), part.name);
            return;
        }
        _ => {}
    }
    let failing: Vec<&CaseReport> = part.cases.iter().filter(|c| c.verdict != Verdict::Pass).collect();
    let _ = writeln!(
        out,
        "  {} {}: failed {} of {total} cases",
        "✗".red(),
        part.name,
        failing.len()
    );
    for (i, case) in failing.iter().enumerate() {
        if i >= LISTED {
            let _ = writeln!(out, "    … and {} more", failing.len() - LISTED);
            break;
        }
        let line = format!("{}: {}", case_title(case), verdict_line(&case.verdict));
        let _ = writeln!(out, "    {} {}", "✗".red(), wrap(&line, 72, "      ").trim_start());
        if i < DETAILED {
            case_detail(out, report, case);
        }
    }
    findings_section(out, part, zh);
}

/// Under a failing part: at most [`diagnosis::SHOWN`] findings, most specific
/// first. The gradient check has its own line below the parts.
fn findings_section(out: &mut String, part: &PartReport, zh: bool) {
    // The same pattern on several outputs is shown once (`--json` has all).
    let mut seen: Vec<(Kind, &str)> = Vec::new();
    let shown = part.diagnoses.iter().filter(|f| {
        let new = f.kind != Kind::Gradient && !seen.contains(&(f.kind, f.id.as_str()));
        seen.push((f.kind, f.id.as_str()));
        new
    });
    for f in shown.take(diagnosis::SHOWN) {
        let label = match (f.kind, zh) {
            (Kind::Mistake, false) => "This looks like:",
            (Kind::Mistake, true) => "这看起来是：",
            (Kind::Panic, false) => "About this panic:",
            (Kind::Panic, true) => "关于这个 panic：",
            (Kind::Invariant, false) => "Broken property:",
            (Kind::Invariant, true) => "性质不成立：",
            (Kind::Pattern | Kind::Gradient, false) => "In the numbers:",
            (Kind::Pattern | Kind::Gradient, true) => "数值规律：",
        };
        let indent = " ".repeat(4);
        // A Chinese label ends in a full-width colon, which brings its own space.
        let gap = if zh { "" } else { " " };
        let text = wrap(&format!("{label}{gap}{}", f.message(zh)), 74, &indent);
        let text = text.trim_start().replacen(label, &label.yellow().bold().to_string(), 1);
        let _ = writeln!(out, "  {text}");
    }
}

fn case_title(case: &CaseReport) -> String {
    match case.seed {
        Some(seed) => format!("{} (seed {seed})", case.case),
        None => case.case.clone(),
    }
}

fn verdict_line(v: &Verdict) -> String {
    match v {
        Verdict::Pass => "passed".into(),
        Verdict::NotImplemented => "not implemented yet".into(),
        Verdict::Mismatch { outputs } => outputs.iter().map(mismatch_line).collect::<Vec<_>>().join("; "),
        Verdict::Panicked { message, location } => match location {
            Some(l) => format!("panicked at {l}: {}", first_line(message)),
            None => format!("panicked: {}", first_line(message)),
        },
        Verdict::Crashed { crash } => crash_line(crash),
        Verdict::NotRun => "not run: the time limit was reached first".into(),
        Verdict::BadInput { message } => format!("the case does not fit the kata (a fixture fault): {message}"),
    }
}

fn first_line(s: &str) -> &str {
    s.lines().next().unwrap_or("")
}

/// A one-line description of a crash.
pub fn crash_line(crash: &Crash) -> String {
    match crash {
        Crash::Timeout { seconds } => format!("timed out: still running after {seconds} s (an endless loop?)"),
        Crash::StackOverflow => "stack overflow (endless or too deep recursion)".into(),
        Crash::OutOfMemory { limit_mb } => format!("ran out of memory (limit {limit_mb} MiB)"),
        Crash::Exited { code } => format!("the program exited (code {code}) before returning (std::process::exit?)"),
        Crash::Signal { name } => format!("crashed: {name}"),
    }
}

fn mismatch_line(f: &OutputFailure) -> String {
    let what = match &f.mismatch {
        Mismatch::Missing => "missing".to_string(),
        Mismatch::Dtype { got, expected } => format!("type {got}, expected {expected}"),
        Mismatch::Shape { got, expected } => format!("shape {}, expected {}", dims(got), dims(expected)),
        Mismatch::Values(d) => {
            let pct = 100.0 * d.mismatched as f64 / d.total.max(1) as f64;
            let nf = match d.non_finite {
                Some(i) => format!(", non-finite at {:?}", unravel(i, f.expected.shape())),
                None => String::new(),
            };
            format!("mismatched {} of {} elements ({pct:.1}%){nf}", d.mismatched, d.total)
        }
    };
    format!("`{}` {what}", f.name)
}

fn dims(shape: &[usize]) -> String {
    let parts: Vec<String> = shape.iter().map(usize::to_string).collect();
    format!("({})", parts.join(", "))
}

fn case_detail(out: &mut String, report: &KataReport, case: &CaseReport) {
    let _ = writeln!(
        out,
        "{}",
        wrap(&format!("inputs: {}", case.shapes), 74, "      ").dimmed()
    );
    if let Verdict::Mismatch { outputs } = &case.verdict {
        for f in outputs {
            output_detail(out, f);
        }
    }
    if let Some(p) = &case.printed {
        printed_block(out, p);
    }
    let _ = writeln!(
        out,
        "      re-run: kata check {} --case {}{}",
        report.name,
        case.case,
        case.seed.map(|s| format!(" --seed {s}")).unwrap_or_default()
    );
}

fn output_detail(out: &mut String, f: &OutputFailure) {
    let Mismatch::Values(d) = &f.mismatch else { return };
    let shape = f.expected.shape();
    let _ = writeln!(
        out,
        "      `{}` (tolerance {:.0e} + {:.0e}·|expected|):",
        f.name, f.atol, f.rtol
    );
    if let Some((abs, i)) = d.max_abs {
        let _ = writeln!(
            out,
            "        greatest absolute difference {abs:.3e} at {:?}",
            unravel(i, shape)
        );
    }
    if let Some((rel, i)) = d.max_rel {
        let _ = writeln!(
            out,
            "        greatest relative difference {rel:.3e} at {:?}",
            unravel(i, shape)
        );
    }
    if let Some(got) = &f.got {
        diff_block(out, got, &f.expected, f);
    }
}

/// A got-vs-expected diff of the formatted arrays, around the mismatches.
fn diff_block(out: &mut String, got: &Value, expected: &Value, f: &OutputFailure) {
    let tol = crate::judge::Tolerance {
        rtol: f.rtol,
        atol: f.atol,
    };
    let exp_items = elements(expected);
    let got_items: Vec<String> = elements(got)
        .into_iter()
        .zip(numbers(got).into_iter().zip(numbers(expected)))
        .zip(&exp_items)
        .map(|((g_text, (g, e)), e_text)| match (g, e) {
            // Within tolerance: print it as the expected value so only real differences show.
            (Some(g), Some(e)) if tol.close(g, e) => e_text.clone(),
            _ => g_text,
        })
        .collect();
    let exp_text = lines(&exp_items, expected.shape());
    let got_text = lines(&got_items, expected.shape());
    let diff = TextDiff::from_lines(&exp_text, &got_text);
    let _ = writeln!(out, "      {} {}", "- expected".red(), "+ got".green());
    for (h, group) in diff.grouped_ops(1).iter().enumerate() {
        if h >= 3 {
            let _ = writeln!(out, "      …");
            break;
        }
        if h > 0 {
            let _ = writeln!(out, "      ⋮");
        }
        for op in group {
            for change in diff.iter_changes(op) {
                let text = change.value().trim_end();
                let line = match change.tag() {
                    ChangeTag::Delete => format!("- {text}").red().to_string(),
                    ChangeTag::Insert => format!("+ {text}").green().to_string(),
                    ChangeTag::Equal => format!("  {text}").dimmed().to_string(),
                };
                let _ = writeln!(out, "      {line}");
            }
        }
    }
}

fn numbers(v: &Value) -> Vec<Option<f64>> {
    match v {
        Value::F64(a) => a.iter().map(|&x| Some(x)).collect(),
        Value::Int(a) => a.iter().map(|&x| Some(x as f64)).collect(),
        Value::Bool(a) => a.iter().map(|_| None).collect(),
    }
}

fn elements(v: &Value) -> Vec<String> {
    match v {
        Value::F64(a) => a.iter().map(|&x| fmt_f64(x)).collect(),
        Value::Int(a) => a.iter().map(i64::to_string).collect(),
        Value::Bool(a) => a.iter().map(bool::to_string).collect(),
    }
}

/// A real in at most 11 characters, with 6 significant digits.
pub fn fmt_f64(x: f64) -> String {
    if x == 0.0 || (1e-3..1e6).contains(&x.abs()) {
        let s = format!("{x:.6}");
        let s = if s.contains('.') {
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        } else {
            s
        };
        if s == "-0" {
            "0".into()
        } else {
            s
        }
    } else if x.is_finite() {
        format!("{x:.5e}")
    } else {
        format!("{x}")
    }
}

/// Lines of at most [`PER_LINE`] elements, each led by the index of its
/// first element, never crossing a row.
fn lines(items: &[String], shape: &[usize]) -> String {
    let row = shape.last().copied().unwrap_or(1).max(1);
    let mut text = String::new();
    for (start, chunk) in chunk_starts(items.len(), row) {
        let index = unravel(start, shape);
        let cells: Vec<String> = items[start..start + chunk].iter().map(|s| format!("{s:>12}")).collect();
        let _ = writeln!(text, "{:<12}{}", format!("{index:?}"), cells.join(""));
    }
    text
}

fn chunk_starts(len: usize, row: usize) -> Vec<(usize, usize)> {
    let mut starts = Vec::new();
    let mut row_start = 0;
    while row_start < len {
        let row_end = (row_start + row).min(len);
        let mut s = row_start;
        while s < row_end {
            let n = PER_LINE.min(row_end - s);
            starts.push((s, n));
            s += n;
        }
        row_start = row_end;
    }
    starts
}

fn printed_section(out: &mut String, part: &PartReport) {
    for case in &part.cases {
        if let Some(p) = &case.printed {
            let _ = writeln!(out, "    {} {} printed:", part.name, case.case);
            printed_block(out, p);
        }
    }
}

fn printed_block(out: &mut String, p: &Printed) {
    for (label, text) in [("stdout", &p.stdout), ("stderr", &p.stderr)] {
        if text.is_empty() {
            continue;
        }
        let _ = writeln!(out, "      your {label}:");
        let lines: Vec<&str> = text.lines().collect();
        for line in lines.iter().take(PRINTED_LINES) {
            let shown: String = line.chars().take(70).map(visible).collect();
            let _ = writeln!(out, "      │ {shown}");
        }
        if lines.len() > PRINTED_LINES {
            let _ = writeln!(out, "      │ … {} more lines", lines.len() - PRINTED_LINES);
        }
    }
}

/// A control character of the user's output as its Unicode picture (`\x1e`
/// → `␞`, ESC → `␛`), so that it can neither pass for the report's own
/// structure nor drive the terminal.
fn visible(c: char) -> char {
    match c {
        '\t' => c,
        '\0'..='\x1f' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'),
        '\x7f' => '\u{2421}',
        c if c.is_control() => '\u{fffd}',
        c => c,
    }
}

/// Wraps text at `width` columns, indenting every line.
pub fn wrap(text: &str, width: usize, indent: &str) -> String {
    // textwrap measures display width and breaks between CJK characters too.
    let options = textwrap::Options::new(width + indent.len())
        .initial_indent(indent)
        .subsequent_indent(indent);
    text.split('\n')
        .map(|p| textwrap::fill(p, &options))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The results of several katas as one results.json (version 3) object:
/// `status` is pass, fail or error; one test per part and case.
pub fn json(reports: &[KataReport]) -> serde_json::Value {
    let mut tests = Vec::new();
    let mut any_error = false;
    let mut any_fail = false;
    let mut katas = Vec::new();
    for r in reports {
        let status = match r.status {
            Status::Passed => "pass",
            Status::Failed | Status::NotImplemented => "fail",
            Status::CompileError => "error",
        };
        any_error |= status == "error";
        any_fail |= status == "fail";
        katas.push(json!({
            "name": r.name,
            "status": status,
            "verdict": r.status,
            "seed": r.seed,
            "message": r.compile_error,
            "gradient_check": r.gradient_check.as_ref().map(crate::gradcheck::explain),
            "looks_like": r.parts.iter().filter_map(|p| p.looks_like.as_ref().map(|d| json!({"part": p.name, "id": d.id, "message": d.en}))).collect::<Vec<_>>(),
            "diagnoses": r.parts.iter().flat_map(|p| p.diagnoses.iter().map(|f| json!({"part": p.name, "kind": f.kind.as_str(), "id": f.id, "message": f.en, "message_zh": f.zh}))).collect::<Vec<_>>(),
        }));
        for part in &r.parts {
            for case in &part.cases {
                let pass = case.verdict == Verdict::Pass;
                tests.push(json!({
                    "name": format!("{}/{}/{}", r.name, part.name, case.case),
                    "status": if pass { "pass" } else { "fail" },
                    "message": if pass { serde_json::Value::Null } else { json!(verdict_line(&case.verdict)) },
                    "output": case.printed.as_ref().map(|p| format!("{}{}", p.stdout, p.stderr)),
                }));
            }
        }
    }
    let status = if any_error {
        "error"
    } else if any_fail {
        "fail"
    } else {
        "pass"
    };
    let message = reports.iter().find_map(|r| r.compile_error.clone());
    json!({ "version": 3, "status": status, "message": message, "tests": tests, "katas": katas })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_short() {
        assert_eq!(fmt_f64(1.5), "1.5");
        assert_eq!(fmt_f64(-1.224744871391589), "-1.224745");
        assert_eq!(fmt_f64(0.0), "0");
        assert_eq!(fmt_f64(1e-7), "1.00000e-7");
        assert_eq!(fmt_f64(f64::NAN), "NaN");
    }

    #[test]
    fn lines_never_cross_a_row() {
        assert_eq!(chunk_starts(7, 7), vec![(0, 5), (5, 2)]);
        assert_eq!(chunk_starts(6, 3), vec![(0, 3), (3, 3)]);
    }

    #[test]
    fn printed_control_characters_are_shown_as_pictures() {
        let mut out = String::new();
        let printed = Printed {
            stdout: "a\u{1e}b\x1b[2Jc\rd\te\u{85}\n".into(),
            stderr: String::new(),
        };
        printed_block(&mut out, &printed);
        assert!(out.contains("│ a␞b␛[2Jc␍d\te\u{fffd}\n"), "{out:?}");
    }

    #[test]
    fn wrap_fits_width() {
        let text = wrap("one two three four five six", 9, "  ");
        assert!(text.lines().all(|l| l.chars().count() <= 11), "{text}");
    }
}
