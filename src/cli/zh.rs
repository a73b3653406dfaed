//! `--help` in Chinese: the same command line, its words replaced from a
//! table, when `--lang zh` is on the command line or `KATA_LANG=zh`.

use clap::{Arg, ArgAction, Command};

/// What the top of `kata --help` says.
const ABOUT: &str = "练习机器学习面试要求从零手写的算法（手撕代码）。";
const LONG_ABOUT: &str = "练习机器学习面试要求从零手写的算法（手撕代码）。\n\n\
     编辑 katas/<name>.rs（Rust）或 katas/<name>.py（Python 练习），然后运行 `kata check <name>`：\
     你的数值会与 NumPy/PyTorch 生成的用例和随机用例比对；不通过时会指出哪里不同，以及像哪种常见错误。";

/// Each subcommand's summary.
const ABOUTS: &[(&str, &str)] = &[
    ("list", "按分组（classic、llm）列出题目，附难度和你的进度"),
    ("show", "显示一道题的题面、函数签名和示例"),
    ("check", "检查你的解答：全部通过退出码为 0，有失败为 1，设置错误为 2"),
    ("hint", "显示一道题的下一条提示（每次多一条）"),
    ("solution", "显示参考答案（通过之后才可看，除非用 --force）"),
    ("reset", "把一道题恢复为桩文件；你的文件会先保存到 .kata/backups/"),
    (
        "init",
        "在 DIR 新建练习文件夹（题目描述、桩文件、用例）（`--track python` 写入 NumPy 桩文件；文件夹会记住它）",
    ),
    ("bench", "在大用例上计时你的代码与参考实现（Rust 代码用 release 构建）"),
    (
        "verify",
        "给出题人用：参考实现通过所有用例，每个变异体至少失败一个，桩文件为“尚未实现”，示例成立",
    ),
    (
        "watch",
        "每次保存都重新检查一道题（按键：h 提示，n 下一题（同 `kata next`），l 列表，f 完整报告，q 退出）",
    ),
    (
        "interview",
        "限时模拟面试，在 .kata/interviews/<时间>/ 中使用全新的桩文件",
    ),
    ("stats", "每道题的检查次数、通过次数、面试中的通过用时、上次练习时间"),
    ("next", "现在该练哪道题（间隔重复），以及原因"),
    ("completions", "输出 shell 补全脚本"),
    ("help", "显示本帮助，或给定子命令的帮助"),
];

/// Each argument's help, by subcommand ("" for the top level and the
/// global arguments) and id.
const ARGS: &[(&str, &str, &str)] = &[
    ("", "dir", "练习文件夹（默认：当前文件夹或其上级中最近的一个）"),
    (
        "",
        "track",
        "题目的语言（rust 或 python）：`kata init` 按它写桩文件；其他命令中它覆盖文件夹记住的语言",
    ),
    ("", "color", "何时使用颜色（auto、always、never；auto 遵从 NO_COLOR）"),
    ("", "help", "显示帮助"),
    ("", "version", "显示版本"),
    ("list", "tag", "只列出带此标签的题目（`llm`、`classic`、`attention`……）"),
    ("list", "json", "为工具输出 JSON"),
    ("list", "lang", "列表的语言（en 或 zh）"),
    ("show", "name", "题目"),
    ("show", "lang", "题面、标签和示例的语言（en 或 zh）"),
    ("check", "names", "要检查的题目（或用 --all）"),
    ("check", "all", "检查所有题目"),
    ("check", "json", "以 JSON 输出结果（Exercism results.json v3 格式）"),
    ("check", "seed", "随机用例的种子（失败的随机用例会给出它的种子）"),
    ("check", "random", "在固定用例之外再加多少个随机用例"),
    ("check", "case", "只运行这个用例（例如 `example`、`random-3`）"),
    ("check", "lang", "整份报告的语言：标签、判定和错误说明（en 或 zh）"),
    ("hint", "name", "题目"),
    ("hint", "lang", "提示的语言（en 或 zh）"),
    ("solution", "name", "题目"),
    ("solution", "force", "尚未通过也显示"),
    (
        "solution",
        "lang",
        "消息的语言（en 或 zh；参考答案本身是代码，两种语言相同）",
    ),
    ("reset", "name", "题目"),
    ("reset", "lang", "输出的语言（en 或 zh）"),
    ("init", "dir", "写入的位置"),
    ("init", "force", "覆盖内容不同的文件（每个都会先备份）"),
    ("init", "lang", "输出的语言（en 或 zh）"),
    ("bench", "name", "题目"),
    ("bench", "runs", "你的代码和参考实现各计时调用几次（显示中位数）"),
    ("bench", "lang", "报告和建议的语言（en 或 zh）"),
    ("verify", "names", "题目（默认：全部）"),
    ("verify", "seed", "随机用例的种子"),
    ("verify", "random", "随机用例的数量"),
    ("verify", "json", "输出 JSON"),
    ("watch", "name", "题目（默认：第一道尚未通过的题）"),
    ("watch", "lang", "判定、提示和按键的语言（en 或 zh）"),
    (
        "interview",
        "count",
        "题目数量（默认 2），按你的记录挑选：先挑到期该复习的，再挑从未练过的",
    ),
    ("interview", "katas", "改用这些题目（逗号分隔）"),
    ("interview", "minutes", "限时，单位分钟（默认：各题建议用时之和）"),
    ("interview", "difficulty", "只挑这个难度的题目（easy、medium、hard）"),
    (
        "interview",
        "tag",
        "只挑带此标签的题目（`classic`、`llm` 或某个主题：见 `kata show`）",
    ),
    (
        "interview",
        "seed",
        "在排名相同的题目中挑选时用的种子（会打印出来，便于重复同样的挑选）",
    ),
    ("interview", "resume", "继续未完成的面试，时间从上次剩下的开始"),
    ("interview", "lang", "题面、判定、提示和成绩单的语言（en 或 zh）"),
    ("stats", "json", "为工具输出 JSON"),
    ("stats", "lang", "表格文字和说明的语言（en 或 zh）"),
    ("next", "json", "为工具输出 JSON"),
    (
        "next",
        "tag",
        "只考虑带此标签的题目（`classic`、`llm` 或某个主题：见 `kata show`）",
    ),
    ("next", "lang", "建议及其理由的语言（en 或 zh）"),
    ("completions", "shell", "shell 的种类"),
];

