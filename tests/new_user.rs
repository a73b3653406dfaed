//! What a new user meets: cargo settings that must not break checks, and
//! reports that read at a glance (issue 10).

use crate::common::{check, edit, kata, practice, solution, text, write_kata};

/// The reference layer_norm renamed, and a `layer_norm` that passes its
/// result through `body` (an expression of `y`).
fn layer_norm_with(body: &str) -> String {
    edit(solution("layer_norm"), "pub fn layer_norm(", "fn reference_layer_norm(")
        + "\npub fn layer_norm(x: ArrayViewD<f64>, s: &[usize], w: Option<ArrayViewD<f64>>,\n    \
           b: Option<ArrayViewD<f64>>, eps: f64) -> ArrayD<f64> {\n    \
           let mut y = reference_layer_norm(x, s, w, b, eps);\n    "
        + body
        + "\n}\n"
}

/// The lines of the report's diff rows: `[i, :]  expected  …` and `got  …`.
fn diff_lines(t: &str) -> Vec<&str> {
    t.lines()
        .filter(|l| {
            let l = l.trim_start();
            l.starts_with('[') && l.contains("]  expected  ") || l.starts_with("got  ")
        })
        .collect()
}

#[test]
fn cargo_target_dir_settings_do_not_break_checks() {
    // A fresh cache, so the dependencies are built under the user's settings.
    let root = tempfile::tempdir().expect("a temporary folder");
    let cache = root.path().join("cache");
    let elsewhere = root.path().join("elsewhere");
    std::fs::create_dir_all(root.path().join(".cargo")).expect("writable");
    // A cargo config in an ancestor of the practice folder, where cargo looks.
    std::fs::write(
        root.path().join(".cargo/config.toml"),
        format!(
            "[build]\ntarget-dir = {:?}\n",
            elsewhere.join("config").display().to_string()
        ),
    )
    .expect("writable");
    let dir = root.path().join("practice");
    let out = kata(root.path())
        .args(["init", "practice"])
        .output()
        .expect("kata runs");
    assert!(out.status.success(), "{}", text(&out));
    write_kata(&dir, "layer_norm", solution("layer_norm"));
    let out = kata(&dir)
        .env("KATA_CACHE_DIR", &cache)
        .env("CARGO_TARGET_DIR", elsewhere.join("env"))
        .env("CARGO_BUILD_TARGET_DIR", elsewhere.join("build-env"))
        .args(["check", "layer_norm"])
        .output()
        .expect("kata runs");
    let t = text(&out);
    assert_eq!(out.status.code(), Some(0), "{t}");
    assert!(t.contains("✓ layer_norm: passed"), "{t}");
    // Nothing went where the user's settings point.
    assert!(
        !elsewhere.exists(),
        "the dependency build used the user's target folder"
    );
    assert!(cache.join("programs").is_dir(), "{t}");
}

#[test]
fn one_diff_layout_row_by_row_whether_some_or_all_rows_differ() {
    let dir = practice();
    // The example is x (2×3) normalized over its rows: one element off, then all.
    write_kata(dir.path(), "layer_norm", &layer_norm_with("y[[1, 2]] += 1.0;\n    y"));
    let out = check(dir.path(), &["layer_norm", "--case", "example"]);
    let some = text(&out);
    assert_eq!(out.status.code(), Some(1), "{some}");
    write_kata(dir.path(), "layer_norm", &layer_norm_with("y + 1.0"));
    let out = check(dir.path(), &["layer_norm", "--case", "example"]);
    let all = text(&out);
    assert_eq!(out.status.code(), Some(1), "{all}");

    for (t, rows) in [(&some, vec!["[1, :]"]), (&all, vec!["[0, :]", "[1, :]"])] {
        let lines = diff_lines(t);
        // Each row: its expected values, then the values got right under them.
        assert_eq!(lines.len(), 2 * rows.len(), "{t}");
        for (pair, row) in lines.chunks(2).zip(&rows) {
            assert!(pair[0].trim_start().starts_with(&format!("{row}  expected")), "{t}");
            assert!(pair[1].trim_start().starts_with("got"), "{t}");
            // Columns line up: every value of `got` ends where its expected one does.
            let ends = |l: &str| -> Vec<usize> {
                let chars: Vec<char> = l.chars().collect();
                (1..chars.len())
                    .filter(|&i| chars[i] == ' ' && chars[i - 1] != ' ')
                    .chain([chars.len()])
                    .collect()
            };
            assert_eq!(ends(pair[0]).last(), ends(pair[1]).last(), "{t}");
        }
        // Differing elements are marked under the row.
        assert!(t.contains('^'), "{t}");
        // One heading: the part is not named again under the kata.
        assert!(t.contains("✗ layer_norm: failed 1 of 1 case"), "{t}");
        assert_eq!(t.matches("layer_norm: failed").count(), 1, "{t}");
        // Inputs in the signature's order, a scalar with its value.
        assert!(t.contains("inputs: x (2×3), normalized_shape (1), eps = 1e-5"), "{t}");
        // With --case, no line re-running the very same case.
        assert!(!t.contains("re-run:"), "{t}");
    }
    // Only the one element that differs is marked: one run of `^`.
    let marked = some.lines().find(|l| l.contains('^')).expect("a marker line");
    assert_eq!(marked.split_whitespace().count(), 1, "{some}");
    let mut all_marks = all.lines().filter(|l| l.contains('^'));
    assert!(all_marks.all(|l| l.split_whitespace().count() == 3), "{all}");
}

