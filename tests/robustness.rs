//! Robustness: misbehaving user programs and broken inputs, through the real
//! binary on temporary practice folders. Every test asserts the exact verdict
//! the user sees (exit code and message); the README's "Robustness" table
//! lists them.

use crate::common;

use std::fs::{self, File};
use std::path::Path;
use std::process::Output;
use std::time::{Duration, Instant};

use crate::common::{check, edit, kata, practice, solution, text, write_kata};
use kata_harness::Value;
use ndarray_npy::NpzWriter;

/// The line of the beam_search reference after which the tests insert code.
const BEAM_ANCHOR: &str = "let (batch, seqlen, vocab) = lm_prob.dim();";

/// The beam_search reference with `code` inserted at the top of the function body.
fn beam_search_with(code: &str) -> String {
    let reference = solution("beam_search");
    assert!(
        reference.contains(BEAM_ANCHOR),
        "the reference changed; update BEAM_ANCHOR"
    );
    edit(reference, BEAM_ANCHOR, &format!("{BEAM_ANCHOR}\n    {code}"))
}

/// A layer_norm whose output is the reference's output passed through `body`
/// (an expression of the binding `y: ArrayD<f64>`).
fn layer_norm_returning(body: &str) -> String {
    let reference = edit(solution("layer_norm"), "pub fn layer_norm(", "fn reference(");
    format!(
        "{reference}\n\
         pub fn layer_norm(\n    x: ArrayViewD<f64>,\n    normalized_shape: &[usize],\n    \
         weight: Option<ArrayViewD<f64>>,\n    bias: Option<ArrayViewD<f64>>,\n    eps: f64,\n) -> ArrayD<f64> {{\n    \
         let y = reference(x, normalized_shape, weight, bias, eps);\n    {body}\n}}\n"
    )
}

/// Prepends `line` to the kata's description (top-level keys come first in TOML).
fn prepend_to_description(dir: &Path, name: &str, line: &str) {
    let path = dir.join("katas").join(format!("{name}.toml"));
    let description = fs::read_to_string(&path).unwrap();
    fs::write(&path, format!("{line}\n{description}")).unwrap();
}

/// Rewrites the kata's description with `edit`.
fn edit_description(dir: &Path, name: &str, edit: impl FnOnce(&str) -> String) {
    let path = dir.join("katas").join(format!("{name}.toml"));
    let description = fs::read_to_string(&path).unwrap();
    let edited = edit(&description);
    assert_ne!(edited, description, "the edit changed nothing");
    fs::write(&path, edited).unwrap();
}

/// Asserts the exit code, returning stdout and stderr together.
fn expect_code(out: &Output, code: i32) -> String {
    let t = text(out);
    assert_eq!(out.status.code(), Some(code), "{t}");
    assert!(!t.contains("internal error") && !t.contains("panicked at src/"), "{t}");
    t
}

/// Asserts a setup error: exit 2 and exactly one line on stderr, nothing on stdout.
fn expect_setup_error(out: &Output) -> String {
    let t = expect_code(out, 2);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.stdout.is_empty(), "{t}");
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
    assert!(stderr.starts_with("kata: error: "), "{stderr}");
    stderr
}

