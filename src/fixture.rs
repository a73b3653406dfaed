//! Committed cases: `fixtures/<kata>/<case>.npz`, inputs and expected outputs
//! side by side (naming in `fixtures/README.md`).

use std::fs::{self, File};
use std::io::{Read, Seek};
use std::path::Path;

use kata_harness::{Inputs, Outputs, Value};
use ndarray::{ArrayD, IxDyn, OwnedRepr};
use ndarray_npy::{NpzReader, ReadNpyError, ReadNpzError, ReadableElement};

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
        // Each attempt fails fast on the dtype; any other failure is damage.
        let value = if let Some(a) = read_as(&mut npz, &name)? {
            Value::F64(a)
        } else if let Some(a) = read_as(&mut npz, &name)? {
            Value::Int(a)
        } else {
            match npz.by_name::<OwnedRepr<bool>, IxDyn>(&name) {
                Ok(a) => Value::Bool(a),
                Err(ReadNpzError::Npy(ReadNpyError::WrongDescriptor(dtype))) => {
                    return Err(format!(
                        "array `{name}` is {}; a fixture holds float64, int64 or bool",
                        dtype_name(&dtype.to_string())
                    ))
                }
                Err(e) => return Err(damaged(&name, &e)),
            }
        };
        arrays.push((name, value));
    }
    Ok(arrays)
}

/// Array `name` as `T`, or `None` when it holds another dtype.
fn read_as<T: ReadableElement, R: Read + Seek>(
    npz: &mut NpzReader<R>,
    name: &str,
) -> Result<Option<ArrayD<T>>, String> {
    match npz.by_name::<OwnedRepr<T>, IxDyn>(name) {
        Ok(a) => Ok(Some(a)),
        Err(ReadNpzError::Npy(ReadNpyError::WrongDescriptor(_))) => Ok(None),
        Err(e) => Err(damaged(name, &e)),
    }
}

fn damaged(name: &str, e: &ReadNpzError) -> String {
    format!("array `{name}` is damaged ({e})")
}

/// NumPy's name of an array descriptor: `'<f4'` → `float32`.
fn dtype_name(descriptor: &str) -> String {
    let code = descriptor.trim_matches('\'').trim_start_matches(['<', '>', '|', '=']);
    let bits = code.get(1..).and_then(|n| n.parse::<u32>().ok()).map(|n| n * 8);
    match (code.chars().next(), bits) {
        (Some('f'), Some(b)) => format!("float{b}"),
        (Some('i'), Some(b)) => format!("int{b}"),
        (Some('u'), Some(b)) => format!("uint{b}"),
        (Some('c'), Some(b)) => format!("complex{b}"),
        _ => format!("of dtype {descriptor}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dtypes_are_named_as_numpy_names_them() {
        assert_eq!(dtype_name("'<f4'"), "float32");
        assert_eq!(dtype_name("'|u1'"), "uint8");
        assert_eq!(dtype_name("'>i2'"), "int16");
        assert_eq!(dtype_name("'<U5'"), "of dtype '<U5'");
    }
}