#[test]
fn numbers_never_run_together() {
    let dir = practice();
    // Outputs around 1e-182: three-digit exponents, every element off.
    write_kata(dir.path(), "layer_norm", &layer_norm_with("y * 1e-182"));
    let out = check(dir.path(), &["layer_norm"]);
    let t = text(&out);
    assert_eq!(out.status.code(), Some(1), "{t}");
    let lines = diff_lines(&t);
    assert!(!lines.is_empty(), "{t}");
    for line in lines {
        let values = line
            .split_whitespace()
            .skip_while(|w| *w != "expected" && *w != "got")
            .skip(1);
        for v in values {
            assert!(v.parse::<f64>().is_ok(), "`{v}` is not one number: {t}");
        }
    }
    assert!(t.contains("e-182"), "{t}");
    // All cases are listed with a re-run line for the detailed one.
    assert!(t.contains("re-run: kata check layer_norm --case example"), "{t}");
    // A cached failure says so too.
    let again = text(&check(dir.path(), &["layer_norm"]));
    assert!(again.lines().next().is_some_and(|l| l.contains("(cached)")), "{again}");
}

#[test]
fn outputs_are_named_once_and_in_the_signatures_order() {
    let dir = practice();
    let wrong = edit(solution("batch_norm"), "pub fn batch_norm(", "fn reference_batch_norm(")
        + "\n#[allow(clippy::too_many_arguments)]\npub fn batch_norm(x: ArrayViewD<f64>, running_mean: &mut Array1<f64>,\n    \
           running_var: &mut Array1<f64>, weight: Option<ArrayView1<f64>>, bias: Option<ArrayView1<f64>>,\n    \
           training: bool, momentum: f64, eps: f64) -> ArrayD<f64> {\n    \
           let y = reference_batch_norm(x, running_mean, running_var, weight, bias, training, momentum, eps);\n    \
           running_mean.mapv_inplace(|v| v + 1.0);\n    running_var.mapv_inplace(|v| v + 1.0);\n    y + 1.0\n}\n";
    write_kata(dir.path(), "batch_norm", &wrong);
    let out = check(dir.path(), &["batch_norm"]);
    let t = text(&out);
    assert_eq!(out.status.code(), Some(1), "{t}");
    let flat = t.split_whitespace().collect::<Vec<_>>().join(" ");
    let y = flat.find("`y` mismatched").expect("y is named");
    let mean = flat.find("`running_mean` mismatched").expect("running_mean is named");
    let var = flat.find("`running_var` mismatched").expect("running_var is named");
    assert!(y < mean && mean < var, "{t}");
    assert!(!t.contains("`batch_norm.y`"), "{t}");
    // Inputs in the signature's order too.
    let inputs = t
        .lines()
        .find(|l| l.trim_start().starts_with("inputs:"))
        .expect("inputs");
    let at = |name: &str| inputs.find(&format!(" {name} ")).unwrap_or(usize::MAX);
    assert!(at("x") < at("running_mean") && at("running_mean") < at("weight"), "{t}");
}

#[test]
fn a_missing_case_lists_the_cases_and_a_missing_name_mentions_all() {
    let dir = practice();
    let out = check(dir.path(), &["layer_norm", "--case", "nosuch"]);
    let t = text(&out);
    assert_eq!(out.status.code(), Some(2), "{t}");
    assert!(t.contains("example, ") && t.contains("random-0 … random-19"), "{t}");
    let out = check(dir.path(), &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out).contains("--all"), "{}", text(&out));
}

