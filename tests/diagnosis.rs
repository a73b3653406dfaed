//! Every catalogued mistake, written into a practice folder as a user would
//! write it, fails `kata check` and is named in the report.

use crate::common;

use crate::common::{check, practice, text, write_kata};

#[test]
fn every_mutant_is_caught_and_named() {
    let dir = practice();
    let mut problems = Vec::new();
    for kata in kata_reference::KATAS {
        for mutant in kata.mutants {
            write_kata(dir.path(), kata.name, mutant.source);
            let out = check(dir.path(), &[kata.name, "--json"]);
            let json: serde_json::Value = match serde_json::from_slice(&out.stdout) {
                Ok(j) => j,
                Err(_) => {
                    problems.push(format!(
                        "{}::{}: no JSON ({})",
                        kata.name,
                        mutant.id,
                        common::text(&out)
                    ));
                    continue;
                }
            };
            let named: Vec<&str> = json["katas"][0]["looks_like"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|d| d["id"].as_str())
                .collect();
            if out.status.code() != Some(1) || json["status"] != "fail" {
                problems.push(format!("{}::{}: not failed", kata.name, mutant.id));
            } else if !named.contains(&mutant.id) {
                problems.push(format!("{}::{}: diagnosed as {named:?}", kata.name, mutant.id));
            }
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn a_wrong_backward_pass_is_located_by_the_gradient_check() {
    let dir = practice();
    let mlp = kata_reference::find("mlp_backprop").expect("the kata exists");
    let mutant = mlp
        .mutants
        .iter()
        .find(|m| m.id == "sigmoid_derivative_of_z")
        .expect("the mutant exists");
    write_kata(dir.path(), "mlp_backprop", mutant.source);
    let out = check(dir.path(), &["mlp_backprop", "--json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    let verdict = json["katas"][0]["gradient_check"].as_str().unwrap_or_default();
    assert!(verdict.contains("the backward pass is wrong"), "{json}");
    assert!(
        !verdict.contains("forward pass fails too"),
        "the forward pass is right here: {verdict}"
    );

    // A correct solution gets no gradient check at all.
    write_kata(dir.path(), "mlp_backprop", mlp.solution_source);
    let out = check(dir.path(), &["mlp_backprop", "--json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert!(json["katas"][0]["gradient_check"].is_null(), "{json}");
}

/// `cross_entropy` returns the loss and dlogits from one part: the check
/// differences the user's own loss output and says which of the two is wrong.
#[test]
fn the_gradient_check_tells_a_wrong_dlogits_from_a_wrong_loss() {
    let dir = practice();
    let kata = kata_reference::find("softmax_cross_entropy").expect("the kata exists");
    let mutant = |id: &str| {
        kata.mutants
            .iter()
            .find(|m| m.id == id)
            .expect("the mutant exists")
            .source
    };
    let verdict = |source: &str, lang: &str| {
        write_kata(dir.path(), "softmax_cross_entropy", source);
        let out = check(dir.path(), &["softmax_cross_entropy", "--json", "--lang", lang]);
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
        json["katas"][0]["gradient_check"]
            .as_str()
            .unwrap_or_default()
            .to_string()
    };

    // The loss is right and dlogits is not divided by the count.
    let v = verdict(mutant("gradient_not_divided"), "en");
    assert!(
        v.contains("`dlogits` disagrees") && v.contains("the backward pass is wrong"),
        "{v}"
    );
    assert!(!v.contains("fails too"), "the loss is right here: {v}");

    // Smoothing spread over C − 1 classes in both: dlogits follows the loss.
    let v = verdict(mutant("smoothing_other_classes"), "en");
    assert!(
        v.contains("`dlogits` agrees") && v.contains("the bug is in `loss`"),
        "{v}"
    );

    let human = {
        write_kata(dir.path(), "softmax_cross_entropy", mutant("gradient_not_divided"));
        text(&check(dir.path(), &["softmax_cross_entropy", "--lang", "zh"]))
    };
    assert!(
        human.contains("梯度检查") && human.contains("反向传播写错了"),
        "{human}"
    );

    // Only the loss wrong (the smoothing term summed over the classes, not
    // averaged) and dlogits right on every case: differencing that loss
    // would call the right dlogits wrong, so there is no gradient check.
    let v = verdict(
        include_str!("wrong_solutions/softmax_cross_entropy/smoothing_sum_over_classes.rs"),
        "en",
    );
    assert!(v.is_empty(), "dlogits is right here: {v}");

    assert!(verdict(kata.solution_source, "en").is_empty());
}
