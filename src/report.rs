//! Showing verdicts: to a person (coloured, the terminal's width) or to a
//! tool (`--json`, shaped like Exercism's results.json version 3).

use std::fmt::Write as _;
use std::io::IsTerminal;

use colored::Colorize;
use kata_harness::Value;
use serde_json::json;

use crate::check::{CaseReport, KataReport, OutputFailure, PartReport, Status, Verdict};
use crate::diagnosis::{self, Kind};
use crate::judge::{unravel, Mismatch, Tolerance};
use crate::run::{Crash, Printed, Raised};
use crate::track::Track;

/// Lines of a user's printed output shown per case.
const PRINTED_LINES: usize = 12;
/// Rows a long printed line wraps to at most.
const PRINTED_ROWS: usize = 4;
/// Failing cases shown in full per part; the rest get one line each.
const DETAILED: usize = 1;
/// Failing cases listed per part at most.
const LISTED: usize = 8;
/// Differing rows shown per output; the rest are counted.
const DIFF_ROWS: usize = 6;
/// Where case details start.
const DETAIL: usize = 6;

/// The width reports wrap at: the terminal's when standard output is one,
/// else 80.
pub fn width() -> usize {
    if std::io::stdout().is_terminal() {
        // A terminal that reports no size (0 columns, as some ptys do) is treated as unknown.
        if let Ok((columns @ 1.., _)) = crossterm::terminal::size() {
            return usize::from(columns).clamp(40, 240);
        }
    }
    80
}

/// `1 case`, `2 cases`, `3 more lines`: a count and its noun, singular or plural (English).
pub fn plural(n: usize, what: &str) -> String {
    match n {
        1 => format!("1 {what}"),
        n => format!("{n} {what}s"),
    }
}

/// `en` or `zh`, as the language asks.
pub fn tr(zh: bool, en: &'static str, zh_text: &'static str) -> &'static str {
    if zh {
        zh_text
    } else {
        en
    }
}

/// Renders a report for a terminal. `zh` picks the Chinese labels and
/// mistake messages.
pub fn human(report: &KataReport, zh: bool) -> String {
    human_in(report, zh, None)
}

/// [`human`], naming the user's file as `user_file` (a path the user can
/// open from where they are) rather than `katas/<name>.<ext>`.
pub fn human_in(report: &KataReport, zh: bool, user_file: Option<&str>) -> String {
    let width = width();
    let mut out = String::new();
    let status = |mark: String, what: &str| status_line(&mark, &report.name, what, report.cached, zh, width);
    match report.status {
        Status::CompileError => {
            out.push_str(&status(
                "✗".red().bold().to_string(),
                tr(zh, "does not compile", "无法编译"),
            ));
            if let Some(text) = &report.compile_error {
                out.push_str(text);
                if !text.ends_with('\n') {
                    out.push('\n');
                }
            }
            return out;
        }
        Status::NotImplemented => {
            let todo = report.track.todo();
            let file = user_file.map_or_else(
                || format!("katas/{}.{}", report.name, report.track.extension()),
                str::to_string,
            );
            let what = match zh {
                false => format!("not implemented yet: replace the {todo} in {file}"),
                true => format!("尚未实现：请替换 {file} 中的 {todo}"),
            };
            out.push_str(&status("·".yellow().bold().to_string(), &what));
            return out;
        }
        Status::Passed => {
            let (total, fixtures) = count_cases(report);
            let what = match zh {
                false => format!(
                    "passed {} ({}, {} random, seed {})",
                    plural(total, "case"),
                    plural(fixtures, "fixture"),
                    total - fixtures,
                    report.seed
                ),
                true => format!(
                    "通过全部 {total} 个用例（{fixtures} 个固定用例，{} 个随机用例，种子 {}）",
                    total - fixtures,
                    report.seed
                ),
            };
            out.push_str(&status("✓".green().bold().to_string(), &what));
            for part in &report.parts {
                printed_section(&mut out, part, zh);
            }
        }
        Status::Failed => match &report.parts[..] {
            // One part named like the kata: one heading says it all.
            [part] if part.name == report.name => {
                out.push_str(&status("✗".red().bold().to_string(), &part_summary(part, zh)));
                part_body(&mut out, report, part, zh, width);
            }
            parts => {
                out.push_str(&status("✗".red().bold().to_string(), tr(zh, "failed", "未通过")));
                for part in parts {
                    part_human(&mut out, report, part, zh, width);
                }
            }
        },
    }
    if let Some(g) = &report.gradient_check {
        let label = tr(zh, "Gradient check:", "梯度检查：");
        out.push_str(&hanging(
            2,
            label,
            &label.yellow().bold().to_string(),
            &crate::gradcheck::explain(g, zh),
            width,
        ));
    }
    if report.dropped_bytes > 0 {
        let _ = match zh {
            false => writeln!(
                out,
                "  (your program printed {}, not shown)",
                plural(report.dropped_bytes, "more byte")
            ),
            true => writeln!(out, "  （你的程序还输出了 {} 字节，未显示）", report.dropped_bytes),
        };
    }
    out
}

fn count_cases(report: &KataReport) -> (usize, usize) {
    let cases = report.parts.first().map_or(&[][..], |p| &p.cases[..]);
    (cases.len(), cases.iter().filter(|c| c.seed.is_none()).count())
}

/// `passed 27 cases`, `failed 3 of 27 cases`, `not implemented yet`.
fn part_summary(part: &PartReport, zh: bool) -> String {
    let total = part.cases.len();
    let failing = part.cases.iter().filter(|c| c.verdict != Verdict::Pass).count();
    match (part.status, zh) {
        (Status::Passed, false) => format!("passed {}", plural(total, "case")),
        (Status::Passed, true) => format!("通过全部 {total} 个用例"),
        (Status::NotImplemented, _) => tr(zh, "not implemented yet", "尚未实现").to_string(),
        (_, false) => format!("failed {failing} of {}", plural(total, "case")),
        (_, true) => format!("{total} 个用例中 {failing} 个未通过"),
    }
}

fn part_human(out: &mut String, report: &KataReport, part: &PartReport, zh: bool, width: usize) {
    let mark = match part.status {
        Status::Passed => "✓".green(),
        Status::NotImplemented => "·".yellow(),
        _ => "✗".red(),
    };
    let _ = writeln!(out, "  {mark} {}: {}", part.name, part_summary(part, zh));
    if matches!(part.status, Status::Failed | Status::CompileError) {
        part_body(out, report, part, zh, width);
    }
}

