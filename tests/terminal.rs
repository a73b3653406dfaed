//! `kata interview` and `kata watch` on a real pseudo-terminal: keys typed
//! one at a time, the screen read through a VT100 emulator (`vt100`), the
//! terminal resized (TIOCSWINSZ, which sends SIGWINCH), the process killed.
//! What a candidate sees in tmux, checked without tmux.

use std::fs::{self, File};
use std::io::{Read, Write};
use std::os::fd::{AsRawFd, FromRawFd};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::common::{self, edit, practice, solution};

/// Generous: a check compiles the user's file, and the machine is shared.
const PATIENCE: Duration = Duration::from_secs(180);

/// `kata` running on the slave side of a pseudo-terminal.
struct Term {
    child: Child,
    master: File,
    screen: Arc<Mutex<vt100::Parser>>,
    /// Everything it wrote, escapes included.
    raw: Arc<Mutex<Vec<u8>>>,
}

fn winsize(cols: u16, rows: u16) -> libc::winsize {
    libc::winsize {
        ws_row: rows,
        ws_col: cols,
        ws_xpixel: 0,
        ws_ypixel: 0,
    }
}

impl Term {
    /// Starts `kata ARGS` in `dir` on a new terminal of `cols` × `rows`,
    /// as the leader of its own session (so the terminal is its controlling
    /// terminal and a resize signals it).
    fn spawn(dir: &Path, args: &[&str], cols: u16, rows: u16, color: bool) -> Term {
        let (mut master, mut slave) = (0, 0);
        let size = winsize(cols, rows);
        // SAFETY: openpty writes the two descriptors it opens.
        let opened = unsafe { libc::openpty(&mut master, &mut slave, std::ptr::null_mut(), std::ptr::null(), &size) };
        assert_eq!(opened, 0, "openpty: {}", std::io::Error::last_os_error());
        // SAFETY: both descriptors were just opened and are owned here alone.
        let (master, slave) = unsafe { (File::from_raw_fd(master), File::from_raw_fd(slave)) };
        let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("kata"));
        cmd.args(args)
            .current_dir(dir)
            .env("KATA_CACHE_DIR", common::cache_dir())
            .env("TERM", "xterm-256color")
            .env_remove("KATA_LANG")
            .stdin(Stdio::from(slave.try_clone().unwrap()))
            .stdout(Stdio::from(slave.try_clone().unwrap()))
            .stderr(Stdio::from(slave));
        if color {
            cmd.env_remove("NO_COLOR");
        } else {
            cmd.env("NO_COLOR", "1");
        }
        // SAFETY: only async-signal-safe calls between fork and exec.
        unsafe {
            cmd.pre_exec(|| {
                if libc::setsid() < 0 || libc::ioctl(0, libc::TIOCSCTTY as _, 0) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let child = cmd.spawn().expect("kata starts");
        drop(cmd);
        let screen = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let mut reader = master.try_clone().unwrap();
        let (screen_w, raw_w) = (Arc::clone(&screen), Arc::clone(&raw));
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            // Ends with EIO once the last slave descriptor is closed.
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                screen_w.lock().unwrap().process(&buf[..n]);
                raw_w.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        Term {
            child,
            master,
            screen,
            raw,
        }
    }

    /// All output so far as text (escapes included).
    fn raw(&self) -> String {
        String::from_utf8_lossy(&self.raw.lock().unwrap()).into_owned()
    }

    /// The screen's rows, as shown.
    fn rows(&self) -> Vec<String> {
        let parser = self.screen.lock().unwrap();
        let (_, cols) = parser.screen().size();
        parser.screen().rows(0, cols).collect()
    }

    /// Waits until `done` holds for the screen's rows.
    fn wait_screen(&mut self, what: &str, done: impl Fn(&[String]) -> bool) {
        let started = Instant::now();
        while !done(&self.rows()) {
            if let Ok(Some(status)) = self.child.try_wait() {
                std::thread::sleep(Duration::from_millis(200));
                if done(&self.rows()) {
                    return;
                }
                panic!("kata exited ({status}) before {what}:\n{}", self.rows().join("\n"));
            }
            assert!(
                started.elapsed() < PATIENCE,
                "no {what} in time:\n{}",
                self.rows().join("\n")
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits until the output, escapes included, contains `needle` `times` times.
    fn wait_raw(&mut self, needle: &str, times: usize) {
        let started = Instant::now();
        while self.raw().matches(needle).count() < times {
            if let Ok(Some(status)) = self.child.try_wait() {
                std::thread::sleep(Duration::from_millis(200));
                assert!(
                    self.raw().matches(needle).count() >= times,
                    "kata exited ({status}) before {needle:?}:\n{}",
                    self.raw()
                );
            }
            assert!(started.elapsed() < PATIENCE, "no {needle:?} in time:\n{}", self.raw());
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn key(&mut self, keys: &str) {
        self.master.write_all(keys.as_bytes()).unwrap();
        self.master.flush().unwrap();
    }

    fn resize(&mut self, cols: u16, rows: u16) {
        self.screen.lock().unwrap().screen_mut().set_size(rows, cols);
        let size = winsize(cols, rows);
        // SAFETY: sets the size of the terminal this test opened.
        let set = unsafe { libc::ioctl(self.master.as_raw_fd(), libc::TIOCSWINSZ as _, &size) };
        assert_eq!(set, 0);
    }

    /// Whether the terminal is in its normal (cooked, echoing) mode.
    fn cooked(&self) -> bool {
        // SAFETY: reads the attributes of the terminal this test opened.
        let mut t: libc::termios = unsafe { std::mem::zeroed() };
        assert_eq!(unsafe { libc::tcgetattr(self.master.as_raw_fd(), &mut t) }, 0);
        t.c_lflag & libc::ICANON != 0 && t.c_lflag & libc::ECHO != 0
    }

    /// Waits for the process to end; returns its exit code.
    fn finish(&mut self) -> Option<i32> {
        let started = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                std::thread::sleep(Duration::from_millis(200));
                return status.code();
            }
            assert!(started.elapsed() < PATIENCE, "kata did not end:\n{}", self.raw());
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Term {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The only interview folder of a practice folder.
fn room(home: &Path) -> PathBuf {
    let mut rooms: Vec<PathBuf> = fs::read_dir(home.join(".kata/interviews"))
        .expect("an interview folder")
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(rooms.len(), 1, "{rooms:?}");
    rooms.pop().unwrap()
}

/// A layer_norm that never returns.
fn endless_layer_norm() -> String {
    edit(
        &fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("reference/stubs/layer_norm.rs")).unwrap(),
        "todo!()",
        "loop {\n        std::hint::spin_loop();\n    }",
    )
}

/// The reference layer_norm with 1 added to every output: fails every case.
fn wrong_layer_norm() -> String {
    let reference = edit(solution("layer_norm"), "pub fn layer_norm(", "fn reference(");
    format!(
        "{reference}\n\
         pub fn layer_norm(\n    x: ArrayViewD<f64>,\n    normalized_shape: &[usize],\n    \
         weight: Option<ArrayViewD<f64>>,\n    bias: Option<ArrayViewD<f64>>,\n    eps: f64,\n) -> ArrayD<f64> {{\n    \
         reference(x, normalized_shape, weight, bias, eps) + 1.0\n}}\n"
    )
}

/// The pid of `parent`'s child process named `name`, if one runs.
fn child_named(parent: u32, name: &str) -> Option<u32> {
    let tasks = fs::read_dir(format!("/proc/{parent}/task")).ok()?;
    tasks
        .filter_map(|t| fs::read_to_string(t.ok()?.path().join("children")).ok())
        .flat_map(|c| {
            c.split_whitespace()
                .filter_map(|p| p.parse().ok())
                .collect::<Vec<u32>>()
        })
        .find(|pid| fs::read_to_string(format!("/proc/{pid}/comm")).is_ok_and(|c| c.trim() == name))
}

/// Whether process `pid` is gone (or a zombie: dead, not yet reaped).
fn gone(pid: u32) -> bool {
    match fs::read_to_string(format!("/proc/{pid}/stat")) {
        Err(_) => true,
        Ok(stat) => stat
            .rsplit(')')
            .next()
            .is_some_and(|rest| rest.trim_start().starts_with('Z')),
    }
}

fn used_secs(room: &Path) -> f64 {
    let text = fs::read_to_string(room.join("interview.json")).unwrap();
    let state: serde_json::Value = serde_json::from_str(&text).unwrap();
    state["used_secs"].as_f64().unwrap()
}

/// The row holding the countdown.
fn countdown_rows(rows: &[String]) -> Vec<String> {
    rows.iter().filter(|r| r.contains(" left")).cloned().collect()
}

/// A 10-minute layer_norm interview on an 80×24 terminal, into whose room
/// an endless loop has just been saved; the room's path.
fn interview_saving_an_endless_loop(home: &Path) -> (Term, PathBuf) {
    let mut term = Term::spawn(
        home,
        &["interview", "--katas", "layer_norm", "--seconds", "600"],
        80,
        24,
        false,
    );
    term.wait_raw("Every save is checked", 1);
    let room = room(home);
    fs::write(room.join("katas/layer_norm.rs"), endless_layer_norm()).unwrap();
    (term, room)
}

#[test]
fn keys_clock_and_saving_stay_live_during_an_endless_loop_and_q_quits_at_once() {
    let dir = practice();
    let home = dir.path();
    let (mut term, room) = interview_saving_an_endless_loop(home);
    assert!(!term.cooked(), "raw mode while the interview runs");
    term.wait_screen("judging", |rows| rows.iter().any(|r| r.contains("judging layer_norm…")));
    let started = Instant::now();
    let program = loop {
        if let Some(pid) = child_named(term.child.id(), "layer_norm") {
            break pid;
        }
        assert!(started.elapsed() < PATIENCE, "the program never ran:\n{}", term.raw());
        std::thread::sleep(Duration::from_millis(20));
    };

    // While it loops: the countdown moves, the state is saved, keys work.
    let shown = countdown_rows(&term.rows());
    let saved = used_secs(&room);
    term.wait_screen("the countdown moving", |rows| countdown_rows(rows) != shown);
    let started = Instant::now();
    while used_secs(&room) <= saved {
        assert!(started.elapsed() < PATIENCE, "the state is saved during the check");
        std::thread::sleep(Duration::from_millis(50));
    }
    term.key("h");
    term.wait_raw("Press h again within 3 s", 1);
    term.key("h");
    term.wait_raw("Hint 1/3 (layer_norm)", 1);
    // A stray q asks; another key disarms it.
    term.key("q");
    term.wait_raw("Press q again within 3 s", 1);
    term.key("x");
    term.key("q");
    term.wait_raw("Press q again within 3 s", 2);
    assert!(!gone(program), "still looping");

    term.key("q");
    let pressed = Instant::now();
    let code = term.finish();
    // finish() polls every 20 ms and then waits 200 ms for the output.
    let took = pressed.elapsed() - Duration::from_millis(200);
    assert!(took < Duration::from_millis(500), "q took {took:?}");
    assert_eq!(code, Some(1));
    assert!(term.cooked(), "the terminal is restored");
    let started = Instant::now();
    while !gone(program) {
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "the looping program was killed"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = term.raw();
    assert!(out.contains("ended early"), "{out}");
    assert!(out.contains("its last save was not judged"), "{out}");
    assert!(!out.contains("\x1b[33m"), "NO_COLOR: no colours");
    // The stopped check was never logged as a verdict; the edit was an attempt.
    let history = fs::read_to_string(home.join(".kata/history.jsonl")).unwrap();
    assert!(!history.contains("\"kind\":\"check\""), "{history}");
    assert!(history.contains("\"hints\":1,"), "{history}");
    assert!(history.contains("\"attempted\":true"), "{history}");
}

#[test]
fn the_countdown_stays_on_one_line_and_verdicts_fit_the_screen_across_resizes() {
    let dir = practice();
    let home = dir.path();
    let args = ["interview", "--katas", "layer_norm,kmeans", "--seconds", "600"];
    let mut term = Term::spawn(home, &args, 40, 24, false);
    term.wait_raw("9:57 left", 1);
    let rows = term.rows();
    let countdown = countdown_rows(&rows);
    assert_eq!(
        countdown.len(),
        1,
        "one countdown line at 40 columns:\n{}",
        rows.join("\n")
    );
    assert!(countdown[0].starts_with("9:5"), "{countdown:?}");

    // A save is shown being judged; its long failure is cut to the screen,
    // under the files and keys, which stay on top.
    let room = room(home);
    fs::write(room.join("katas/layer_norm.rs"), wrong_layer_norm()).unwrap();
    term.wait_raw("✗ layer_norm: failed", 1);
    term.wait_screen("the verdict screen", |rows| {
        rows[0].contains("1 · ") && rows.iter().any(|r| r.contains("f shows the full"))
    });
    let rows = term.rows();
    assert!(
        rows.iter().any(|r| r.starts_with("── layer_norm · check 1 · ")),
        "a rule with the time:\n{}",
        rows.join("\n")
    );
    assert_eq!(countdown_rows(&rows).len(), 1, "{}", rows.join("\n"));

    // Wider and taller: redrawn at the new size, still one countdown.
    term.resize(100, 40);
    term.wait_screen("a redraw at 100 columns", |rows| {
        rows[0].contains("1 · ")
            && rows.iter().any(|r| r.contains("katas/kmeans.rs"))
            && rows.iter().any(|r| r.contains("layer_norm: failed"))
            && countdown_rows(rows).len() == 1
    });
    // Narrower than the line: cut, not wrapped.
    term.resize(30, 20);
    term.wait_screen("a redraw at 30 columns", |rows| {
        countdown_rows(rows).len() == 1 && countdown_rows(rows)[0].trim_end().ends_with('…')
    });
    std::thread::sleep(Duration::from_millis(1200));
    assert_eq!(countdown_rows(&term.rows()).len(), 1, "{}", term.rows().join("\n"));

    // f prints the full report; its re-run line names the interview's folder
    // (at 30 columns it goes on with ` \` continuations).
    let before = term.raw().matches("re-run: kata check").count();
    term.key("f");
    term.wait_raw("re-run: kata check", before + 1);
    std::thread::sleep(Duration::from_millis(300));
    let raw = term.raw();
    let rerun = &raw[raw.rfind("re-run: kata check").unwrap()..];
    let rerun = &rerun[..rerun.find("--case").expect("the case it re-runs")];
    assert!(
        rerun.contains("--dir") && rerun.contains(".kata/interviews/"),
        "{rerun}"
    );

    // A hint (it cost 20 points) stays on screen when the next verdict comes.
    term.resize(100, 40);
    term.key("hh");
    let hint = |rows: &[String]| rows.iter().any(|r| r.contains("Hint 1/3 (layer_norm)"));
    term.wait_screen("the hint", hint);
    fs::write(room.join("katas/layer_norm.rs"), wrong_layer_norm() + "// again\n").unwrap();
    term.wait_screen("the next verdict, the hint kept", |rows| {
        rows.iter().any(|r| r.starts_with("── layer_norm · check 2 · ")) && hint(rows)
    });
    term.key("qq");
    assert_eq!(term.finish(), Some(1));
}

#[test]
fn in_chinese_the_countdown_turns_yellow_near_the_end_and_the_scorecard_follows() {
    let dir = practice();
    let args = ["interview", "--katas", "layer_norm", "--seconds", "10", "--lang", "zh"];
    let mut term = Term::spawn(dir.path(), &args, 80, 24, true);
    // Whether the text is on screen in yellow (None: not on screen).
    let yellow = |term: &Term, text: &str| {
        let parser = term.screen.lock().unwrap();
        let screen = parser.screen();
        let (rows, cols) = screen.size();
        let all: Vec<String> = screen.rows(0, cols).collect();
        (0..rows).find_map(|r| {
            let row = &all[usize::from(r)];
            let at = row.find(text)?;
            let col = unicode_width::UnicodeWidthStr::width(&row[..at]);
            let cell = screen.cell(r, u16::try_from(col).ok()?)?;
            Some(cell.fgcolor() == vt100::Color::Idx(3))
        })
    };
    term.wait_raw("面试", 1);
    term.wait_raw("：1 题，限时 ", 1);
    term.wait_raw("按键：h 提示（按两次）", 1);
    term.wait_raw("q 结束（按两次）。", 1);
    let out = term.raw();
    assert!(
        out.contains("简单，15 分钟；你选的题") && !out.contains("easy"),
        "{out}"
    );
    term.wait_screen("剩余 0:09", |rows| rows.iter().any(|r| r.contains("剩余 0:09")));
    assert_eq!(yellow(&term, "剩余 0:09"), Some(false), "not yet near the end");
    // The last fifth of the clock: 2 of 10 seconds.
    term.wait_screen("剩余 0:01", |rows| rows.iter().any(|r| r.contains("剩余 0:01")));
    assert_eq!(yellow(&term, "剩余 0:01"), Some(true), "{}", term.raw());
    assert_eq!(term.finish(), Some(1));
    let out = term.raw();
    assert!(out.contains("时间到：对每个改动过的文件做最后一次判定"), "{out}");
    assert!(
        out.contains("面试成绩单") && out.contains("时间到") && out.contains("得分"),
        "{out}"
    );
}

#[test]
fn a_newer_save_stops_the_check_under_way() {
    let dir = practice();
    let home = dir.path();
    let (mut term, room) = interview_saving_an_endless_loop(home);
    let started = Instant::now();
    let program = loop {
        if let Some(pid) = child_named(term.child.id(), "layer_norm") {
            break pid;
        }
        assert!(started.elapsed() < PATIENCE, "the program never ran:\n{}", term.raw());
        std::thread::sleep(Duration::from_millis(20));
    };
    fs::write(room.join("katas/layer_norm.rs"), solution("layer_norm")).unwrap();
    let started = Instant::now();
    while !gone(program) {
        assert!(started.elapsed() < PATIENCE, "the looping program was stopped");
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(term.finish(), Some(0), "{}", term.raw());
    let out = term.raw();
    assert!(out.contains("every kata passed"), "{out}");
    assert!(!out.contains("timed out"), "the stopped check gave no verdict: {out}");
    let history = fs::read_to_string(home.join(".kata/history.jsonl")).unwrap();
    let checks: Vec<&str> = history.lines().filter(|l| l.contains("\"kind\":\"check\"")).collect();
    assert_eq!(checks.len(), 1, "{history}");
    assert!(checks[0].contains("\"status\":\"passed\""), "{history}");
}

#[test]
fn watch_on_a_terminal_in_chinese_toggles_the_list_and_runs_out_of_hints() {
    let dir = practice();
    let mut term = Term::spawn(dir.path(), &["watch", "layer_norm", "--lang", "zh"], 80, 30, false);
    term.wait_screen("the keys in Chinese", |rows| {
        rows.iter().any(|r| r.contains("h 提示 · n 下一题 · l 列表 · q 退出"))
    });
    let listed = |rows: &[String]| rows.iter().any(|r| r.contains("▸ · layer_norm"));
    assert!(!listed(&term.rows()));
    term.key("l");
    term.wait_screen("the list", listed);
    term.key("l");
    term.wait_screen("the list closed", |rows| !listed(rows));
    let shown = |rows: &[String], text: &str| rows.iter().filter(|r| r.contains(text)).count();
    term.key("hhh");
    term.wait_screen("the last hint", |rows| shown(rows, "这是最后一条提示") == 1);
    term.key("h");
    term.wait_screen("no more hints", |rows| {
        shown(rows, "layer_norm 没有更多提示了：3 条都已看过") == 1
    });
    assert_eq!(shown(&term.rows(), "提示 3/3"), 1, "the last hint is not repeated");
    // A verdict arriving after the hints keeps them under it.
    fs::write(dir.path().join("katas/layer_norm.rs"), wrong_layer_norm()).unwrap();
    term.wait_screen("the new verdict, the hints kept", |rows| {
        shown(rows, "✗ example") == 1 && shown(rows, "提示 1/3") == 1 && shown(rows, "提示 3/3") == 1
    });
    // A resize redraws the screen from its header down, at the new size.
    term.resize(60, 20);
    term.wait_screen("a redraw at 60 columns", |rows| {
        rows[0].starts_with("kata watch layer_norm") && rows.iter().any(|r| r.contains("h 提示"))
    });
    term.key("q");
    assert_eq!(term.finish(), Some(1));
    assert!(term.cooked());
}

#[test]
fn watch_rewraps_its_report_at_the_new_width_when_the_terminal_is_resized() {
    let dir = practice();
    let home = dir.path();
    fs::write(home.join("katas/layer_norm.rs"), wrong_layer_norm()).unwrap();
    let mut term = Term::spawn(home, &["watch", "layer_norm"], 100, 40, false);
    let example = |rows: &[String]| rows.iter().position(|r| r.contains("✗ example:"));
    term.wait_screen("the failing report", |rows| example(rows).is_some());
    let rows = term.rows();
    let at = example(&rows).unwrap();
    assert!(
        rows[at].contains("(100.0%)"),
        "one line at 100 columns:\n{}",
        rows.join("\n")
    );
    // At 50 columns the line no longer fits: it is wrapped between words,
    // under its own indentation, not cut mid-word by the terminal.
    // (The screen is cut to 50 columns at once; the redraw wraps.)
    term.resize(50, 40);
    term.wait_screen("the report wrapped at 50 columns", |rows| {
        example(rows).is_some_and(|at| {
            !rows[at].contains("(100.0%)") && rows[at + 1].starts_with("      ") && rows[at + 1].contains("(100.0%)")
        })
    });
    term.key("q");
    assert_eq!(term.finish(), Some(1));
    assert!(term.cooked());
}
