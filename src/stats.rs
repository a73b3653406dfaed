//! `kata stats` and `kata next`: what the history (see [`crate::history`])
//! says about each kata, and which one to practise now.
//!
//! **Time to pass** is measured in interviews only: the clock time from an
//! interview's start to the kata's first pass there.
//!
//! **Spaced repetition.** Each kata's history is a list of *reviews*: its
//! slot in an interview, or a run of `kata check`/`kata watch` checks of it
//! (a gap of more than [`SESSION_GAP_SECS`] starts a new run; "not
//! implemented yet" verdicts are not attempts, and a partial check that
//! passed is an attempt but not a pass). An interview's kata that was never
//! more than "not implemented yet" was not practised and is no review.
//! `kata stats` counts the same attempts, so the two never disagree about
//! whether a kata was practised. A review is *clean* when the
//! kata passed with no hint (in an interview) or on the run's first attempt,
//! *passed* when it passed otherwise, and *missed* when it never passed. The
//! interval starts at one day, doubles with each clean review (up to
//! [`MAX_INTERVAL_DAYS`]), stays after a passed one and goes back to one day
//! after a miss; the kata is due one interval after its last review.
//! `kata next` picks the most overdue kata (relative to its interval), then
//! one never practised, then the one due soonest.

use std::process::ExitCode;

use colored::Colorize;
use serde::Serialize;

use crate::catalog::Practice;
use crate::error::SetupError;
use crate::history::{self, clock, CheckRecord, Logged, Record, Via};
use crate::report::{self, plural};

/// Checks further apart than this belong to different reviews.
pub const SESSION_GAP_SECS: u64 = 3 * 3600;
/// The longest interval between reviews.
pub const MAX_INTERVAL_DAYS: u64 = 64;
const DAY: u64 = 86_400;
/// Interviews shown in the trend column.
const TREND: usize = 8;

/// How a review went.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Passed at once, without hints.
    Clean,
    /// Passed after failures or hints.
    Passed,
    /// Never passed.
    Missed,
}

/// One review of a kata.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Review {
    /// When it ended.
    pub unix: u64,
    /// How it went.
    pub outcome: Outcome,
    /// In an interview (else in `kata check`/`kata watch`).
    pub interview: bool,
}

/// A kata's reviews, oldest first.
pub fn reviews(name: &str, records: &[Record]) -> Vec<Review> {
    fn close(run: &mut Vec<&CheckRecord>, out: &mut Vec<Review>) {
        let (Some(first), Some(last)) = (run.first(), run.last()) else {
            return;
        };
        let outcome = if first.status == Logged::Passed {
            Outcome::Clean
        } else if run.iter().any(|c| c.status == Logged::Passed) {
            Outcome::Passed
        } else {
            Outcome::Missed
        };
        out.push(Review {
            unix: last.unix,
            outcome,
            interview: false,
        });
        run.clear();
    }
    let mut out = Vec::new();
    let mut run: Vec<&CheckRecord> = Vec::new();
    for record in records {
        match record {
            Record::Check(c) if c.kata == name && c.via != Via::Interview && c.status.is_attempt() => {
                if run
                    .last()
                    .is_some_and(|l| c.unix.saturating_sub(l.unix) > SESSION_GAP_SECS)
                {
                    close(&mut run, &mut out);
                }
                run.push(c);
            }
            Record::Interview(i) => {
                if let Some(k) = i.katas.iter().find(|k| k.kata == name && k.attempted) {
                    let outcome = match (k.passed, k.hints) {
                        (true, 0) => Outcome::Clean,
                        (true, _) => Outcome::Passed,
                        (false, _) => Outcome::Missed,
                    };
                    out.push(Review {
                        unix: i.unix,
                        outcome,
                        interview: true,
                    });
                }
            }
            Record::Check(_) => {}
        }
    }
    close(&mut run, &mut out);
    out.sort_by_key(|r| r.unix);
    out
}

/// When a kata is due again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Schedule {
    /// The last review.
    pub last: Review,
    /// Days between the last review and the next.
    pub interval_days: u64,
    /// When the next review is due.
    pub due_unix: u64,
}