/// The text with every run of whitespace made one space, so that assertions
/// hold however the report wraps its lines.
fn flat(t: &str) -> String {
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The message of every case of `kata check --json` (`passed` for a pass).
fn json_messages(out: &Output) -> Vec<String> {
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    json["tests"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["message"].as_str().unwrap_or("passed").to_string())
        .collect()
}

// ---------------------------------------------------------------------------
// User programs
// ---------------------------------------------------------------------------

#[test]
fn an_endless_loop_times_out_and_a_correct_file_then_passes() {
    let dir = practice();
    prepend_to_description(dir.path(), "beam_search", "time_limit_secs = 2");
    write_kata(
        dir.path(),
        "beam_search",
        &beam_search_with("loop { std::hint::spin_loop(); }"),
    );
    let started = Instant::now();
    let out = check(dir.path(), &["beam_search"]);
    let t = expect_code(&out, 1);
    assert!(
        flat(&t).contains("✗ example: timed out: still running after 2 s (an endless loop?)"),
        "{t}"
    );
    // The cases after the endless one never started.
    assert!(flat(&t).contains("not run: the time limit was reached first"), "{t}");
    assert!(
        started.elapsed() < Duration::from_secs(30),
        "the check ends soon after the limit"
    );

    write_kata(dir.path(), "beam_search", solution("beam_search"));
    let out = check(dir.path(), &["beam_search"]);
    assert!(expect_code(&out, 0).contains("✓ beam_search: passed 26 cases"));
}

#[test]
fn endless_recursion_is_a_stack_overflow_not_a_signal() {
    let dir = practice();
    // 26 overflows of a 64 MiB stack, one restart each: room for a loaded machine.
    prepend_to_description(dir.path(), "beam_search", "time_limit_secs = 120");
    let recursion = "fn deeper(n: u64) -> u64 { let frame = [n; 32]; deeper(frame[1] + 1) + frame[2] }\n    \
                     if deeper(0) == 1 { return beam_search(lm_prob, beam_size); }";
    // Also after 200 KB on stderr, past what is kept of the output.
    let noise = "for _ in 0..2000 { eprintln!(\"{}\", \"e\".repeat(99)); }\n    ";
    for code in [recursion.to_string(), format!("{noise}{recursion}")] {
        write_kata(dir.path(), "beam_search", &beam_search_with(&code));
        let out = check(dir.path(), &["beam_search", "--json"]);
        expect_code(&out, 1);
        let messages = json_messages(&out);
        assert_eq!(messages.len(), 26);
        for m in &messages {
            assert_eq!(m, "stack overflow (endless or too deep recursion)");
        }
        let t = expect_code(&check(dir.path(), &["beam_search"]), 1);
        assert!(!t.contains("SIG") && !t.contains("signal"), "{t}");
    }
}

#[test]
fn unbounded_allocation_runs_out_of_memory() {
    let dir = practice();
    prepend_to_description(dir.path(), "beam_search", "memory_mb = 256");
    // One huge allocation, one that grows until the limit, and one after
    // 200 KB on stderr (past what is kept of the output).
    let huge = "let huge = vec![0u8; 1 << 40];\n    if huge[12345] == 1 { return beam_search(lm_prob, beam_size); }";
    let growing = "let mut hoard: Vec<Vec<u8>> = Vec::new();\n    \
                   loop { hoard.push(vec![1u8; 1 << 20]); if hoard.len() == usize::MAX { break; } }";
    let noise = "for _ in 0..2000 { eprintln!(\"{}\", \"e\".repeat(99)); }\n    ";
    for code in [huge.to_string(), growing.to_string(), format!("{noise}{huge}")] {
        write_kata(dir.path(), "beam_search", &beam_search_with(&code));
        let out = check(dir.path(), &["beam_search"]);
        let t = expect_code(&out, 1);
        assert!(flat(&t).contains("✗ example: ran out of memory (limit 256 MiB)"), "{t}");
        assert!(t.contains("failed 26 of 26 cases"), "{t}");
    }
}

#[test]
fn megabytes_of_output_are_cut_and_counted_and_the_verdict_still_comes() {
    let dir = practice();
    // 4 MiB on stdout, as 64-byte lines, in the one case run.
    let line = "x".repeat(63);
    let printing = beam_search_with(&format!("for _ in 0..65536 {{ println!(\"{line}\"); }}"));
    write_kata(dir.path(), "beam_search", &printing);
    let out = check(dir.path(), &["beam_search", "--case", "example"]);
    let t = expect_code(&out, 0);
    assert!(t.contains("✓ beam_search: passed 1 case"), "{t}");
    assert!(t.contains("beam_search example printed:"), "{t}");
    assert!(t.contains(&format!("│ {line}\n")), "{t}");
    assert!(t.contains("more lines"), "{t}");
    let dropped: usize = t
        .lines()
        .find_map(|l| l.trim().strip_prefix("(your program printed "))
        .and_then(|l| l.strip_suffix(" more bytes, not shown)"))
        .expect("the dropped count is reported")
        .parse()
        .unwrap();
    // Everything past the 64 KiB kept of the 4 MiB printed (give or take the
    // harness's marker) is counted.
    let printed = 65536 * 64;
    let cap = 64 * 1024;
    assert!(
        (printed - cap..=printed - cap + 64).contains(&dropped),
        "dropped {dropped}"
    );
    assert!(t.len() < 16 * 1024, "the report itself stays short: {} bytes", t.len());
}

#[test]
fn a_panic_shows_its_message_and_the_line_in_the_users_file() {
    let dir = practice();
    let panicking = beam_search_with("panic!(\"no beams for you\");");
    let line = panicking.lines().position(|l| l.contains("no beams for you")).unwrap() + 1;
    write_kata(dir.path(), "beam_search", &panicking);
    let out = check(dir.path(), &["beam_search"]);
    let t = expect_code(&out, 1);
    assert!(
        flat(&t).contains(&format!(
            "✗ example: panicked at katas/beam_search.rs:{line}:5: no beams for you"
        )),
        "{t}"
    );
    assert!(t.contains("failed 26 of 26 cases"), "{t}");
}

#[test]
fn abort_is_a_sigabrt_crash() {
    let dir = practice();
    write_kata(dir.path(), "beam_search", &beam_search_with("std::process::abort();"));
    let out = check(dir.path(), &["beam_search", "--json"]);
    expect_code(&out, 1);
    let messages = json_messages(&out);
    assert_eq!(messages.len(), 26);
    assert!(messages.iter().all(|m| m == "crashed: SIGABRT (abort)"), "{messages:?}");
}

#[test]
fn exiting_with_code_0_before_returning_is_never_a_pass() {
    let dir = practice();
    write_kata(dir.path(), "beam_search", &beam_search_with("std::process::exit(0);"));
    let out = check(dir.path(), &["beam_search"]);
    let t = expect_code(&out, 1);
    assert!(
        flat(&t).contains("✗ example: the program exited (code 0) before returning (std::process::exit?)"),
        "{t}"
    );
    assert!(t.contains("failed 26 of 26 cases"), "{t}");
}

#[test]
fn output_that_looks_like_the_harness_markers_confuses_nothing() {
    let dir = practice();
    // Fake markers and separators on both streams, and a wrong answer: the
    // output must stay under its own case, shown with the separators visible.
    let faking = edit(
        &beam_search_with(
            "print!(\"\\u{1e}kata0000000000000000:0:beam_search\\u{1e}FAKE-OUT {seqlen}\\n\");\n    \
             eprint!(\"\\u{1e}\\u{1e}:1:beam_search\\u{1e}FAKE-ERR\\r\\n\");",
        ),
        "log_probs[[b, i]] = *score;",
        "log_probs[[b, i]] = *score + 1.0;",
    );
    write_kata(dir.path(), "beam_search", &faking);
    let out = check(dir.path(), &["beam_search"]);
    let t = expect_code(&out, 1);
    assert!(t.contains("failed 26 of 26 cases"), "{t}");
    // The output under its short name: the part's is not repeated.
    assert!(flat(&t).contains("`log_probs` mismatched"), "{t}");
    assert!(!t.contains('\u{1e}'), "a raw separator reached the terminal: {t:?}");
    // The example case has seqlen 3.
    assert!(t.contains("│ ␞kata0000000000000000:0:beam_search␞FAKE-OUT 3\n"), "{t}");
    assert!(t.contains("│ ␞␞:1:beam_search␞FAKE-ERR\n"), "{t}");

    // Each case's output is its own, exactly once.
    let out = check(dir.path(), &["beam_search", "--json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    let tests = json["tests"].as_array().unwrap();
    assert_eq!(tests.len(), 26);
    for test in tests {
        assert_eq!(test["status"], "fail", "{test}");
        let output = test["output"].as_str().unwrap();
        assert_eq!(output.matches("FAKE-OUT").count(), 1, "{output:?}");
        assert_eq!(output.matches("FAKE-ERR").count(), 1, "{output:?}");
    }
}

#[test]
fn nan_fails_and_names_the_index() {
    let dir = practice();
    let nan = layer_norm_returning(
        "let mut y = y;\n    if let Some(last) = y.iter_mut().last() { *last = f64::NAN; }\n    y",
    );
    write_kata(dir.path(), "layer_norm", &nan);
    let out = check(dir.path(), &["layer_norm"]);
    let t = expect_code(&out, 1);
    // The example's output is (2, 3): the last element is [1, 2].
    assert!(
        flat(&t).contains("✗ example: `layer_norm` mismatched 1 of 6 elements (16.7%), non-finite at [1, 2]"),
        "{t}"
    );
    assert!(t.contains("NaN"), "{t}");
}

#[test]
fn infinities_fail() {
    let dir = practice();
    let infinite = layer_norm_returning("y.mapv(|v| if v >= 0.0 { f64::INFINITY } else { f64::NEG_INFINITY })");
    write_kata(dir.path(), "layer_norm", &infinite);
    let out = check(dir.path(), &["layer_norm"]);
    let t = expect_code(&out, 1);
    assert!(
        flat(&t).contains("✗ example: `layer_norm` mismatched 6 of 6 elements (100.0%), non-finite at [0, 0]"),
        "{t}"
    );
    assert!(t.contains("-inf") && t.contains(" inf"), "{t}");
}

#[test]
fn a_wrong_shape_names_both_shapes() {
    let dir = practice();
    let flattened = layer_norm_returning("let n = y.len();\n    y.into_shape_with_order(IxDyn(&[n])).unwrap()");
    write_kata(dir.path(), "layer_norm", &flattened);
    let out = check(dir.path(), &["layer_norm"]);
    let t = expect_code(&out, 1);
    assert!(
        flat(&t).contains("✗ example: `layer_norm` shape (6,), expected (2, 3)"),
        "{t}"
    );
    // Small enough to show both: the same numbers, nested as their shapes say.
    assert!(
        t.contains("expected [[-1.224736, 0, 1.224736], [-1.019049, -0.339683, 1.358732]]\n"),
        "{t}"
    );
    assert!(
        t.contains("got      [-1.224736, 0, 1.224736, -1.019049, -0.339683, 1.358732]\n"),
        "{t}"
    );
}

#[test]
fn an_empty_array_fails() {
    let dir = practice();
    let empty = layer_norm_returning("let _ = y;\n    ArrayD::zeros(IxDyn(&[0]))");
    write_kata(dir.path(), "layer_norm", &empty);
    let out = check(dir.path(), &["layer_norm"]);
    let t = expect_code(&out, 1);
    assert!(
        flat(&t).contains("✗ example: `layer_norm` shape (0,), expected (2, 3)"),
        "{t}"
    );
    assert!(t.contains("failed 27 of 27 cases"), "{t}");
}

#[test]
fn threads_left_running_do_not_hold_the_check() {
    let dir = practice();
    for code in [
        // Spins forever after the function returned.
        "std::thread::spawn(|| loop { std::hint::spin_loop(); });",
        // Sleeps for an hour.
        "std::thread::spawn(|| std::thread::sleep(std::time::Duration::from_secs(3600)));",
    ] {
        write_kata(dir.path(), "beam_search", &beam_search_with(code));
        let started = Instant::now();
        let out = check(dir.path(), &["beam_search"]);
        let t = expect_code(&out, 0);
        assert!(t.contains("✓ beam_search: passed 26 cases"), "{t}");
        // The time limit is 10 s; compiling and running take about one.
        assert!(
            started.elapsed() < Duration::from_secs(8),
            "took {:?}",
            started.elapsed()
        );
    }
}

// ---------------------------------------------------------------------------
// Broken inputs
// ---------------------------------------------------------------------------

#[test]
fn a_description_missing_a_field_is_one_line_naming_the_file() {
    let dir = practice();
    edit_description(dir.path(), "layer_norm", |d| {
        d.lines()
            .filter(|l| !l.starts_with("title = "))
            .map(|l| format!("{l}\n"))
            .collect()
    });
    let e = expect_setup_error(&check(dir.path(), &["layer_norm"]));
    assert!(e.contains("katas/layer_norm.toml:1:1: missing field `title`"), "{e}");
}

#[test]
fn a_description_with_a_wrong_type_is_one_line_naming_the_line() {
    let dir = practice();
    edit_description(dir.path(), "layer_norm", |d| {
        edit(d, "difficulty = \"easy\"", "difficulty = 3")
    });
    let e = expect_setup_error(&check(dir.path(), &["layer_norm"]));
    assert!(
        e.contains("katas/layer_norm.toml:4:14: invalid type: integer `3`"),
        "{e}"
    );
}

#[test]
fn a_description_with_an_unknown_field_is_one_line_naming_the_line() {
    let dir = practice();
    prepend_to_description(dir.path(), "layer_norm", "time_limit = 3");
    let e = expect_setup_error(&check(dir.path(), &["layer_norm"]));
    assert!(
        e.contains("katas/layer_norm.toml:1:1: unknown field `time_limit`, expected one of"),
        "{e}"
    );
}

#[test]
fn a_memory_limit_too_small_to_start_in_is_refused() {
    let dir = practice();
    write_kata(dir.path(), "beam_search", solution("beam_search"));
    prepend_to_description(dir.path(), "beam_search", "memory_mb = 64");
    let e = expect_setup_error(&check(dir.path(), &["beam_search"]));
    assert!(
        e.contains(
            "katas/beam_search.toml: `memory_mb` must be at least 128: the program's 64 MiB stack counts against it"
        ),
        "{e}"
    );
    // The least allowed limit runs a correct program.
    edit_description(dir.path(), "beam_search", |d| {
        edit(d, "memory_mb = 64", "memory_mb = 128")
    });
    expect_code(&check(dir.path(), &["beam_search"]), 0);
}

#[test]
fn two_descriptions_claiming_one_name_are_an_error() {
    let dir = practice();
    let katas = dir.path().join("katas");
    fs::copy(katas.join("layer_norm.toml"), katas.join("layer_norm_copy.toml")).unwrap();
    for args in [&["list"][..], &["check", "--all"]] {
        let e = expect_setup_error(&kata(dir.path()).args(args).output().unwrap());
        assert!(
            e.contains(
                "katas/layer_norm_copy.toml: `name = \"layer_norm\"` differs from the file name `layer_norm_copy`"
            ),
            "{e}"
        );
    }
}

/// Replaces the example fixture of layer_norm with `bytes`.
fn damage_example(dir: &Path, edit: impl FnOnce(Vec<u8>) -> Vec<u8>) {
    let path = dir.join("fixtures/layer_norm/example.npz");
    let bytes = fs::read(&path).unwrap();
    fs::write(&path, edit(bytes)).unwrap();
}

/// The arrays of layer_norm's example fixture.
fn example_arrays(dir: &Path) -> Vec<(String, Value)> {
    let file = File::open(dir.join("fixtures/layer_norm/example.npz")).unwrap();
    kata::fixture::read_npz(file).unwrap()
}

/// Writes `arrays` as layer_norm's example fixture.
fn write_example(dir: &Path, arrays: &[(String, Value)]) {
    let path = dir.join("fixtures/layer_norm/example.npz");
    let mut npz = NpzWriter::new(File::create(path).unwrap());
    for (name, value) in arrays {
        match value {
            Value::F64(a) => npz.add_array(name.as_str(), a),
            Value::Int(a) => npz.add_array(name.as_str(), a),
            Value::Bool(a) => npz.add_array(name.as_str(), a),
        }
        .unwrap();
    }
    npz.finish().unwrap();
}

#[test]
fn a_truncated_fixture_is_a_setup_error_naming_it() {
    let dir = practice();
    damage_example(dir.path(), |mut b| {
        b.truncate(b.len() / 2);
        b
    });
    let e = expect_setup_error(&check(dir.path(), &["layer_norm"]));
    assert!(
        e.contains("fixtures/layer_norm/example.npz: not a readable .npz file"),
        "{e}"
    );
}

#[test]
fn a_fixture_of_random_bytes_is_a_setup_error_naming_it() {
    let dir = practice();
    // A fixed pseudo-random sequence, so the test is repeatable.
    let mut x: u32 = 0x2545_f491;
    let noise: Vec<u8> = (0..1000)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            x as u8
        })
        .collect();
    damage_example(dir.path(), |_| noise);
    let e = expect_setup_error(&check(dir.path(), &["layer_norm"]));
    assert!(
        e.contains("fixtures/layer_norm/example.npz: not a readable .npz file"),
        "{e}"
    );
}

#[test]
fn a_fixture_with_a_damaged_array_is_a_setup_error_naming_it() {
    let dir = practice();
    // The archive is intact but an array's header claims more data than it holds.
    damage_example(dir.path(), |mut b| {
        let at = b.windows(6).position(|w| w == b"(2, 3)").expect("a (2, 3) array");
        b[at + 4] = b'4';
        b
    });
    let e = expect_setup_error(&check(dir.path(), &["layer_norm"]));
    assert!(e.contains("fixtures/layer_norm/example.npz: array `"), "{e}");
    assert!(e.contains("` is damaged ("), "{e}");
}

#[test]
fn a_fixture_without_expected_arrays_is_a_setup_error_naming_it() {
    let dir = practice();
    let arrays = example_arrays(dir.path());
    let inputs: Vec<_> = arrays
        .iter()
        .filter(|(n, _)| !n.starts_with("expected."))
        .cloned()
        .collect();
    write_example(dir.path(), &inputs);
    let e = expect_setup_error(&check(dir.path(), &["layer_norm"]));
    assert!(
        e.contains("fixtures/layer_norm/example.npz: it holds no `expected.*` arrays"),
        "{e}"
    );

    // An expected array under a name that belongs to no part.
    let renamed: Vec<_> = arrays
        .iter()
        .map(|(n, v)| (n.replace("expected.layer_norm", "expected.layernorm"), v.clone()))
        .collect();
    write_example(dir.path(), &renamed);
    let e = expect_setup_error(&check(dir.path(), &["layer_norm"]));
    assert!(
        e.contains("fixtures/layer_norm/example.npz: `expected.layernorm` belongs to no part of `layer_norm`"),
        "{e}"
    );
}

#[test]
fn a_fixture_of_the_wrong_dtype_is_a_setup_error_naming_it() {
    let dir = practice();
    let arrays = example_arrays(dir.path());
    let path = dir.path().join("fixtures/layer_norm/example.npz");
    let mut npz = NpzWriter::new(File::create(&path).unwrap());
    for (name, value) in arrays {
        match value {
            Value::F64(a) if name == "x" => npz.add_array(name, &a.mapv(|v| v as f32)),
            Value::F64(a) => npz.add_array(name, &a),
            Value::Int(a) => npz.add_array(name, &a),
            Value::Bool(a) => npz.add_array(name, &a),
        }
        .unwrap();
    }
    npz.finish().unwrap();
    let e = expect_setup_error(&check(dir.path(), &["layer_norm"]));
    assert!(
        e.contains("fixtures/layer_norm/example.npz: array `x` is float32; a fixture holds float64, int64 or bool"),
        "{e}"
    );
}

#[test]
fn a_user_file_that_is_not_utf8_is_a_clear_compile_error() {
    let dir = practice();
    fs::write(
        dir.path().join("katas/layer_norm.rs"),
        b"use ndarray::prelude::*;\n// caf\xe9\n".as_slice(),
    )
    .unwrap();
    let out = check(dir.path(), &["layer_norm"]);
    let t = expect_code(&out, 1);
    assert!(t.contains("✗ layer_norm: does not compile"), "{t}");
    assert!(t.contains("stream did not contain valid UTF-8"), "{t}");
    assert!(t.contains("katas/layer_norm.rs:2:7"), "{t}");
}

#[test]
fn a_kata_name_with_dot_dot_is_refused() {
    let dir = practice();
    for args in [
        &["check", "../layer_norm"][..],
        &["check", "layer_norm/../beam_search"],
        &["show", "../../etc/passwd"],
        &["hint", "../layer_norm"],
        &["reset", "../layer_norm"],
        &["solution", "--force", "../layer_norm"],
    ] {
        let e = expect_setup_error(&kata(dir.path()).args(args).output().unwrap());
        let name = args.last().unwrap();
        assert!(
            e.contains(&format!("`{name}` is not a kata name (names use a-z, 0-9 and _)")),
            "{args:?}: {e}"
        );
    }
}

#[test]
fn a_read_only_practice_folder_never_loses_the_users_file() {
    let dir = practice();
    write_kata(dir.path(), "layer_norm", "// my attempt\n");
    let mut everything = walk(dir.path());
    everything.push(dir.path().to_path_buf());
    let set_mode = |read_only: bool| {
        for entry in &everything {
            let mut perms = fs::metadata(entry).unwrap().permissions();
            perms.set_readonly(read_only);
            fs::set_permissions(entry, perms).unwrap();
        }
    };
    set_mode(true);
    // SAFETY: geteuid has no preconditions.
    let root = unsafe { libc::geteuid() } == 0;
    let reset = kata(dir.path()).args(["reset", "layer_norm"]).output().unwrap();
    let check = check(dir.path(), &["layer_norm"]);
    set_mode(false);
    let file = fs::read_to_string(dir.path().join("katas/layer_norm.rs")).unwrap();
    if root {
        // chmod does not stop root: the reset goes through, after a backup.
        let t = expect_code(&reset, 0);
        assert!(t.contains("Saved your katas/layer_norm.rs to"), "{t}");
        assert!(file.contains("todo!()"), "{file}");
        assert_eq!(backups(dir.path()), vec!["// my attempt\n".to_string()]);
        expect_code(&check, 1);
    } else {
        let e = expect_setup_error(&reset);
        assert!(e.contains(".kata") && e.contains("Permission denied"), "{e}");
        assert_eq!(file, "// my attempt\n");
        // The verdict is shown; that it cannot be remembered is a warning.
        let t = expect_code(&check, 1);
        assert!(t.contains("✗ layer_norm: does not compile"), "{t}");
        let stderr = String::from_utf8_lossy(&check.stderr);
        assert!(
            stderr.starts_with("kata: warning: cannot remember the verdicts: ")
                && stderr.contains(".kata")
                && stderr.contains("Permission denied"),
            "{stderr}"
        );
    }
}

/// Every file and folder under `dir`, folders last.
fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut all = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            all.extend(walk(&path));
        }
        all.push(path);
    }
    all
}

