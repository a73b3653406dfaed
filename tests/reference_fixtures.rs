//! The oracles agree and the catalog is whole: every reference reproduces its
//! NumPy/PyTorch fixtures, every mutant is caught, every description is
//! complete, and the fixtures are the ones the MANIFEST records.

use std::panic::{self, AssertUnwindSafe};
// Mutants may panic on a case (that counts as caught); their messages are noise.
use std::path::Path;

use kata::catalog::{Kata, Practice};
use kata::check::{self, CheckOptions};
use kata::judge::{self, Tolerance};

fn repo() -> Practice {
    Practice {
        root: Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf(),
        track: Default::default(),
    }
}

fn options() -> CheckOptions {
    CheckOptions {
        seed: None,
        random_cases: check::DEFAULT_RANDOM_CASES,
        only_case: None,
        color: false,
        quiet: true,
    }
}

fn descriptions() -> Vec<(Kata, &'static kata_reference::Kata)> {
    let practice = repo();
    kata_reference::KATAS
        .iter()
        .map(|r| (practice.load(r.name).unwrap_or_else(|e| panic!("{e}")), *r))
        .collect()
}

fn tolerance(kata: &Kata, part: &str) -> Tolerance {
    let p = kata.parts.iter().find(|p| p.name == part).expect("a described part");
    Tolerance {
        rtol: p.rtol,
        atol: p.atol,
    }
}

#[test]
fn every_reference_reproduces_every_fixture() {
    let practice = repo();
    let opts = CheckOptions {
        random_cases: 0,
        ..options()
    };
    for (kata, reference) in descriptions() {
        let cases = check::gather_cases(&practice, &kata, &opts).unwrap_or_else(|e| panic!("{e}"));
        assert!(
            cases.iter().any(|c| c.name == "example"),
            "{}: no example case",
            kata.name
        );
        for case in &cases {
            for part in &kata.parts {
                let got = reference
                    .reference
                    .run(&part.name, &case.inputs)
                    .expect("the fixture fits");
                let failures = judge::compare_all(&got, &case.expected[&part.name], tolerance(&kata, &part.name));
                assert!(
                    failures.is_empty(),
                    "{} {} {}: {failures:?}",
                    kata.name,
                    case.name,
                    part.name
                );
            }
        }
    }
}

#[test]
fn every_mutant_fails_at_least_one_case() {
    let practice = repo();
    let mut escaped = Vec::new();
    for (kata, reference) in descriptions() {
        let cases = check::gather_cases(&practice, &kata, &options()).unwrap_or_else(|e| panic!("{e}"));
        for mutant in reference.mutants {
            let caught = cases.iter().any(|case| {
                kata.parts.iter().any(|part| {
                    match panic::catch_unwind(AssertUnwindSafe(|| mutant.solution.run(&part.name, &case.inputs))) {
                        Ok(Ok(got)) => !judge::matches(&got, &case.expected[&part.name], tolerance(&kata, &part.name)),
                        _ => true,
                    }
                })
            });
            if !caught {
                escaped.push(format!("{}::{}", kata.name, mutant.id));
            }
        }
    }
    assert!(escaped.is_empty(), "mutants no case catches: {escaped:?}");
}

#[test]
fn every_description_is_complete_and_matches_its_reference() {
    // The editor package lists every kata file, so rust-analyzer sees it.
    let lib = kata::embedded::practice_file("katas/lib.rs").expect("katas/lib.rs is shipped");
    let lib = String::from_utf8_lossy(lib);
    for (kata, reference) in descriptions() {
        assert!(
            lib.lines().any(|l| l == format!("pub mod {};", kata.name)),
            "katas/lib.rs does not declare `pub mod {};`",
            kata.name
        );
        let name = &kata.name;
        for (what, text) in [
            ("title_zh", &kata.title_zh),
            ("statement", &kata.statement),
            ("statement_zh", &kata.statement_zh),
            ("example", &kata.example),
            ("example_zh", &kata.example_zh),
        ] {
            assert!(!text.trim().is_empty(), "{name}: empty {what}");
        }
        assert!(kata.hints.len() >= 2, "{name}: fewer than two hints");
        assert!((10..=30).contains(&kata.minutes), "{name}: minutes out of 10..=30");
        for line in kata.statement.lines().chain(kata.statement_zh.lines()) {
            assert!(line.chars().count() <= 78, "{name}: statement line too long: {line}");
        }
        let parts: Vec<&str> = kata.parts.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(
            parts,
            reference.reference.parts(),
            "{name}: parts differ from the adapter's"
        );
        let mut mutants: Vec<&str> = reference.mutants.iter().map(|m| m.id).collect();
        // A mistake named from a pattern in the numbers needs no mutant.
        let mut described: Vec<&str> = kata
            .mistakes
            .iter()
            .filter(|m| m.pattern.is_none() || mutants.contains(&m.id.as_str()))
            .map(|m| m.id.as_str())
            .collect();
        described.sort();
        mutants.sort();
        assert_eq!(described, mutants, "{name}: [[mistakes]] and mutants.toml differ");
        assert!(!mutants.is_empty(), "{name}: no mistake catalog");
        let stub = kata::embedded::stub(name).unwrap_or_else(|| panic!("{name}: no stub"));
        assert!(stub.contains("todo!()"), "{name}: the stub is not a stub");
    }
}

#[test]
fn random_cases_are_reproducible_from_their_seed() {
    for reference in kata_reference::KATAS {
        for index in [0, 5, 17] {
            let a = check::random_inputs(reference, 42, index);
            let b = check::random_inputs(reference, 42, index);
            assert_eq!(a, b, "{} case {index}", reference.name);
        }
        assert_ne!(
            check::random_inputs(reference, 1, 9),
            check::random_inputs(reference, 2, 9),
            "{}: the seed changes nothing",
            reference.name
        );
    }
}

#[test]
fn fixtures_match_the_manifest() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let manifest = std::fs::read_to_string(root.join("MANIFEST")).expect("fixtures/MANIFEST");
    let mut listed = 0;
    for line in manifest.lines().filter(|l| !l.trim().is_empty()) {
        let (hash, path) = line.split_once("  ").expect("`<sha256>  <path>` lines");
        let bytes = std::fs::read(root.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
        assert_eq!(
            kata::hash::sha256_hex(&bytes),
            hash,
            "{path} changed without regenerating MANIFEST"
        );
        listed += 1;
    }
    let on_disk = std::fs::read_dir(&root)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .flat_map(|d| std::fs::read_dir(d.path()).unwrap().filter_map(|e| e.ok()))
        .filter(|e| e.path().extension().is_some_and(|x| x == "npz"))
        .count();
    assert_eq!(listed, on_disk, "a fixture is missing from MANIFEST");
}

#[test]
fn every_reference_runs_on_many_random_cases() {
    // Far more cases than a check draws, over several seeds: a reference that
    // panics on some shape would turn a user's check into a setup error.
    for reference in kata_reference::KATAS {
        for seed in 0..6 {
            for index in 0..60 {
                let inputs = check::random_inputs(reference, seed, index);
                for part in reference.reference.parts() {
                    let ran = check::run_quietly(|| reference.reference.run(part, &inputs));
                    assert!(
                        matches!(ran, Some(Ok(_))),
                        "{}::{part} fails on seed {seed} case {index}",
                        reference.name
                    );
                }
            }
        }
    }
}