/// The schedule after `reviews`, or `None` for a kata never reviewed.
pub fn schedule(reviews: &[Review]) -> Option<Schedule> {
    let last = *reviews.last()?;
    let mut interval = 1;
    for r in reviews {
        interval = match r.outcome {
            Outcome::Clean => (interval * 2).min(MAX_INTERVAL_DAYS),
            Outcome::Passed => interval,
            Outcome::Missed => 1,
        };
    }
    Some(Schedule {
        last,
        interval_days: interval,
        due_unix: last.unix + interval * DAY,
    })
}

/// Where a kata stands in the queue, in order of precedence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Class {
    /// Its interval has passed.
    Due,
    /// Never practised.
    New,
    /// Not due yet.
    Later,
}

/// One kata in the practice queue.
#[derive(Clone, Debug, Serialize)]
pub struct Pick {
    /// The kata.
    pub kata: String,
    /// Due, new or later.
    pub class: Class,
    /// Why it stands here, in words.
    pub reason: String,
    /// The same in Chinese.
    pub reason_zh: String,
    /// Its current interval.
    pub interval_days: Option<u64>,
    /// When it is due.
    pub due_unix: Option<u64>,
    #[serde(skip)]
    rank: f64,
}

/// `45 min`, `5 h`, `3 days` (`zh`: `45 分钟`, `5 小时`, `3 天`).
fn span(secs: u64, zh: bool) -> String {
    let (n, en, cn) = match secs {
        s if s < 3600 => ((s / 60).max(1), "min", "分钟"),
        s if s < 2 * DAY => (s / 3600, "h", "小时"),
        s => (s / DAY, "days", "天"),
    };
    format!("{n} {}", if zh { cn } else { en })
}

/// The candidates in the order to practise them. Katas ranked equally keep
/// their order in `candidates`.
pub fn queue(candidates: &[String], records: &[Record], now: u64) -> Vec<Pick> {
    let mut picks: Vec<Pick> = candidates
        .iter()
        .map(|name| {
            let Some(s) = schedule(&reviews(name, records)) else {
                return Pick {
                    kata: name.clone(),
                    class: Class::New,
                    reason: "you have never practised it".into(),
                    reason_zh: "你还没有练过它".into(),
                    interval_days: None,
                    due_unix: None,
                    rank: 0.0,
                };
            };
            let ago = span(now.saturating_sub(s.last.unix), false);
            let ago_zh = span(now.saturating_sub(s.last.unix), true);
            let days = match s.interval_days {
                1 => "1 day".to_string(),
                n => format!("{n} days"),
            };
            let days_zh = format!("{} 天", s.interval_days);
            let (class, reason, reason_zh, rank) = if now >= s.due_unix {
                let overdue = (now - s.due_unix) as f64 / (s.interval_days * DAY) as f64;
                let (reason, reason_zh) = match (s.last.outcome, s.last.interview) {
                    (Outcome::Missed, true) => (
                        format!("you did not pass it in an interview {ago} ago; a miss brings it back a day later"),
                        format!("{ago_zh}前的模拟面试中没有通过；没通过的题一天后再出现"),
                    ),
                    (Outcome::Missed, false) => (
                        format!(
                            "you did not pass it when you last tried, {ago} ago; a miss brings it back a day later"
                        ),
                        format!("{ago_zh}前最后一次尝试没有通过；没通过的题一天后再出现"),
                    ),
                    _ => (
                        format!("due: you last passed it {ago} ago and its interval is {days}"),
                        format!("到期：{ago_zh}前最后一次通过，复习间隔为 {days_zh}"),
                    ),
                };
                (Class::Due, reason, reason_zh, -overdue)
            } else {
                let (due, due_zh) = (span(s.due_unix - now, false), span(s.due_unix - now, true));
                (
                    Class::Later,
                    format!("nothing is due; it comes due soonest, in {due} (interval {days})"),
                    format!("没有到期的题；它最先到期，还有 {due_zh}（间隔 {days_zh}）"),
                    s.due_unix as f64,
                )
            };
            Pick {
                kata: name.clone(),
                class,
                reason,
                reason_zh,
                interval_days: Some(s.interval_days),
                due_unix: Some(s.due_unix),
                rank,
            }
        })
        .collect();
    picks.sort_by(|a, b| a.class.cmp(&b.class).then(a.rank.total_cmp(&b.rank)));
    picks
}