/// The contents of every backup, sorted.
fn backups(dir: &Path) -> Vec<String> {
    let mut all: Vec<String> = fs::read_dir(dir.join(".kata/backups"))
        .map(|d| d.map(|e| fs::read_to_string(e.unwrap().path()).unwrap()).collect())
        .unwrap_or_default();
    all.sort();
    all
}

#[test]
fn reset_and_init_force_save_every_file_they_replace() {
    let dir = practice();
    // Two resets within the same second: both attempts are kept.
    for attempt in ["// attempt one\n", "// attempt two\n"] {
        write_kata(dir.path(), "layer_norm", attempt);
        let t = expect_code(&kata(dir.path()).args(["reset", "layer_norm"]).output().unwrap(), 0);
        assert!(t.contains("Saved your katas/layer_norm.rs to"), "{t}");
    }
    assert_eq!(backups(dir.path()), vec!["// attempt one\n", "// attempt two\n"]);
    // Resetting the stub saves nothing.
    let t = expect_code(&kata(dir.path()).args(["reset", "layer_norm"]).output().unwrap(), 0);
    assert!(t.contains("already was the stub; nothing to save"), "{t}");
    assert_eq!(backups(dir.path()).len(), 2);

    // init --force replaces the user's files, each after a backup, including
    // same-named files in different folders.
    write_kata(dir.path(), "beam_search", "// beam attempt\n");
    edit_description(dir.path(), "layer_norm", |d| format!("# my note\n{d}"));
    let ln = dir.path().join("fixtures/layer_norm/example.npz");
    let bs = dir.path().join("fixtures/beam_search/example.npz");
    fs::write(&ln, "layer_norm fixture").unwrap();
    fs::write(&bs, "beam_search fixture").unwrap();
    let out = kata(dir.path()).args(["init", "--force", "."]).output().unwrap();
    let t = expect_code(&out, 0);
    assert_eq!(t.matches("Saved the old file to").count(), 4, "{t}");
    let saved = backups_lossy(dir.path());
    for content in ["// beam attempt\n", "beam_search fixture", "layer_norm fixture"] {
        assert!(saved.iter().any(|s| s == content), "{content:?} not saved: {saved:?}");
    }
    assert!(saved.iter().any(|s| s.starts_with("# my note\n")), "{saved:?}");
    // Everything is the shipped version again, and checks.
    assert!(fs::read_to_string(dir.path().join("katas/beam_search.rs"))
        .unwrap()
        .contains("todo!()"));
    write_kata(dir.path(), "layer_norm", solution("layer_norm"));
    expect_code(&check(dir.path(), &["layer_norm"]), 0);
}

