//! One function per subcommand. Every error that reaches here is a setup or
//! usage error (exit 2); verdicts decide between 0 and 1.

use std::io::IsTerminal;
use std::panic::{self, AssertUnwindSafe};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use clap::CommandFactory;
use colored::Colorize;
use kata_harness::Value;

use crate::bench;
use crate::build;
use crate::catalog::{Kata, Practice};
use crate::check::{self, CheckOptions, KataReport, Status};
use crate::cli::{Cli, ColorChoice, Command, Lang};
use crate::error::SetupError;
use crate::files;
use crate::fixture;
use crate::report;
use crate::state::{self, State};
use crate::track::{Toolchain, Track};
use crate::verify;

/// Runs the parsed command line and returns the process's exit code.
pub fn run(cli: Cli) -> ExitCode {
    let color = use_color(cli.color);
    colored::control::set_override(color);
    let zh = cli.command.lang() == Lang::Zh;
    // No space after a full-width colon.
    let error = format!(
        "{}{}",
        report::tr(zh, "kata: error:", "kata：错误：").red().bold(),
        report::tr(zh, " ", "")
    );
    let result = panic::catch_unwind(AssertUnwindSafe(|| dispatch(cli, color)));
    if let Some(e) = crate::output::take_error() {
        eprintln!(
            "{error}{}{e}",
            report::tr(zh, "cannot write to standard output: ", "无法写入标准输出：")
        );
        return ExitCode::from(2);
    }
    match result {
        Ok(Ok(code)) => code,
        Ok(Err(e)) => {
            eprintln!("{error}{}", e.shown(zh));
            ExitCode::from(2)
        }
        Err(_) => {
            eprintln!(
                "{} {}",
                "kata:".red().bold(),
                report::tr(
                    zh,
                    "an internal error occurred; please report it with the command you ran",
                    "发生了内部错误；请连同你运行的命令一起报告"
                )
            );
            ExitCode::from(2)
        }
    }
}

fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stdout().is_terminal()
        }
    }
}