#[test]
fn chinese_labels_everywhere() {
    let dir = practice();
    let run = |args: &[&str]| text(&kata(dir.path()).args(args).output().expect("kata runs"));
    let show = run(&["show", "layer_norm", "--lang", "zh"]);
    assert!(show.contains("难度：简单") && !show.contains("easy"), "{show}");
    let hint = run(&["hint", "layer_norm", "--lang", "zh"]);
    assert!(hint.contains("提示 1/3") && !hint.contains("Hint"), "{hint}");
    let list = run(&["list", "--lang", "zh"]);
    assert!(
        list.contains("难度") && list.contains("未开始") && !list.contains("not started"),
        "{list}"
    );
    let checked = run(&["check", "layer_norm", "--lang", "zh"]);
    assert!(checked.contains("尚未实现"), "{checked}");
    // Every command takes --lang: reset and init say what they did in it.
    let reset = run(&["reset", "layer_norm", "--lang", "zh"]);
    assert!(
        reset.contains("本来就是桩文件") && !reset.contains("already"),
        "{reset}"
    );
    let fresh = dir.path().join("fresh");
    let init = run(&["init", fresh.to_str().unwrap(), "--lang", "zh"]);
    assert!(init.contains("下一步：cd ") && !init.contains("Next"), "{init}");
    let solution = kata(dir.path())
        .args(["solution", "layer_norm", "--force", "--lang", "zh"])
        .output()
        .expect("kata runs");
    assert_eq!(solution.status.code(), Some(0), "{}", text(&solution));
    // A deleted file: check says how to get it back, reset says it wrote it.
    std::fs::remove_file(dir.path().join("katas/layer_norm.rs")).unwrap();
    let missing = kata(dir.path())
        .args(["check", "layer_norm"])
        .output()
        .expect("kata runs");
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        text(&missing).contains("is missing: `kata reset layer_norm` writes the stub again"),
        "{}",
        text(&missing)
    );
    let reset = run(&["reset", "layer_norm"]);
    assert!(
        reset.contains("katas/layer_norm.rs was missing: wrote the stub."),
        "{reset}"
    );
    // A path to the file, as a shell completes it, names the kata to use.
    let path = kata(dir.path())
        .args(["check", "katas/layer_norm.rs"])
        .output()
        .expect("kata runs");
    assert_eq!(path.status.code(), Some(2));
    assert!(
        text(&path).contains("`katas/layer_norm.rs` is a file: name its kata instead, `layer_norm`"),
        "{}",
        text(&path)
    );
}

/// `--help` wraps at 80 columns when not a terminal, as everything else.
#[test]
fn help_fits_80_columns() {
    let dir = practice();
    for args in [
        &["--help"][..],
        &["check", "--help"],
        &["watch", "--help"],
        &["interview", "--help"],
        &["init", "--help"],
    ] {
        let out = kata(dir.path()).args(args).output().expect("kata runs");
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        let t = text(&out);
        for line in t.lines() {
            assert!(line.chars().count() <= 80, "{args:?}: {line}");
        }
    }
}

#[test]
fn list_groups_by_track_filters_by_tag_and_fits_80_columns() {
    let dir = practice();
    let out = kata(dir.path()).arg("list").output().expect("kata runs");
    let t = text(&out);
    assert!(out.status.success(), "{t}");
    assert!(t.lines().any(|l| l.starts_with("classic")), "{t}");
    assert!(t.lines().all(|l| l.chars().count() <= 80), "{t}");
    // Not cut when they fit.
    assert!(t.contains("mse, mse_grad, sgd"), "{t}");
    let out = kata(dir.path())
        .args(["list", "--tag", "attention"])
        .output()
        .expect("kata runs");
    let t = text(&out);
    assert!(t.contains("self_attention") && !t.contains("kmeans"), "{t}");
    // One kata is one.
    let out = kata(dir.path())
        .args(["list", "--tag", "clustering"])
        .output()
        .expect("kata runs");
    let t = text(&out);
    assert!(t.contains("(1 kata)") && !t.contains("katas)"), "{t}");
    // Filtering by a track lists all of it under that track, even katas
    // tagged with the other track too (softmax_cross_entropy is both).
    let out = kata(dir.path())
        .args(["list", "--tag", "llm"])
        .output()
        .expect("kata runs");
    let t = text(&out);
    assert!(
        t.contains("softmax_cross_entropy") && !t.lines().any(|l| l.starts_with("classic")),
        "{t}"
    );
    let out = kata(dir.path())
        .args(["list", "--tag", "nosuch"])
        .output()
        .expect("kata runs");
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
}

