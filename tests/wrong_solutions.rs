//! The diagnosis on wrong solutions written by hand, in other styles than the
//! reference (index loops, iterator folds, Welford, reshape and permute; none
//! is an edit of the reference or a mutant's patch): each file in
//! `tests/wrong_solutions/<kata>/` says in its first line which findings
//! would be right (`// expect: mistake naive_variance | pattern scaled`). At
//! least 80% must get a right one, and none may be named a mistake it does
//! not have. Correct solutions in other styles get no finding at all.
//!
//! The Python track has its own corpus, `tests/wrong_solutions_py/<kata>/`
//! (`# expect: ...`), in the NumPy idioms a candidate writes, with the
//! track's own slips (a rebound in-place argument, `np.sum` without an axis,
//! `keepdims` forgotten, an ascending `argsort` reversed for ties), judged
//! by the same rules.

use std::fs;
use std::path::Path;

use tempfile::TempDir;

use crate::common::{check, practice, python_practice, text, write_kata, write_py};

/// One wrong solution and what it should be told.
struct Wrong {
    kata: String,
    file: String,
    source: String,
    /// `(kind, id)` alternatives, any of which is right.
    expect: Vec<(String, String)>,
}

/// A track's corpus: where its files are and how a practice folder takes them.
struct Track {
    /// The corpus folder, relative to the repository.
    folder: &'static str,
    /// The user files' extension.
    ext: &'static str,
    /// The first line's prefix: `// expect:` or `# expect:`.
    header: &'static str,
    /// A fresh practice folder of the track.
    practice: fn() -> TempDir,
    /// Writes a source as the user's file of a kata.
    write: fn(&Path, &str, &str),
}

const RUST: Track = Track {
    folder: "tests/wrong_solutions",
    ext: "rs",
    header: "// expect:",
    practice,
    write: write_kata,
};

const PYTHON: Track = Track {
    folder: "tests/wrong_solutions_py",
    ext: "py",
    header: "# expect:",
    practice: python_practice,
    write: write_py,
};

fn corpus(track: &Track) -> Vec<Wrong> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(track.folder);
    let mut out = Vec::new();
    let mut katas: Vec<_> = fs::read_dir(&root)
        .expect("the corpus exists")
        .flatten()
        .map(|e| e.path())
        .collect();
    katas.sort();
    for dir in katas {
        let kata = dir.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string();
        let mut files: Vec<_> = fs::read_dir(&dir)
            .expect("a kata folder")
            .flatten()
            .map(|e| e.path())
            .collect();
        files.sort();
        for path in files
            .into_iter()
            .filter(|p| p.extension().is_some_and(|e| e == track.ext))
        {
            let source = fs::read_to_string(&path).expect("readable");
            let header = source.lines().next().unwrap_or_default();
            let spec = header
                .strip_prefix(track.header)
                .unwrap_or_else(|| panic!("{}: no `{}` header", path.display(), track.header));
            let expect = spec
                .split('|')
                .map(|alt| {
                    let mut words = alt.split_whitespace();
                    let kind = words.next().expect("a kind").to_string();
                    let id = words.next().expect("an id").to_string();
                    (kind, id)
                })
                .collect();
            out.push(Wrong {
                kata: kata.clone(),
                file: path
                    .file_name()
                    .and_then(|n| n.to_str())
                    .unwrap_or_default()
                    .to_string(),
                source,
                expect,
            });
        }
    }
    out
}

/// `(kind, id)` of every finding in a `--json` report.
fn findings(json: &serde_json::Value) -> Vec<(String, String)> {
    json["katas"][0]["diagnoses"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|d| {
            (
                d["kind"].as_str().unwrap_or_default().to_string(),
                d["id"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

/// Checks every wrong solution of a track's corpus, which must cover at least
/// `katas` katas with `per_kata` files each: every one fails, none is named
/// a mistake it does not have, and at least 80% get a right finding.
fn every_wrong_solution_fails_and_none_is_named_wrong(track: &Track, katas: usize, per_kata: usize) {
    let corpus = corpus(track);
    let mut names: Vec<&str> = corpus.iter().map(|w| w.kata.as_str()).collect();
    names.dedup();
    assert!(names.len() >= katas, "only {} katas in the corpus", names.len());
    for kata in names {
        let n = corpus.iter().filter(|w| w.kata == kata).count();
        assert!(n >= per_kata, "{kata}: only {n} wrong solutions");
    }
    let dir = (track.practice)();
    let mut right = 0;
    let mut lines = Vec::new();
    let mut wrong_names = Vec::new();
    let mut not_caught = Vec::new();
    for w in &corpus {
        (track.write)(dir.path(), &w.kata, &w.source);
        let out = check(dir.path(), &[&w.kata, "--json"]);
        let Ok(json) = serde_json::from_slice::<serde_json::Value>(&out.stdout) else {
            not_caught.push(format!("{}/{}: no JSON: {}", w.kata, w.file, text(&out)));
            continue;
        };
        if out.status.code() != Some(1) || json["katas"][0]["verdict"] != "failed" {
            not_caught.push(format!("{}/{}: exit {:?}", w.kata, w.file, out.status.code()));
            continue;
        }
        let found = findings(&json);
        let hit = found.iter().any(|f| w.expect.contains(f));
        right += usize::from(hit);
        let named_wrong: Vec<&(String, String)> = found
            .iter()
            .filter(|(kind, id)| kind == "mistake" && !w.expect.iter().any(|(k, i)| k == "mistake" && i == id))
            .collect();
        if !named_wrong.is_empty() {
            wrong_names.push(format!("{}/{}: named {named_wrong:?}", w.kata, w.file));
        }
        lines.push(format!(
            "{} {}/{}: {:?}",
            if hit { "✓" } else { "·" },
            w.kata,
            w.file,
            found
        ));
    }
    let rate = right as f64 / corpus.len() as f64;
    eprintln!(
        "diagnosis corpus ({}): {right} of {} right ({:.0}%), {} named wrong\n{}",
        track.folder,
        corpus.len(),
        100.0 * rate,
        wrong_names.len(),
        lines.join("\n")
    );
    assert!(not_caught.is_empty(), "not failed: {not_caught:#?}");
    assert!(wrong_names.is_empty(), "wrong names: {wrong_names:#?}");
    assert!(rate >= 0.8, "only {right} of {} got a right finding", corpus.len());
}

#[test]
fn wrong_solutions_get_a_right_finding_and_never_a_wrong_mistake() {
    // The ten seed katas, at least, with five or more each.
    every_wrong_solution_fails_and_none_is_named_wrong(&RUST, 10, 5);
}

#[test]
fn wrong_python_solutions_get_a_right_finding_and_never_a_wrong_mistake() {
    // Every kata, with two or more each.
    every_wrong_solution_fails_and_none_is_named_wrong(&PYTHON, kata_reference::KATAS.len(), 2);
}

#[test]
fn correct_solutions_in_other_styles_get_no_finding() {
    let dir = practice();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/alt_solutions");
    for kata in kata_reference::KATAS {
        let source = fs::read_to_string(root.join(format!("{}.rs", kata.name))).expect("an alternative exists");
        write_kata(dir.path(), kata.name, &source);
        let out = check(dir.path(), &[kata.name, "--json"]);
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
        assert_eq!(out.status.code(), Some(0), "{}: {}", kata.name, text(&out));
        assert!(findings(&json).is_empty(), "{}: {json}", kata.name);
    }
}
