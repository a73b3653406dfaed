// expect: mistake f_over_tokens_times_k
// Vectorised: a one-hot (tokens, k, n_experts) of the choices, and fₑ as its
// mean over tokens AND slots, i.e. divided by tokens·k.
use kata_prelude::Linear;
use ndarray::prelude::*;

pub fn route(router_logits: ArrayView2<f64>, k: usize) -> (Array2<f64>, Array2<usize>, f64) {
    let (tokens, n) = router_logits.dim();
    let max = router_logits.fold_axis(Axis(1), f64::NEG_INFINITY, |&a, &b| a.max(b));
    let exp = (&router_logits - &max.insert_axis(Axis(1))).mapv(f64::exp);
    let probs = &exp / &exp.sum_axis(Axis(1)).insert_axis(Axis(1));
    let mut experts = Array2::<usize>::zeros((tokens, k));
    let mut weights = Array2::<f64>::zeros((tokens, k));
    let mut one_hot = Array3::<f64>::zeros((tokens, k, n));
    for (t, row) in probs.outer_iter().enumerate() {
        let mut order: Vec<(usize, f64)> = row.iter().copied().enumerate().collect();
        order.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        order.truncate(k);
        let s: f64 = order.iter().map(|o| o.1).sum();
        for (j, (e, q)) in order.into_iter().enumerate() {
            experts[[t, j]] = e;
            weights[[t, j]] = q / s;
            one_hot[[t, j, e]] = 1.0;
        }
    }
    let f = one_hot.into_shape_with_order((tokens * k, n)).unwrap().mean_axis(Axis(0)).unwrap();
    let p = probs.mean_axis(Axis(0)).unwrap();
    (weights, experts, n as f64 * (&f * &p).sum())
}

pub fn moe_forward(x: ArrayView2<f64>, router: &Linear, experts: &[Linear], k: usize) -> Array2<f64> {
    let logits = x.dot(&router.weight.t()) + &router.bias;
    let (w, e, _) = route(logits.view(), k);
    let rows: Vec<Array1<f64>> = (0..x.nrows())
        .map(|t| {
            (0..k)
                .map(|j| {
                    let ex = &experts[e[[t, j]]];
                    (ex.weight.dot(&x.row(t)) + &ex.bias) * w[[t, j]]
                })
                .reduce(|a, b| a + b)
                .unwrap()
        })
        .collect();
    let d_out = rows[0].len();
    Array2::from_shape_fn((rows.len(), d_out), |(t, o)| rows[t][o])
}
