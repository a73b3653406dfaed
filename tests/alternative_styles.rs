//! A correct solution written in a different style from the reference
//! (index loops instead of vectorised ops, Welford instead of two passes,
//! direct convolution instead of im2col, …) passes every kata.
//!
//! The solutions live in `tests/alt_solutions/` and are only ever compiled by
//! `kata check`, as a user's file would be.

use crate::common::{check, practice, text, write_kata};

/// Every seed kata with its alternative solution.
const ALTERNATIVES: [(&str, &str); 10] = [
    ("batch_norm", include_str!("alt_solutions/batch_norm.rs")),
    ("beam_search", include_str!("alt_solutions/beam_search.rs")),
    ("conv2d", include_str!("alt_solutions/conv2d.rs")),
    ("kmeans", include_str!("alt_solutions/kmeans.rs")),
    ("layer_norm", include_str!("alt_solutions/layer_norm.rs")),
    (
        "linear_regression_sgd",
        include_str!("alt_solutions/linear_regression_sgd.rs"),
    ),
    ("mlp_backprop", include_str!("alt_solutions/mlp_backprop.rs")),
    (
        "multi_head_attention",
        include_str!("alt_solutions/multi_head_attention.rs"),
    ),
    (
        "scaled_dot_product_attention",
        include_str!("alt_solutions/scaled_dot_product_attention.rs"),
    ),
    ("self_attention", include_str!("alt_solutions/self_attention.rs")),
];

#[test]
fn a_correct_solution_in_another_style_passes_every_kata() {
    let dir = practice();
    let mut failures = Vec::new();
    for (name, source) in ALTERNATIVES {
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

#[test]
fn every_seed_kata_has_an_alternative() {
    let mut covered: Vec<&str> = ALTERNATIVES.iter().map(|(name, _)| *name).collect();
    let mut katas: Vec<&str> = kata_reference::KATAS.iter().map(|k| k.name).collect();
    covered.sort_unstable();
    katas.sort_unstable();
    assert_eq!(covered, katas);
}