/// What `kata stats` shows for one kata.
#[derive(Clone, Debug, Serialize)]
pub struct KataStats {
    /// The kata.
    pub kata: String,
    /// Judged checks that were attempts (any command; "not implemented
    /// yet" is none).
    pub checks: usize,
    /// Of which full checks passed.
    pub passes: usize,
    /// Fastest time to pass in an interview.
    pub best_secs: Option<f64>,
    /// Median time to pass in interviews.
    pub median_secs: Option<f64>,
    /// When it was last attempted (checked or in an interview).
    pub last_practised_unix: Option<u64>,
    /// The same, RFC 3339.
    pub last_practised: Option<String>,
    /// Time to pass in each interview that attempted the kata, oldest first (null: not passed).
    pub times_to_pass: Vec<Option<f64>>,
}

/// The statistics of one kata.
pub fn kata_stats(name: &str, records: &[Record]) -> KataStats {
    let mut stats = KataStats {
        kata: name.to_string(),
        checks: 0,
        passes: 0,
        best_secs: None,
        median_secs: None,
        last_practised_unix: None,
        last_practised: None,
        times_to_pass: Vec::new(),
    };
    for record in records {
        match record {
            Record::Check(c) if c.kata == name && c.status.is_attempt() => {
                stats.checks += 1;
                stats.passes += usize::from(c.status == Logged::Passed);
                stats.last_practised_unix = Some(c.unix);
            }
            Record::Interview(i) => {
                if let Some(k) = i.katas.iter().find(|k| k.kata == name && k.attempted) {
                    stats.times_to_pass.push(k.first_pass_secs.filter(|_| k.passed));
                    stats.last_practised_unix = Some(i.unix);
                }
            }
            Record::Check(_) => {}
        }
    }
    let mut times: Vec<f64> = stats.times_to_pass.iter().flatten().copied().collect();
    times.sort_by(f64::total_cmp);
    stats.best_secs = times.first().copied();
    stats.median_secs = match times.len() {
        0 => None,
        n if n % 2 == 1 => Some(times[n / 2]),
        n => Some((times[n / 2 - 1] + times[n / 2]) / 2.0),
    };
    stats.last_practised = stats.last_practised_unix.map(history::rfc3339);
    stats
}

/// The last [`TREND`] times to pass as a sparkline: ▁ fastest … █ slowest, × not passed.
fn sparkline(times: &[Option<f64>]) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let recent = &times[times.len().saturating_sub(TREND)..];
    let passed = recent.iter().flatten();
    let min = passed.clone().copied().fold(f64::INFINITY, f64::min);
    let max = passed.copied().fold(f64::NEG_INFINITY, f64::max);
    recent
        .iter()
        .map(|t| match t {
            Some(t) if max > min => BARS[((t - min) / (max - min) * 7.0).round() as usize],
            Some(_) => BARS[0],
            None => '×',
        })
        .collect()
}

