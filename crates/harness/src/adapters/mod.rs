//! One adapter per kata: `Api`, a table of the kata's functions with the
//! exact signatures of the kata's stub (`katas/<kata>.rs`), and its [`Solution`]
//! impl, which reads a case's inputs, calls one function and names its
//! outputs as `fixtures/README.md` does.
//!
//! [`Solution`]: crate::Solution

pub mod adamw;
pub mod batch_norm;
pub mod beam_search;
pub mod bpe;
pub mod conv2d;
pub mod kmeans;
pub mod kv_cache_attention;
pub mod layer_norm;
pub mod layer_norm_backward;
pub mod linear_regression_sgd;
pub mod mlp_backprop;
pub mod moe_router;
pub mod multi_head_attention;
pub mod nms;
pub mod rms_norm;
pub mod rope;
pub mod sampling;
pub mod scaled_dot_product_attention;
pub mod self_attention;
pub mod softmax_cross_entropy;

use crate::InputError;

/// The error for a part name the adapter does not know.
pub(crate) fn unknown_part(part: &str) -> InputError {
    InputError(format!("this kata has no part `{part}`"))
}