/// The contents of every backup, as text.
fn backups_lossy(dir: &Path) -> Vec<String> {
    fs::read_dir(dir.join(".kata/backups"))
        .unwrap()
        .map(|e| String::from_utf8_lossy(&fs::read(e.unwrap().path()).unwrap()).into_owned())
        .collect()
}

#[test]
fn a_folder_where_nothing_can_be_recorded_still_shows_the_verdict() {
    let dir = practice();
    write_kata(dir.path(), "layer_norm", solution("layer_norm"));
    // Obstacles that stop root too, where chmod would not: a file where the
    // verdict cache's folder goes, a non-empty folder where the state goes.
    let state_dir = dir.path().join(".kata");
    fs::create_dir_all(state_dir.join("state.json/in_the_way")).unwrap();
    fs::write(state_dir.join("verdicts"), "in the way").unwrap();
    for (file, code) in [(solution("layer_norm"), 0), ("// my attempt\n", 1)] {
        write_kata(dir.path(), "layer_norm", file);
        let out = check(dir.path(), &["layer_norm"]);
        let t = expect_code(&out, code);
        let verdict = if code == 0 {
            "✓ layer_norm: passed"
        } else {
            "✗ layer_norm: does not compile"
        };
        assert!(String::from_utf8_lossy(&out.stdout).contains(verdict), "{t}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
        assert!(
            stderr.starts_with("kata: warning: cannot remember the verdicts: ") && stderr.contains(".kata/verdicts"),
            "{stderr}"
        );
    }
    // A hint is shown all the same.
    let out = kata(dir.path()).args(["hint", "layer_norm"]).output().unwrap();
    let t = expect_code(&out, 0);
    assert!(t.contains("Hint 1/"), "{t}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("kata: warning: cannot remember the hints shown: ") && stderr.contains(".kata/state.json"),
        "{stderr}"
    );
}

#[test]
fn a_fixture_array_of_a_supported_but_wrong_dtype_is_a_setup_error_naming_it() {
    let dir = practice();
    write_kata(dir.path(), "layer_norm", solution("layer_norm"));
    let arrays: Vec<_> = example_arrays(dir.path())
        .into_iter()
        .map(|(name, value)| match value {
            Value::F64(a) if name == "x" => (name, Value::Int(a.mapv(|v| v.round() as i64))),
            other => (name, other),
        })
        .collect();
    write_example(dir.path(), &arrays);
    let e = expect_setup_error(&check(dir.path(), &["layer_norm"]));
    assert!(
        e.contains(
            "fixtures/layer_norm/example.npz: it does not fit `layer_norm` (`x` should be float64, it is int64)"
        ),
        "{e}"
    );
    assert!(!dir.path().join(".kata/verdicts/layer_norm.json").exists());
}

/// A pipe whose reading end is already closed: every write to it fails.
fn closed_pipe() -> std::process::Stdio {
    use std::os::fd::{FromRawFd, OwnedFd};
    let mut fds = [0; 2];
    // SAFETY: pipe() writes two new descriptors into the array it is given.
    assert_eq!(unsafe { libc::pipe(fds.as_mut_ptr()) }, 0);
    // SAFETY: both descriptors were just opened and are owned here alone.
    let (read, write) = unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) };
    drop(read);
    std::process::Stdio::from(write)
}