/// Runs `kata stats`.
pub fn stats(practice: &Practice, json: bool, zh: bool) -> Result<ExitCode, SetupError> {
    let names = practice.names()?;
    let (records, skipped) = history::load(practice);
    let rows: Vec<KataStats> = names.iter().map(|n| kata_stats(n, &records)).collect();
    let interviews = records.iter().filter(|r| matches!(r, Record::Interview(_))).count();
    let stubs = records
        .iter()
        .filter(|r| matches!(r, Record::Check(c) if !c.status.is_attempt()))
        .count();
    if json {
        let value = serde_json::json!({
            "katas": rows,
            "interviews": interviews,
            "unreadable_lines": skipped,
        });
        println!("{}", serde_json::to_string_pretty(&value).expect("plain data"));
        return Ok(ExitCode::SUCCESS);
    }
    let now = history::now().0;
    let time = |t: Option<f64>| t.map_or("—".to_string(), |t| clock(t.round() as u64));
    let heads = match zh {
        false => ["KATA", "CHECKS", "PASSES", "BEST", "MEDIAN", "LAST", "TREND"],
        true => ["题目", "检查", "通过", "最快", "中位数", "上次练习", "趋势"],
    };
    // Padded by display width: a Chinese character takes two columns.
    let pad = |text: &str, width: usize, right: bool| {
        let fill = " ".repeat(width.saturating_sub(report::display_width(text)));
        match right {
            true => format!("{fill}{text}"),
            false => format!("{text}{fill}"),
        }
    };
    println!(
        "{}",
        format!(
            "{} {} {} {} {} {} {}",
            pad(heads[0], 28, false),
            pad(heads[1], 6, true),
            pad(heads[2], 6, true),
            pad(heads[3], 6, true),
            pad(heads[4], 6, true),
            pad(heads[5], 11, false),
            heads[6]
        )
        .bold()
    );
    for r in &rows {
        let last = match (r.last_practised_unix, zh) {
            (None, false) => "never".to_string(),
            (None, true) => "从未".to_string(),
            (Some(t), false) => format!("{} ago", span(now.saturating_sub(t), false)),
            (Some(t), true) => format!("{}前", span(now.saturating_sub(t), true)),
        };
        let last = pad(&last, 11, false);
        println!(
            "{:<28} {:>6} {:>6} {:>6} {:>6} {last} {}",
            r.kata,
            r.checks,
            r.passes,
            time(r.best_secs),
            time(r.median_secs),
            sparkline(&r.times_to_pass)
        );
    }
    let log = history::path(practice).display().to_string();
    let checks = records.len() - interviews;
    let footer = match zh {
        false => format!(
            "BEST and MEDIAN: time to first pass in interviews. TREND: the last {TREND} \
             interviews with the kata, oldest first, ▁ fastest to █ slowest, × not passed. \
             Logged in {log}: {} and {}{}.",
            plural(interviews, "interview"),
            plural(checks, "check"),
            match stubs {
                0 => String::new(),
                n => format!(", {n} of them on untouched stubs (not practice, so not in CHECKS)"),
            }
        ),
        true => format!(
            "最快与中位数：模拟面试中首次通过所用的时间。趋势：含这道题的最近 {TREND} 次面试，\
             从旧到新，▁ 最快，█ 最慢，× 未通过。记录在 {log}：{interviews} 次面试、{checks} 次检查{}。",
            match stubs {
                0 => String::new(),
                n => format!("，其中 {n} 次是对未动过的桩文件（不算练习，不计入“检查”）"),
            }
        ),
    };
    println!("{}", report::wrap(&footer, 78, "").trim_end().dimmed());
    if skipped > 0 {
        println!("({} of the history were skipped)", plural(skipped, "unreadable line"));
    }
    Ok(ExitCode::SUCCESS)
}

/// The error for a tag no kata carries, with the tags the practice
/// folder's katas do carry.
pub fn no_such_tag(practice: &Practice, tag: &str) -> SetupError {
    let mut tags: Vec<String> = practice
        .load_all()
        .unwrap_or_default()
        .into_iter()
        .flat_map(|k| k.tags)
        .collect();
    tags.sort();
    tags.dedup();
    let (known, known_zh) = match tags.is_empty() {
        true => (String::new(), String::new()),
        false => (
            format!(" (tags: {})", tags.join(", ")),
            format!("（标签有：{}）", tags.join("、")),
        ),
    };
    SetupError::usage(
        format!("no kata has the tag `{tag}`{known}"),
        format!("没有题目带标签 `{tag}`{known_zh}"),
    )
}

/// The error for a practice folder without katas.
pub fn no_katas() -> SetupError {
    SetupError::usage("this practice folder has no katas", "这个练习文件夹里没有题目")
}

/// `katas` in the order to practise them, as `kata next` ranks them.
fn ranked(practice: &Practice, mut katas: Vec<crate::catalog::Kata>) -> Vec<Pick> {
    // Among katas never practised, the easiest first.
    katas.sort_by_key(|k| (k.difficulty, k.minutes, k.name.clone()));
    let names: Vec<String> = katas.iter().map(|k| k.name.clone()).collect();
    let (records, _) = history::load(practice);
    queue(&names, &records, history::now().0)
}