/// A failing part's cases, the first in detail, and the mistake it looks like.
fn part_body(out: &mut String, report: &KataReport, part: &PartReport, zh: bool, width: usize) {
    let failing: Vec<&CaseReport> = part.cases.iter().filter(|c| c.verdict != Verdict::Pass).collect();
    for (i, case) in failing.iter().enumerate() {
        if i >= LISTED {
            let _ = match zh {
                false => writeln!(out, "    … and {} more", failing.len() - LISTED),
                true => writeln!(out, "    … 另有 {} 个", failing.len() - LISTED),
            };
            break;
        }
        let line = format!(
            "{}{}{}",
            case_title(case, zh),
            tr(zh, ": ", "："),
            verdict_line(&case.verdict, Some(&part.name), report.track, zh)
        );
        let _ = writeln!(
            out,
            "    {} {}",
            "✗".red(),
            wrap(&line, width.saturating_sub(DETAIL), &" ".repeat(DETAIL)).trim_start()
        );
        if i < DETAILED {
            case_detail(out, report, part, case, zh, width);
        }
    }
    findings_section(out, part, zh, width);
}

/// Under a failing part: at most [`diagnosis::SHOWN`] findings, most specific
/// first. The gradient check has its own line below the parts.
fn findings_section(out: &mut String, part: &PartReport, zh: bool, width: usize) {
    // The same pattern on several outputs is shown once (`--json` has all).
    let mut seen: Vec<(Kind, &str)> = Vec::new();
    let shown = part.diagnoses.iter().filter(|f| {
        let new = f.kind != Kind::Gradient && !seen.contains(&(f.kind, f.id.as_str()));
        seen.push((f.kind, f.id.as_str()));
        new
    });
    for f in shown.take(diagnosis::SHOWN) {
        let label = match f.kind {
            Kind::Mistake => tr(zh, "This looks like:", "这看起来是："),
            Kind::Panic => tr(zh, "About this panic:", "关于这个 panic："),
            Kind::Exception => tr(zh, "About this exception:", "关于这个异常："),
            Kind::Invariant => tr(zh, "Broken property:", "性质不成立："),
            Kind::Pattern | Kind::Gradient => tr(zh, "In the numbers:", "数值规律："),
        };
        out.push_str(&hanging(
            2,
            label,
            &label.yellow().bold().to_string(),
            f.message(zh),
            width,
        ));
    }
}

fn case_title(case: &CaseReport, zh: bool) -> String {
    match (case.seed, zh) {
        (Some(seed), false) => format!("{} (seed {seed})", case.case),
        (Some(seed), true) => format!("{}（种子 {seed}）", case.case),
        (None, _) => case.case.clone(),
    }
}

fn verdict_line(v: &Verdict, part: Option<&str>, track: Track, zh: bool) -> String {
    match v {
        Verdict::Pass => tr(zh, "passed", "通过").into(),
        Verdict::NotImplemented => tr(zh, "not implemented yet", "尚未实现").into(),
        Verdict::Mismatch { outputs } => outputs
            .iter()
            .map(|f| mismatch_line(f, part, zh))
            .collect::<Vec<_>>()
            .join(tr(zh, "; ", "；")),
        Verdict::Panicked { message, location } => panicked_line(message, location.as_deref(), zh),
        Verdict::Raised { raised } => raised_line(raised, zh),
        Verdict::Crashed { crash } => crash_line(crash, track, zh),
        Verdict::NotRun => tr(
            zh,
            "not run: the time limit was reached first",
            "未运行：已先达到时间限制",
        )
        .into(),
        Verdict::BadInput { message } => match zh {
            false => format!("the case does not fit the kata (a fixture fault): {message}"),
            true => format!("该用例与本题不符（是测试数据的问题，不是你的）：{message}"),
        },
    }
}

fn first_line(s: &str) -> &str {
    s.lines().next().unwrap_or("")
}

/// A Rust panic: where, and its message's first line.
pub fn panicked_line(message: &str, location: Option<&str>, zh: bool) -> String {
    let message = first_line(message);
    let library = location.and_then(diagnosis::panics::library_location);
    match (location, library, zh) {
        (_, Some(at), false) => format!("panicked inside {at}, called from your code: {message}"),
        (_, Some(at), true) => format!("在库代码 {at} 中 panic（由你的代码调用）：{message}"),
        (Some(l), None, false) => format!("panicked at {l}: {message}"),
        (Some(l), None, true) => format!("在 {l} 处 panic：{message}"),
        (None, None, false) => format!("panicked: {message}"),
        (None, None, true) => format!("panic：{message}"),
    }
}

/// A Python exception: its type, where in the user's file, the line, and the message.
pub fn raised_line(r: &Raised, zh: bool) -> String {
    if r.exception.is_empty() {
        // What the function returned, said by the harness: not raised.
        let message = match (&r.message_zh, zh) {
            (Some(message), true) => message,
            _ => &r.message,
        };
        return first_line(message).to_string();
    }
    let mut out = match (&r.location, zh) {
        (Some(location), false) => format!("raised {} at {location}", r.exception),
        (Some(location), true) => format!("在 {location} 抛出 {}", r.exception),
        (None, false) => format!("raised {}", r.exception),
        (None, true) => format!("抛出 {}", r.exception),
    };
    if let Some(line) = &r.line {
        out += &format!(" (`{line}`)");
    }
    let message = match (&r.message_zh, zh) {
        (Some(message), true) => message,
        _ => &r.message,
    };
    if !message.is_empty() {
        out += tr(zh, ": ", "：");
        out += first_line(message);
    }
    out
}

