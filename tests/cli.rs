//! The core pipeline, through the real binary on temporary practice folders.

use crate::common::{check, edit, kata, practice, solution, text, write_kata};

#[test]
fn the_stub_is_not_implemented_yet() {
    let dir = practice();
    let out = check(dir.path(), &["layer_norm"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(text(&out).contains("not implemented yet"), "{}", text(&out));
}

#[test]
fn the_reference_passes_and_a_wrong_solution_fails_with_a_diff() {
    let dir = practice();
    write_kata(dir.path(), "layer_norm", solution("layer_norm"));
    let out = check(dir.path(), &["layer_norm"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(text(&out).contains("✓ layer_norm: passed"), "{}", text(&out));
    // What to practise next, as `kata next` names it.
    let next = kata(dir.path()).args(["next", "--json"]).output().unwrap();
    let next: serde_json::Value = serde_json::from_slice(&next.stdout).unwrap();
    let next = next["next"]["kata"].as_str().unwrap();
    assert_ne!(next, "layer_norm");
    assert!(text(&out).contains(&format!("Next: {next} (")), "{}", text(&out));
    assert!(text(&out).contains(&format!("kata watch {next}\n")), "{}", text(&out));
    // Not after a partial pass: it passed nothing.
    let out = check(dir.path(), &["layer_norm", "--case", "example"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(!text(&out).contains("Next:"), "{}", text(&out));

    // The reference, scaled by 1.001: every element off, well past the tolerance.
    let wrong = edit(solution("layer_norm"), "pub fn layer_norm(", "fn reference_layer_norm(")
        + "\npub fn layer_norm(x: ArrayViewD<f64>, s: &[usize], w: Option<ArrayViewD<f64>>,\n    \
           b: Option<ArrayViewD<f64>>, eps: f64) -> ArrayD<f64> {\n    \
           reference_layer_norm(x, s, w, b, eps) * 1.001\n}\n";
    write_kata(dir.path(), "layer_norm", &wrong);
    let out = check(dir.path(), &["layer_norm"]);
    let t = text(&out);
    assert_eq!(out.status.code(), Some(1), "{t}");
    assert!(t.contains("mismatched"), "{t}");
    assert!(t.contains("greatest absolute difference"), "{t}");
    // Row by row: expected, got under it, `^` under what differs.
    assert!(
        t.contains("  expected  ") && t.contains("  got  ") && t.contains('^'),
        "{t}"
    );
    assert!(t.contains("re-run: kata check layer_norm --case"), "{t}");
}

#[test]
fn a_compile_error_points_at_the_users_file_and_blocks_no_other_kata() {
    let dir = practice();
    write_kata(
        dir.path(),
        "layer_norm",
        "use ndarray::prelude::*;\npub fn layer_norm() -> i32 { \"no\" }\n",
    );
    write_kata(dir.path(), "beam_search", solution("beam_search"));
    let out = check(dir.path(), &["layer_norm", "beam_search"]);
    let t = text(&out);
    assert_eq!(out.status.code(), Some(1), "{t}");
    assert!(t.contains("does not compile"), "{t}");
    assert!(t.contains("katas/layer_norm.rs:2"), "{t}");
    assert!(t.contains("✓ beam_search: passed"), "{t}");
}

#[test]
fn a_wrong_signature_is_explained() {
    let dir = practice();
    write_kata(
        dir.path(),
        "beam_search",
        "use ndarray::prelude::*;\npub fn beam_search(p: ArrayView3<f64>) -> f64 { 0.0 }\n",
    );
    let t = text(&check(dir.path(), &["beam_search"]));
    assert!(t.contains("signature differs"), "{t}");
}

#[test]
fn an_endless_loop_times_out_and_the_next_check_works() {
    let dir = practice();
    let toml = dir.path().join("katas/beam_search.toml");
    let description = std::fs::read_to_string(&toml).unwrap();
    std::fs::write(&toml, format!("time_limit_secs = 1.5\n{description}")).unwrap();
    let looping = edit(
        solution("beam_search"),
        "for b in 0..batch {",
        "loop {}\n    for b in 0..batch {",
    );
    write_kata(dir.path(), "beam_search", &looping);
    let started = std::time::Instant::now();
    let out = check(dir.path(), &["beam_search"]);
    let t = text(&out);
    assert_eq!(out.status.code(), Some(1), "{t}");
    assert!(t.contains("timed out"), "{t}");
    assert!(
        started.elapsed().as_secs() < 60,
        "the check must end soon after the limit"
    );
    write_kata(dir.path(), "beam_search", solution("beam_search"));
    assert_eq!(check(dir.path(), &["beam_search"]).status.code(), Some(0));
}

#[test]
fn a_panic_in_one_case_leaves_the_others_judged() {
    let dir = practice();
    // Panics only on the one-position cases; every other case must still pass.
    let panicky = edit(
        solution("beam_search"),
        "let (batch, seqlen, vocab) = lm_prob.dim();",
        "let (batch, seqlen, vocab) = lm_prob.dim();\n    assert!(seqlen > 1, \"one position is not supported\");",
    );
    write_kata(dir.path(), "beam_search", &panicky);
    let out = check(dir.path(), &["beam_search", "--json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    let tests = json["tests"].as_array().unwrap();
    let failed: Vec<_> = tests.iter().filter(|t| t["status"] == "fail").collect();
    let passed = tests.iter().filter(|t| t["status"] == "pass").count();
    assert!(!failed.is_empty() && passed > 0, "{json}");
    for f in failed {
        let message = f["message"].as_str().unwrap();
        assert!(
            message.contains("panicked at katas/beam_search.rs:") && message.contains("one position"),
            "{message}"
        );
    }
}

#[test]
fn json_output_is_shaped_like_results_json_v3() {
    let dir = practice();
    write_kata(dir.path(), "layer_norm", solution("layer_norm"));
    let out = check(dir.path(), &["layer_norm", "--json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert_eq!(json["version"], 3);
    assert_eq!(json["status"], "pass");
    assert!(json["tests"]
        .as_array()
        .unwrap()
        .iter()
        .all(|t| t["status"] == "pass" && t["name"].is_string()));
}

#[test]
fn a_bad_description_names_its_line_and_exits_2() {
    let dir = practice();
    let toml = dir.path().join("katas/layer_norm.toml");
    let description = std::fs::read_to_string(&toml).unwrap();
    std::fs::write(&toml, edit(&description, "minutes = 15", "minutes = \"fifteen\"")).unwrap();
    let out = check(dir.path(), &["layer_norm"]);
    let t = text(&out);
    assert_eq!(out.status.code(), Some(2), "{t}");
    assert!(t.contains("katas/layer_norm.toml:5:"), "{t}");
}

#[test]
fn an_unknown_kata_gets_suggestions_and_exit_2() {
    let dir = practice();
    let out = check(dir.path(), &["layernorm"]);
    assert_eq!(out.status.code(), Some(2));
    // `layer_norm` is suggested (with `layer_norm_backward`, the other near name).
    let t = text(&out);
    assert!(t.contains("did you mean") && t.contains("layer_norm"), "{t}");
    let out = check(dir.path(), &["../etc"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out).contains("not a kata name"), "{}", text(&out));
}

#[test]
fn errors_help_reset_and_init_speak_chinese_under_lang_zh_or_kata_lang() {
    let dir = practice();
    let out = check(dir.path(), &["layernorm", "--lang", "zh"]);
    assert_eq!(out.status.code(), Some(2));
    let t = text(&out);
    assert!(
        t.contains("kata：错误：没有名为 `layernorm` 的题目；你是不是想找其中之一：layer_norm"),
        "{t}"
    );
    let out = check(dir.path(), &["layer_norm", "--case", "nosuch", "--lang", "zh"]);
    let t = text(&out);
    assert!(
        t.contains("没有用例 `nosuch`；它的用例有 example、") && t.contains("、random-0 … random-19"),
        "{t}"
    );
    // A command without --lang follows KATA_LANG.
    let out = kata(dir.path())
        .args(["solution", "layer_norm"])
        .env("KATA_LANG", "zh")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out).contains("`layer_norm` 的参考答案在 `kata check layer_norm` 通过后解锁"),
        "{}",
        text(&out)
    );
    let out = kata(dir.path())
        .args(["reset", "layer_norm"])
        .env("KATA_LANG", "zh")
        .output()
        .unwrap();
    assert!(
        text(&out).contains("katas/layer_norm.rs 本来就是桩文件，无需保存。"),
        "{}",
        text(&out)
    );
    // --help too, within 80 columns.
    let out = kata(dir.path())
        .args(["check", "--help", "--lang", "zh"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let t = text(&out);
    assert!(t.contains("用法：kata check") && t.contains("只运行这个用例"), "{t}");
    assert!(t.lines().all(|l| unicode_width::UnicodeWidthStr::width(l) <= 80), "{t}");
    // And English otherwise.
    let out = kata(dir.path()).args(["solution", "layer_norm"]).output().unwrap();
    assert!(
        text(&out).contains("kata: error: the solution of `layer_norm` unlocks once"),
        "{}",
        text(&out)
    );
}

#[test]
fn reset_saves_the_users_file_first() {
    let dir = practice();
    write_kata(dir.path(), "layer_norm", "// my precious attempt\n");
    let out = kata(dir.path()).args(["reset", "layer_norm"]).output().unwrap();
    assert!(out.status.success(), "{}", text(&out));
    let backups: Vec<_> = std::fs::read_dir(dir.path().join(".kata/backups"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(backups.len(), 1);
    assert_eq!(
        std::fs::read_to_string(&backups[0]).unwrap(),
        "// my precious attempt\n"
    );
    assert!(text(&out).contains(&*backups[0].file_name().unwrap().to_string_lossy()));
    let restored = std::fs::read_to_string(dir.path().join("katas/layer_norm.rs")).unwrap();
    assert!(restored.contains("todo!()"));
}

#[test]
fn init_keeps_files_that_differ() {
    let dir = practice();
    write_kata(dir.path(), "layer_norm", "// mine\n");
    let out = kata(dir.path()).args(["init", "."]).output().unwrap();
    assert!(text(&out).contains("Kept your"), "{}", text(&out));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("katas/layer_norm.rs")).unwrap(),
        "// mine\n"
    );
}

#[test]
fn list_show_hint_and_solution() {
    let dir = practice();
    let out = kata(dir.path()).arg("list").output().unwrap();
    let t = text(&out);
    assert!(t.contains("layer_norm") && t.contains("not started"), "{t}");

    let t = text(
        &kata(dir.path())
            .args(["show", "layer_norm", "--lang", "zh"])
            .output()
            .unwrap(),
    );
    assert!(t.contains("层归一化") && t.contains("pub fn layer_norm"), "{t}");
    assert!(t.lines().all(|l| l.chars().count() <= 80), "{t}");

    let first = text(&kata(dir.path()).args(["hint", "layer_norm"]).output().unwrap());
    let second = text(&kata(dir.path()).args(["hint", "layer_norm"]).output().unwrap());
    assert!(first.contains("Hint 1/") && !first.contains("Hint 2/"), "{first}");
    assert!(second.contains("Hint 2/"), "{second}");

    let locked = kata(dir.path()).args(["solution", "layer_norm"]).output().unwrap();
    assert_eq!(locked.status.code(), Some(2));
    write_kata(dir.path(), "layer_norm", solution("layer_norm"));
    assert_eq!(check(dir.path(), &["layer_norm"]).status.code(), Some(0));
    let t = text(&kata(dir.path()).arg("list").output().unwrap());
    assert!(
        t.lines()
            .any(|l| l.trim_start().starts_with("layer_norm") && l.contains("passing")),
        "{t}"
    );
    let unlocked = kata(dir.path()).args(["solution", "layer_norm"]).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&unlocked.stdout), solution("layer_norm"));
}

#[test]
fn a_random_case_is_reproduced_by_its_seed() {
    let dir = practice();
    write_kata(dir.path(), "layer_norm", solution("layer_norm"));
    let out = check(
        dir.path(),
        &["layer_norm", "--seed", "7", "--case", "random-3", "--json"],
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    let tests = json["tests"].as_array().unwrap();
    assert_eq!(tests.len(), 1);
    assert_eq!(tests[0]["name"], "layer_norm/layer_norm/random-3");
    assert_eq!(json["katas"][0]["seed"], 7);
}

#[test]
fn every_statement_and_hint_fits_80_columns_in_both_languages() {
    use unicode_width::UnicodeWidthStr;
    let dir = practice();
    for reference in kata_reference::KATAS {
        for lang in ["en", "zh"] {
            let show = kata(dir.path())
                .args(["show", reference.name, "--lang", lang])
                .output()
                .unwrap();
            assert!(show.status.success(), "{}", text(&show));
            let hints = (0..4).map(|_| {
                kata(dir.path())
                    .args(["hint", reference.name, "--lang", lang])
                    .output()
                    .unwrap()
            });
            for out in std::iter::once(show).chain(hints) {
                for line in String::from_utf8_lossy(&out.stdout).lines() {
                    assert!(
                        line.width() <= 80,
                        "{} --lang {lang}: {} columns: {line}",
                        reference.name,
                        line.width()
                    );
                }
            }
        }
    }
}