#[test]
fn output_to_a_closed_pipe_ends_quietly_with_the_usual_exit_code() {
    let dir = practice();
    // The dependencies are built (with cargo's output on stderr) before the test proper.
    expect_code(&check(dir.path(), &["layer_norm"]), 1);
    for (args, code) in [
        (&["list"][..], 0),
        (&["list", "--json"], 0),
        (&["show", "layer_norm"], 0),
        (&["completions", "bash"], 0),
        (&["--help"], 0),
        (&["stats"], 0),
        (&["next"], 0),
        // The stub: not implemented yet.
        (&["check", "layer_norm"], 1),
    ] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_kata"))
            .args(args)
            .current_dir(dir.path())
            .env("KATA_CACHE_DIR", common::cache_dir())
            .env("NO_COLOR", "1")
            .stdout(closed_pipe())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(code), "{args:?}: {}", text(&out));
        assert!(out.stderr.is_empty(), "{args:?}: {}", text(&out));
    }
    // As a person would pipe it.
    let out = std::process::Command::new("sh")
        .args(["-c", &format!("{:?} list | head -1", env!("CARGO_BIN_EXE_kata"))])
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).split_whitespace().next(),
        Some("KATA")
    );
    assert!(out.stderr.is_empty(), "{}", text(&out));
}