/// A one-line description of a crash; how a program exits early depends on
/// its language.
pub fn crash_line(crash: &Crash, track: Track, zh: bool) -> String {
    let exit = match (track, zh) {
        (Track::Rust, _) => "std::process::exit",
        (Track::Python, false) => "sys.exit or os._exit",
        (Track::Python, true) => "sys.exit 或 os._exit",
    };
    match (crash, zh) {
        (Crash::Timeout { seconds }, false) => format!("timed out: still running after {seconds} s (an endless loop?)"),
        (Crash::Timeout { seconds }, true) => format!("超时：{seconds} 秒后仍在运行（死循环？）"),
        (Crash::StackOverflow, false) => "stack overflow (endless or too deep recursion)".into(),
        (Crash::StackOverflow, true) => "栈溢出（无穷递归或递归过深）".into(),
        (Crash::OutOfMemory { limit_mb }, false) => format!("ran out of memory (limit {limit_mb} MiB)"),
        (Crash::OutOfMemory { limit_mb }, true) => format!("内存耗尽（上限 {limit_mb} MiB）"),
        (Crash::Exited { code }, false) => format!("the program exited (code {code}) before returning ({exit}?)"),
        (Crash::Exited { code }, true) => format!("程序在返回之前就退出了（退出码 {code}；调用了 {exit}？）"),
        (Crash::Signal { name }, false) => format!("crashed: {name}"),
        (Crash::Signal { name }, true) => format!("崩溃：{name}"),
    }
}

/// An output's name within its part: `attn` for `scaled_dot_product_attention.attn`.
fn short_name<'a>(name: &'a str, part: Option<&str>) -> &'a str {
    part.and_then(|p| name.strip_prefix(p)?.strip_prefix('.'))
        .unwrap_or(name)
}

fn mismatch_line(f: &OutputFailure, part: Option<&str>, zh: bool) -> String {
    let what = match (&f.mismatch, zh) {
        (Mismatch::Missing, _) => tr(zh, "missing", "缺失").to_string(),
        (Mismatch::Dtype { got, expected }, false) => format!("type {got}, expected {expected}"),
        (Mismatch::Dtype { got, expected }, true) => format!("类型 {got}，应为 {expected}"),
        (Mismatch::Shape { got, expected }, false) => format!("shape {}, expected {}", dims(got), dims(expected)),
        (Mismatch::Shape { got, expected }, true) => format!("形状 {}，应为 {}", dims(got), dims(expected)),
        (Mismatch::Values(d), _) => {
            let pct = 100.0 * d.mismatched as f64 / d.total.max(1) as f64;
            let at = d.non_finite.map(|i| unravel(i, f.expected.shape()));
            match (zh, at) {
                // A single number (a loss) has no index to name.
                (false, Some(at)) if at.is_empty() => format!(
                    "mismatched {} of {} ({pct:.1}%), not finite",
                    d.mismatched,
                    plural(d.total, "element")
                ),
                (true, Some(at)) if at.is_empty() => {
                    format!("{} 个元素中 {} 个不符（{pct:.1}%），不是有限数", d.total, d.mismatched)
                }
                (false, None) => format!(
                    "mismatched {} of {} ({pct:.1}%)",
                    d.mismatched,
                    plural(d.total, "element")
                ),
                (false, Some(at)) => format!(
                    "mismatched {} of {} ({pct:.1}%), non-finite at {at:?}",
                    d.mismatched,
                    plural(d.total, "element")
                ),
                (true, None) => format!("{} 个元素中 {} 个不符（{pct:.1}%）", d.total, d.mismatched),
                (true, Some(at)) => format!(
                    "{} 个元素中 {} 个不符（{pct:.1}%），{at:?} 处不是有限数",
                    d.total, d.mismatched
                ),
            }
        }
    };
    format!("`{}` {what}", short_name(&f.name, part))
}

/// A shape as a tuple, `(2, 3)`; one axis keeps its comma, `(2,)`, so that
/// it does not read as a number in parentheses.
fn dims(shape: &[usize]) -> String {
    match shape {
        [n] => format!("({n},)"),
        _ => {
            let parts: Vec<String> = shape.iter().map(usize::to_string).collect();
            format!("({})", parts.join(", "))
        }
    }
}

fn case_detail(out: &mut String, report: &KataReport, part: &PartReport, case: &CaseReport, zh: bool, width: usize) {
    let label = tr(zh, "inputs:", "输入：");
    // A name stays with its shape or value on a wrapped line.
    let shapes = case.shapes.replace(" (", "\u{a0}(").replace(" = ", "\u{a0}=\u{a0}");
    // Styled without its newline: a reset after the newline would leave an
    // empty line on the terminal.
    let inputs = hanging(DETAIL, label, label, &shapes, width);
    let _ = writeln!(out, "{}", inputs.trim_end_matches('\n').dimmed());
    if let Verdict::Mismatch { outputs } = &case.verdict {
        for f in outputs {
            output_detail(out, f, &part.name, zh, width);
        }
    }
    if let Some(p) = &case.printed {
        printed_block(out, p, zh, width);
    }
    // With one case (`--case`), the command that re-runs it is the one just run.
    if part.cases.len() > 1 {
        let command = format!(
            "kata check {}{} --case {}{}",
            report
                .rerun_dir
                .as_ref()
                .map(|d| format!("--dir {d} "))
                .unwrap_or_default(),
            report.name,
            case.case,
            case.seed.map(|s| format!(" --seed {s}")).unwrap_or_default()
        );
        out.push_str(&command_lines(
            DETAIL,
            tr(zh, "re-run: ", "单独重跑："),
            &command,
            width,
        ));
    }
}

