//! Content hashes for cache keys.

use sha2::{Digest, Sha256};

/// Accumulates bytes; each piece is length-prefixed so that ("ab", "c") and
/// ("a", "bc") differ.
pub struct Hasher(Sha256);

impl Hasher {
    /// An empty hash.
    pub fn new() -> Hasher {
        Hasher(Sha256::new())
    }

    /// Adds one piece.
    pub fn add(&mut self, bytes: &[u8]) -> &mut Hasher {
        self.0.update((bytes.len() as u64).to_le_bytes());
        self.0.update(bytes);
        self
    }

    /// The first 16 hex digits.
    pub fn short(&self) -> String {
        self.hex()[..16].to_string()
    }

    /// All 64 hex digits.
    pub fn hex(&self) -> String {
        self.0.clone().finalize().iter().map(|b| format!("{b:02x}")).collect()
    }
}

impl Default for Hasher {
    fn default() -> Hasher {
        Hasher::new()
    }
}

/// The sha256 of some bytes, in hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}