/// Whether `--help` should be in Chinese: `--lang zh` (or `--lang=zh`) on
/// the command line, or `KATA_LANG=zh` without a `--lang`.
pub fn wanted(args: &[String]) -> bool {
    let given = args
        .iter()
        .enumerate()
        .find_map(|(i, a)| match a.strip_prefix("--lang") {
            Some("") => args.get(i + 1).map(String::as_str),
            Some(value) => value.strip_prefix('='),
            None => None,
        });
    match given {
        Some(lang) => lang.eq_ignore_ascii_case("zh"),
        None => std::env::var("KATA_LANG").is_ok_and(|v| v.eq_ignore_ascii_case("zh")),
    }
}

/// Where clap puts help that goes under its option (`next_line_help`).
const HELP_INDENT: usize = 10;

/// `text` wrapped to `width` columns between CJK characters too: clap
/// breaks lines at spaces only, which Chinese has few of.
fn fit(text: &str, width: usize) -> String {
    crate::report::wrap(text, width, "").trim_end().to_string()
}

/// `cmd` with its help in Chinese.
pub fn translate(cmd: Command) -> Command {
    let width = crate::report::width().min(80);
    let about = |name: &str| {
        ABOUTS
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, about)| fit(about, width - HELP_INDENT))
    };
    let cmd = cmd.about(fit(ABOUT, width)).long_about(fit(LONG_ABOUT, width));
    let cmd = localize(cmd, "", width);
    let mut cmd = cmd.mut_subcommands(|sub| {
        let name = sub.get_name().to_string();
        let sub = match about(&name) {
            Some(about) => sub.about(about).long_about(None),
            None => sub,
        };
        localize(sub, &name, width)
    });
    // clap adds the `help` subcommand when it builds the command.
    cmd.build();
    let help = about("help").unwrap_or_default();
    cmd.mut_subcommand("help", |sub| sub.about(help))
}

/// One command's arguments, headings and help flag in Chinese.
fn localize(cmd: Command, name: &str, width: usize) -> Command {
    let ids: Vec<String> = cmd.get_arguments().map(|a| a.get_id().to_string()).collect();
    let mut cmd = cmd;
    for id in ids {
        let own = ARGS.iter().find(|(c, i, _)| *c == name && *i == id);
        let global = ARGS.iter().find(|(c, i, _)| c.is_empty() && *i == id);
        if let Some((_, _, help)) = own.or(global) {
            // Possible values are listed in the help text itself (clap would
            // describe them in English).
            cmd = cmd.mut_arg(id, |a| {
                let takes_values = a.get_action().takes_values();
                a.help(fit(help, width - HELP_INDENT))
                    .long_help(None)
                    .hide_possible_values(takes_values)
            });
        }
    }
    let positionals = cmd.get_positionals().next().is_some();
    let subcommands = cmd.has_subcommands();
    let mut template = String::from("{about-with-newline}\n用法：{usage}\n");
    if subcommands {
        template.push_str("\n命令：\n{subcommands}\n");
    }
    if positionals {
        template.push_str("\n参数：\n{positionals}\n");
    }
    template.push_str("\n选项：\n{options}{after-help}");
    let cmd = cmd
        .help_template(template)
        .next_line_help(true)
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help("显示帮助"),
        );
    match name {
        // Only the top level has a version.
        "" => cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help("显示版本"),
        ),
        _ => cmd,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn every_subcommand_and_argument_has_its_chinese_help() {
        let cmd = translate(crate::cli::Cli::command());
        // Hidden arguments (for tests) are never shown.
        let ids = |c: &Command| {
            c.get_arguments()
                .filter(|a| !a.is_hide_set())
                .map(|a| a.get_id().to_string())
                .collect::<Vec<_>>()
        };
        for sub in cmd.get_subcommands() {
            let name = sub.get_name();
            assert!(ABOUTS.iter().any(|(n, _)| *n == name), "no Chinese summary for {name}");
            for id in ids(sub) {
                let help = sub
                    .get_arguments()
                    .find(|a| a.get_id() == id.as_str())
                    .and_then(|a| a.get_help());
                let help = help.map(ToString::to_string).unwrap_or_default();
                assert!(
                    help.is_empty() || !help.is_ascii(),
                    "{name} --{id} still has English help: {help}"
                );
            }
        }
    }

    #[test]
    fn chinese_is_wanted_by_lang_zh_or_kata_lang() {
        let args = |a: &[&str]| a.iter().map(ToString::to_string).collect::<Vec<_>>();
        assert!(wanted(&args(&["kata", "check", "--help", "--lang", "zh"])));
        assert!(wanted(&args(&["kata", "--lang=zh", "-h"])));
        assert!(!wanted(&args(&["kata", "--lang", "en", "--help"])));
    }
}