fn dispatch(cli: Cli, color: bool) -> Result<ExitCode, SetupError> {
    let dir = cli.dir.as_deref();
    let track = cli.track;
    let locate = || Practice::locate(dir).map(|p| p.with_track(track));
    match cli.command {
        Command::List { tag, json, lang } => crate::list::run(&locate()?, tag.as_deref(), json, lang == Lang::Zh),
        Command::Show { name, lang } => show(&locate()?, &name, lang),
        Command::Check {
            names,
            all,
            json,
            seed,
            random,
            case,
            lang,
        } => {
            let practice = locate()?;
            let names = if all { practice.names()? } else { names };
            let opts = CheckOptions {
                seed,
                random_cases: random,
                only_case: case,
                color,
                quiet: json,
            };
            check_many(&practice, &names, &opts, json, lang)
        }
        Command::Hint { name, lang } => hint(&locate()?, &name, lang),
        Command::Solution { name, force, lang: _ } => solution(&locate()?, &name, force),
        Command::Bench {
            name,
            runs,
            scale,
            lang,
        } => {
            let opts = bench::BenchOptions {
                runs,
                scale,
                color,
                zh: lang == Lang::Zh,
            };
            bench::run(&locate()?, &name, &opts)
        }
        Command::Reset { name, lang } => reset(&locate()?, &name, lang == Lang::Zh),
        Command::Init { dir, force, lang } => init(&dir, force, track.unwrap_or_default(), lang == Lang::Zh),
        Command::Verify {
            names,
            seed,
            random,
            json,
        } => {
            let practice = locate()?;
            let names = if names.is_empty() { practice.names()? } else { names };
            let katas: Vec<Kata> = names.iter().map(|n| practice.load(n)).collect::<Result<_, _>>()?;
            let opts = CheckOptions {
                seed,
                random_cases: random,
                only_case: None,
                color,
                quiet: json,
            };
            let results = verify::verify(&practice, &katas, &opts)?;
            if json {
                println!("{}", serde_json::to_string_pretty(&results).expect("plain data"));
            } else {
                print!("{}", verify::table(&results));
            }
            Ok(if results.iter().all(|v| v.ok()) {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
        Command::Watch(args) => crate::watch::run(&locate()?, &args, color),
        Command::Interview(args) => crate::interview::run(&locate()?, &args, color),
        Command::Stats { json, lang } => crate::stats::stats(&locate()?, json, lang == Lang::Zh),
        Command::Next { json, tag, lang } => crate::stats::next(&locate()?, json, tag.as_deref(), lang == Lang::Zh),
        Command::Completions { shell } => {
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "kata", &mut script);
            print!("{}", String::from_utf8_lossy(&script));
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn show(practice: &Practice, name: &str, lang: Lang) -> Result<ExitCode, SetupError> {
    let kata = practice.load(name)?;
    let zh = lang == Lang::Zh;
    let pick = |en: &'static str, zh_text: &'static str| if zh { zh_text } else { en };
    let title = if zh { &kata.title_zh } else { &kata.title };
    println!("{} — {}", kata.name.bold(), title.bold());
    // A full-width colon after Chinese, with no space.
    println!(
        "{}{} · {}{} {}",
        pick("difficulty: ", "难度："),
        crate::list::difficulty(kata.difficulty, zh),
        pick("interview budget: ", "建议用时："),
        kata.minutes,
        pick("min", "分钟")
    );
    let tags = pick("tags:", "标签：");
    print!(
        "{}",
        report::hanging(0, tags, tags, &kata.tags.join(", "), report::width())
    );
    println!();
    let statement = if zh { &kata.statement_zh } else { &kata.statement }.trim();
    print!("{}", report::fit_lines(statement, report::width()));
    println!();
    println!(
        "{}",
        format!(
            "{} katas/{name}.{}:",
            pick("Signatures in", "函数签名，见"),
            practice.track.extension()
        )
        .bold()
    );
    let stub = practice
        .track
        .stub(name)
        .map(str::to_string)
        .unwrap_or_else(|| std::fs::read_to_string(practice.user_file(name)).unwrap_or_default());
    for line in stub.lines() {
        println!("  {line}");
    }
    println!();
    println!("{}", pick("Example", "示例").bold());
    let example_text = if zh { &kata.example_zh } else { &kata.example }.trim();
    print!("{}", report::fit_lines(example_text, report::width()));
    let example = practice.fixture_dir(name).join("example.npz");
    if example.is_file() {
        let case = fixture::load_file(&example)?;
        // In the order the functions take and return them.
        let signature = crate::signature::Signature::of(&kata);
        let inputs = signature.order_inputs(case.inputs.0.keys().map(String::as_str));
        let outputs = signature.order_outputs(case.expected.0.keys().map(String::as_str));
        for (label, arrays, names) in [
            (pick("in ", "输入"), &case.inputs, inputs),
            (pick("out", "输出"), &case.expected, outputs),
        ] {
            for key in names {
                print_array(label, key, &arrays.0[key]);
            }
        }
    }
    println!();
    println!("{} katas/{name}.{}", pick("Edit", "编辑"), practice.track.extension());
    println!("{} kata check {name}", pick("then run", "然后运行"));
    Ok(ExitCode::SUCCESS)
}

fn print_array(label: &str, key: &str, value: &Value) {
    let text = match value {
        Value::F64(a) if a.ndim() == 0 => a.iter().map(|&x| report::fmt_f64(x)).collect(),
        Value::F64(a) => format!("{:.4}", a),
        Value::Int(a) => format!("{a}"),
        Value::Bool(a) => format!("{a}"),
    };
    let mut lines = text.lines();
    // Continuation lines start under the first value, by display width (输入 takes 4 columns).
    let head = format!("  {label} {key} = ");
    println!("{head}{}", lines.next().unwrap_or(""));
    for line in lines {
        println!("{:width$}{line}", "", width = report::display_width(&head));
    }
}

fn check_many(
    practice: &Practice,
    names: &[String],
    opts: &CheckOptions,
    json: bool,
    lang: Lang,
) -> Result<ExitCode, SetupError> {
    let katas: Vec<Kata> = names.iter().map(|n| practice.load(n)).collect::<Result<_, _>>()?;
    let cache = build::cache_dir(practice);
    let mut deps = None;
    let reports: Mutex<Vec<Option<Result<KataReport, SetupError>>>> =
        Mutex::new((0..katas.len()).map(|_| None).collect());
    // Cached verdicts first: no build needed for those.
    let mut todo = Vec::new();
    for (i, kata) in katas.iter().enumerate() {
        match check::from_cache(practice, kata, opts)? {
            (_, Some(r)) => reports.lock().expect("not poisoned")[i] = Some(Ok(r)),
            (key, None) => todo.push((i, key)),
        }
    }
    if !todo.is_empty() {
        deps = Some(Toolchain::prepare(practice, &cache, opts.quiet)?);
    }
    let next = AtomicUsize::new(0);
    let unsaved: Mutex<Vec<SetupError>> = Mutex::new(Vec::new());
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(todo.len().max(1));
    let progress = progress_bar(todo.len(), json);
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| loop {
                let t = next.fetch_add(1, Ordering::SeqCst);
                let Some((i, key)) = todo.get(t) else { break };
                let kata = &katas[*i];
                let deps = deps.as_ref().expect("built above");
                let result = check::check(practice, kata, deps, &cache, opts);
                if let Ok(r) = &result {
                    // The verdict stands even where it cannot be cached.
                    if let Err(e) = state::store_report(practice, key, r) {
                        unsaved.lock().expect("not poisoned").push(e);
                    }
                }
                if let Some(p) = &progress {
                    p.inc(1);
                }
                reports.lock().expect("not poisoned")[*i] = Some(result);
            });
        }
    });
    if let Some(p) = progress {
        p.finish_and_clear();
    }
    let mut done = Vec::new();
    for r in reports.into_inner().expect("not poisoned").into_iter().flatten() {
        done.push(r?);
    }
    let mut unsaved = unsaved.into_inner().expect("not poisoned");
    if let Err(e) = state::remember(practice, &done, opts.scope()) {
        unsaved.push(e);
    }
    let via = crate::history::Via::Check;
    if let Err(e) = crate::history::record_checks(practice, &done, via, None, opts.scope()) {
        unsaved.push(e);
    }
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&report::json(&done)).expect("plain data")
        );
    } else {
        for r in &done {
            print!("{}", report::human(r, lang == Lang::Zh));
        }
        if done.len() > 1 {
            let passed = done.iter().filter(|r| r.status == Status::Passed).count();
            match lang {
                Lang::En => println!("{passed} of {} katas passed", done.len()),
                Lang::Zh => println!("{} 题中 {passed} 题通过", done.len()),
            }
        }
        // A partial pass reads like a pass: say why the record does not take it.
        if opts.scope() == check::Scope::Partial && done.iter().any(|r| r.status == Status::Passed) {
            let line = match lang {
                Lang::En => format!(
                    "A partial check (--case, or --random below {}): a pass here is not recorded as the \
                     kata's. Drop --case / --random for the full check.",
                    check::DEFAULT_RANDOM_CASES
                ),
                Lang::Zh => format!(
                    "这是部分检查（--case，或 --random 少于 {}）：这里的通过不计入该题的记录。\
                     去掉 --case / --random 即为完整检查。",
                    check::DEFAULT_RANDOM_CASES
                ),
            };
            println!("{}", report::wrap(&line, report::width(), "").dimmed());
        }
        // After a full pass, what to practise next, as `kata next` picks it.
        if let [r] = &done[..] {
            if r.status == Status::Passed && opts.scope() == check::Scope::Full {
                print!("{}", next_kata(practice, &r.name, lang == Lang::Zh));
            }
        }
    }
    warn_unsaved("the verdicts", &unsaved);
    let all_passed = done.iter().all(|r| r.status == Status::Passed);
    Ok(if all_passed {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// `Next: kmeans (you have never practised it).` and the command to start it.
fn next_kata(practice: &Practice, passed: &str, zh: bool) -> String {
    let Ok(names) = practice.names() else {
        return String::new();
    };
    let Some(pick) = crate::stats::next_after(practice, &names, passed) else {
        return String::new();
    };
    let line = match zh {
        false => format!("Next: {} ({}).", pick.kata, pick.reason),
        true => format!("下一题：{}（{}）。", pick.kata, pick.reason_zh),
    };
    format!(
        "{}\n  {}\n",
        report::wrap(&line, report::width().saturating_sub(2), "").trim_end(),
        format!("kata watch {}", pick.kata).dimmed()
    )
}

fn progress_bar(len: usize, json: bool) -> Option<indicatif::ProgressBar> {
    if len < 2 || json || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new(len as u64);
    let style = indicatif::ProgressStyle::with_template("checking {bar:30} {pos}/{len} katas").ok()?;
    bar.set_style(style);
    Some(bar)
}

/// Warns, in one line naming the first file, that `what` could not be
/// written to `.kata/` (a read-only folder); the command's result stands.
fn warn_unsaved(what: &str, errors: &[SetupError]) {
    let Some(first) = errors.first() else {
        return;
    };
    let more = match errors.len() - 1 {
        0 => String::new(),
        1 => " (and 1 more file)".to_string(),
        n => format!(" (and {n} more files)"),
    };
    eprintln!(
        "{} cannot remember {what}: {first}{more}",
        "kata: warning:".yellow().bold()
    );
}

fn hint(practice: &Practice, name: &str, lang: Lang) -> Result<ExitCode, SetupError> {
    let kata = practice.load(name)?;
    if kata.hints.is_empty() {
        print!("{}", crate::watch::no_hints(name, lang == Lang::Zh));
        return Ok(ExitCode::SUCCESS);
    }
    let mut state = State::load(practice);
    let entry = state.kata(name);
    entry.hints_shown = (entry.hints_shown + 1).min(kata.hints.len());
    let shown = entry.hints_shown;
    let zh = lang == Lang::Zh;
    for (i, h) in kata.hints.iter().take(shown).enumerate() {
        let text = if zh { &h.zh } else { &h.en };
        let label = match zh {
            false => format!("Hint {}/{}:", i + 1, kata.hints.len()),
            true => format!("提示 {}/{}：", i + 1, kata.hints.len()),
        };
        // Further lines start under the hint's first word.
        print!(
            "{}",
            report::hanging(0, &label, &label.bold().to_string(), text, report::width())
        );
    }
    if shown == kata.hints.len() {
        println!(
            "{}",
            report::tr(zh, "That was the last hint.", "这是最后一条提示。").dimmed()
        );
    }
    if let Err(e) = state.save(practice) {
        warn_unsaved("the hints shown", &[e]);
    }
    Ok(ExitCode::SUCCESS)
}

fn solution(practice: &Practice, name: &str, force: bool) -> Result<ExitCode, SetupError> {
    practice.load(name)?;
    let reference = kata_reference::find(name).ok_or_else(|| SetupError::NoReference(name.to_string()))?;
    let gate = crate::interview::solution_gate(practice, name);
    if let (crate::interview::SolutionGate::Locked(id), false) = (&gate, force) {
        return Err(SetupError::usage(
            format!(
                "the solution of `{name}` unlocks when interview {id} ends\n  (`kata interview --resume`, then q), or use --force"
            ),
            format!("`{name}` 的参考答案在面试 {id} 结束后解锁\n  （`kata interview --resume`，再按 q），或使用 --force"),
        ));
    }
    let passed = gate == crate::interview::SolutionGate::Unlocked
        || State::load(practice).katas.get(name).is_some_and(|k| k.ever_passed);
    if !passed && !force {
        return Err(SetupError::usage(
            format!("the solution of `{name}` unlocks once `kata check {name}` passes (or use --force)"),
            format!("`{name}` 的参考答案在 `kata check {name}` 通过后解锁（或使用 --force）"),
        ));
    }
    let source = match practice.track {
        Track::Rust => reference.solution_source,
        Track::Python => practice.track.solution(name).ok_or_else(|| {
            SetupError::usage(
                format!("this build of kata has no Python solution of `{name}`"),
                format!("这个版本的 kata 没有 `{name}` 的 Python 参考答案"),
            )
        })?,
    };
    print!("{source}");
    Ok(ExitCode::SUCCESS)
}

fn reset(practice: &Practice, name: &str, zh: bool) -> Result<ExitCode, SetupError> {
    practice.load(name)?;
    let ext = practice.track.extension();
    let existed = practice.user_file(name).exists();
    match (files::reset(practice, name)?, zh) {
        (None, false) if !existed => println!("katas/{name}.{ext} was missing: wrote the stub."),
        (None, true) if !existed => println!("katas/{name}.{ext} 不存在：已写入桩文件。"),
        (Some(saved), false) => println!(
            "Saved your katas/{name}.{ext} to {}\nRestored the stub.",
            saved.display()
        ),
        (Some(saved), true) => println!(
            "已把你的 katas/{name}.{ext} 保存到 {}\n已恢复为桩文件。",
            saved.display()
        ),
        (None, false) => println!("katas/{name}.{ext} already was the stub; nothing to save."),
        (None, true) => println!("katas/{name}.{ext} 本来就是桩文件，无需保存。"),
    }
    Ok(ExitCode::SUCCESS)
}

fn init(dir: &std::path::Path, force: bool, track: Track, zh: bool) -> Result<ExitCode, SetupError> {
    let summary = files::init(dir, force, track)?;
    let ext = track.extension();
    match zh {
        false => println!(
            "Wrote {} files into {} ({track} track: katas/<name>.{ext}).",
            summary.written,
            dir.display()
        ),
        true => println!(
            "已向 {} 写入 {} 个文件（{track} 版：katas/<题名>.{ext}）。",
            dir.display(),
            summary.written
        ),
    }
    for path in &summary.kept {
        match zh {
            false => println!(
                "Kept your {} (it differs from the shipped one; --force replaces it after a backup).",
                path.display()
            ),
            true => println!(
                "保留了你的 {}（它与自带的版本不同；--force 会先备份再替换）。",
                path.display()
            ),
        }
    }
    for path in &summary.backups {
        match zh {
            false => println!("Saved the old file to {}.", path.display()),
            true => println!("旧文件已保存到 {}。", path.display()),
        }
    }
    // No `cd .` when the folder is the current one.
    let here = std::env::current_dir().ok().and_then(|d| d.canonicalize().ok());
    let cd = match dir.canonicalize().ok() == here {
        true => String::new(),
        false => format!("cd {} && ", dir.display()),
    };
    match zh {
        false => println!("Next: {cd}kata list"),
        true => println!("下一步：{cd}kata list"),
    }
    Ok(ExitCode::SUCCESS)
}
