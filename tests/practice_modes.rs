//! Practice modes through the real binary: `kata watch` and `kata interview`
//! driven by writing files into the folder they watch (stdin is not a
//! terminal, so keys are lines and the loops end by themselves), and
//! `kata stats` / `kata next` on a history written by hand.

use crate::common;

use std::collections::BTreeMap;
use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::common::{check, edit, kata, practice, solution, text, write_kata};
use serde_json::Value;

/// Generous: a check compiles the user's file, and the machine is shared.
const PATIENCE: Duration = Duration::from_secs(180);

/// A `kata` process whose output is collected as it comes.
struct Running {
    child: Child,
    stdin: Option<ChildStdin>,
    output: Arc<Mutex<String>>,
    /// Where the next [`Running::wait_for`] starts looking.
    seen: usize,
}

fn spawn(dir: &Path, args: &[&str], stdin: bool) -> Running {
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("kata"))
        .args(args)
        .current_dir(dir)
        .env("KATA_CACHE_DIR", common::cache_dir())
        .env("NO_COLOR", "1")
        .env_remove("KATA_LANG")
        .stdin(if stdin { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("kata starts");
    let output = Arc::new(Mutex::new(String::new()));
    let pipes: [Box<dyn Read + Send>; 2] = [
        Box::new(child.stdout.take().expect("piped")),
        Box::new(child.stderr.take().expect("piped")),
    ];
    for pipe in pipes {
        let output = Arc::clone(&output);
        std::thread::spawn(move || {
            let mut reader = BufReader::new(pipe);
            let mut line = String::new();
            while reader.read_line(&mut line).is_ok_and(|n| n > 0) {
                output.lock().unwrap().push_str(&line);
                line.clear();
            }
        });
    }
    let stdin = child.stdin.take();
    Running {
        child,
        stdin,
        output,
        seen: 0,
    }
}

impl Running {
    fn text(&self) -> String {
        self.output.lock().unwrap().clone()
    }

    /// Waits until the output, past what earlier waits consumed, contains `needle`.
    fn wait_for(&mut self, needle: &str) {
        let started = Instant::now();
        loop {
            let text = self.text();
            if let Some(i) = text[self.seen..].find(needle) {
                self.seen += i + needle.len();
                return;
            }
            if let Ok(Some(status)) = self.child.try_wait() {
                // Let the reader threads catch up before giving up.
                std::thread::sleep(Duration::from_millis(200));
                if self.text()[self.seen..].contains(needle) {
                    continue;
                }
                panic!("kata exited ({status}) without printing {needle:?}:\n{}", self.text());
            }
            assert!(started.elapsed() < PATIENCE, "no {needle:?} in time:\n{}", self.text());
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Types a line (keys) on stdin.
    fn keys(&mut self, line: &str) {
        let stdin = self.stdin.as_mut().expect("spawned with stdin");
        writeln!(stdin, "{line}").expect("kata reads stdin");
    }

    /// Waits for the process to end by itself; returns its status and all output.
    fn finish(mut self) -> (ExitStatus, String) {
        let started = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("waitable") {
                std::thread::sleep(Duration::from_millis(200));
                return (status, self.text());
            }
            if started.elapsed() > PATIENCE {
                let _ = self.child.kill();
                panic!("kata did not end by itself:\n{}", self.text());
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

/// Every line of `.kata/history.jsonl`, each checked against the documented schema.
pub(crate) fn history(dir: &Path) -> Vec<Value> {
    let text = fs::read_to_string(dir.join(".kata/history.jsonl")).unwrap_or_default();
    text.lines()
        .map(|line| {
            let v: Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}"));
            assert!(v["unix"].is_u64(), "{line}");
            assert!(v["at"].as_str().is_some_and(|a| a.ends_with('Z')), "{line}");
            match v["kind"].as_str() {
                Some("check") => {
                    assert!(v["kata"].is_string(), "{line}");
                    let status = v["status"].as_str().unwrap_or_default();
                    assert!(
                        ["passed", "failed", "not_implemented", "compile_error", "partial_pass"].contains(&status),
                        "{line}"
                    );
                    // Only a full check passes; a partial one says so.
                    let partial = v["partial"] == true;
                    assert!(v["partial"].is_null() || partial, "{line}");
                    assert_eq!(
                        status == "partial_pass",
                        partial && status != "failed" && status != "compile_error" && status != "not_implemented",
                        "{line}"
                    );
                    let via = v["via"].as_str().unwrap_or_default();
                    assert!(["check", "watch", "interview"].contains(&via), "{line}");
                    assert_eq!(via == "interview", v["interview"].is_string(), "{line}");
                }
                Some("interview") => {
                    for key in ["budget_secs", "score"] {
                        assert!(v[key].is_u64(), "{key}: {line}");
                    }
                    assert!(v["used_secs"].is_number(), "{line}");
                    assert!(v["id"].is_string() && v["ended"].is_string(), "{line}");
                    for k in v["katas"].as_array().expect("katas") {
                        assert!(k["kata"].is_string() && k["passed"].is_boolean(), "{line}");
                        assert!(k["checks"].is_u64() && k["hints"].is_u64(), "{line}");
                        assert!(k["first_pass_secs"].is_number() || k["first_pass_secs"].is_null());
                        assert!(k["failure"].is_string() || k["failure"].is_null());
                        assert!(k["attempted"].is_boolean(), "{line}");
                    }
                }
                _ => panic!("unknown kind: {line}"),
            }
            v
        })
        .collect()
}

/// The statuses of the logged checks of `kata` by `via`, in order.
fn logged(history: &[Value], kata: &str, via: &str) -> Vec<String> {
    history
        .iter()
        .filter(|v| v["kind"] == "check" && v["kata"] == kata && v["via"] == via)
        .map(|v| v["status"].as_str().unwrap_or_default().to_string())
        .collect()
}

/// The only interview folder of a practice folder.
fn room(dir: &Path) -> PathBuf {
    let rooms: Vec<PathBuf> = fs::read_dir(dir.join(".kata/interviews"))
        .expect("an interview folder")
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(rooms.len(), 1, "{rooms:?}");
    rooms.into_iter().next().unwrap()
}

/// Every file under `katas/`, by path, with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    fn walk(dir: &Path, out: &mut BTreeMap<PathBuf, Vec<u8>>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else {
                out.insert(path.clone(), fs::read(&path).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(&dir.join("katas"), &mut out);
    out
}

/// The reference layer_norm with 1 added to every output: wrong on every case,
/// whatever the reference's text.
fn wrong_layer_norm() -> String {
    let reference = edit(solution("layer_norm"), "pub fn layer_norm(", "fn reference(");
    assert!(reference.contains("fn reference("), "the reference's signature changed");
    format!(
        "{reference}\n\
         pub fn layer_norm(\n    x: ArrayViewD<f64>,\n    normalized_shape: &[usize],\n    \
         weight: Option<ArrayViewD<f64>>,\n    bias: Option<ArrayViewD<f64>>,\n    eps: f64,\n) -> ArrayD<f64> {{\n    \
         reference(x, normalized_shape, weight, bias, eps) + 1.0\n}}\n"
    )
}

fn clock(secs: u64) -> String {
    format!("{}:{:02}", secs / 60, secs % 60)
}

#[test]
fn watch_rechecks_on_each_save_and_survives_broken_and_deleted_files() {
    let dir = practice();
    let mut watch = spawn(dir.path(), &["watch", "layer_norm"], true);
    watch.wait_for("layer_norm: not implemented yet");
    let total = kata_reference::KATAS.len();
    watch.wait_for(&format!("0/{total} katas passing"));

    write_kata(dir.path(), "layer_norm", "pub fn layer_norm(");
    watch.wait_for("✗ layer_norm: does not compile");
    fs::remove_file(dir.path().join("katas/layer_norm.rs")).unwrap();
    watch.wait_for("katas/layer_norm.rs is missing");

    watch.keys("h");
    watch.wait_for("Hint 1/");
    watch.keys("l");
    watch.wait_for("▸ · layer_norm");

    write_kata(dir.path(), "layer_norm", &wrong_layer_norm());
    watch.wait_for("✗ layer_norm: failed");
    // A pass ends a watch that has no terminal to offer the next kata on.
    write_kata(dir.path(), "layer_norm", solution("layer_norm"));
    let (status, out) = watch.finish();
    assert_eq!(status.code(), Some(0), "{out}");
    assert!(out.contains("✓ layer_norm: passed"), "{out}");
    assert!(out.contains(&format!("1/{total} katas passing")), "{out}");
    // The kata `kata next` names (layer_norm, just passed, is not due).
    let picked = kata(dir.path()).args(["next", "--json"]).output().unwrap();
    let picked: Value = serde_json::from_slice(&picked.stdout).unwrap();
    let next = picked["next"]["kata"].as_str().unwrap();
    assert_ne!(next, "layer_norm");
    assert!(out.contains(&format!("Next kata: {next} (")), "{out}");

    let h = history(dir.path());
    assert_eq!(
        logged(&h, "layer_norm", "watch"),
        ["not_implemented", "compile_error", "failed", "passed"]
    );
    // The hint is remembered as `kata hint` remembers it: the next is the second.
    let out = kata(dir.path()).args(["hint", "layer_norm"]).output().unwrap();
    assert!(text(&out).contains("Hint 2/"), "{}", text(&out));
}

#[test]
fn watch_moves_to_the_kata_next_names_and_quits_on_q() {
    let dir = practice();
    write_kata(dir.path(), "kmeans", solution("kmeans"));
    assert_eq!(check(dir.path(), &["kmeans"]).status.code(), Some(0));
    let mut watch = spawn(dir.path(), &["watch", "conv2d"], true);
    watch.wait_for("conv2d: not implemented yet");
    // n goes where `kata next` points: not to kmeans, just passed, nor conv2d.
    let picked = kata(dir.path()).args(["next", "--json"]).output().unwrap();
    let picked: Value = serde_json::from_slice(&picked.stdout).unwrap();
    let queue = picked["queue"].as_array().unwrap();
    let next = queue
        .iter()
        .map(|p| p["kata"].as_str().unwrap())
        .find(|&n| n != "conv2d")
        .unwrap();
    assert_ne!(next, "kmeans");
    watch.keys("n");
    watch.wait_for(&format!("kata watch {next}"));
    watch.wait_for(&format!("{next}: not implemented yet"));
    watch.keys("q");
    let (status, out) = watch.finish();
    assert_eq!(status.code(), Some(1), "the current kata does not pass:\n{out}");
}

#[test]
fn a_passing_save_ends_the_interview_with_a_scorecard_and_leaves_katas_untouched() {
    let dir = practice();
    let home = dir.path();
    // The user's own file passes and unlocked its solution before the interview.
    let own = format!("// my own\n{}", solution("layer_norm"));
    write_kata(home, "layer_norm", &own);
    assert_eq!(check(home, &["layer_norm"]).status.code(), Some(0));
    let before = snapshot(home);

    let mut interview = spawn(
        home,
        &["interview", "--katas", "layer_norm,beam_search", "--seconds", "900"],
        true,
    );
    interview.wait_for("Every save is checked");
    let room = room(home);
    let stub = fs::read_to_string(room.join("katas/layer_norm.rs")).unwrap();
    assert!(stub.contains("todo!()"), "a fresh stub:\n{stub}");
    assert!(room.join("fixtures/layer_norm/example.npz").is_file());
    assert!(room.join("fixtures/beam_search/example.npz").is_file());

    // Locked while the interview runs, though it passed before.
    let out = kata(home).args(["solution", "layer_norm"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(text(&out).contains("unlocks when interview"), "{}", text(&out));
    assert_eq!(
        kata(home)
            .args(["solution", "layer_norm", "--force"])
            .output()
            .unwrap()
            .status
            .code(),
        Some(0)
    );

    interview.keys("h");
    interview.wait_for("Hint 1/");
    write_kata(&room, "layer_norm", &wrong_layer_norm());
    interview.wait_for("✗ layer_norm: failed");
    // The re-run line checks the interview's file (failing), not the user's (passing).
    interview.wait_for("re-run: kata check --dir ");
    let out = interview.text();
    // Wider than 80 columns, it goes on with ` \` continuations.
    let mut line = String::new();
    for l in out[out.rfind("re-run: kata check --dir ").unwrap()..].lines() {
        line.push_str(l.trim_start().trim_end_matches('\\'));
        line.push(' ');
        if !l.ends_with(" \\") {
            break;
        }
    }
    let args: Vec<&str> = line["re-run: kata ".len()..].split_whitespace().collect();
    assert!(args.contains(&"--case"), "{line}");
    let rerun = kata(home).args(&args).output().unwrap();
    assert_eq!(rerun.status.code(), Some(1), "{line}: {}", text(&rerun));
    write_kata(&room, "layer_norm", solution("layer_norm"));
    interview.wait_for("✓ layer_norm: passed");
    write_kata(&room, "beam_search", solution("beam_search"));
    let (status, out) = interview.finish();
    assert_eq!(status.code(), Some(0), "{out}");
    assert!(out.contains("every kata passed"), "{out}");
    let row = |kata: &str| {
        out.lines()
            .find(|l| l.starts_with(kata))
            .unwrap_or_else(|| panic!("no row for {kata}:\n{out}"))
            .split_whitespace()
            .collect::<Vec<_>>()
    };
    let (ln, bs) = (row("layer_norm"), row("beam_search"));
    assert_eq!((ln[1], ln[3], ln[4]), ("passed", "2", "1"), "{out}");
    assert_eq!((bs[1], bs[3], bs[4]), ("passed", "1", "0"), "{out}");
    assert!(out.contains("Score 90/100 · 2 of 2 passed"), "{out}");
    let card = &out[out.find("Scorecard").expect("a scorecard")..];
    assert!(
        card.lines().all(|l| l.chars().count() <= 80),
        "fits 80 columns:\n{card}"
    );

    assert_eq!(snapshot(home), before, "the user's katas/ files are untouched");
    let h = history(home);
    assert_eq!(logged(&h, "layer_norm", "check"), ["passed"]);
    assert_eq!(logged(&h, "layer_norm", "interview"), ["failed", "passed"]);
    let record = h.iter().find(|v| v["kind"] == "interview").expect("logged");
    assert_eq!(record["ended"], "all_passed");
    assert_eq!(record["score"], 90);
    assert_eq!(record["katas"][0]["hints"], 1);
    assert!(record["katas"][0]["first_pass_secs"].is_number());

    let out = kata(home).args(["solution", "layer_norm"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "unlocked at the end: {}", text(&out));
    let stats = kata(home).args(["stats", "--json"]).output().unwrap();
    let stats: Value = serde_json::from_slice(&stats.stdout).unwrap();
    let ln = &stats["katas"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["kata"] == "layer_norm")
        .unwrap();
    assert_eq!((ln["checks"].as_u64(), ln["passes"].as_u64()), (Some(3), Some(2)));
    assert_eq!(ln["times_to_pass"].as_array().unwrap().len(), 1);
    assert!(ln["best_secs"].is_number());
}

#[test]
fn when_time_runs_out_a_final_check_judges_every_file() {
    let dir = practice();
    let interview = spawn(
        dir.path(),
        &["interview", "--katas", "layer_norm", "--seconds", "2"],
        false,
    );
    let (status, out) = interview.finish();
    assert_eq!(status.code(), Some(1), "{out}");
    assert!(out.contains("Time is up: a final check"), "{out}");
    assert!(out.contains("time is up"), "{out}");
    assert!(out.contains("still failing: not implemented yet"), "{out}");
    // One rule heads the verdict; the file named is the one the user can
    // open from where they are (the interview folder, seen from the practice
    // folder), and every line fits 80 columns.
    assert_eq!(out.matches("── layer_norm · check 1 · ").count(), 1, "{out}");
    let room = room(dir.path());
    let file = room.strip_prefix(dir.path()).unwrap().join("katas/layer_norm.rs");
    let named = out.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(named.contains(&format!("in {}", file.display())), "{out}");
    assert!(
        // (After the first build's cargo lines, on a fresh cache.)
        out[out.find("Every save is checked").unwrap()..]
            .lines()
            .all(|l| unicode_width::UnicodeWidthStr::width(l) <= 80),
        "{out}"
    );
    // Never saved, yet judged once: by the final check.
    let h = history(dir.path());
    assert_eq!(logged(&h, "layer_norm", "interview"), ["not_implemented"]);
    let record = h.iter().find(|v| v["kind"] == "interview").expect("logged");
    assert_eq!(record["ended"], "time_up");
    assert_eq!(record["used_secs"].as_f64(), Some(2.0));
    assert_eq!(record["katas"][0]["checks"], 1);
    assert_eq!(record["katas"][0]["passed"], false);
}

#[test]
fn a_killed_interview_resumes_with_the_time_that_was_left() {
    let dir = practice();
    let home = dir.path();
    let mut interview = spawn(home, &["interview", "--katas", "layer_norm", "--seconds", "8"], true);
    interview.wait_for("Every save is checked");
    let state_file = room(home).join("interview.json");
    let used_now = || -> f64 {
        let state: Value = serde_json::from_str(&fs::read_to_string(&state_file).unwrap()).unwrap();
        state["used_secs"].as_f64().unwrap()
    };
    let wait_until = |done: &dyn Fn(f64) -> bool| {
        let started = Instant::now();
        while !done(used_now()) {
            assert!(started.elapsed() < PATIENCE, "the state is saved as the clock runs");
            std::thread::sleep(Duration::from_millis(50));
        }
    };
    wait_until(&|u| u >= 2.0);
    interview.child.kill().unwrap();
    interview.child.wait().unwrap();
    let used = used_now();
    assert!((2.0..8.0).contains(&used), "{used}");

    let out = kata(home).args(["solution", "layer_norm", "--force"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let out = kata(home).args(["solution", "layer_norm"]).output().unwrap();
    assert!(
        text(&out).contains("unlocks when interview"),
        "still locked: {}",
        text(&out)
    );
    let out = kata(home).args(["interview", "--katas", "kmeans"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out).contains("is not finished"), "{}", text(&out));

    let id = room(home).file_name().unwrap().to_string_lossy().into_owned();
    let left = clock((8.0 - used).ceil() as u64);
    let mut resumed = spawn(home, &["interview", "--resume"], true);
    resumed.wait_for(&format!("Resuming interview {id}: {left} left of 0:08."));
    // Killed again at its first save: the clock went on from where it stood.
    wait_until(&|u| u != used);
    resumed.child.kill().unwrap();
    resumed.child.wait().unwrap();
    let again = used_now();
    assert!(used < again && again < 8.0, "{used} then {again}");

    let (status, out) = spawn(home, &["interview", "--resume"], false).finish();
    let left = clock((8.0 - again).ceil() as u64);
    assert!(
        out.contains(&format!("Resuming interview {id}: {left} left of 0:08.")),
        "{out}"
    );
    assert_eq!(status.code(), Some(1), "{out}");
    assert!(out.contains("time is up"), "{out}");
    let h = history(home);
    let record = h.iter().find(|v| v["kind"] == "interview").expect("logged");
    assert_eq!(record["id"].as_str(), Some(id.as_str()));
    assert_eq!(
        record["used_secs"].as_f64(),
        Some(8.0),
        "the whole clock, across both runs"
    );
    assert_eq!(
        room(home),
        dir.path().join(".kata/interviews").join(&id),
        "no second folder"
    );
}

#[test]
fn ctrl_c_pauses_an_interview_and_q_ends_it_after_resuming() {
    let dir = practice();
    let mut interview = spawn(
        dir.path(),
        &["interview", "--katas", "kmeans", "--seconds", "600"],
        true,
    );
    interview.wait_for("Every save is checked");
    // SAFETY: signals the child this test spawned and still holds.
    let sent = unsafe { libc::kill(interview.child.id() as libc::pid_t, libc::SIGINT) };
    assert_eq!(sent, 0);
    let (status, out) = interview.finish();
    assert_eq!(status.code(), Some(1), "{out}");
    assert!(out.contains("Paused interview"), "{out}");
    assert!(!out.contains("Scorecard"), "{out}");

    let mut resumed = spawn(dir.path(), &["interview", "--resume"], true);
    resumed.wait_for("Every save is checked");
    resumed.keys("q");
    let (status, out) = resumed.finish();
    assert_eq!(status.code(), Some(1), "{out}");
    assert!(out.contains("ended early"), "{out}");
    let h = history(dir.path());
    let record = h.iter().find(|v| v["kind"] == "interview").expect("logged");
    assert_eq!(record["ended"], "quit");
    assert_eq!(record["score"], 0);
}

#[test]
fn stats_and_next_read_the_history() {
    let dir = practice();
    let home = dir.path();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    const DAY: u64 = 86_400;
    let interview = |days_ago: u64, katas: Value| {
        let unix = now - days_ago * DAY;
        serde_json::json!({"kind": "interview", "unix": unix, "at": "x", "id": format!("i{days_ago}"),
            "budget_secs": 2400, "used_secs": 2400.0, "ended": "time_up", "score": 50, "katas": katas})
    };
    let slot = |kata: &str, first_pass: Option<f64>| {
        serde_json::json!({"kata": kata, "passed": first_pass.is_some(), "first_pass_secs": first_pass,
            "checks": 2, "hints": 0, "failure": null})
    };
    let lines = [
        interview(
            10,
            serde_json::json!([slot("layer_norm", Some(300.0)), slot("kmeans", None)]),
        ),
        interview(5, serde_json::json!([slot("layer_norm", Some(200.0))])),
        serde_json::json!({"kind": "check", "unix": now - 2 * DAY, "at": "x", "kata": "conv2d",
            "status": "failed", "via": "check"}),
    ];
    let mut text_lines: Vec<String> = lines.iter().map(Value::to_string).collect();
    text_lines.push("{\"kind\":\"check\",\"unix\":1".into());
    fs::create_dir_all(home.join(".kata")).unwrap();
    fs::write(home.join(".kata/history.jsonl"), text_lines.join("\n") + "\n").unwrap();

    let out = kata(home).args(["stats", "--json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stats: Value = serde_json::from_slice(&out.stdout).unwrap();
    let row = |kata: &str| {
        stats["katas"]
            .as_array()
            .unwrap()
            .iter()
            .find(|k| k["kata"] == kata)
            .unwrap()
            .clone()
    };
    let ln = row("layer_norm");
    assert_eq!(
        (ln["best_secs"].as_f64(), ln["median_secs"].as_f64()),
        (Some(200.0), Some(250.0))
    );
    assert_eq!(row("kmeans")["times_to_pass"], serde_json::json!([null]));
    assert_eq!(
        (row("conv2d")["checks"].as_u64(), row("conv2d")["passes"].as_u64()),
        (Some(1), Some(0))
    );
    assert_eq!(stats["unreadable_lines"], 1);

    let out = kata(home).arg("stats").output().unwrap();
    let t = text(&out);
    let line = t.lines().find(|l| l.starts_with("layer_norm")).unwrap();
    assert_eq!(
        line.split_whitespace().collect::<Vec<_>>(),
        ["layer_norm", "0", "0", "3:20", "4:10", "5", "days", "ago", "█▁"]
    );
    assert!(t.lines().any(|l| l.starts_with("kmeans") && l.ends_with('×')), "{t}");
    assert!(t.lines().all(|l| l.chars().count() <= 80), "fits 80 columns:\n{t}");

    // kmeans was missed 10 days ago (interval 1 day: 9 days overdue), conv2d
    // missed 2 days ago (1 day overdue), layer_norm passed cleanly twice
    // (interval 4 days, last 5 days ago: 1 day overdue of 4).
    let out = kata(home).args(["next", "--json"]).output().unwrap();
    let next: Value = serde_json::from_slice(&out.stdout).unwrap();
    let order: Vec<&str> = next["queue"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["kata"].as_str().unwrap())
        .collect();
    assert_eq!(order[..3], ["kmeans", "conv2d", "layer_norm"]);
    assert_eq!(next["queue"][2]["interval_days"], 4);
    assert_eq!(next["queue"][3]["class"], "new");
    let out = kata(home).arg("next").output().unwrap();
    assert!(
        text(&out).contains("Practise kmeans next: you did not pass it in an interview 10 days ago"),
        "{}",
        text(&out)
    );

    // An interview picks what `kata next` would.
    let picked = spawn(home, &["interview", "--count", "2", "--seconds", "1"], false);
    let (_, out) = picked.finish();
    assert!(out.contains("1. kmeans") && out.contains("2. conv2d"), "{out}");
}

/// A layer_norm right on inputs of up to 64 elements (every fixture's),
/// wrong on larger ones (the later random cases).
fn example_only_layer_norm() -> String {
    let reference = edit(solution("layer_norm"), "pub fn layer_norm(", "fn reference(");
    format!(
        "{reference}\n\
         pub fn layer_norm(\n    x: ArrayViewD<f64>,\n    normalized_shape: &[usize],\n    \
         weight: Option<ArrayViewD<f64>>,\n    bias: Option<ArrayViewD<f64>>,\n    eps: f64,\n) -> ArrayD<f64> {{\n    \
         let wrong = if x.len() <= 64 {{ 0.0 }} else {{ 1.0 }};\n    \
         reference(x, normalized_shape, weight, bias, eps) + wrong\n}}\n"
    )
}

/// `kata list --json`'s status of a kata.
fn listed(dir: &Path, name: &str) -> String {
    let out = kata(dir).args(["list", "--json"]).output().unwrap();
    let rows: Value = serde_json::from_slice(&out.stdout).unwrap();
    let row = rows.as_array().unwrap().iter().find(|r| r["name"] == name).unwrap();
    row["status"].as_str().unwrap().to_string()
}

#[test]
fn a_partial_check_never_records_a_pass_and_a_reset_keeps_the_record() {
    let dir = practice();
    let home = dir.path();
    write_kata(home, "layer_norm", &example_only_layer_norm());
    for args in [
        &["layer_norm", "--case", "example"][..],
        &["layer_norm", "--random", "0"][..],
    ] {
        let out = check(home, args);
        assert_eq!(out.status.code(), Some(0), "those cases pass: {}", text(&out));
        assert!(text(&out).contains("a pass here is not recorded"), "{}", text(&out));
        assert_eq!(listed(home, "layer_norm"), "edited, not checked", "{args:?}");
        let out = kata(home).args(["solution", "layer_norm"]).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "still locked after {args:?}");
    }
    let h = history(home);
    assert_eq!(logged(&h, "layer_norm", "check"), ["partial_pass", "partial_pass"]);
    let out = kata(home).args(["stats", "--json"]).output().unwrap();
    let stats: Value = serde_json::from_slice(&out.stdout).unwrap();
    let ln = stats["katas"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["kata"] == "layer_norm")
        .unwrap();
    assert_eq!((ln["checks"].as_u64(), ln["passes"].as_u64()), (Some(2), Some(0)));

    // The full check fails.
    assert_eq!(check(home, &["layer_norm"]).status.code(), Some(1));
    assert_eq!(listed(home, "layer_norm"), "failing");

    write_kata(home, "layer_norm", solution("layer_norm"));
    assert_eq!(
        check(home, &["layer_norm", "--seed", "9"]).status.code(),
        Some(0),
        "another seed is a full check"
    );
    assert_eq!(listed(home, "layer_norm"), "passing");
    let out = kata(home).args(["reset", "layer_norm"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(listed(home, "layer_norm"), "stub (solved before)");
    let out = kata(home).args(["solution", "layer_norm"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "the pass unlocked it for good");
    let h = history(home);
    assert_eq!(
        logged(&h, "layer_norm", "check"),
        ["partial_pass", "partial_pass", "failed", "passed"]
    );
}

#[test]
fn untouched_katas_are_not_practised_in_stats_next_or_interviews() {
    let dir = practice();
    let home = dir.path();
    let out = check(home, &["layer_norm", "kmeans"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    // An interview ended before its kata was touched.
    let mut interview = spawn(home, &["interview", "--katas", "conv2d", "--seconds", "600"], true);
    interview.wait_for("Every save is checked");
    interview.keys("q");
    let (status, out) = interview.finish();
    assert_eq!(status.code(), Some(1), "{out}");
    let h = history(home);
    assert_eq!(logged(&h, "layer_norm", "check"), ["not_implemented"]);
    let record = h.iter().find(|v| v["kind"] == "interview").expect("logged");
    assert_eq!(record["katas"][0]["attempted"], false);

    let out = kata(home).args(["stats", "--json"]).output().unwrap();
    let stats: Value = serde_json::from_slice(&out.stdout).unwrap();
    for k in stats["katas"].as_array().unwrap() {
        assert_eq!(k["checks"], 0, "{k}");
        assert!(k["last_practised"].is_null(), "{k}");
        assert_eq!(k["times_to_pass"], serde_json::json!([]), "{k}");
    }
    let out = kata(home).args(["next", "--json"]).output().unwrap();
    let next: Value = serde_json::from_slice(&out.stdout).unwrap();
    for p in next["queue"].as_array().unwrap() {
        assert_eq!(p["class"], "new", "stats and next agree: {p}");
    }
}

#[test]
fn next_and_interview_draw_from_a_tag() {
    let dir = practice();
    let home = dir.path();
    let out = kata(home)
        .args(["next", "--json", "--tag", "normalization"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let next: Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut queue: Vec<&str> = next["queue"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["kata"].as_str().unwrap())
        .collect();
    queue.sort();
    assert_eq!(queue, tagged("normalization"));
    let out = kata(home).args(["next", "--tag", "no-such-tag"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out).contains("no kata has the tag `no-such-tag` (tags: "),
        "{}",
        text(&out)
    );

    let (_, out) = spawn(
        home,
        &["interview", "--tag", "masking", "--count", "3", "--seconds", "1"],
        false,
    )
    .finish();
    let masking = tagged("masking");
    let drawn = masking.len().min(3);
    let count = if drawn == 1 {
        "1 kata, ".to_string()
    } else {
        format!("{drawn} katas, ")
    };
    assert!(out.contains(&count), "{out}");
    for i in 1..=drawn {
        let line = out
            .lines()
            .find(|l| l.starts_with(&format!("{i}. ")))
            .unwrap_or_else(|| panic!("{out}"));
        assert!(
            masking.iter().any(|k| line.starts_with(&format!("{i}. {k} "))),
            "{line}: not tagged"
        );
    }
    assert!(!out.contains(&format!("{}. ", drawn + 1)), "{out}");
}

#[test]
fn resume_judges_a_file_saved_while_the_interview_was_down_and_reprints_everything() {
    let dir = practice();
    let home = dir.path();
    let mut interview = spawn(home, &["interview", "--katas", "layer_norm", "--seconds", "600"], true);
    interview.wait_for("Every save is checked");
    let room = room(home);
    write_kata(&room, "layer_norm", &wrong_layer_norm());
    interview.wait_for("✗ layer_norm: failed");
    let state = room.join("interview.json");
    let started = Instant::now();
    while !fs::read_to_string(&state).unwrap().contains("\"checks\": 1") {
        assert!(started.elapsed() < PATIENCE, "the verdict is saved");
        std::thread::sleep(Duration::from_millis(50));
    }
    interview.child.kill().unwrap();
    interview.child.wait().unwrap();
    // Saved while nothing ran.
    write_kata(&room, "layer_norm", solution("layer_norm"));

    let (status, out) = spawn(home, &["interview", "--resume"], false).finish();
    assert_eq!(status.code(), Some(0), "{out}");
    let statement = out
        .find("1. layer_norm — Layer normalization")
        .expect("the statement again");
    let last = out.find("Last verdicts:").expect("the last verdicts");
    let failed = out[last..]
        .find("layer_norm: failed: layer_norm: failed")
        .map(|i| i + last);
    assert!(failed.is_some(), "{out}");
    let passed = out.find("✓ layer_norm: passed").expect("judged on resuming");
    assert!(statement < last && last < passed, "{out}");
    assert!(out.contains("every kata passed"), "{out}");
    let h = history(home);
    assert_eq!(logged(&h, "layer_norm", "interview"), ["failed", "passed"]);
}

/// The katas whose description carries `tag`, by name.
fn tagged(tag: &str) -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("katas");
    let mut names: Vec<String> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml") && p.file_stem().is_some_and(|s| s != "Cargo"))
        .filter_map(|p| {
            let description: toml::Table = toml::from_str(&fs::read_to_string(&p).unwrap()).unwrap();
            let tags = description.get("tags")?.as_array()?;
            tags.iter()
                .any(|t| t.as_str() == Some(tag))
                .then(|| description["name"].as_str().unwrap().to_string())
        })
        .collect();
    assert!(!names.is_empty(), "some kata is tagged {tag}");
    names.sort();
    names
}