#[test]
fn a_timeout_is_not_cached_and_the_next_check_runs_again() {
    let dir = practice();
    prepend_to_description(dir.path(), "beam_search", "time_limit_secs = 2");
    // The program is slow while this file exists, as if the machine were busy.
    let busy = dir.path().join("busy");
    fs::write(&busy, "").unwrap();
    let slow = beam_search_with(&format!(
        "if std::path::Path::new({:?}).exists() {{ loop {{ std::hint::spin_loop(); }} }}",
        busy.display().to_string()
    ));
    write_kata(dir.path(), "beam_search", &slow);
    let t = expect_code(&check(dir.path(), &["beam_search"]), 1);
    assert!(flat(&t).contains("✗ example: timed out"), "{t}");
    assert!(!dir.path().join(".kata/verdicts/beam_search.json").exists());

    // The same file, the machine no longer busy: it runs again, and passes.
    fs::remove_file(&busy).unwrap();
    let t = expect_code(&check(dir.path(), &["beam_search"]), 0);
    assert!(t.contains("✓ beam_search: passed 26 cases"), "{t}");
    assert!(!t.contains("(cached)"), "{t}");
    // A pass is cached as before.
    let t = expect_code(&check(dir.path(), &["beam_search"]), 0);
    assert!(t.contains("(cached)"), "{t}");
}

