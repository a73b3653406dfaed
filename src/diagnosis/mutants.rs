//! Catalogued mistakes, matched robustly against the reference's mutants.
//!
//! A mutant explains the user when, on every case, the user passes exactly
//! where the mutant passes, and where both fail the user is far closer to
//! the mutant than the mutant is to the reference (relative to the size of
//! the error). Two implementations of a numerically unstable mistake differ
//! by rounding as much as the mistake itself, so where the mutant's own
//! output moves that much under a last-digit change of its inputs, the user
//! needs only an error of the same size. Both panicking on a case counts as
//! agreeing. A mutant no case contradicts but that explains only some of the
//! failing cases is named for those, and the others are pointed at.

use kata_harness::{Inputs, Outputs, Value};
use rand::{Rng as _, SeedableRng};

use super::{Context, Finding, Kind, Observed, Outcome};
use crate::judge::{self, Tolerance};
use crate::quiet::run_quietly;

/// Rank of a mistake that explains every case.
pub const RANK_FULL: u32 = 0;
/// Rank of a mistake that explains the cases where it alone deviates.
pub const RANK_PARTIAL: u32 = 8;
/// Where both fail, the user must be this much closer to the mutant than the
/// mutant is to the reference.
const CLOSER: f64 = 0.1;
/// How far beyond the mutant's own rounding noise the user may be.
const NOISE_FACTOR: f64 = 10.0;
/// Relative size of the last-digit change of the inputs that measures it.
const NUDGE: f64 = 4e-16;

/// How one case relates the user to one mutant.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Relation {
    /// Both pass.
    BothPass,
    /// Both fail alike; the number is the user's distance to the mutant
    /// relative to the mutant's to the reference (0 for two panics), and
    /// whether a real-valued output failed alike (integers can agree by
    /// coincidence: one merge, a short list of kept boxes).
    Explained(f64, bool),
    /// Both fail, but differently, or the mutant passes where the user fails:
    /// something else is wrong here too. `false` when, where both fail, the
    /// user is nearer the reference than the mutant: then the mutant's
    /// mistake is not in the user's code at all, and the cases it seems to
    /// explain are a coincidence.
    Unexplained(bool),
    /// The user passes where the mutant fails: the user has not this mistake.
    Contradicted,
}

/// How well one mutant explains the user.
struct Match {
    id: &'static str,
    /// Cases explained, with numbers (not only both panicking).
    numeric: usize,
    /// Cases explained where a real-valued output failed alike.
    real: usize,
    explained: usize,
    unexplained: usize,
    /// Some unexplained case leans towards the reference.
    against: bool,
    worst: f64,
}

/// The catalogued mistakes that explain the user: the best one that explains
/// every failing case, else each one that exactly explains the cases where
/// it alone deviates.
pub fn findings(cx: &Context<'_>) -> Vec<Finding> {
    let Some(reference) = kata_reference::find(&cx.kata.name) else {
        return Vec::new();
    };
    let tol = cx.tol();
    let part = cx.part.name.as_str();
    let mut matches: Vec<Match> = Vec::new();
    for mutant in reference.mutants {
        let mut m = Match {
            id: mutant.id,
            numeric: 0,
            real: 0,
            explained: 0,
            unexplained: 0,
            against: false,
            worst: 0.0,
        };
        let mut contradicted = false;
        // Failing cases first: a contradiction there ends the mutant soonest.
        let run = |inputs: &Inputs| match run_quietly(|| mutant.solution.run(part, inputs)) {
            Some(Ok(out)) => Some(out),
            _ => None,
        };
        // Failing cases first: most mutants explain none of them, and then the
        // passing cases need not be run at all.
        let failing = cx.observed.iter().filter(|o| !o.passed());
        let passing = cx.observed.iter().filter(|o| o.passed());
        let mut hopeless = false;
        for (i, obs) in failing.map(|o| (0, o)).chain(passing.map(|o| (1, o))) {
            if i == 1 && !hopeless {
                // Full needs every failing case explained; partial needs one with numbers.
                hopeless = m.explained == 0 || (m.unexplained > 0 && m.numeric == 0);
            }
            if hopeless {
                break;
            }
            match relate(obs, run, tol) {
                Relation::BothPass => {}
                Relation::Explained(r, real) => {
                    m.explained += 1;
                    if matches!(obs.outcome, Outcome::Returned { .. }) {
                        m.numeric += 1;
                    }
                    m.real += usize::from(real);
                    m.worst = m.worst.max(r);
                }
                Relation::Unexplained(leaning) => {
                    m.unexplained += 1;
                    m.against |= !leaning;
                    // Neither a full nor a partial explanation any more.
                    hopeless = m.against;
                }
                Relation::Contradicted => {
                    contradicted = true;
                    break;
                }
            }
        }
        if hopeless {
            continue;
        }
        if !contradicted && m.explained > 0 {
            matches.push(m);
        }
    }
    let message = |id: &str| cx.kata.mistakes.iter().find(|k| k.id == id);
    let full = matches
        .iter()
        .filter(|m| m.unexplained == 0 && message(m.id).is_some())
        .min_by(|a, b| a.worst.total_cmp(&b.worst));
    if let Some(m) = full {
        let mistake = message(m.id).expect("filtered above");
        return vec![Finding {
            kind: Kind::Mistake,
            id: mistake.id.clone(),
            en: mistake.en.clone(),
            zh: mistake.zh.clone(),
            rank: RANK_FULL,
            output: None,
        }];
    }
    // Partial explanations need numbers: two panics alone are too little,
    // and so is one case of integers alone, which may agree by chance.
    let mut partial: Vec<&Match> = matches
        .iter()
        .filter(|m| (m.real > 0 || m.numeric >= 2) && !m.against && message(m.id).is_some())
        .collect();
    partial.sort_by(|a, b| b.explained.cmp(&a.explained).then(a.worst.total_cmp(&b.worst)));
    let failing = cx.observed.iter().filter(|o| !o.passed()).count();
    partial
        .into_iter()
        .take(2)
        .map(|m| {
            let mistake = message(m.id).expect("filtered above");
            let k = m.explained;
            Finding {
                kind: Kind::Mistake,
                id: mistake.id.clone(),
                en: format!(
                    "on {k} of the {failing} failing cases your outputs are exactly this mistake's: {}; the other {} do not match it exactly, so look at them too",
                    mistake.en,
                    failing - k
                ),
                zh: format!(
                    "{failing} 个失败用例中有 {k} 个的输出与这个错误完全一致：{}；其余 {} 个与它不完全一致，也请查看",
                    mistake.zh,
                    failing - k
                ),
                rank: RANK_PARTIAL,
                output: None,
            }
        })
        .collect()
}