/// The kata to practise after `after` (just passed, or being watched):
/// the first of `kata next`'s queue among `among` other than `after`. One
/// rule for `kata next`, `kata check`'s suggestion after a pass and `kata
/// watch`'s next kata.
pub fn next_after(practice: &Practice, among: &[String], after: &str) -> Option<Pick> {
    let mut katas = practice.load_all().ok()?;
    katas.retain(|k| k.name != after && among.contains(&k.name));
    ranked(practice, katas).into_iter().next()
}

/// Runs `kata next`, among the katas with `tag` if given.
pub fn next(practice: &Practice, json: bool, tag: Option<&str>, zh: bool) -> Result<ExitCode, SetupError> {
    let mut katas = practice.load_all()?;
    if let Some(tag) = tag {
        katas.retain(|k| k.tags.iter().any(|t| t == tag));
        if katas.is_empty() {
            return Err(no_such_tag(practice, tag));
        }
    }
    let queue = ranked(practice, katas);
    let Some(first) = queue.first() else {
        return Err(no_katas());
    };
    if json {
        let value = serde_json::json!({ "next": first, "queue": queue });
        println!("{}", serde_json::to_string_pretty(&value).expect("plain data"));
        return Ok(ExitCode::SUCCESS);
    }
    let kata = &first.kata;
    let line = match zh {
        false => format!("Practise {} next: {}.", kata.bold(), first.reason),
        true => format!("下一题练 {}：{}。", kata.bold(), first.reason_zh),
    };
    println!("{}", report::wrap(&line, 78, "").trim_end());
    println!("  {}", format!("kata watch {kata}").dimmed());
    let then: Vec<String> = queue
        .iter()
        .skip(1)
        .take(3)
        .map(|p| {
            let later = p.due_unix.unwrap_or(0).saturating_sub(history::now().0);
            let when = match (p.class, zh) {
                (Class::Due, false) => "due".to_string(),
                (Class::New, false) => "new".to_string(),
                (Class::Later, false) => format!("in {}", span(later, false)),
                (Class::Due, true) => "已到期".to_string(),
                (Class::New, true) => "新题".to_string(),
                (Class::Later, true) => format!("{}后", span(later, true)),
            };
            match zh {
                false => format!("{} ({when})", p.kata),
                true => format!("{}（{when}）", p.kata),
            }
        })
        .collect();
    if !then.is_empty() {
        let line = match zh {
            false => format!("Then: {}.", then.join(", ")),
            true => format!("接下来：{}。", then.join("、")),
        };
        println!("{}", report::wrap(&line, 78, "  ").trim_end());
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::history::{rfc3339, InterviewKata, InterviewRecord};

    fn check(kata: &str, unix: u64, status: Logged) -> Record {
        Record::Check(CheckRecord {
            unix,
            at: rfc3339(unix),
            kata: kata.into(),
            status,
            via: Via::Check,
            interview: None,
            partial: status == Logged::PartialPass,
            track: Default::default(),
        })
    }

    fn interview(unix: u64, kata: &str, passed: bool, first_pass: Option<f64>, hints: u32) -> Record {
        Record::Interview(InterviewRecord {
            unix,
            at: rfc3339(unix),
            id: format!("i{unix}"),
            budget_secs: 900,
            used_secs: 900.0,
            ended: history::Ending::TimeUp,
            score: 0,
            katas: vec![InterviewKata {
                kata: kata.into(),
                passed,
                first_pass_secs: first_pass,
                checks: 1,
                hints,
                failure: None,
                attempted: true,
            }],
        })
    }

    #[test]
    fn checks_group_into_reviews_by_gaps() {
        let t = 10 * DAY;
        let records = vec![
            check("a", t, Logged::NotImplemented),
            check("a", t + 60, Logged::Failed),
            check("a", t + 120, Logged::Passed),
            // Next day: passed at once.
            check("a", t + DAY, Logged::Passed),
            check("b", t + DAY, Logged::Failed),
        ];
        let r = reviews("a", &records);
        assert_eq!(
            r.iter().map(|r| r.outcome).collect::<Vec<_>>(),
            [Outcome::Passed, Outcome::Clean]
        );
        assert_eq!(reviews("b", &records)[0].outcome, Outcome::Missed);
        assert!(reviews("c", &records).is_empty());
    }

    #[test]
    fn intervals_double_on_clean_reviews_and_reset_on_a_miss() {
        let review = |unix, outcome| Review {
            unix,
            outcome,
            interview: true,
        };
        let clean3 = [
            review(0, Outcome::Clean),
            review(DAY, Outcome::Clean),
            review(2 * DAY, Outcome::Clean),
        ];
        let s = schedule(&clean3).unwrap();
        assert_eq!((s.interval_days, s.due_unix), (8, 10 * DAY));
        let mut missed = clean3.to_vec();
        missed.push(review(3 * DAY, Outcome::Missed));
        assert_eq!(schedule(&missed).unwrap().interval_days, 1);
        missed.push(review(4 * DAY, Outcome::Passed));
        assert_eq!(
            schedule(&missed).unwrap().interval_days,
            1,
            "a pass with stumbles keeps it"
        );
        assert!(schedule(&[]).is_none());
    }

    #[test]
    fn the_queue_puts_overdue_first_then_new_then_later() {
        let now = 100 * DAY;
        let records = vec![
            // Missed two days ago: due (interval 1), overdue by 1 interval.
            interview(now - 2 * DAY, "missed", false, None, 0),
            // Clean yesterday: interval 2, due tomorrow.
            interview(now - DAY, "fresh", true, Some(60.0), 0),
        ];
        let names: Vec<String> = ["fresh", "new", "missed"].map(String::from).to_vec();
        let q = queue(&names, &records, now);
        let order: Vec<(&str, Class)> = q.iter().map(|p| (p.kata.as_str(), p.class)).collect();
        assert_eq!(
            order,
            [("missed", Class::Due), ("new", Class::New), ("fresh", Class::Later)]
        );
        assert!(
            q[0].reason.contains("did not pass it in an interview 2 days ago"),
            "{}",
            q[0].reason
        );
        assert!(q[2].reason.contains("in 24 h"), "{}", q[2].reason);
    }

    #[test]
    fn stats_take_times_from_interviews() {
        let records = vec![
            interview(10, "a", true, Some(300.0), 0),
            interview(20, "a", false, None, 0),
            interview(30, "a", true, Some(100.0), 1),
            interview(40, "a", true, Some(200.0), 0),
            interview(50, "a", true, Some(400.0), 0),
            check("a", 60, Logged::Failed),
            check("a", 70, Logged::Passed),
        ];
        let s = kata_stats("a", &records);
        assert_eq!((s.checks, s.passes), (2, 1));
        assert_eq!(s.best_secs, Some(100.0));
        assert_eq!(s.median_secs, Some(250.0));
        assert_eq!(s.last_practised_unix, Some(70));
        assert_eq!(sparkline(&s.times_to_pass), "▆×▁▃█");
    }

    #[test]
    fn untouched_katas_and_partial_passes_are_not_practice_nor_passes() {
        let now = 100 * DAY;
        let mut untouched = interview(now - DAY, "a", false, None, 0);
        if let Record::Interview(i) = &mut untouched {
            i.katas[0].attempted = false;
        }
        let records = vec![
            check("a", now - 2 * DAY, Logged::NotImplemented),
            untouched,
            check("b", now - DAY, Logged::PartialPass),
        ];
        let a = kata_stats("a", &records);
        assert_eq!((a.checks, a.passes, a.last_practised_unix), (0, 0, None));
        assert!(a.times_to_pass.is_empty());
        assert!(reviews("a", &records).is_empty());
        let b = kata_stats("b", &records);
        assert_eq!((b.checks, b.passes), (1, 0));
        assert_eq!(reviews("b", &records)[0].outcome, Outcome::Missed);
        let names: Vec<String> = ["a", "b"].map(String::from).to_vec();
        let q = queue(&names, &records, now);
        assert_eq!(
            q.iter().map(|p| (p.kata.as_str(), p.class)).collect::<Vec<_>>(),
            [("b", Class::Due), ("a", Class::New)]
        );
    }
}
