//! The Python track end to end, through the binary: a folder made by
//! `kata init --track python`, its stubs, correct solutions in two styles,
//! wrong ones with their mistakes named, exceptions, timeouts, crashes, the
//! in-place rule, integer dtypes and a missing NumPy.
//!
//! Every kata with a Python reference (`reference/python/<kata>.py`) is
//! covered; alternative solutions are `tests/alt_solutions_py/<kata>.py`.

use std::fs;
use std::path::{Path, PathBuf};

use crate::common::{check, edit, kata, python_practice, text, write_py};

fn repo(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// `(kata, source)` of every `.py` file in a folder of the repository.
fn sources(rel: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = fs::read_dir(repo(rel))
        .expect("the folder exists")
        .map(|e| e.expect("readable").path())
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .map(|p| {
            let name = p.file_stem().unwrap().to_string_lossy().into_owned();
            (name, fs::read_to_string(&p).expect("UTF-8"))
        })
        .collect();
    out.sort();
    out
}

/// stdout and stderr with every run of whitespace as one space, so that
/// wrapped lines compare as one.
fn flat(out: &std::process::Output) -> String {
    text(out).split_whitespace().collect::<Vec<_>>().join(" ")
}

fn reference(name: &str) -> String {
    fs::read_to_string(repo(&format!("reference/python/{name}.py"))).expect("a Python reference")
}

#[test]
fn a_python_folder_remembers_its_track_and_its_stubs_are_not_implemented() {
    let dir = python_practice();
    let root = dir.path();
    assert!(root.join("kata.toml").is_file());
    assert!(root.join("katas/prelude.py").is_file());
    assert!(root.join("katas/layer_norm.py").is_file());
    assert!(
        !root.join("katas/layer_norm.rs").exists(),
        "a Python folder gets no Rust stubs"
    );
    let out = check(root, &["--all"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let shown = flat(&out);
    for (name, _) in sources("reference/python") {
        assert!(
            shown.contains(&format!(
                "{name}: not implemented yet: replace the raise NotImplementedError in katas/{name}.py"
            )),
            "{name}: {shown}"
        );
    }
    // The history says which track a check was in.
    let history = fs::read_to_string(root.join(".kata/history.jsonl")).unwrap();
    assert!(history.lines().all(|l| l.contains("\"track\":\"python\"")), "{history}");
    // The solution shown is the Python reference.
    let out = kata(root).args(["solution", "layer_norm", "--force"]).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), reference("layer_norm"));
    // `--track rust` overrides the folder's track: there is no Rust file here.
    let out = check(root, &["layer_norm", "--track", "rust"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(text(&out).contains("katas/layer_norm.rs"), "{}", text(&out));
}

#[test]
fn correct_solutions_in_two_styles_pass_every_kata() {
    let dir = python_practice();
    let mut failures = Vec::new();
    let alternatives = sources("tests/alt_solutions_py");
    for (name, _) in sources("reference/python") {
        let mut styles = vec![("reference", reference(&name))];
        match alternatives.iter().find(|(n, _)| *n == name) {
            Some((_, alt)) => styles.push(("alternative", alt.clone())),
            None => failures.push(format!("{name}: no tests/alt_solutions_py/{name}.py")),
        }
        for (style, source) in styles {
            write_py(dir.path(), &name, &source);
            for args in [&[name.as_str()][..], &[name.as_str(), "--seed", "5", "--random", "60"]] {
                let mut out = check(dir.path(), args);
                // A timeout is the machine's load, never cached: once more.
                if text(&out).contains("timed out") {
                    out = check(dir.path(), args);
                }
                if out.status.code() != Some(0) {
                    failures.push(format!("{name} ({style}) {args:?}:\n{}", text(&out)));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// One wrong edit of each seed kata's Python reference, and the words of
/// the mistake the check must name.
const WRONG: [(&str, &str, &str, &str); 10] = [
    (
        "batch_norm",
        "momentum * var * count / (count - 1)",
        "momentum * var",
        "updated with the biased variance",
    ),
    (
        "beam_search",
        "np.concatenate([seqs[parent], token[:, None]], axis=1)",
        "np.concatenate([seqs, token[:, None]], axis=1)",
        "the token history was not reordered",
    ),
    (
        "conv2d",
        "np.einsum(\"ockl,nckluv->nouv\", weight, cols)",
        "np.einsum(\"ockl,nckluv->nouv\", weight[:, :, ::-1, ::-1], cols)",
        "a flipped kernel",
    ),
    (
        "kmeans",
        "for _ in range(max_iter):",
        "for _ in range(max_iter + 1):",
        "one iteration more than max_iter",
    ),
    (
        "layer_norm",
        "var = ((x - mean) ** 2).mean(axis=axes, keepdims=True)",
        "var = ((x - mean) ** 2).sum(axis=axes, keepdims=True) / (np.prod(normalized_shape) - 1)",
        "the unbiased variance",
    ),
    (
        "linear_regression_sgd",
        "return x.T @ (x @ w - y) / len(y)",
        "return x.T @ (x @ w - y)",
        "the gradient not divided by the number of rows",
    ),
    (
        "mlp_backprop",
        "s = sigmoid(pre[l - 1])",
        "s = pre[l - 1]",
        "the sigmoid's derivative taken as z(1 − z)",
    ),
    (
        "multi_head_attention",
        "/ np.sqrt(qh.shape[-1])",
        "/ np.sqrt(qh.shape[-1] * n_head)",
        "scaled by the root of the model width",
    ),
    (
        "scaled_dot_product_attention",
        " / np.sqrt(q.shape[-1])",
        "",
        "the scores were not scaled",
    ),
    (
        "self_attention",
        "np.triu(np.ones((n, n), dtype=bool), k=1)",
        "np.triu(np.ones((n, n), dtype=bool), k=0)",
        "also hides the diagonal",
    ),
];

#[test]
fn a_wrong_solution_fails_every_kata_with_its_mistake_named() {
    let dir = python_practice();
    let mut failures = Vec::new();
    for (name, from, to, mistake) in WRONG {
        write_py(dir.path(), name, &edit(&reference(name), from, to));
        let out = check(dir.path(), &[name]);
        let shown = flat(&out);
        if out.status.code() != Some(1) || !shown.contains("This looks like") || !shown.contains(mistake) {
            failures.push(format!(
                "{name}: exit {:?}, wanted {mistake:?}:\n{shown}",
                out.status.code()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn an_exception_points_at_the_users_line() {
    let dir = python_practice();
    let source = edit(
        &reference("layer_norm"),
        "    y = (x - mean) / np.sqrt(var + eps)\n",
        "    y = (x - mean) / np.sqrt(var + eps)\n    y = y + np.ones(7)\n",
    );
    let line = source.lines().position(|l| l.contains("np.ones(7)")).unwrap() + 1;
    write_py(dir.path(), "layer_norm", &source);
    let out = check(dir.path(), &["layer_norm"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let shown = flat(&out);
    assert!(
        shown.contains(&format!(
            "raised ValueError at katas/layer_norm.py:{line} (`y = y + np.ones(7)`): operands could not be broadcast"
        )),
        "{shown}"
    );
    assert!(!shown.contains("harness"), "no harness frames: {shown}");
}

/// A NumPy error is explained under the part, in both languages, with the
/// sizes its message names and the user's line.
#[test]
fn a_numpy_error_is_explained_in_both_languages() {
    let dir = python_practice();
    // The statistics without keepdims: (2,) against (2,3).
    let source = reference("layer_norm").replace(", keepdims=True", "");
    let line = source.lines().position(|l| l.contains("var = ")).unwrap() + 1;
    write_py(dir.path(), "layer_norm", &source);
    let out = check(dir.path(), &["layer_norm"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let shown = flat(&out);
    assert!(
        shown.contains("About this exception: a broadcast failed")
            && shown.contains("size 3 (axis 1 of (2,3)) against 2 (axis 0 of (2,))")
            && shown.contains("keepdims=True")
            && shown.contains(&format!("(case example, at katas/layer_norm.py:{line})")),
        "{shown}"
    );
    let out = check(dir.path(), &["layer_norm", "--lang", "zh"]);
    let shown = flat(&out);
    assert!(
        shown.contains("关于这个异常：广播失败")
            && shown.contains(&format!("（用例 example，位置 katas/layer_norm.py:{line}）")),
        "{shown}"
    );
    let out = check(dir.path(), &["layer_norm", "--json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let kinds: Vec<(String, String)> = json["katas"][0]["diagnoses"]
        .as_array()
        .expect("diagnoses")
        .iter()
        .map(|d| (d["kind"].as_str().unwrap().into(), d["id"].as_str().unwrap().into()))
        .collect();
    assert!(kinds.contains(&("exception".into(), "broadcast".into())), "{kinds:?}");
}

/// A failing part lists its own arguments only, in its own order: the parts
/// of a kata share their cases, and `moe_forward(x, router, experts, k)`
/// takes neither `route`'s router_logits nor k first.
#[test]
fn a_part_lists_only_its_own_inputs_in_its_order() {
    let dir = python_practice();
    let source = edit(&reference("moe_router"), "    return out\n", "    return out + 1\n");
    write_py(dir.path(), "moe_router", &source);
    let out = check(dir.path(), &["moe_router"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let shown = flat(&out);
    let inputs = &shown[shown.find("inputs: ").expect("an inputs line")..];
    let inputs = &inputs[..inputs.find("`moe_forward`").unwrap_or(inputs.len())];
    assert!(inputs.starts_with("inputs: x ("), "{inputs}");
    assert!(!inputs.contains("router_logits"), "{inputs}");
    let at = |name: &str| inputs.find(name).unwrap_or(usize::MAX);
    assert!(
        at("router.weight") < at("experts.0") && at("experts.0") < at("k = "),
        "{inputs}"
    );
}

/// A single number that is not finite (a loss) is said so, without an
/// empty index (`non-finite at []`).
#[test]
fn a_scalar_that_is_not_finite_is_said_plainly() {
    let dir = python_practice();
    let source = edit(
        &reference("softmax_cross_entropy"),
        "    z = logits - logits.max(axis=-1, keepdims=True)\n",
        "    z = logits\n",
    );
    write_py(dir.path(), "softmax_cross_entropy", &source);
    let out = check(dir.path(), &["softmax_cross_entropy"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let shown = flat(&out);
    assert!(
        shown.contains("`loss` mismatched 1 of 1 element (100.0%), not finite"),
        "{shown}"
    );
    assert!(!shown.contains("at []"), "{shown}");
    let shown = flat(&check(dir.path(), &["softmax_cross_entropy", "--lang", "zh"])).replace(' ', "");
    assert!(
        shown.contains("`loss`1个元素中1个不符（100.0%），不是有限数"),
        "{shown}"
    );
}

/// An integer array where floats are expected is read as its numbers, and
/// fails; the report says its values are whole numbers.
#[test]
fn an_integer_array_where_floats_are_expected_is_named() {
    let dir = python_practice();
    let source = edit(&reference("layer_norm"), "    return y\n", "    return y.astype(int)\n");
    write_py(dir.path(), "layer_norm", &source);
    let out = check(dir.path(), &["layer_norm"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let shown = flat(&out);
    assert!(
        shown
            .contains("In the numbers: `layer_norm` holds only whole numbers where the expected values have fractions"),
        "{shown}"
    );
}

/// The harness compiles the file before any case: a syntax error is the
/// track's "does not compile", shown as Python shows it and logged as such.
#[test]
fn a_syntax_error_does_not_compile() {
    let dir = python_practice();
    let source = edit(&reference("layer_norm"), "    y = (x - mean)", "    y = ((x - mean)");
    let line = source.lines().position(|l| l.contains("y = ((x - mean)")).unwrap() + 1;
    write_py(dir.path(), "layer_norm", &source);
    let out = check(dir.path(), &["layer_norm"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let shown = flat(&out);
    assert!(shown.contains("✗ layer_norm: does not compile"), "{shown}");
    assert!(
        shown.contains(&format!("File \"katas/layer_norm.py\", line {line}")),
        "{shown}"
    );
    assert!(shown.contains("SyntaxError") && !shown.contains("harness"), "{shown}");
    let history = crate::practice_modes::history(dir.path());
    assert_eq!(
        history.last().map(|h| h["status"].clone()),
        Some("compile_error".into()),
        "{history:?}"
    );
}

#[test]
fn what_the_code_prints_stays_under_its_case_and_crashes_are_named() {
    let dir = python_practice();
    let source = edit(
        &reference("layer_norm"),
        "    return y\n",
        "    print('hello from layer_norm')\n    if x.ndim == 4:\n        import os\n        os._exit(3)\n    return y\n",
    );
    write_py(dir.path(), "layer_norm", &source);
    let out = check(dir.path(), &["layer_norm"]);
    let shown = flat(&out);
    assert_eq!(out.status.code(), Some(1), "{shown}");
    assert!(shown.contains("hello from layer_norm"), "{shown}");
    assert!(
        shown.contains("the program exited (code 3) before returning (sys.exit or os._exit?)"),
        "{shown}"
    );
    // The other cases still ran and passed: only rank 4 crashed.
    assert!(shown.contains("rank4"), "{shown}");
    let zh = flat(&check(dir.path(), &["layer_norm", "--lang", "zh"]));
    assert!(
        zh.contains("程序在返回之前就退出了（退出码 3；调用了 sys.exit 或 os._exit？）"),
        "{zh}"
    );
}

#[test]
fn an_endless_loop_times_out() {
    let dir = python_practice();
    write_py(
        dir.path(),
        "layer_norm",
        "def layer_norm(x, normalized_shape, weight=None, bias=None, eps=1e-5):\n    while True:\n        pass\n",
    );
    let description = dir.path().join("katas/layer_norm.toml");
    let toml = fs::read_to_string(&description).unwrap();
    fs::write(&description, format!("time_limit_secs = 2\n{toml}")).unwrap();
    let out = check(dir.path(), &["layer_norm"]);
    let shown = flat(&out);
    assert_eq!(out.status.code(), Some(1), "{shown}");
    assert!(shown.contains("timed out: still running after 2 s"), "{shown}");
}

#[test]
fn rebinding_instead_of_an_in_place_update_fails_and_is_named() {
    let dir = python_practice();
    let source = edit(
        &reference("batch_norm"),
        "running_mean[:] = (1 - momentum)",
        "running_mean = (1 - momentum)",
    );
    write_py(dir.path(), "batch_norm", &source);
    let out = check(dir.path(), &["batch_norm"]);
    let shown = flat(&out);
    assert_eq!(out.status.code(), Some(1), "{shown}");
    assert!(
        shown.contains("`running_mean` did not change: assign in place, running_mean[:] = …"),
        "{shown}"
    );
    // A list argument: rebinding the list is lost too.
    let source = edit(
        &reference("mlp_backprop"),
        "    losses = []\n",
        "    losses = []\n    weights = [w.copy() for w in weights]\n",
    );
    write_py(dir.path(), "mlp_backprop", &source);
    let shown = flat(&check(dir.path(), &["mlp_backprop"]));
    assert!(shown.contains("`weights` did not change"), "{shown}");

    // Updated in place but wrongly: (1 − β)^t for 1 − β^t divides the step
    // by an infinity on a late step, so `p` comes back unchanged there and
    // changed elsewhere. That is no rebinding.
    let source = edit(
        &edit(&reference("adamw"), "m / (1 - beta1 ** t)", "m / (1 - beta1) ** t"),
        "v / (1 - beta2 ** t)",
        "v / (1 - beta2) ** t",
    );
    write_py(dir.path(), "adamw", &source);
    let out = check(dir.path(), &["adamw"]);
    let shown = flat(&out);
    assert_eq!(out.status.code(), Some(1), "{shown}");
    assert!(!shown.contains("did not change"), "{shown}");
}

#[test]
fn float_token_ids_fail_with_a_clear_message() {
    let dir = python_practice();
    let source = edit(
        &reference("beam_search"),
        "tokens = np.zeros((batch, beam_size, seqlen), dtype=np.int64)",
        "tokens = np.zeros((batch, beam_size, seqlen))",
    );
    write_py(dir.path(), "beam_search", &source);
    let out = check(dir.path(), &["beam_search"]);
    let shown = flat(&out);
    assert_eq!(out.status.code(), Some(1), "{shown}");
    assert!(shown.contains("type float64, expected int64"), "{shown}");
    // Named once: by the catalog's mistake and the diagnosis's pattern here.
    assert!(shown.contains("token ids returned as floats"), "{shown}");
    assert!(shown.contains("holds the right numbers as floats"), "{shown}");
}

/// Forms of a right answer that NumPy users write and the signature does
/// not forbid: a scalar as a one-element array (`r.T @ r` on a column,
/// `keepdims=True`), lists and tuples for arrays, narrower integer dtypes,
/// in-place updates through `np.copyto` and `out=`, the in-place argument
/// returned as well. More, one file a form, in `tests/alt_solutions_py/forms/`.
#[test]
fn a_right_answer_in_another_form_passes() {
    let dir = python_practice();
    let mut failures = Vec::new();
    let mut run = |name: &str, source: String, what: &str| {
        write_py(dir.path(), name, &source);
        let out = check(dir.path(), &[name]);
        if out.status.code() != Some(0) {
            failures.push(format!("{name} ({what}):\n{}", text(&out)));
        }
    };
    run(
        "linear_regression_sgd",
        edit(
            &reference("linear_regression_sgd"),
            "    return 0.5 * residual @ residual / len(y)",
            "    r = residual.reshape(-1, 1)\n    return r.T @ r / (2 * len(y))",
        )
        .replace("mse(xb, yb, w) * len(yb)", "mse(xb, yb, w).item() * len(yb)"),
        "mse as a (1, 1) array",
    );
    run(
        "softmax_cross_entropy",
        edit(
            &reference("softmax_cross_entropy"),
            "return float(loss), dlogits",
            "return np.array([loss]), dlogits.tolist()",
        ),
        "the loss as a (1,) array, dlogits as nested lists",
    );
    run(
        "moe_router",
        edit(&reference("moe_router"), "def route(", "def _route(").replace("= route(", "= _route(")
            + "\n\ndef route(router_logits, k):\n    weights, experts, aux_loss = _route(router_logits, k)\n    \
               return weights.tolist(), experts.astype(np.uint8), np.array([aux_loss])\n",
        "experts as uint8, aux_loss as a (1,) array",
    );
    run(
        "adamw",
        edit(
            &reference("adamw"),
            "    p -= lr * m_hat / (np.sqrt(v_hat) + eps)",
            "    np.subtract(p, lr * m_hat / (np.sqrt(v_hat) + eps), out=p)\n    return p, m, v",
        ),
        "p updated with out= and returned as well",
    );
    run(
        "batch_norm",
        edit(
            &reference("batch_norm"),
            "        running_mean[:] = (1 - momentum) * running_mean + momentum * mean",
            "        np.copyto(running_mean, (1 - momentum) * running_mean + momentum * mean)",
        ),
        "np.copyto",
    );
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// Correct solutions in the forms candidates write (`tests/alt_solutions_py/
/// forms/<kata>.<form>.py`, the form said in each file's first line): pure
/// Python, lists and tuples, other integer dtypes, np.matrix, object arrays,
/// views, Fortran order, inputs mutated, in-place arguments returned as
/// well. Each passes a full check.
#[test]
fn correct_solutions_in_many_forms_pass() {
    let dir = python_practice();
    let mut failures = Vec::new();
    let forms = sources("tests/alt_solutions_py/forms");
    assert!(forms.len() >= 40, "{} forms", forms.len());
    for (stem, source) in &forms {
        let name = stem.split('.').next().unwrap_or_default();
        write_py(dir.path(), name, source);
        let mut out = check(dir.path(), &[name]);
        if text(&out).contains("timed out") {
            out = check(dir.path(), &[name]);
        }
        if out.status.code() != Some(0) {
            failures.push(format!("{stem}:\n{}", text(&out)));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// Required parameters in another order than the stub's are called by
/// position, as any caller of the stub's signature calls them; only
/// optional ones moved last (with defaults) are matched by name.
#[test]
fn required_parameters_out_of_order_are_called_by_position() {
    let dir = python_practice();
    let source = reference("scaled_dot_product_attention");
    let swapped = edit(
        &source,
        "def scaled_dot_product_attention(q, k, v,",
        "def scaled_dot_product_attention(q, v, k,",
    );
    write_py(dir.path(), "scaled_dot_product_attention", &swapped);
    let out = check(dir.path(), &["scaled_dot_product_attention"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
}

/// A form the contract cannot take gets a verdict that names it, in both
/// languages: float32 arithmetic, one array asked for and a tuple
/// returned, outputs in each other's place, a library that cannot load.
#[test]
fn a_form_that_cannot_pass_is_named_plainly() {
    let dir = python_practice();
    // float32: judged in float64, so the large offset fails; said so.
    let source = edit(
        &reference("layer_norm"),
        "    axes = tuple(",
        "    x = x.astype(np.float32)\n    axes = tuple(",
    );
    write_py(dir.path(), "layer_norm", &source);
    let out = check(dir.path(), &["layer_norm"]);
    let shown = flat(&out);
    assert_eq!(out.status.code(), Some(1), "{shown}");
    assert!(
        shown.contains(
            "This looks like: `layer_norm` was computed in float32 or narrower (every value returned is exactly a float32 number)"
        ),
        "{shown}"
    );
    let shown = flat(&check(dir.path(), &["layer_norm", "--lang", "zh"]));
    assert!(
        shown.contains("`layer_norm` 是用 float32（或更窄的类型）计算的"),
        "{shown}"
    );

    // The in-place arguments returned with the one array asked for.
    let source = edit(
        &reference("batch_norm"),
        "    return y\n",
        "    return y, running_mean, running_var\n",
    );
    write_py(dir.path(), "batch_norm", &source);
    let shown = flat(&check(dir.path(), &["batch_norm"]));
    assert!(
        shown.contains(
            "`batch_norm` should return one array (y); it returned a tuple of 3: an array (3, 2), an array (2,), an array (2,): \
             running_mean and running_var are updated in place, not returned"
        ),
        "{shown}"
    );
    let shown = flat(&check(dir.path(), &["batch_norm", "--lang", "zh"]));
    assert!(shown.contains("`batch_norm` 应只返回一个数组（y）"), "{shown}");

    // New arrays returned where the function must update its arguments.
    write_py(
        dir.path(),
        "adamw",
        "import numpy as np\n\n\ndef adam_step(p, g, m, v, t, lr, beta1, beta2, eps, weight_decay):\n    \
         g = g + weight_decay * p\n    m = beta1 * m + (1 - beta1) * g\n    v = beta2 * v + (1 - beta2) * g * g\n    \
         p = p - lr * (m / (1 - beta1 ** t)) / (np.sqrt(v / (1 - beta2 ** t)) + eps)\n    return p, m, v\n\n\n\
         def adamw_step(p, g, m, v, t, lr, beta1, beta2, eps, weight_decay):\n    \
         return adam_step(p * (1 - lr * weight_decay), g, m, v, t, lr, beta1, beta2, eps, 0.0)\n",
    );
    let shown = flat(&check(dir.path(), &["adamw"]));
    assert!(
        shown.contains("did not change: assign in place") && shown.contains("; a value returned is not read either"),
        "{shown}"
    );

    // Outputs swapped: named as such, not as float labels.
    let source = edit(
        &reference("kmeans"),
        "    return labels, centers",
        "    return centers, labels",
    );
    write_py(dir.path(), "kmeans", &source);
    let shown = flat(&check(dir.path(), &["kmeans"]));
    assert!(
        shown.contains("This looks like: `labels` and `centers` are swapped: each holds what the other should; return (labels, centers) in that order"),
        "{shown}"
    );
    assert!(!shown.contains("holds floats where integers are expected"), "{shown}");

    // A library that does not fit in the memory limit (PyTorch needs about
    // 3 GB of address space), and one that is not installed.
    let source = format!(
        "raise ImportError(\"libtorch_cpu.so: failed to map segment from shared object\")\n{}",
        reference("rope")
    );
    write_py(dir.path(), "rope", &source);
    let shown = flat(&check(dir.path(), &["rope"]));
    assert!(
        shown.contains("failed to map segment from shared object (the library does not fit in the kata's memory limit, 2048 MiB of address space; the katas are written with NumPy alone)"),
        "{shown}"
    );
    write_py(
        dir.path(),
        "rope",
        &format!("import kata_no_such_module\n{}", reference("rope")),
    );
    let shown = flat(&check(dir.path(), &["rope"]));
    assert!(
        shown.contains("No module named 'kata_no_such_module' (kata runs your file with")
            && shown.contains("which does not have it; the katas need NumPy alone)"),
        "{shown}"
    );
    // Chinese wraps between any two characters: compared without spaces.
    let shown = flat(&check(dir.path(), &["rope", "--lang", "zh"])).replace(' ', "");
    assert!(
        shown.contains("Nomodulenamed'kata_no_such_module'（kata用")
            && shown.contains("它没有安装这个模块；本题只需要NumPy）"),
        "{shown}"
    );

    // Parameters that differ from the stub's: kata's note in both languages.
    write_py(dir.path(), "rope", "def rope(x):\n    return x\n");
    let shown = flat(&check(dir.path(), &["rope", "--lang", "zh"])).replace(' ', "");
    assert!(
        shown.contains("（函数的参数与桩文件中的不同；`katashowrope`会显示它们）"),
        "{shown}"
    );

    // A missing `return`: said as what was returned, not as an exception
    // the user's code raised.
    let source = reference("layer_norm").replace("    return y\n", "    y\n");
    write_py(dir.path(), "layer_norm", &source);
    let shown = flat(&check(dir.path(), &["layer_norm"]));
    assert!(
        shown.contains("✗ example: `layer_norm` is None: the function returned nothing for it (a missing `return`?)"),
        "{shown}"
    );
    assert!(!shown.contains("raised TypeError"), "{shown}");
}

#[test]
fn a_missing_numpy_or_python_is_a_setup_error() {
    let dir = python_practice();
    write_py(dir.path(), "layer_norm", &reference("layer_norm"));
    // An interpreter that cannot see site-packages, where NumPy lives.
    let fake = dir.path().join("python-without-numpy");
    fs::write(&fake, "#!/bin/sh\nexec python3 -S -s \"$@\"\n").unwrap();
    let mut perms = fs::metadata(&fake).unwrap().permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut perms, 0o755);
    fs::set_permissions(&fake, perms).unwrap();
    let out = kata(dir.path())
        .env("KATA_PYTHON", &fake)
        .args(["check", "layer_norm"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(flat(&out).contains("NumPy is not installed"), "{}", text(&out));
    assert!(flat(&out).contains("-m pip install numpy"), "{}", text(&out));
    let out = kata(dir.path())
        .env("KATA_PYTHON", &fake)
        .args(["check", "layer_norm", "--lang", "zh"])
        .output()
        .unwrap();
    assert!(flat(&out).contains("没有安装 NumPy：请用"), "{}", text(&out));
    let out = kata(dir.path())
        .env("KATA_PYTHON", dir.path().join("no-such-python"))
        .args(["check", "layer_norm"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(
        flat(&out).contains("the Python track needs Python 3.9"),
        "{}",
        text(&out)
    );
}

/// A verdict cached under one interpreter is not served under another
/// (`KATA_PYTHON`, or a virtualenv activated), and a failed import is not
/// cached at all: installing the module changes it.
#[test]
fn another_interpreter_or_a_failed_import_is_not_served_from_the_cache() {
    let dir = python_practice();
    write_py(dir.path(), "layer_norm", &reference("layer_norm"));
    let out = check(dir.path(), &["layer_norm"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(flat(&check(dir.path(), &["layer_norm"])).contains("(cached)"));
    let other = dir.path().join("other-python");
    fs::write(&other, "#!/bin/sh\nexec python3 \"$@\"\n").unwrap();
    let mut perms = fs::metadata(&other).unwrap().permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut perms, 0o755);
    fs::set_permissions(&other, perms).unwrap();
    let out = kata(dir.path())
        .env("KATA_PYTHON", &other)
        .args(["check", "layer_norm"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(!flat(&out).contains("(cached)"), "{}", text(&out));

    write_py(
        dir.path(),
        "rope",
        &format!("import kata_no_such_module\n{}", reference("rope")),
    );
    assert_eq!(check(dir.path(), &["rope"]).status.code(), Some(1));
    let out = check(dir.path(), &["rope"]);
    assert!(!flat(&out).contains("(cached)"), "{}", text(&out));
}

/// On a system Python that pip may not change (PEP 668: Debian 12, Ubuntu
/// 23.04 on), the advice is apt or a virtualenv, not a pip that fails.
/// Runs only where /usr/bin/python3 is such a Python without NumPy.
#[test]
fn numpy_missing_from_an_externally_managed_python_gets_advice_that_works() {
    let system = Path::new("/usr/bin/python3");
    let probe = "import sys, os, sysconfig\n\
        marker = os.path.join(sysconfig.get_path('stdlib'), 'EXTERNALLY-MANAGED')\n\
        try:\n    import numpy\n    sys.exit(1)\nexcept ImportError:\n    sys.exit(0 if os.path.exists(marker) else 1)\n";
    let applies = std::process::Command::new(system)
        .args(["-c", probe])
        .output()
        .is_ok_and(|o| o.status.success());
    if !applies {
        eprintln!("skipped: /usr/bin/python3 is not an externally managed Python without NumPy");
        return;
    }
    let dir = python_practice();
    write_py(dir.path(), "layer_norm", &reference("layer_norm"));
    let out = kata(dir.path())
        .env("KATA_PYTHON", system)
        .args(["check", "layer_norm"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let shown = flat(&out);
    assert!(
        shown.contains("is a system Python that pip may not change")
            && shown.contains("`sudo apt install python3-numpy`")
            && shown.contains("export KATA_PYTHON=")
            && !shown.contains("-m pip install numpy`"),
        "{shown}"
    );
}

#[test]
fn watch_rechecks_the_python_file_on_save() {
    let dir = python_practice();
    let wrong = edit(&reference("layer_norm"), "return y", "return y + 1");
    write_py(dir.path(), "layer_norm", &wrong);
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_kata"))
        .args(["watch", "layer_norm"])
        .current_dir(dir.path())
        .env("KATA_CACHE_DIR", crate::common::cache_dir())
        .env("NO_COLOR", "1")
        .env_remove("KATA_LANG")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let history = dir.path().join(".kata/history.jsonl");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    while !fs::read_to_string(&history).is_ok_and(|h| h.contains("\"via\":\"watch\"")) {
        assert!(std::time::Instant::now() < deadline, "watch never checked");
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    write_py(dir.path(), "layer_norm", &reference("layer_norm"));
    let out = child.wait_with_output().unwrap();
    let shown = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{shown}");
    assert!(shown.contains("katas/layer_norm.py"), "{shown}");
    assert!(shown.contains("✓ layer_norm: passed"), "{shown}");
}

#[test]
fn bench_times_python_code_against_the_same_reference() {
    let dir = python_practice();
    write_py(dir.path(), "layer_norm", &reference("layer_norm"));
    let out = kata(dir.path())
        .args(["bench", "layer_norm", "--runs", "1", "--scale", "0.05"])
        .output()
        .unwrap();
    let shown = flat(&out);
    assert_eq!(out.status.code(), Some(0), "{shown}");
    assert!(shown.contains("your outputs match the reference's"), "{shown}");
    // A wrong answer is no win, however fast.
    write_py(
        dir.path(),
        "layer_norm",
        &edit(&reference("layer_norm"), "return y", "return y + 1"),
    );
    let out = kata(dir.path())
        .args(["bench", "layer_norm", "--runs", "1", "--scale", "0.05"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", flat(&out));
    // A right answer in another form matches, as in a check: the loss as a
    // one-element array, dlogits as nested lists.
    write_py(
        dir.path(),
        "softmax_cross_entropy",
        &edit(
            &reference("softmax_cross_entropy"),
            "return float(loss), dlogits",
            "return np.array([[loss]]), dlogits.tolist()",
        ),
    );
    let out = kata(dir.path())
        .args(["bench", "softmax_cross_entropy", "--runs", "1", "--scale", "0.05"])
        .output()
        .unwrap();
    let shown = flat(&out);
    assert_eq!(out.status.code(), Some(0), "{shown}");
    assert!(!shown.contains("differ"), "{shown}");
}

/// Words and syntax only a Rust user reads: none may reach a Python user's
/// statement, signatures or hints.
const RUST_ONLY: &[&str] = &[
    "Vec<",
    "usize",
    "ArrayView",
    "Array1",
    "Array2",
    "pub fn",
    ".iter()",
    "sort_by",
    "select_nth",
    "total_cmp",
    "Option<",
    "Some(",
    "&[",
    "&mut",
    "::",
    "todo!",
    "s![",
    ".len()",
    "HashMap",
    "f64",
];

/// The Rust-only tokens in `shown`, with Rust ranges (`0..n`, `x[..d]`):
/// two dots that are not part of an ellipsis.
fn rust_tokens(shown: &str) -> Vec<String> {
    let mut found: Vec<String> = RUST_ONLY
        .iter()
        .filter(|t| shown.contains(*t))
        .map(|t| t.to_string())
        .collect();
    if shown.replace("...", "").contains("..") {
        found.push("a range `..`".to_string());
    }
    found
}

#[test]
fn a_python_user_reads_python_signatures_ranges_and_hints() {
    let dir = python_practice();
    let root = dir.path();
    let names: Vec<String> = fs::read_dir(root.join("katas"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    assert!(names.len() >= 20, "{names:?}");
    for name in &names {
        for lang in ["en", "zh"] {
            let out = kata(root).args(["show", name, "--lang", lang]).output().unwrap();
            assert!(out.status.success(), "{}", text(&out));
            let shown = text(&out);
            assert!(
                rust_tokens(&shown).is_empty(),
                "{name} --lang {lang}: {:?} in\n{shown}",
                rust_tokens(&shown)
            );
        }
        // Every hint, in both languages (each call shows one more).
        let mut hints = String::new();
        for _ in 0..5 {
            let out = kata(root).args(["hint", name, "--lang", "zh"]).output().unwrap();
            assert!(out.status.success(), "{}", text(&out));
            hints = text(&out);
        }
        let out = kata(root).args(["hint", name]).output().unwrap();
        hints.push_str(&text(&out));
        assert!(
            hints.contains("这是最后一条提示") && hints.contains("That was the last hint"),
            "{hints}"
        );
        assert!(
            rust_tokens(&hints).is_empty(),
            "{name}: {:?} in\n{hints}",
            rust_tokens(&hints)
        );
    }
    // The statement gives the Python stub's signatures where the Rust one
    // gives Rust's.
    let out = kata(root).args(["show", "softmax_cross_entropy"]).output().unwrap();
    let shown = text(&out);
    let statement = shown
        .split("Signatures in katas/softmax_cross_entropy.py:")
        .next()
        .unwrap();
    assert!(
        statement.contains(
            "them:\n\n    def log_softmax(logits):\n    def cross_entropy(logits, target, ignore_index, label_smoothing):\n\n"
        ),
        "{shown}"
    );
    let out = kata(root).args(["hint", "nms"]).output().unwrap();
    let out2 = kata(root).args(["hint", "nms"]).output().unwrap();
    let hints = format!("{}{}", text(&out), text(&out2));
    assert!(hints.contains("np.argsort(-scores, kind=\"stable\")"), "{hints}");
    // The help names the Python file too.
    let out = kata(root).arg("--help").output().unwrap();
    assert!(text(&out).contains("katas/<name>.py"), "{}", text(&out));
}

#[test]
fn a_rust_user_still_reads_rust_signatures_and_hints() {
    let dir = crate::common::practice();
    let root = dir.path();
    let out = kata(root)
        .args(["show", "softmax_cross_entropy", "--lang", "zh"])
        .output()
        .unwrap();
    let shown = text(&out);
    assert!(
        shown.contains("    pub fn log_softmax(logits: ArrayView2<f64>) -> Array2<f64>;"),
        "{shown}"
    );
    assert!(!shown.contains("def log_softmax"), "{shown}");
    kata(root).args(["hint", "nms"]).output().unwrap();
    let out = kata(root).args(["hint", "nms"]).output().unwrap();
    assert!(
        text(&out).contains("sort_by on scores[j].total_cmp(&scores[i])"),
        "{}",
        text(&out)
    );
}