/// How one case relates the user to a mutant; `run` runs the mutant (`None`
/// when it panics).
fn relate(obs: &Observed<'_>, run: impl Fn(&Inputs) -> Option<Outputs>, tol: Tolerance) -> Relation {
    let mutant = run(obs.inputs);
    let mutant_passes = mutant.as_ref().is_some_and(|m| judge::matches(m, obs.expected, tol));
    match (obs.outcome, mutant) {
        (Outcome::Returned { passed: true, .. }, _) => match mutant_passes {
            true => Relation::BothPass,
            false => Relation::Contradicted,
        },
        _ if mutant_passes => Relation::Unexplained(true),
        (Outcome::Panicked { .. }, None) => Relation::Explained(0.0, false),
        (Outcome::Panicked { .. }, Some(_)) | (Outcome::Returned { .. }, None) => Relation::Unexplained(true),
        (Outcome::Returned { got, .. }, Some(m)) => {
            let mut worst: f64 = 0.0;
            let mut noisy: Option<Option<Outputs>> = None;
            // Where both returned NaN or infinities, integers computed from
            // them (a token drawn from NaN probabilities) are arbitrary.
            let non_finite = |o: &Outputs| {
                o.0.values()
                    .any(|v| matches!(v, Value::F64(a) if a.iter().any(|x| !x.is_finite())))
            };
            let arbitrary_integers = non_finite(got) && non_finite(&m);
            let mut real = false;
            for (name, expected) in &obs.expected.0 {
                let (Some(u), Some(mv)) = (got.get(name), m.get(name)) else {
                    return Relation::Unexplained(true);
                };
                if arbitrary_integers && matches!(expected, Value::Int(_)) && u.shape() == mv.shape() {
                    continue;
                }
                let user_ok = judge::compare(Some(u), expected, tol).is_none();
                let mutant_ok = judge::compare(Some(mv), expected, tol).is_none();
                if user_ok != mutant_ok {
                    return Relation::Unexplained(leaning(&obs.expected.0, got, &m, tol));
                }
                if user_ok {
                    continue;
                }
                real |= matches!(expected, Value::F64(_));
                // The mutant's rounding noise costs a second run: only when needed.
                let quick = closeness(u, mv, expected, None, tol);
                let nudged = match quick {
                    Some(_) => None,
                    None => noisy
                        .get_or_insert_with(|| run(&nudge(obs.inputs)))
                        .as_ref()
                        .and_then(|n| n.get(name)),
                };
                match quick.or_else(|| nudged.and_then(|n| closeness(u, mv, expected, Some(n), tol))) {
                    Some(r) => worst = worst.max(r),
                    None => return Relation::Unexplained(leaning(&obs.expected.0, got, &m, tol)),
                }
            }
            Relation::Explained(worst, real)
        }
    }
}

