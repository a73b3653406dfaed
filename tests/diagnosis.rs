//! Every catalogued mistake, written into a practice folder as a user would
//! write it, fails `kata check` and is named in the report.

use crate::common;

use crate::common::{check, practice, write_kata};

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