#[test]
fn the_missing_function_note_comes_only_with_errors_in_the_table_of_functions() {
    let dir = practice();
    const NOTE: &str = "is missing or its signature differs";
    // A signature that differs from the stub's: the error is in the table.
    write_kata(
        dir.path(),
        "layer_norm",
        "use ndarray::prelude::*;\npub fn layer_norm(x: i32) {}\n",
    );
    let t = expect_code(&check(dir.path(), &["layer_norm"]), 1);
    assert!(t.contains("✗ layer_norm: does not compile") && t.contains(NOTE), "{t}");
    // A function missing altogether.
    write_kata(dir.path(), "layer_norm", "use ndarray::prelude::*;\n");
    let t = expect_code(&check(dir.path(), &["layer_norm"]), 1);
    assert!(t.contains(NOTE), "{t}");

    // rustc cannot read the file (it points at the generated `mod user;`),
    // and a syntax error in the user's own file: no note.
    fs::write(
        dir.path().join("katas/layer_norm.rs"),
        b"use ndarray::prelude::*;\n// caf\xe9\n".as_slice(),
    )
    .unwrap();
    let t = expect_code(&check(dir.path(), &["layer_norm"]), 1);
    assert!(t.contains("couldn't read") && t.contains("main.rs:"), "{t}");
    assert!(!t.contains(NOTE), "{t}");
    write_kata(dir.path(), "layer_norm", &format!("{}\nfn (", solution("layer_norm")));
    let t = expect_code(&check(dir.path(), &["layer_norm"]), 1);
    assert!(t.contains("✗ layer_norm: does not compile") && !t.contains(NOTE), "{t}");
}

