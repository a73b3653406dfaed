//! Lets rust-analyzer see every kata file. `kata check` does not build this
//! crate: it compiles each kata file on its own, so an error in one never
//! blocks another.
#![allow(unused_variables, dead_code)]

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