#[test]
fn show_prints_the_signatures() {
    let dir = practice();
    let out = kata(dir.path())
        .args(["show", "batch_norm"])
        .output()
        .expect("kata runs");
    let t = text(&out);
    assert!(
        t.contains("pub fn batch_norm(") && t.contains("running_mean: &mut Array1<f64>"),
        "{t}"
    );
}

/// Chinese text followed by an ASCII `:` or `;`, or full-width punctuation
/// followed by a space: the first such spot, with some context.
fn misplaced_punctuation(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    let cjk = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c) || "（）".contains(c);
    (1..chars.len())
        .find(|&i| {
            (cjk(chars[i - 1]) && ":;.!".contains(chars[i])) || ("：；，。！".contains(chars[i - 1]) && chars[i] == ' ')
        })
        .map(|i| chars[i.saturating_sub(20)..(i + 10).min(chars.len())].iter().collect())
}

#[test]
fn kata_lang_sets_the_language_and_chinese_reads_as_chinese() {
    use unicode_width::UnicodeWidthStr;
    let dir = practice();
    let zh = |args: &[&str]| {
        let out = kata(dir.path())
            .args(args)
            .env("KATA_LANG", "zh")
            .output()
            .expect("kata runs");
        text(&out)
    };
    // KATA_LANG is the default; --lang overrides it.
    assert!(zh(&["list"]).contains("未开始"), "{}", zh(&["list"]));
    assert!(zh(&["list", "--lang", "en"]).contains("not started"));
    let out = kata(dir.path()).args(["list"]).env("KATA_LANG", "fr").output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));

    // The example's arrays continue under their first value (输入 is 4 columns wide).
    let show = zh(&["show", "layer_norm"]);
    let lines: Vec<&str> = show.lines().collect();
    let first = lines.iter().position(|l| l.starts_with("  输入 x = [[")).expect(&show);
    let value_at = lines[first].find('[').map(|i| lines[first][..i].width()).unwrap();
    let next = lines[first + 1];
    // The second row's `[` under the first row's inner one.
    assert_eq!(next.len() - next.trim_start().len(), value_at + 1, "{show}");

    // Full-width punctuation after Chinese, and no space after it.
    write_kata(dir.path(), "layer_norm", &layer_norm_with("y += 1.0;\n    y"));
    for args in [
        &["show", "layer_norm"][..],
        &["show", "softmax_cross_entropy"],
        &["list"],
        &["hint", "layer_norm"],
        &["check", "layer_norm"],
        &["check", "layer_norm", "--case", "random-3"],
        &["next"],
        &["stats"],
    ] {
        let t = zh(args);
        assert_eq!(misplaced_punctuation(&t), None, "{args:?}:\n{t}");
    }
    // The practice queue and the record read in Chinese too.
    let next = zh(&["next"]);
    assert!(next.contains("下一题练") && !next.contains("Practise"), "{next}");
    let stats = zh(&["stats"]);
    assert!(stats.contains("次面试") && !stats.contains("Logged in"), "{stats}");
    // The table's headings too, aligned on the rows below by display width.
    let head = stats.lines().next().unwrap_or_default();
    assert!(
        head.starts_with("题目") && head.contains("趋势") && !stats.contains("TREND"),
        "{stats}"
    );
    let row = stats.lines().nth(1).unwrap_or_default();
    assert_eq!(
        head.find("检查").map(|i| head[..i + "检查".len()].width()),
        Some(row[..35].width()),
        "{stats}"
    );
}

/// `text` without its colour escapes.
fn uncoloured(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find("\x1b[") {
        out.push_str(&rest[..at]);
        let tail = &rest[at + 2..];
        let end = tail
            .find(|c: char| c.is_ascii_alphabetic())
            .map_or(tail.len(), |i| i + 1);
        rest = &tail[end..];
    }
    out.push_str(rest);
    out
}

#[test]
fn colours_change_no_line_of_a_report_in_either_language() {
    let dir = practice();
    write_kata(dir.path(), "layer_norm", &layer_norm_with("y += 1.0;\n    y"));
    for lang in ["en", "zh"] {
        let plain = text(&check(dir.path(), &["layer_norm", "--lang", lang]));
        // --color always wins over NO_COLOR.
        let out = kata(dir.path())
            .args(["check", "layer_norm", "--lang", lang, "--color", "always"])
            .output()
            .expect("kata runs");
        assert_eq!(out.status.code(), Some(1));
        let coloured = text(&out);
        assert!(coloured.contains("\x1b["), "{coloured}");
        // Not an empty line after the dimmed inputs, nor any other change.
        assert_eq!(uncoloured(&coloured), plain, "{lang}");
    }
}