/// A shell command under a label, cut at spaces with ` \` line
/// continuations where it is wider than the terminal, so that it can still
/// be copied and pasted whole; a word wider than a line overflows.
fn command_lines(indent: usize, label: &str, command: &str, width: usize) -> String {
    let pad = indent + display_width(label);
    if pad + display_width(command) <= width {
        return format!("{:indent$}{label}{command}\n", "");
    }
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in command.split(' ') {
        // Room on this line for the word and, after it, ` \`.
        let used = pad + display_width(&line);
        if !line.is_empty() && used + 1 + display_width(word) + 2 > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    lines.push(line);
    let mut out = format!("{:indent$}{label}", "");
    let last = lines.len() - 1;
    for (i, line) in lines.into_iter().enumerate() {
        if i > 0 {
            out.push_str(&" ".repeat(pad));
        }
        out.push_str(&line);
        out.push_str(if i < last { " \\\n" } else { "\n" });
    }
    out
}

fn output_detail(out: &mut String, f: &OutputFailure, part: &str, zh: bool, width: usize) {
    let d = match &f.mismatch {
        Mismatch::Values(d) => d,
        Mismatch::Shape { .. } | Mismatch::Dtype { .. } => {
            if let Some(got) = &f.got {
                small_values(out, &f.expected, got, zh, width);
            }
            return;
        }
        Mismatch::Missing => return,
    };
    let shape = f.expected.shape();
    let name = short_name(&f.name, Some(part));
    // Integers and booleans are compared exactly: no tolerance applies.
    let how = match (&f.expected, zh) {
        (Value::F64(_), false) => format!(" (tolerance {:.0e} + {:.0e}·|expected|):", f.atol, f.rtol),
        (Value::F64(_), true) => format!("（容差 {:.0e} + {:.0e}·|期望值|）：", f.atol, f.rtol),
        (_, false) => " (exact):".to_string(),
        (_, true) => "（精确比较）：".to_string(),
    };
    let _ = writeln!(out, "{:DETAIL$}`{name}`{how}", "");
    if let Some((abs, i)) = d.max_abs {
        let _ = writeln!(
            out,
            "{:w$}{} {abs:.3e} {} {:?}",
            "",
            tr(zh, "greatest absolute difference", "最大绝对误差"),
            tr(zh, "at", "位于"),
            unravel(i, shape),
            w = DETAIL + 2
        );
    }
    if let Some((rel, i)) = d.max_rel {
        let _ = writeln!(
            out,
            "{:w$}{} {rel:.3e} {} {:?}",
            "",
            tr(zh, "greatest relative difference", "最大相对误差"),
            tr(zh, "at", "位于"),
            unravel(i, shape),
            w = DETAIL + 2
        );
    }
    if let Some(got) = &f.got {
        let tol = Tolerance {
            rtol: f.rtol,
            atol: f.atol,
        };
        out.push_str(&diff_rows(
            got,
            &f.expected,
            tol,
            zh,
            width.saturating_sub(DETAIL + 2),
            DETAIL + 2,
        ));
    }
}

/// Outputs this small have their values shown when their shapes or types
/// differ, as no element-wise diff can be drawn.
const SMALL: usize = 12;

/// `expected [0, 2]` over `got [0]`, wrapped to the width, when both are small.
fn small_values(out: &mut String, expected: &Value, got: &Value, zh: bool, width: usize) {
    let (exp_items, got_items) = (elements(expected), elements(got));
    if exp_items.len() > SMALL || got_items.len() > SMALL {
        return;
    }
    let words = [tr(zh, "expected", "期望"), tr(zh, "got", "实际")];
    let word_width = words.iter().map(|w| display_width(w)).max().unwrap_or(0);
    for (word, items, value) in [(words[0], &exp_items, expected), (words[1], &got_items, got)] {
        let label = format!("{word}{}", " ".repeat(word_width - display_width(word)));
        let text = nested(items, value.shape());
        out.push_str(&hanging(DETAIL + 2, &label, &label, &text, width));
    }
}

/// Elements in nested brackets by their shape, as NumPy prints them: `[[1, 2], [3, 4]]`.
fn nested(items: &[String], shape: &[usize]) -> String {
    match shape {
        [] => items.first().cloned().unwrap_or_default(),
        [_] => format!("[{}]", items.join(", ")),
        [n, rest @ ..] => {
            let size = rest.iter().product::<usize>();
            let inner: Vec<String> = (0..*n)
                .map(|i| {
                    nested(
                        &items[(i * size).min(items.len())..((i + 1) * size).min(items.len())],
                        rest,
                    )
                })
                .collect();
            format!("[{}]", inner.join(", "))
        }
    }
}

/// The differing rows of an output, one layout at every size: per row (the
/// last axis, cut into pieces that fit the width), the expected values, the
/// values got under them in the same columns, and a `^` under each element
/// that differs. Columns are aligned on the decimal point and always apart.
fn diff_rows(got: &Value, expected: &Value, tol: Tolerance, zh: bool, width: usize, indent: usize) -> String {
    let shape = expected.shape();
    let exp_items = elements(expected);
    let got_items = elements(got);
    if got.shape() != shape || got_items.len() != exp_items.len() {
        return String::new();
    }
    let differs: Vec<bool> = numbers(got)
        .into_iter()
        .zip(numbers(expected))
        .zip(got_items.iter().zip(&exp_items))
        .map(|((g, e), (g_text, e_text))| match (g, e) {
            (Some(g), Some(e)) => !tol.close(g, e),
            _ => g_text != e_text,
        })
        .collect();
    let (exp_items, got_items) = distinguish(expected, got, exp_items, got_items, &differs);
    let words = [tr(zh, "expected", "期望"), tr(zh, "got", "实际")];
    let word_width = words.iter().map(|w| display_width(w)).max().unwrap_or(0);
    let row_len = shape.last().copied().unwrap_or(1).max(1);
    let label_room = 4 + shape.len() * 6;
    let room = width.saturating_sub(label_room + word_width + 2).max(12);
    // Pieces of rows holding a difference: (first element, end, label).
    let mut pieces: Vec<(usize, usize, String)> = Vec::new();
    let mut differing_pieces = 0;
    for row_start in (0..exp_items.len()).step_by(row_len) {
        let row_end = (row_start + row_len).min(exp_items.len());
        let mut start = row_start;
        while start < row_end {
            // As many columns as fit, at least one.
            let mut end = start;
            let mut used = 0;
            while end < row_end {
                let w = cell_width(&exp_items[end], &got_items[end]) + 2;
                if end > start && used + w > room {
                    break;
                }
                used += w;
                end += 1;
            }
            if differs[start..end].iter().any(|&d| d) {
                differing_pieces += 1;
                if pieces.len() < DIFF_ROWS {
                    pieces.push((start, end, piece_label(shape, row_start, start, end, row_len)));
                }
            }
            start = end;
        }
    }
    let label_width = pieces.iter().map(|p| p.2.chars().count()).max().unwrap_or(0);
    let mut text = String::new();
    for (start, end, label) in &pieces {
        let mut lines = [String::new(), String::new(), String::new()];
        for i in *start..*end {
            let (l, r) = column(&exp_items[i], &got_items[i]);
            let cells = [align(&exp_items[i], l, r), align(&got_items[i], l, r)];
            let w = l + r;
            lines[0].push_str(&cells[0]);
            if differs[i] {
                lines[1].push_str(&cells[1].red().bold().to_string());
                lines[2].push_str(&"^".repeat(w).red().to_string());
            } else {
                lines[1].push_str(&cells[1]);
                lines[2].push_str(&" ".repeat(w));
            }
            for line in &mut lines {
                line.push_str("  ");
            }
        }
        let pad = |word: &str| " ".repeat(word_width - display_width(word));
        let _ = writeln!(
            text,
            "{:indent$}{label:<label_width$}  {}{}  {}",
            "",
            words[0],
            pad(words[0]),
            lines[0].trim_end()
        );
        let _ = writeln!(
            text,
            "{:indent$}{:label_width$}  {}{}  {}",
            "",
            "",
            words[1],
            pad(words[1]),
            lines[1].trim_end()
        );
        let _ = writeln!(
            text,
            "{:indent$}{:label_width$}  {:word_width$}  {}",
            "",
            "",
            "",
            lines[2].trim_end()
        );
    }
    if differing_pieces > pieces.len() {
        let more = differing_pieces - pieces.len();
        let _ = match zh {
            false => match more {
                1 => writeln!(text, "{:indent$}… and 1 more row that differs", ""),
                _ => writeln!(text, "{:indent$}… and {more} more rows that differ", ""),
            },
            true => writeln!(text, "{:indent$}… 另有 {more} 行不同", ""),
        };
    }
    text
}

/// The texts of differing elements that print alike (`-0.17714` over
/// `-0.17714` at float32 precision) redone with as many significant digits
/// as tell them apart, up to 17.
fn distinguish(
    expected: &Value,
    got: &Value,
    mut exp_items: Vec<String>,
    mut got_items: Vec<String>,
    differs: &[bool],
) -> (Vec<String>, Vec<String>) {
    let (Value::F64(e), Value::F64(g)) = (expected, got) else {
        return (exp_items, got_items);
    };
    for (i, (&e, &g)) in e.iter().zip(g.iter()).enumerate() {
        if !differs[i] || exp_items[i] != got_items[i] {
            continue;
        }
        for digits in 7..=17 {
            let (a, b) = (fmt_f64_digits(e, digits), fmt_f64_digits(g, digits));
            if a != b || digits == 17 {
                (exp_items[i], got_items[i]) = (a, b);
                break;
            }
        }
    }
    (exp_items, got_items)
}

/// `x` as [`fmt_f64`] writes it, with `digits` significant digits (more than its 6).
fn fmt_f64_digits(x: f64, digits: usize) -> String {
    let trim = |s: &str| s.trim_end_matches('0').trim_end_matches('.').to_string();
    if !x.is_finite() || x == 0.0 {
        fmt_f64(x)
    } else if (1e-3..1e6).contains(&x.abs()) {
        let magnitude = x.abs().log10().floor() as i64;
        let decimals = (digits as i64 - 1 - magnitude).max(6) as usize;
        trim(&format!("{x:.decimals$}"))
    } else {
        let s = format!("{x:.*e}", digits - 1);
        match s.split_once('e') {
            Some((mantissa, exponent)) => format!("{}e{exponent}", trim(mantissa)),
            None => s,
        }
    }
}

/// `[1, 2, :]` for a whole row, `[1, 2, 5:10]` for a piece of one, `[]` for a 0-d array.
fn piece_label(shape: &[usize], row_start: usize, start: usize, end: usize, row_len: usize) -> String {
    if shape.is_empty() {
        return "[]".into();
    }
    let mut index: Vec<String> = unravel(row_start, shape)[..shape.len() - 1]
        .iter()
        .map(usize::to_string)
        .collect();
    let (a, b) = (start - row_start, end - row_start);
    index.push(if a == 0 && b == row_len {
        ":".into()
    } else {
        format!("{a}:{b}")
    });
    format!("[{}]", index.join(", "))
}

/// A number's text split where its decimals start: `-1` and `.5e-7`.
fn split_number(text: &str) -> (&str, &str) {
    match text.find(['.', 'e']) {
        Some(i) if text.starts_with(|c: char| c == '-' || c.is_ascii_digit()) => text.split_at(i),
        _ => (text, ""),
    }
}

/// The widths of a column's integer and decimal parts.
fn column(exp: &str, got: &str) -> (usize, usize) {
    let (el, er) = split_number(exp);
    let (gl, gr) = split_number(got);
    (
        el.chars().count().max(gl.chars().count()),
        er.chars().count().max(gr.chars().count()),
    )
}

fn cell_width(exp: &str, got: &str) -> usize {
    let (l, r) = column(exp, got);
    l + r
}

/// `text` padded to the column, its decimal point in line with the others'.
fn align(text: &str, left: usize, right: usize) -> String {
    let (l, r) = split_number(text);
    format!("{l:>left$}{r:<right$}")
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

/// A real in at most 12 characters, with 6 significant digits.
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
        // `1e-5` rather than `1.00000e-5`.
        let s = format!("{x:.5e}");
        match s.split_once('e') {
            Some((mantissa, exponent)) if mantissa.contains('.') => {
                format!("{}e{exponent}", mantissa.trim_end_matches('0').trim_end_matches('.'))
            }
            _ => s,
        }
    } else {
        format!("{x}")
    }
}