/// Whether, on every output where both the user and the mutant fail, the
/// user is at least as near the mutant as the reference.
fn leaning(
    expected: &std::collections::BTreeMap<String, Value>,
    got: &Outputs,
    mutant: &Outputs,
    tol: Tolerance,
) -> bool {
    expected.iter().all(|(name, e)| {
        let (Some(u), Some(m)) = (got.get(name), mutant.get(name)) else {
            return true;
        };
        if judge::compare(Some(u), e, tol).is_none() || judge::compare(Some(m), e, tol).is_none() {
            return true;
        }
        match (u, m, e) {
            (Value::F64(u), Value::F64(m), Value::F64(e)) if u.shape() == m.shape() && u.shape() == e.shape() => {
                let (mut to_m, mut to_e) = (0.0, 0.0);
                for ((&a, &b), &c) in u.iter().zip(m.iter()).zip(e.iter()) {
                    if a.is_finite() && b.is_finite() && c.is_finite() {
                        to_m += (a - b) * (a - b);
                        to_e += (a - c) * (a - c);
                    }
                }
                to_m <= to_e
            }
            (Value::Int(u), Value::Int(m), Value::Int(e)) if u.shape() == m.shape() && u.shape() == e.shape() => {
                let to_m = u.iter().zip(m.iter()).filter(|(a, b)| a != b).count();
                let to_e = u.iter().zip(e.iter()).filter(|(a, b)| a != b).count();
                to_m <= to_e
            }
            _ => true,
        }
    })
}

/// The user's distance to the mutant relative to the mutant's distance to
/// the reference, if the user is close enough to count as the mutant.
fn closeness(user: &Value, mutant: &Value, expected: &Value, nudged: Option<&Value>, tol: Tolerance) -> Option<f64> {
    if user.dtype() != mutant.dtype() || user.shape() != mutant.shape() {
        return None;
    }
    match (user, mutant) {
        (Value::F64(u), Value::F64(m)) => {
            let e: Option<Vec<f64>> = match expected {
                Value::F64(e) if e.shape() == m.shape() => Some(e.iter().copied().collect()),
                _ => None,
            };
            let n: Option<Vec<f64>> = match nudged {
                Some(Value::F64(n)) if n.shape() == m.shape() => Some(n.iter().copied().collect()),
                _ => None,
            };
            let (mut d_um, mut d_me, mut d_ue, mut noise, mut slack) = (0.0, 0.0, 0.0, 0.0, 0.0);
            let mut unstable_non_finite = false;
            for (i, (&uv, &mv)) in u.iter().zip(m.iter()).enumerate() {
                let nv = n.as_ref().map(|n| n[i]);
                if !mv.is_finite() || !uv.is_finite() {
                    if mv.is_finite() != uv.is_finite() {
                        // The mutant's non-finite values may come and go with rounding.
                        match nv {
                            Some(nv) if nv.is_finite() != mv.is_finite() => unstable_non_finite = true,
                            _ => return None,
                        }
                    }
                    continue;
                }
                d_um += (uv - mv) * (uv - mv);
                let t = tol.atol + tol.rtol * mv.abs();
                slack += t * t;
                if let Some(ev) = e.as_ref().map(|e| e[i]).filter(|v| v.is_finite()) {
                    d_me += (mv - ev) * (mv - ev);
                    d_ue += (uv - ev) * (uv - ev);
                }
                if let Some(nv) = nv.filter(|v| v.is_finite()) {
                    noise += (nv - mv) * (nv - mv);
                }
            }
            let (d_um, d_me, d_ue, noise, slack) = (d_um.sqrt(), d_me.sqrt(), d_ue.sqrt(), noise.sqrt(), slack.sqrt());
            if d_um <= 10.0 * slack {
                return Some(if d_me > 0.0 { d_um / d_me } else { 0.0 });
            }
            if d_me > 0.0 && d_um <= CLOSER * d_me {
                return Some(d_um / d_me);
            }
            // A mistake whose effect is mostly rounding noise: the user must
            // err by about as much as the mutant, within its noise.
            let unstable = noise >= 0.1 * d_me || unstable_non_finite;
            let same_size = (0.2 * d_me..=5.0 * d_me).contains(&d_ue);
            if unstable && d_me > 0.0 && same_size && d_um <= NOISE_FACTOR * noise.max(slack) {
                return Some(CLOSER);
            }
            None
        }
        (Value::Int(u), Value::Int(m)) => {
            let differ = u.iter().zip(m.iter()).filter(|(a, b)| a != b).count();
            if differ == 0 {
                return Some(0.0);
            }
            // Labels decided by rounding-noise distances may differ a little.
            let (Some(Value::Int(n)), Value::Int(e)) = (nudged, expected) else {
                return None;
            };
            if n.shape() != m.shape() || e.shape() != m.shape() {
                return None;
            }
            let noise = n.iter().zip(m.iter()).filter(|(a, b)| a != b).count();
            let wrong = e.iter().zip(m.iter()).filter(|(a, b)| a != b).count();
            (differ <= noise && 2 * differ <= wrong).then_some(CLOSER)
        }
        (Value::Bool(u), Value::Bool(m)) => (u == m).then_some(0.0),
        _ => None,
    }
}

/// The inputs with every real changed in its last digits (a fixed pattern,
/// so a diagnosis is repeatable). Arrays of whole numbers are left alone:
/// their ties are built on purpose and must stay ties.
fn nudge(inputs: &Inputs) -> Inputs {
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(12);
    let mut out = inputs.clone();
    for value in out.0.values_mut() {
        if let Value::F64(a) = value {
            if a.iter().all(|v| v.fract() == 0.0) {
                continue;
            }
            a.mapv_inplace(|v| v * (1.0 + NUDGE * rng.random_range(-1.0..1.0)));
        }
    }
    out
}
