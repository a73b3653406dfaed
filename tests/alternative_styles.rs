//! A correct solution written in a different style from the reference
//! (index loops instead of vectorised ops, Welford instead of two passes,
//! direct convolution instead of im2col, …) passes every kata.
//!
//! The solutions live in `tests/alt_solutions/` and are only ever compiled by
//! `kata check`, as a user's file would be.

use crate::common::{check, practice, text, write_kata};

/// Every seed kata with its alternative solution.
const ALTERNATIVES: &[(&str, &str)] = &[
    ("adamw", include_str!("alt_solutions/adamw.rs")),
    ("batch_norm", include_str!("alt_solutions/batch_norm.rs")),
    ("beam_search", include_str!("alt_solutions/beam_search.rs")),
    ("bpe", include_str!("alt_solutions/bpe.rs")),
    ("conv2d", include_str!("alt_solutions/conv2d.rs")),
    ("kmeans", include_str!("alt_solutions/kmeans.rs")),
    (
        "kv_cache_attention",
        include_str!("alt_solutions/kv_cache_attention.rs"),
    ),
    ("layer_norm", include_str!("alt_solutions/layer_norm.rs")),
    (
        "layer_norm_backward",
        include_str!("alt_solutions/layer_norm_backward.rs"),
    ),
    (
        "linear_regression_sgd",
        include_str!("alt_solutions/linear_regression_sgd.rs"),
    ),
    ("mlp_backprop", include_str!("alt_solutions/mlp_backprop.rs")),
    ("moe_router", include_str!("alt_solutions/moe_router.rs")),
    (
        "multi_head_attention",
        include_str!("alt_solutions/multi_head_attention.rs"),
    ),
    ("rms_norm", include_str!("alt_solutions/rms_norm.rs")),
    ("rope", include_str!("alt_solutions/rope.rs")),
    ("sampling", include_str!("alt_solutions/sampling.rs")),
    (
        "scaled_dot_product_attention",
        include_str!("alt_solutions/scaled_dot_product_attention.rs"),
    ),
    ("self_attention", include_str!("alt_solutions/self_attention.rs")),
    ("nms", include_str!("alt_solutions/nms.rs")),
    (
        "softmax_cross_entropy",
        include_str!("alt_solutions/softmax_cross_entropy.rs"),
    ),
];

#[test]
fn a_correct_solution_in_another_style_passes_every_kata() {
    let dir = practice();
    let mut failures = Vec::new();
    for &(name, source) in ALTERNATIVES {
        write_kata(dir.path(), name, source);
        // The default cases, then more random cases of other seeds: a verdict
        // must not depend on the style in which correct code is written.
        for args in [
            &[name][..],
            &[name, "--seed", "3", "--random", "200"],
            &[name, "--seed", "4", "--random", "200"],
        ] {
            let out = check(dir.path(), args);
            if out.status.code() != Some(0) {
                failures.push(format!("{args:?}: exit {:?}\n{}", out.status.code(), text(&out)));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} alternative solutions failed:\n\n{}",
        failures.len(),
        ALTERNATIVES.len(),
        failures.join("\n\n")
    );
}

/// Correct solutions in the forms a Rust candidate writes
/// (`tests/alt_solutions/forms/<kata>.<form>.rs`, the form said in each
/// file's first line): iterator chains, std collections, helper functions
/// and consts, println! output, and results in a non-standard layout
/// (Fortran order, transposed, permuted axes), which must pass as well.
#[test]
fn correct_solutions_in_many_forms_pass() {
    let dir = practice();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/alt_solutions/forms");
    let mut forms: Vec<_> = std::fs::read_dir(&root)
        .expect("the forms folder exists")
        .map(|e| e.expect("readable").path())
        .filter(|p| p.extension().is_some_and(|x| x == "rs"))
        .collect();
    forms.sort();
    assert!(forms.len() >= 10, "{} forms", forms.len());
    let mut failures = Vec::new();
    for path in &forms {
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        let name = stem.split('.').next().unwrap_or_default();
        write_kata(dir.path(), name, &std::fs::read_to_string(path).expect("UTF-8"));
        let out = check(dir.path(), &[name]);
        if out.status.code() != Some(0) {
            failures.push(format!("{stem}: exit {:?}\n{}", out.status.code(), text(&out)));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn every_seed_kata_has_an_alternative() {
    let mut covered: Vec<&str> = ALTERNATIVES.iter().map(|(name, _)| *name).collect();
    let mut katas: Vec<&str> = kata_reference::KATAS.iter().map(|k| k.name).collect();
    covered.sort_unstable();
    katas.sort_unstable();
    assert_eq!(covered, katas);
}