/// A kata's status line, `✓ name: what (cached)`, wrapped to the width
/// with the suffix included; the name bold and the suffix dimmed.
fn status_line(mark: &str, name: &str, what: &str, cached: bool, zh: bool, width: usize) -> String {
    let suffix = match (cached, zh) {
        (false, _) => String::new(),
        (true, false) => " (cached)".to_string(),
        (true, true) => "（缓存结果）".to_string(),
    };
    let text = wrap(&format!("{name}: {what}{suffix}"), width.saturating_sub(2), "  ");
    let mut text = text.trim_start().replacen(name, &name.bold().to_string(), 1);
    if let Some(at) = text.rfind(suffix.trim_start()).filter(|_| cached) {
        let dim = suffix.trim_start().dimmed().to_string();
        text.replace_range(at..at + suffix.trim_start().len(), &dim);
    }
    format!("{mark} {text}\n")
}

/// `text` (a statement, an example) with each line wider than `width`
/// wrapped under its own indentation (a list item's text under its text),
/// and every other line as it was: statements are written to fit 80
/// columns, so only a narrower terminal re-wraps them. Code (lines indented
/// four spaces or more) is kept whole.
pub fn fit_lines(text: &str, width: usize) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let indent = line.len() - line.trim_start_matches(' ').len();
        if display_width(line) <= width || indent >= 4 {
            out.push_str(line);
        } else {
            let body = &line[indent..];
            let hang = " ".repeat(if body.starts_with("- ") { indent + 2 } else { indent });
            let options = textwrap::Options::new(width.max(20))
                .initial_indent(&line[..indent])
                .subsequent_indent(&hang)
                .break_words(false)
                .word_splitter(textwrap::WordSplitter::NoHyphenation);
            let wrapped = textwrap::fill(&protect_paths(&protect_groups(body)), &options);
            out.push_str(&wrapped.replace('\u{a0}', " ").replace(JOINER, ""));
        }
        out.push('\n');
    }
    out
}

