//! The order a kata's inputs and outputs are shown in: the signature's.
//!
//! Cases hold their arrays by name, sorted alphabetically; a report lists
//! them as the function takes and returns them. Both orders come from the
//! kata's own files, so a new kata needs no code here:
//! - inputs: the parameter names of the stub's `pub fn <part>(…)`;
//! - outputs: the names the kata's harness adapter gives them, in the order
//!   it adds them (`.with("sdpa.output", …).with("sdpa.attn", …)`), which
//!   is the order of the returned tuple, then the arguments updated in place.

use crate::catalog::Kata;
use crate::embedded;

/// A kata's inputs and outputs in the signature's order.
#[derive(Clone, Debug, Default)]
pub struct Signature {
    /// Parameter names, part after part, each once.
    pub params: Vec<String>,
    /// Output names (or their list prefixes, `train.weights`), in order.
    pub outputs: Vec<String>,
}

impl Signature {
    /// The signature of `kata`, read from its shipped stub and adapter (a
    /// kata the binary does not ship has no reference to be checked against:
    /// its names keep the alphabetical order).
    pub fn of(kata: &Kata) -> Signature {
        let parts: Vec<&str> = kata.parts.iter().map(|p| p.name.as_str()).collect();
        Signature {
            params: params(embedded::stub(&kata.name).unwrap_or_default(), &parts),
            outputs: output_names(embedded::adapter(&kata.name).unwrap_or_default(), &parts),
        }
    }

    /// `names` sorted as the function takes them (`w.q.weight` goes with
    /// `w`, `weights.10` after `weights.9`); names the signature does not
    /// know keep their order, after the known ones.
    pub fn order_inputs<'a>(&self, names: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
        sort_by_roots(names, &self.params)
    }

    /// `names` sorted as the function returns them.
    pub fn order_outputs<'a>(&self, names: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
        sort_by_roots(names, &self.outputs)
    }
}

/// Sorts by the position of the longest root in `roots` that `name` is or
/// starts with (followed by a `.`), then by any list index after it.
fn sort_by_roots<'a>(names: impl IntoIterator<Item = &'a str>, roots: &[String]) -> Vec<&'a str> {
    // (position of the root, list indices after it, the rest), name.
    type Keyed<'a> = ((usize, Vec<u64>, String), &'a str);
    let mut keyed: Vec<Keyed<'a>> = names
        .into_iter()
        .map(|name| {
            let found = roots
                .iter()
                .enumerate()
                .filter(|(_, r)| name == r.as_str() || name.starts_with(&format!("{r}.")))
                .max_by_key(|(_, r)| r.len());
            let (position, rest) = match found {
                Some((i, r)) => (i, name[r.len()..].trim_start_matches('.')),
                None => (roots.len(), name),
            };
            // `weights.10` after `weights.9`; fields (`q.weight`) keep their text order.
            let indices = rest.split('.').map_while(|s| s.parse::<u64>().ok()).collect();
            ((position, indices, rest.to_string()), name)
        })
        .collect();
    keyed.sort();
    keyed.into_iter().map(|(_, n)| n).collect()
}

/// The parameter names of each part's `fn` in the stub, in order, each once.
fn params(stub: &str, parts: &[&str]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for part in parts {
        let Some(start) = stub.find(&format!("fn {part}(")) else {
            continue;
        };
        let after = &stub[start + part.len() + 4..];
        let mut depth = 0usize;
        let mut list = String::new();
        for c in after.chars() {
            match c {
                '(' | '<' | '[' => depth += 1,
                ')' if depth == 0 => break,
                ')' | '>' | ']' => depth = depth.saturating_sub(1),
                _ => {}
            }
            // Commas at the top level separate parameters.
            list.push(if c == ',' && depth == 0 { '\u{1f}' } else { c });
        }
        for param in list.split('\u{1f}') {
            let Some((name, _)) = param.split_once(':') else {
                continue;
            };
            let name = name.trim().trim_start_matches("mut ").trim();
            if !name.is_empty() && !names.iter().any(|n| n == name) {
                names.push(name.to_string());
            }
        }
    }
    names
}

/// The output names the adapter gives: its string literals that name a part
/// or start with one and a dot, in the order they appear.
fn output_names(adapter: &str, parts: &[&str]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for (i, literal) in adapter.split('"').enumerate() {
        // Odd pieces are inside quotes (adapters hold no escaped quotes).
        if i % 2 == 0 {
            continue;
        }
        let is_output = parts.iter().any(|p| {
            literal
                .strip_prefix(p)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with('.'))
        });
        if is_output && !names.iter().any(|n| n == literal) {
            names.push(literal.to_string());
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameters_come_in_the_stubs_order() {
        let stub = "pub fn train(\n    weights: &mut [Array2<f64>],\n    biases: &mut [Array1<f64>],\n    x: ArrayView2<f64>,\n    y: ArrayView2<f64>,\n) -> Vec<f64> {\n    todo!()\n}\n\
                    pub fn forward(weights: &[Array2<f64>], biases: &[Array1<f64>], x: ArrayView2<f64>, f: HashMap<usize, (f64, f64)>) -> Array2<f64> {}";
        assert_eq!(
            params(stub, &["forward", "train"]),
            ["weights", "biases", "x", "f", "y"]
        );
    }

    #[test]
    fn inputs_are_ordered_by_parameter_then_index() {
        let sig = Signature {
            params: ["weights", "x", "w", "eps"].map(String::from).to_vec(),
            outputs: Vec::new(),
        };
        let names = ["eps", "w.q.weight", "weights.10", "weights.9", "x", "zeta", "w.k.bias"];
        assert_eq!(
            sig.order_inputs(names),
            ["weights.9", "weights.10", "x", "w.k.bias", "w.q.weight", "eps", "zeta"]
        );
    }

    #[test]
    fn outputs_come_in_the_adapters_order() {
        let adapter = r#"match part { "sgd" => Ok(Outputs::new().with("sgd.w", w).with("sgd.losses", l)), "mse" => Ok(Outputs::new().with("mse", m)), _ => Err(unknown_part(part)) } c.f64("x")"#;
        let names = output_names(adapter, &["mse", "sgd"]);
        assert_eq!(names, ["sgd", "sgd.w", "sgd.losses", "mse"]);
        let sig = Signature {
            params: Vec::new(),
            outputs: names,
        };
        assert_eq!(
            sig.order_outputs(["mse", "sgd.losses", "sgd.w"]),
            ["sgd.w", "sgd.losses", "mse"]
        );
    }
}
