//! Misbehaving user programs and broken inputs.

mod common;
