//! Committed cases: `fixtures/<kata>/<case>.npz`, inputs and expected outputs
//! side by side (naming in `fixtures/README.md`).

use std::fs::{self, File};
use std::io::{Read, Seek};
use std::path::Path;

use kata_harness::{Inputs, Outputs, Value};
use ndarray::{ArrayD, IxDyn, OwnedRepr};
use ndarray_npy::NpzReader;

use crate::error::SetupError;

/// The prefix of expected outputs inside a case file.
const EXPECTED: &str = "expected.";

/// One committed case.
#[derive(Clone, Debug)]
pub struct FixtureCase {
    /// The file stem, e.g. `example`.
    pub name: String,
    /// The arguments.
    pub inputs: Inputs,
    /// The oracle's outputs, named like the adapters name theirs.
    pub expected: Outputs,
}

/// Every case of a kata, sorted by name, with `example` first.
pub fn load_dir(dir: &Path) -> Result<Vec<FixtureCase>, SetupError> {
    let entries = fs::read_dir(dir).map_err(|e| SetupError::io(dir, e))?;
    let mut paths: Vec<_> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "npz"))
        .collect();
    paths.sort_by_key(|p| (p.file_stem().is_none_or(|s| s != "example"), p.clone()));
    if paths.is_empty() {
        return Err(SetupError::Fixture {
            path: dir.to_path_buf(),
            message: "no .npz cases here".into(),
        });
    }
    paths.iter().map(|p| load_file(p)).collect()
}

/// Reads one case file.
pub fn load_file(path: &Path) -> Result<FixtureCase, SetupError> {
    let file = File::open(path).map_err(|e| SetupError::io(path, e))?;
    let name = path.file_stem().and_then(|s| s.to_str()).unwrap_or("case").to_string();
    let arrays = read_npz(file).map_err(|message| SetupError::Fixture {
        path: path.to_path_buf(),
        message,
    })?;
    let mut case = FixtureCase {
        name,
        inputs: Inputs::new(),
        expected: Outputs::new(),
    };
    for (key, value) in arrays {
        match key.strip_prefix(EXPECTED) {
            Some(output) => case.expected.insert(output, value),
            None => case.inputs.insert(key, value),
        }
    }
    if case.expected.0.is_empty() {
        return Err(SetupError::Fixture {
            path: path.to_path_buf(),
            message: "it holds no `expected.*` arrays".into(),
        });
    }
    Ok(case)
}

/// Reads every array of an `.npz`, whatever its supported dtype.
pub fn read_npz<R: Read + Seek>(reader: R) -> Result<Vec<(String, Value)>, String> {
    let mut npz = NpzReader::new(reader).map_err(|e| format!("not a readable .npz file ({e})"))?;
    let names = npz.names().map_err(|e| format!("cannot list the arrays ({e})"))?;
    let mut arrays = Vec::with_capacity(names.len());
    for name in names {
        let value = if let Ok(a) = npz.by_name::<OwnedRepr<f64>, IxDyn>(&name) {
            Value::F64(a)
        } else if let Ok(a) = npz.by_name::<OwnedRepr<i64>, IxDyn>(&name) {
            Value::Int(a)
        } else {
            let a: ArrayD<bool> = npz
                .by_name(&name)
                .map_err(|e| format!("array `{name}` is not float64, int64 or bool, or is damaged ({e})"))?;
            Value::Bool(a)
        };
        arrays.push((name, value));
    }
    Ok(arrays)
}
