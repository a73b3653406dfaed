//! Every catalogued mistake, written into a practice folder as a user would
//! write it, fails `kata check` and is named in the report.

mod common;

use common::{check, practice, write_kata};

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
