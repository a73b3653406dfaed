//! `kata list`: the katas by track, with their difficulty, your status and
//! their parts, within the terminal's width.
//!
//! Tracks are tags (`classic`, `llm`): a kata is listed under the first of
//! [`TRACKS`] among its tags, else under "other". `--tag` keeps the katas
//! carrying a tag, a track or a topic alike; `--tag` naming a track lists
//! every kata kept under it (a kata tagged both is not shown under the other).

use std::process::ExitCode;

use colored::Colorize;

use crate::catalog::{Difficulty, Kata, Practice};
use crate::check::Status;
use crate::error::SetupError;
use crate::report::{self, tr};
use crate::state::State;

/// The tags that group the list, in order.
pub const TRACKS: [&str; 2] = ["classic", "llm"];

/// The user's file's status for `kata list`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum FileStatus {
    Missing,
    NotStarted,
    /// A fresh stub (after `kata reset`) of a kata passed before.
    SolvedBefore,
    Passing,
    Failing,
    Edited,
}

impl FileStatus {
    /// The name tools see in `--json`.
    fn key(self) -> &'static str {
        match self {
            FileStatus::Missing => "missing",
            FileStatus::NotStarted => "not started",
            FileStatus::SolvedBefore => "stub (solved before)",
            FileStatus::Passing => "passing",
            FileStatus::Failing => "failing",
            FileStatus::Edited => "edited, not checked",
        }
    }

    fn label(self, zh: bool) -> &'static str {
        match self {
            FileStatus::Missing => tr(zh, "missing", "文件缺失"),
            FileStatus::NotStarted => tr(zh, "not started", "未开始"),
            FileStatus::SolvedBefore => tr(zh, "stub (solved before)", "桩文件（曾通过）"),
            FileStatus::Passing => tr(zh, "passing", "已通过"),
            FileStatus::Failing => tr(zh, "failing", "未通过"),
            FileStatus::Edited => tr(zh, "edited, not checked", "已修改，未检查"),
        }
    }

    fn of(practice: &Practice, kata: &Kata, state: &State) -> FileStatus {
        let Ok(source) = std::fs::read(practice.user_file(&kata.name)) else {
            return FileStatus::Missing;
        };
        if practice
            .track
            .stub(&kata.name)
            .is_some_and(|stub| stub.as_bytes() == source)
        {
            // After `kata reset` of a kata once passed: the record stays.
            return match state.katas.get(&kata.name).is_some_and(|k| k.ever_passed) {
                true => FileStatus::SolvedBefore,
                false => FileStatus::NotStarted,
            };
        }
        match state.current_status(&kata.name, &source) {
            Some(Status::Passed) => FileStatus::Passing,
            Some(Status::NotImplemented) => FileStatus::NotStarted,
            Some(_) => FileStatus::Failing,
            None => FileStatus::Edited,
        }
    }
}

/// A difficulty in the chosen language.
pub fn difficulty(d: Difficulty, zh: bool) -> &'static str {
    match d {
        Difficulty::Easy => tr(zh, "easy", "简单"),
        Difficulty::Medium => tr(zh, "medium", "中等"),
        Difficulty::Hard => tr(zh, "hard", "困难"),
    }
}

/// The track a kata is listed under.
fn track(kata: &Kata) -> &str {
    TRACKS
        .iter()
        .find(|t| kata.tags.iter().any(|tag| tag == *t))
        .copied()
        .unwrap_or("other")
}

/// `kata list [--tag TAG] [--json] [--lang zh]`.
pub fn run(practice: &Practice, tag: Option<&str>, json: bool, zh: bool) -> Result<ExitCode, SetupError> {
    let mut katas = practice.load_all()?;
    if let Some(tag) = tag {
        katas.retain(|k| k.tags.iter().any(|t| t == tag));
        if katas.is_empty() {
            return Err(crate::stats::no_such_tag(practice, tag));
        }
    }
    let state = State::load(practice);
    if json {
        let rows: Vec<_> = katas
            .iter()
            .map(|k| {
                serde_json::json!({
                    "name": k.name, "title": k.title, "title_zh": k.title_zh,
                    "difficulty": k.difficulty, "minutes": k.minutes,
                    "tags": k.tags, "track": track(k),
                    "parts": k.parts.iter().map(|p| &p.name).collect::<Vec<_>>(),
                    "status": FileStatus::of(practice, k, &state).key(),
                })
            })
            .collect();
        println!("{}", serde_json::to_string_pretty(&rows).expect("plain data"));
        return Ok(ExitCode::SUCCESS);
    }
    let group = |k: &Kata| match tag {
        Some(tag) if TRACKS.contains(&tag) => tag.to_string(),
        _ => track(k).to_string(),
    };
    print!("{}", table(practice, &katas, group, &state, zh, report::width()));
    Ok(ExitCode::SUCCESS)
}

