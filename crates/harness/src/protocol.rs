//! What the checker sends to a user program and what it reads back.
//!
//! The checker writes one [`Request`] (bincode) to the program's standard
//! input. The program appends [`Record`]s to the file named by its first
//! argument, each as a little-endian `u32` length and its bincode bytes,
//! flushed as soon as it is written: a program that crashes half-way still
//! leaves every finished part readable, and the last `Started` record says
//! which part it died in. Standard output and error belong to the user; the
//! program only writes [`Request::marker`] lines there so that whatever the
//! user printed can be shown under the part that printed it.

use std::io::{self, Read, Write};

use serde::{Deserialize, Serialize};

use crate::value::{InputError, Inputs, Outputs};

/// Everything a user program is asked to do.
#[derive(Debug, Serialize, Deserialize)]
pub struct Request {
    /// A random token that starts every marker; user code cannot guess it.
    pub marker: String,
    /// The cases, run in order.
    pub cases: Vec<CaseRequest>,
}

/// One case: its inputs and the parts to run on them.
#[derive(Debug, Serialize, Deserialize)]
pub struct CaseRequest {
    /// The case's index in the checker's list.
    pub index: usize,
    /// The parts (functions) to call.
    pub parts: Vec<String>,
    /// The arguments.
    pub inputs: Inputs,
}

/// How one call of a user's function ended.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Outcome {
    /// It returned these outputs.
    Returned(Outputs),
    /// It panicked.
    Panicked {
        /// The panic message.
        message: String,
        /// `file:line:column` of the panic, when known.
        location: Option<String>,
    },
    /// The case could not be fed to the function (a fixture fault).
    BadInput(InputError),
}

/// One entry of the results file.
#[derive(Debug, Serialize, Deserialize)]
pub enum Record {
    /// A part is about to run.
    Started { index: usize, part: String },
    /// A part has finished.
    Finished {
        index: usize,
        part: String,
        outcome: Outcome,
        /// Nanoseconds the call took, measured in the program around the call
        /// alone: process start and the transfer of inputs and outputs are left
        /// out, so `kata bench` times only the user's function.
        nanos: u64,
    },
    /// Every case has run.
    Done,
}

/// Writes one length-prefixed record and flushes it.
pub fn write_record(w: &mut impl Write, record: &Record) -> io::Result<()> {
    let bytes = bincode::serialize(record).map_err(io::Error::other)?;
    let len = u32::try_from(bytes.len()).map_err(io::Error::other)?;
    w.write_all(&len.to_le_bytes())?;
    w.write_all(&bytes)?;
    w.flush()
}

/// Reads every complete record; a truncated last record (the program died
/// while writing it) is dropped.
pub fn read_records(bytes: &[u8]) -> Vec<Record> {
    let mut records = Vec::new();
    let mut rest = bytes;
    while rest.len() >= 4 {
        let len = u32::from_le_bytes([rest[0], rest[1], rest[2], rest[3]]) as usize;
        let Some(body) = rest.get(4..4 + len) else { break };
        match bincode::deserialize(body) {
            Ok(record) => records.push(record),
            Err(_) => break,
        }
        rest = &rest[4 + len..];
    }
    records
}

/// Encodes a request for a program's standard input.
pub fn encode_request(request: &Request) -> Vec<u8> {
    bincode::serialize(request).expect("a request is plain data and always serializes")
}

/// Reads a request from standard input.
pub fn read_request(r: &mut impl Read) -> io::Result<Request> {
    let mut bytes = Vec::new();
    r.read_to_end(&mut bytes)?;
    bincode::deserialize(&bytes).map_err(io::Error::other)
}
