//! `--help` in the reader's language: every command's description and every flag's help come
//! from the catalogues (`help-cmd-<path>`, `help-arg-<path>-<flag>`, with `-long` for the long
//! form), and so do the headings. The English catalogue holds the code's own documentation, and
//! a debug build checks that they agree.

use clap::Command;
use kvota::i18n::Texts;

/// The command tree with its texts said by `t`.
pub fn localize(cmd: Command, t: &Texts) -> Command {
    let mut cmd = walk(cmd, "", t);
    cmd.build();
    let help = t.t("help-flag-help");
    let version = t.t("help-flag-version");
    finish(cmd, t, &help, &version)
}

/// A text of the catalogue for `key`; in a debug build, the English one must be the code's.
fn said(t: &Texts, key: &str, code: Option<String>) -> Option<String> {
    code.as_ref()?;
    let text = t.t(key);
    if t.lang() == kvota::i18n::Lang::En {
        debug_assert_eq!(Some(&text), code.as_ref(), "`{key}` in en.ftl differs from the code's documentation");
    }
    Some(text)
}

fn walk(mut cmd: Command, parent: &str, t: &Texts) -> Command {
    let name = cmd.get_name().to_string();
    let path = if parent.is_empty() {
        name.clone()
    } else if parent == "kvota" {
        name
    } else {
        format!("{parent}-{name}")
    };
    let key = format!("help-cmd-{path}");
    if let Some(a) = said(t, &key, cmd.get_about().map(|s| s.to_string())) {
        cmd = cmd.about(a);
    }
    if let Some(a) = said(t, &format!("{key}-long"), cmd.get_long_about().map(|s| s.to_string())) {
        cmd = cmd.long_about(a);
    }
    let ids: Vec<String> = cmd.get_arguments().map(|a| a.get_id().to_string()).collect();
    for id in ids {
        let akey = format!("help-arg-{path}-{}", id.replace('_', "-"));
        cmd = cmd.mut_arg(&id, |a| {
            let help = said(t, &akey, a.get_help().map(|s| s.to_string()));
            let long = said(t, &format!("{akey}-long"), a.get_long_help().map(|s| s.to_string()));
            let heading = if a.is_positional() { t.t("help-heading-arguments") } else { t.t("help-heading-options") };
            let mut a = a.help_heading(heading);
            if let Some(h) = help {
                a = a.help(h);
            }
            if let Some(l) = long {
                a = a.long_help(l);
            }
            a
        });
    }
    let subs: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_string()).collect();
    for s in subs {
        let p = path.clone();
        cmd = cmd.mut_subcommand(&s, |c| walk(c, &p, t));
    }
    cmd.subcommand_help_heading(t.t("help-heading-commands")).help_template(format!(
        "{{about-with-newline}}\n{}: {{usage}}\n\n{{all-args}}{{after-help}}",
        t.t("help-heading-usage")
    ))
}

/// The flags and the subcommand clap adds itself (help, version), said by `t`.
fn finish(mut cmd: Command, t: &Texts, help: &str, version: &str) -> Command {
    let heading = t.t("help-heading-options");
    if cmd.get_arguments().any(|a| a.get_id() == "help") {
        cmd =
            cmd.mut_arg("help", |a| a.help(help.to_string()).long_help(help.to_string()).help_heading(heading.clone()));
    }
    if cmd.get_arguments().any(|a| a.get_id() == "version") {
        cmd = cmd.mut_arg("version", |a| a.help(version.to_string()).help_heading(heading.clone()));
    }
    let subs: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_string()).collect();
    for s in subs {
        cmd = cmd.mut_subcommand(&s, |c| {
            if c.get_name() == "help" { c.about(t.t("help-cmd-help")) } else { finish(c, t, help, version) }
        });
    }
    cmd
}
