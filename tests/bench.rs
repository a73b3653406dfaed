//! `kata bench`: the user's release build timed against the reference's on a
//! large case, through the real binary. No test asserts a time: the machine
//! is shared, so only the shape of the output, the verdict on the outputs,
//! and the consistency of the ratio with the advice are checked.

use std::process::Output;

use crate::common::{edit, kata, practice, solution, text, write_kata};

/// Runs `kata bench` with extra arguments.
fn bench(dir: &std::path::Path, args: &[&str]) -> Output {
    kata(dir).arg("bench").args(args).output().expect("kata runs")
}

/// The ratio printed on a part's row of the table
/// (`  conv2d    12.3 ms    11.9 ms    1.03x`), if the row has one.
fn ratio(out: &str, part: &str) -> Option<f64> {
    out.lines()
        .map(str::split_whitespace)
        .map(|fields| fields.collect::<Vec<_>>())
        .find(|fields| fields.first() == Some(&part) && fields.len() == 6)
        .and_then(|fields| fields[5].strip_suffix('x')?.parse().ok())
}

/// The output with every run of whitespace made one space, so that a phrase
/// is found however the output wraps it.
fn flat(out: &Output) -> String {
    text(out).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The advice's first line.
const ADVICE: &str = "slower than the reference (at worst";

#[test]
fn the_reference_as_the_users_file_matches_itself() {
    let dir = practice();
    write_kata(dir.path(), "conv2d", solution("conv2d"));
    let out = bench(dir.path(), &["conv2d", "--scale", "0.1", "--runs", "3"]);
    let shown = text(&out);
    assert_eq!(out.status.code(), Some(0), "{shown}");
    assert!(
        shown.contains("conv2d: your code vs the reference (release builds, median of 3 runs)"),
        "{shown}"
    );
    assert!(
        shown.contains("case: weight (64×64×3×3), x (1×64×6×6), bias (64)"),
        "{shown}"
    );
    assert!(
        shown.contains("part") && shown.contains("yours") && shown.contains("reference"),
        "{shown}"
    );
    let r = ratio(&shown, "conv2d").unwrap_or_else(|| panic!("no ratio in:\n{shown}"));
    assert!(r.is_finite() && r > 0.0, "{shown}");
    assert!(
        shown.contains("✓ conv2d: your outputs match the reference's."),
        "{shown}"
    );
    assert_eq!(
        flat(&out).contains(ADVICE),
        r > 10.0,
        "advice iff the ratio exceeds 10:\n{shown}"
    );
    // A scaled-down case is not the one PyTorch was timed on.
    assert!(!shown.contains("PyTorch"), "{shown}");
}

#[test]
fn slow_but_correct_code_gets_advice_only_beyond_ten_times() {
    let dir = practice();
    write_kata(dir.path(), "conv2d", include_str!("alt_solutions/conv2d.rs"));
    let out = bench(dir.path(), &["conv2d", "--scale", "0.25", "--runs", "3"]);
    let shown = text(&out);
    assert_eq!(out.status.code(), Some(0), "{shown}");
    assert!(
        shown.contains("✓ conv2d: your outputs match the reference's."),
        "{shown}"
    );
    let r = ratio(&shown, "conv2d").unwrap_or_else(|| panic!("no ratio in:\n{shown}"));
    assert_eq!(
        flat(&out).contains(ADVICE),
        r > 10.0,
        "advice iff the ratio exceeds 10:\n{shown}"
    );
    if r > 10.0 {
        // conv2d's own advice, from its description.
        assert!(shown.contains("no im2col"), "{shown}");
    }
}

#[test]
fn a_fast_wrong_answer_is_no_win() {
    let dir = practice();
    let flipped = kata_reference::find("conv2d")
        .expect("conv2d")
        .mutants
        .iter()
        .find(|m| m.id == "kernel_flipped")
        .expect("the kernel_flipped mutant");
    write_kata(dir.path(), "conv2d", flipped.source);
    let out = bench(dir.path(), &["conv2d", "--scale", "0.1", "--runs", "1"]);
    let shown = text(&out);
    assert_eq!(out.status.code(), Some(1), "{shown}");
    assert!(shown.contains("(release builds, one run)"), "{shown}");
    assert!(ratio(&shown, "conv2d").is_some(), "still timed:\n{shown}");
    let flat = flat(&out);
    assert!(
        flat.contains("✗ conv2d: your outputs differ from the reference's on this case (`conv2d` differs in"),
        "{shown}"
    );
    assert!(flat.contains("`kata check conv2d` shows where"), "{shown}");
}

#[test]
fn every_part_of_a_kata_gets_a_row() {
    let dir = practice();
    write_kata(dir.path(), "linear_regression_sgd", solution("linear_regression_sgd"));
    let out = bench(dir.path(), &["linear_regression_sgd", "--scale", "0.05", "--runs", "2"]);
    let shown = text(&out);
    assert_eq!(out.status.code(), Some(0), "{shown}");
    for part in ["mse", "mse_grad", "sgd"] {
        assert!(ratio(&shown, part).is_some(), "no row for {part}:\n{shown}");
        assert!(
            shown.contains(&format!("✓ {part}: your outputs match the reference's.")),
            "{shown}"
        );
    }
}

#[test]
fn the_full_case_is_shown_next_to_pytorch() {
    let dir = practice();
    write_kata(dir.path(), "layer_norm", solution("layer_norm"));
    let out = bench(dir.path(), &["layer_norm", "--runs", "2"]);
    let shown = text(&out);
    assert_eq!(out.status.code(), Some(0), "{shown}");
    assert!(shown.contains("case: x (8×512×768)"), "{shown}");
    let flat = flat(&out);
    // Timed now when PyTorch can be imported here; else the recorded time, so labelled.
    let torch = std::process::Command::new("python3")
        .args(["-c", "import torch"])
        .output()
        .is_ok_and(|o| o.status.success());
    let label = match torch {
        true => "F.layer_norm (float64, 1 thread), timed now, took",
        false => "PyTorch 2.15.0 F.layer_norm (float64, 1 thread), as recorded on",
    };
    assert!(flat.contains(label), "{shown}");
    assert!(flat.contains("on this case: the reference takes"), "{shown}");

    // Without a Python that has PyTorch, the recorded figure says where and when it is from.
    let out = kata(dir.path())
        .env("KATA_PYTHON", "/nonexistent/python3")
        .args(["bench", "layer_norm", "--runs", "1"])
        .output()
        .expect("kata runs");
    let recorded = text(&out).split_whitespace().collect::<Vec<_>>().join(" ");
    let timings: toml::Table =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/pytorch_timings.toml"))
            .expect("the recorded timings")
            .parse()
            .expect("valid TOML");
    let field = |key: &str| timings[key].as_str().expect("a string").to_string();
    let (version, date, machine) = (field("torch"), field("recorded"), field("machine"));
    assert!(
        recorded.contains(&format!(
            "PyTorch {version} F.layer_norm (float64, 1 thread), as recorded on {date} on {machine} \
             (PyTorch could not be run here), took"
        )),
        "{recorded}"
    );
}

#[test]
fn code_that_does_not_run_gets_no_ratio() {
    let dir = practice();
    // The shipped stub: todo!().
    let out = bench(dir.path(), &["layer_norm", "--scale", "0.05", "--runs", "1"]);
    let shown = text(&out);
    assert_eq!(out.status.code(), Some(1), "{shown}");
    assert!(shown.contains("· layer_norm: not implemented yet"), "{shown}");
    assert_eq!(ratio(&shown, "layer_norm"), None, "{shown}");

    write_kata(
        dir.path(),
        "layer_norm",
        &edit(
            solution("layer_norm"),
            "let mean =",
            "panic!(\"boom\");\n        let mean =",
        ),
    );
    let out = bench(dir.path(), &["layer_norm", "--scale", "0.05", "--runs", "2"]);
    let shown = text(&out);
    assert_eq!(out.status.code(), Some(1), "{shown}");
    assert!(
        shown.contains("✗ layer_norm: panicked at katas/layer_norm.rs:"),
        "{shown}"
    );
    assert!(shown.contains(": boom"), "{shown}");

    write_kata(dir.path(), "layer_norm", "this is not rust");
    let out = bench(dir.path(), &["layer_norm", "--scale", "0.05"]);
    let shown = text(&out);
    assert_eq!(out.status.code(), Some(1), "{shown}");
    assert!(shown.contains("✗ layer_norm: does not compile"), "{shown}");
}

#[test]
fn usage_errors_exit_2() {
    let dir = practice();
    for args in [
        &["no_such_kata"][..],
        &["../layer_norm"],
        &["layer_norm", "--scale", "0"],
        &["layer_norm", "--scale", "2"],
        &["layer_norm", "--runs", "0"],
    ] {
        let out = bench(dir.path(), args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", text(&out));
    }
}