/// Columns `text` takes on a terminal (a CJK character takes two).
pub fn display_width(text: &str) -> usize {
    textwrap::core::display_width(text)
}

fn printed_section(out: &mut String, part: &PartReport, zh: bool) {
    for case in &part.cases {
        if let Some(p) = &case.printed {
            let _ = writeln!(
                out,
                "    {} {} {}",
                part.name,
                case.case,
                tr(zh, "printed:", "的输出：")
            );
            printed_block(out, p, zh, width());
        }
    }
}

fn printed_block(out: &mut String, p: &Printed, zh: bool, width: usize) {
    for (label, text) in [("stdout", &p.stdout), ("stderr", &p.stderr)] {
        if text.is_empty() {
            continue;
        }
        let _ = match zh {
            false => writeln!(out, "{:DETAIL$}your {label}:", ""),
            true => writeln!(out, "{:DETAIL$}你的 {label}：", ""),
        };
        let lines: Vec<&str> = text.lines().collect();
        // A long line wraps under itself (a hanging indent), up to a few rows.
        let options = textwrap::Options::new(width.saturating_sub(DETAIL + 4).max(20))
            .subsequent_indent("  ")
            .word_separator(textwrap::WordSeparator::AsciiSpace);
        for line in lines.iter().take(PRINTED_LINES) {
            let shown: String = line.chars().map(visible).collect();
            let rows = textwrap::wrap(&shown, &options);
            for (i, row) in rows.iter().enumerate() {
                if i + 1 == PRINTED_ROWS && rows.len() > PRINTED_ROWS {
                    let _ = writeln!(out, "{:DETAIL$}│ {row} …", "");
                    break;
                }
                let _ = writeln!(out, "{:DETAIL$}│ {row}", "");
            }
        }
        if lines.len() > PRINTED_LINES {
            let _ = match zh {
                false => writeln!(
                    out,
                    "{:DETAIL$}│ … {}",
                    "",
                    plural(lines.len() - PRINTED_LINES, "more line")
                ),
                true => writeln!(out, "{:DETAIL$}│ … 另有 {} 行", "", lines.len() - PRINTED_LINES),
            };
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

/// Brackets and parentheses this long or shorter are never split by a wrap.
const UNBREAKABLE: usize = 24;

/// Wraps text at `width` columns (the indent not counted), indenting every
/// line. A short bracketed group, such as a shape or an index (`(2, 3, 4)`,
/// `[1, 2]`), stays on one line.
pub fn wrap(text: &str, width: usize, indent: &str) -> String {
    // textwrap measures display width and breaks between CJK characters too.
    // A word longer than the width overflows rather than being cut.
    let options = textwrap::Options::new(width + display_width(indent))
        .initial_indent(indent)
        .subsequent_indent(indent)
        .break_words(false)
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    text.split('\n')
        .map(|p| {
            textwrap::fill(&protect_paths(&protect_groups(p)), &options)
                .replace('\u{a0}', " ")
                .replace(JOINER, "")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// U+2060 WORD JOINER: no line break on either side of it.
const JOINER: char = '\u{2060}';

/// `text` with every path or `file:line` token (`katas/x.py:15`), every
/// macro call (`todo!()`) and every chained call or index in code
/// (`counts.most_common(1)[0][0]`), glued together, so that a wrap moves it
/// whole: the line breaker would break after its `/`, `-` or `!`, or
/// between a closing bracket and an opening one.
fn protect_paths(text: &str) -> String {
    let chained = |word: &str| word.is_ascii() && [")[", "](", ")(", "]["].iter().any(|p| word.contains(p));
    let is_path = |word: &str| {
        word.contains('/')
            || chained(word)
            || word.contains("!(")
            || word
                .split_once(':')
                .is_some_and(|(file, line)| file.contains('.') && line.starts_with(|c: char| c.is_ascii_digit()))
    };
    text.split(' ')
        .map(|word| match is_path(word) {
            true => {
                // Glued between narrow characters only: Chinese text around
                // a path (`取整（`//`、`int(...)`）也会…`) still breaks.
                let wide = |c: char| display_width(c.encode_utf8(&mut [0; 4])) > 1;
                let mut glued = String::new();
                let mut last: Option<char> = None;
                for c in word.chars() {
                    if last.is_some_and(|l| !wide(l) && !wide(c)) {
                        glued.push(JOINER);
                    }
                    glued.push(c);
                    last = Some(c);
                }
                glued
            }
            false => word.to_string(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// `text` with the spaces inside short bracketed groups made non-breaking.
fn protect_groups(text: &str) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    let mut open: Vec<usize> = Vec::new();
    for i in 0..chars.len() {
        match chars[i] {
            '(' | '[' => open.push(i),
            ')' | ']' => {
                if let Some(start) = open.pop() {
                    if i - start <= UNBREAKABLE {
                        for c in &mut chars[start..i] {
                            if *c == ' ' {
                                *c = '\u{a0}';
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    }
    chars.into_iter().collect()
}

/// `label text…` at `indent`, the text wrapped to `width` with its further
/// lines starting under its first (a hanging indent). `styled` is the label
/// as printed (coloured), `label` as measured.
pub fn hanging(indent: usize, label: &str, styled: &str, text: &str, width: usize) -> String {
    // A full-width colon (`输入：`) has its own space.
    let gap = if label.ends_with(['：', '；', '，', '。']) {
        ""
    } else {
        " "
    };
    let pad = " ".repeat(indent + display_width(label) + gap.len());
    let body = wrap(text, width.saturating_sub(pad.len()).max(20), &pad);
    let body = body.strip_prefix(pad.as_str()).unwrap_or(&body);
    format!("{:indent$}{styled}{gap}{body}\n", "")
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
            "gradient_check": r.gradient_check.as_ref().map(|g| crate::gradcheck::explain(g, false)),
            "looks_like": r.parts.iter().filter_map(|p| p.looks_like.as_ref().map(|d| json!({"part": p.name, "id": d.id, "message": d.en}))).collect::<Vec<_>>(),
            "diagnoses": r.parts.iter().flat_map(|p| p.diagnoses.iter().map(|f| json!({"part": p.name, "kind": f.kind.as_str(), "id": f.id, "message": f.en, "message_zh": f.zh}))).collect::<Vec<_>>(),
        }));
        for part in &r.parts {
            for case in &part.cases {
                let pass = case.verdict == Verdict::Pass;
                tests.push(json!({
                    "name": format!("{}/{}/{}", r.name, part.name, case.case),
                    "status": if pass { "pass" } else { "fail" },
                    "message": if pass { serde_json::Value::Null } else { json!(verdict_line(&case.verdict, None, r.track, false)) },
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
    fn a_status_line_fits_the_width_with_its_suffix() {
        let what = "通过全部 27 个用例（7 个固定用例，20 个随机用例，种子 77211257842020）";
        let line = status_line("✓", "layer_norm", what, true, true, 80);
        assert!(line.lines().all(|l| display_width(l) <= 80), "{line}");
        assert!(line.contains("（缓存结果）"), "{line}");
        let line = status_line(
            "·",
            "kv_cache_attention",
            "replace the todo!() in katas/kv_cache_attention.rs",
            true,
            false,
            60,
        );
        assert!(line.lines().all(|l| display_width(l) <= 60), "{line}");
        assert!(line.contains("todo!()") && line.contains("(cached)"), "{line}");
    }

    #[test]
    fn numbers_are_short() {
        assert_eq!(fmt_f64(1.5), "1.5");
        assert_eq!(fmt_f64(-1.224744871391589), "-1.224745");
        assert_eq!(fmt_f64(0.0), "0");
        assert_eq!(fmt_f64(1e-7), "1e-7");
        assert_eq!(fmt_f64(1.49594e-182), "1.49594e-182");
        assert_eq!(fmt_f64(f64::NAN), "NaN");
    }

    #[test]
    fn columns_never_run_together_and_decimals_align() {
        let exp = Value::F64(ndarray::arr1(&[1.49594e-182, -2.5, 100.0]).into_dyn());
        let got = Value::F64(ndarray::arr1(&[5.31865e-182, -2.5, 100.25]).into_dyn());
        let tol = Tolerance { rtol: 1e-6, atol: 0.0 };
        let text = diff_rows(&got, &exp, tol, false, 72, 0);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 3, "{text}");
        assert!(lines[0].ends_with("1.49594e-182  -2.5  100"), "{text}");
        assert!(lines[1].ends_with("5.31865e-182  -2.5  100.25"), "{text}");
        // The decimal points line up, and only the differing elements are marked.
        assert_eq!(lines[0].find("100"), lines[1].find("100"), "{text}");
        assert_eq!(
            lines[2].matches('^').count(),
            "5.31865e-182".len() + "100.25".len(),
            "{text}"
        );
        assert!(lines[0].starts_with("[:]  expected  "), "{text}");
    }

    #[test]
    fn long_rows_are_cut_into_labelled_pieces() {
        let exp = Value::F64(ndarray::Array::from_shape_fn((2, 40), |(i, j)| (i * 40 + j) as f64 + 0.5).into_dyn());
        let mut g = ndarray::Array::from_shape_fn((2, 40), |(i, j)| (i * 40 + j) as f64 + 0.5);
        g[[1, 35]] = -7.0;
        let got = Value::F64(g.into_dyn());
        let tol = Tolerance { rtol: 1e-6, atol: 0.0 };
        let text = diff_rows(&got, &exp, tol, false, 60, 2);
        assert!(text.lines().all(|l| l.chars().count() <= 62), "{text}");
        let first = text.lines().next().unwrap().trim_start();
        let label = &first[..first.find("  expected").unwrap()];
        assert!(
            label.starts_with("[1, ") && label.contains(':') && !label.contains(", :]"),
            "{text}"
        );
        // `-7` sits where `75` does, its missing decimals left blank.
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0].find("75.5"), lines[1].find("-7  "), "{text}");
        assert_eq!(text.lines().count(), 3, "{text}");
    }

    #[test]
    fn wrapping_never_splits_a_short_group() {
        let text = wrap("inputs: aaaa (2, 3, 4), bbbbbbbbbbbb (5, 6), c = 1", 20, "  ");
        assert!(text.contains("(2, 3, 4)") && text.contains("(5, 6)"), "{text}");
        assert!(!text.contains('\u{a0}'), "{text}");
    }

    #[test]
    fn printed_control_characters_are_shown_as_pictures() {
        let mut out = String::new();
        let printed = Printed {
            stdout: "a\u{1e}b\x1b[2Jc\rd\te\u{85}\n".into(),
            stderr: String::new(),
        };
        printed_block(&mut out, &printed, false, 80);
        assert!(out.contains("│ a␞b␛[2Jc␍d\te\u{fffd}\n"), "{out:?}");
    }

    #[test]
    fn a_command_too_wide_is_cut_with_line_continuations() {
        let command = "kata check --dir .kata/interviews/20261203-075343 scaled_dot_product_attention --case random-3 --seed 78383314791035";
        let out = command_lines(6, "re-run: ", command, 80);
        for line in out.lines() {
            assert!(display_width(line) <= 80, "{out}");
        }
        assert!(out.lines().count() > 1, "{out}");
        // The shell reads it back as the one command.
        assert_eq!(
            out.replace(" \\\n", " ")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
            format!("re-run: {command}")
        );
        assert_eq!(
            command_lines(6, "re-run: ", "kata check rope --case example", 80),
            "      re-run: kata check rope --case example\n"
        );
        let zh = command_lines(6, "单独重跑：", command, 60);
        assert!(zh.lines().all(|l| display_width(l) <= 60), "{zh}");
    }

    #[test]
    fn chinese_text_around_a_path_still_wraps() {
        let line = "数值规律：`x` 只有整数值，而期望值带小数：整数数组（`np.zeros(n, dtype=int)`、对整数输入做 `np.zeros_like`、`.astype(int)`）存不下小数，取整（`//`、`int(...)`、`np.floor`）也会丢掉小数";
        let out = wrap(line, 60, "");
        assert!(out.lines().all(|l| display_width(l) <= 60), "{out}");
        // A path in it still moves whole.
        let out = wrap("位置在很长很长很长很长很长很长的地方 katas/rope.py:7）然后继续", 30, "");
        assert!(out.contains("katas/rope.py:7"), "{out}");
    }

    #[test]
    fn wrapping_never_splits_chained_calls_or_indices() {
        let line =
            "raised IndexError at katas/bpe.py:22 (`pair = counts.most_common(1)[0][0]`): list index out of range";
        for width in 30..90 {
            let out = wrap(line, width, "");
            assert!(out.contains("counts.most_common(1)[0][0]`):"), "{width}: {out}");
        }
    }

    #[test]
    fn wrapping_never_splits_a_path() {
        let line = "raised IndexError at katas/softmax_cross_entropy.py:15 (`x[i]`): index 9 is out of bounds";
        for width in 20..70 {
            let text = wrap(line, width, "  ");
            assert!(text.contains("katas/softmax_cross_entropy.py:15"), "{width}: {text}");
            assert!(!text.contains(JOINER), "{text:?}");
        }
        // Longer than the width: it overflows, whole.
        let text = wrap("at katas/a_very_long_kata_name_indeed.py:1234 x", 12, "");
        assert!(
            text.lines().any(|l| l == "katas/a_very_long_kata_name_indeed.py:1234"),
            "{text}"
        );
        // Chinese text still wraps between characters.
        let text = wrap(&"数值规律".repeat(10), 20, "");
        assert!(
            text.lines().count() > 1 && text.lines().all(|l| display_width(l) <= 20),
            "{text}"
        );
    }

    #[test]
    fn printed_lines_wrap_with_a_hanging_indent() {
        let mut out = String::new();
        let long = format!("RuntimeWarning: overflow encountered in exp {}", "word ".repeat(40));
        let printed = Printed {
            stdout: String::new(),
            stderr: format!("{long}\nnext\n"),
        };
        printed_block(&mut out, &printed, false, 60);
        assert!(out.lines().all(|l| display_width(l) <= 60), "{out}");
        assert!(out.contains("│ RuntimeWarning: overflow encountered in exp"), "{out}");
        assert!(out.contains("│   word"), "{out}");
        let rows = out.lines().filter(|l| l.contains('│')).count();
        assert_eq!(rows, PRINTED_ROWS + 1, "{out}");
        assert!(out.contains(" …\n"), "{out}");
    }

    #[test]
    fn values_that_print_alike_get_more_digits() {
        let e = -0.17714_f32 as f64;
        let g = -0.177_140_01_f64;
        let exp = Value::F64(ndarray::arr1(&[e, 0.608045, 1.0]).into_dyn());
        let got = Value::F64(ndarray::arr1(&[g, 0.608045, 1.0]).into_dyn());
        let tol = Tolerance { rtol: 1e-9, atol: 0.0 };
        let text = diff_rows(&got, &exp, tol, false, 72, 0);
        let lines: Vec<&str> = text.lines().collect();
        let (a, b) = (
            lines[0].split_whitespace().nth(2).unwrap(),
            lines[1].split_whitespace().nth(1).unwrap(),
        );
        assert_ne!(a, b, "{text}");
        assert_eq!(a.parse::<f64>().unwrap() as f32, e as f32, "{text}");
        // Columns stay aligned, the others keep 6 digits.
        assert_eq!(lines[0].find("0.608045"), lines[1].find("0.608045"), "{text}");
        assert_eq!(fmt_f64_digits(1.0 + 1e-12, 13), "1.000000000001");
        assert_eq!(fmt_f64_digits(1.5e-7, 8), "1.5e-7");
    }

    #[test]
    fn small_outputs_of_another_shape_show_their_values() {
        let exp = Value::Int(ndarray::arr1(&[0, 2]).into_dyn());
        let got = Value::Int(ndarray::arr1(&[0]).into_dyn());
        let mut out = String::new();
        small_values(&mut out, &exp, &got, false, 80);
        assert!(
            out.contains("expected [0, 2]\n") && out.contains("got      [0]\n"),
            "{out}"
        );
        let big = Value::Int(ndarray::Array1::zeros(13).into_dyn());
        let mut out = String::new();
        small_values(&mut out, &big, &got, false, 80);
        assert_eq!(out, "");
        let m = Value::F64(ndarray::arr2(&[[1.0, 2.5], [3.0, 4.0]]).into_dyn());
        assert_eq!(nested(&elements(&m), m.shape()), "[[1, 2.5], [3, 4]]");
    }

    #[test]
    fn a_full_width_colon_takes_no_space_after_it() {
        assert_eq!(hanging(2, "输入：", "输入：", "x (2×3)", 80), "  输入：x (2×3)\n");
        assert_eq!(hanging(2, "inputs:", "inputs:", "x (2×3)", 80), "  inputs: x (2×3)\n");
        // Further lines start under the text, by display width.
        let text = hanging(0, "提示：", "提示：", &"word ".repeat(30), 40);
        let second = text.lines().nth(1).unwrap();
        assert_eq!(
            second.len() - second.trim_start().len(),
            display_width("提示："),
            "{text}"
        );
    }

    #[test]
    fn counts_agree_with_their_nouns() {
        assert_eq!(plural(1, "kata"), "1 kata");
        assert_eq!(plural(0, "case"), "0 cases");
        assert_eq!(plural(3, "more line"), "3 more lines");
    }

    #[test]
    fn statements_rewrap_only_lines_too_wide_keeping_indents_and_code() {
        let text = "A short line.\n\
                    - a list item long enough that it cannot fit in thirty columns\n\
                    \x20   pub fn layer_norm(x: ArrayViewD<f64>, normalized_shape: &[usize]) -> ArrayD<f64>;\n\
                    对每一组：mean 为组内均值；var 为 (x − mean)² 的均值，即有偏方差";
        let fitted = fit_lines(text, 30);
        let lines: Vec<&str> = fitted.lines().collect();
        assert_eq!(lines[0], "A short line.");
        assert!(
            lines[1].starts_with("- a list item") && lines[2].starts_with("  "),
            "{fitted}"
        );
        let code = lines.iter().find(|l| l.contains("pub fn")).expect("code kept");
        assert!(code.ends_with("-> ArrayD<f64>;"), "code is kept whole: {fitted}");
        assert!(
            lines
                .iter()
                .filter(|l| !l.contains("pub fn"))
                .all(|l| display_width(l) <= 30),
            "{fitted}"
        );
        assert_eq!(fit_lines("fits\n", 80), "fits\n");
    }

    #[test]
    fn wrap_fits_width() {
        let text = wrap("one two three four five six", 9, "  ");
        assert!(text.lines().all(|l| l.chars().count() <= 11), "{text}");
    }
}