/// The table, grouped by `group` (a kata's track), fitting `width` columns:
/// the PARTS column takes what the others leave and is cut only when it must be.
fn table(
    practice: &Practice,
    katas: &[Kata],
    group: impl Fn(&Kata) -> String,
    state: &State,
    zh: bool,
    width: usize,
) -> String {
    let w = report::display_width;
    let heads = [
        tr(zh, "KATA", "题目"),
        tr(zh, "LEVEL", "难度"),
        tr(zh, "STATUS", "状态"),
        tr(zh, "PARTS", "函数"),
    ];
    let statuses: Vec<FileStatus> = katas.iter().map(|k| FileStatus::of(practice, k, state)).collect();
    let name_w = katas
        .iter()
        .map(|k| w(&k.name) + 2)
        .chain([w(heads[0])])
        .max()
        .unwrap_or(0);
    let level_w = katas
        .iter()
        .map(|k| w(difficulty(k.difficulty, zh)))
        .chain([w(heads[1])])
        .max()
        .unwrap_or(0);
    let status_w = statuses
        .iter()
        .map(|s| w(s.label(zh)))
        .chain([w(heads[2])])
        .max()
        .unwrap_or(0);
    let parts_w = width.saturating_sub(name_w + level_w + status_w + 3).max(8);
    let pad = |text: &str, width: usize| format!("{text}{}", " ".repeat(width.saturating_sub(w(text))));
    let mut out = format!(
        "{} {} {} {}\n",
        pad(heads[0], name_w).bold(),
        pad(heads[1], level_w).bold(),
        pad(heads[2], status_w).bold(),
        heads[3].bold()
    );
    let mut groups: Vec<&str> = TRACKS.to_vec();
    groups.push("other");
    for name in groups {
        let members: Vec<usize> = (0..katas.len()).filter(|&i| group(&katas[i]) == name).collect();
        if members.is_empty() {
            continue;
        }
        let count = match zh {
            false => format!("({})", report::plural(members.len(), "kata")),
            true => format!("（{} 题）", members.len()),
        };
        out.push_str(&format!("{} {}\n", name.bold(), count.dimmed()));
        for i in members {
            let k = &katas[i];
            let status = statuses[i];
            let label = pad(status.label(zh), status_w);
            let shown = match status {
                FileStatus::Passing => label.green(),
                FileStatus::Failing => label.red(),
                FileStatus::NotStarted => label.dimmed(),
                _ => label.yellow(),
            };
            let parts: Vec<&str> = k.parts.iter().map(|p| p.name.as_str()).collect();
            let parts = cut(&parts.join(", "), parts_w);
            out.push_str(&format!(
                "{} {} {shown} {parts}\n",
                pad(&format!("  {}", k.name), name_w),
                pad(difficulty(k.difficulty, zh), level_w),
            ));
        }
    }
    out
}

/// `text`, ending in `…` if it is wider than `width`.
fn cut(text: &str, width: usize) -> String {
    if report::display_width(text) <= width {
        return text.to_string();
    }
    let mut kept = String::new();
    for c in text.chars() {
        if report::display_width(&kept) + report::display_width(&c.to_string()) + 1 > width {
            break;
        }
        kept.push(c);
    }
    format!("{kept}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cut_keeps_what_fits() {
        assert_eq!(cut("mse, mse_grad, sgd", 40), "mse, mse_grad, sgd");
        assert_eq!(cut("mse, mse_grad, sgd", 8), "mse, ms…");
    }
}