#[test]
fn a_full_disk_while_saving_a_backup_leaves_the_users_file_alone() {
    let dir = practice();
    let backups = dir.path().join(".kata/backups");
    fs::create_dir_all(&backups).unwrap();
    // A 16 KiB file system where the backups go; root can mount one here.
    let mounted = std::process::Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=16k", "tmpfs"])
        .arg(&backups)
        .output()
        .is_ok_and(|o| o.status.success());
    if !mounted {
        // No mount allowed: a file where the folder should be fails the copy just the same.
        fs::remove_dir(&backups).unwrap();
        fs::write(&backups, "in the way").unwrap();
    }
    let attempt = format!("// my long attempt\n{}", "// line\n".repeat(8 * 1024));
    write_kata(dir.path(), "layer_norm", &attempt);
    let out = kata(dir.path()).args(["reset", "layer_norm"]).output().unwrap();
    if mounted {
        let _ = std::process::Command::new("umount").arg(&backups).status();
    }
    let stderr = expect_setup_error(&out);
    assert!(
        stderr.contains(".kata/backups"),
        "the error names where the backup failed: {stderr}"
    );
    let kept = fs::read_to_string(dir.path().join("katas/layer_norm.rs")).unwrap();
    assert_eq!(kept, attempt, "the user's file must be untouched when its backup fails");
}
