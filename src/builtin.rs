//! The default inputs, compiled into the binary: the dated parameters, the selection rules, the
//! scenarios, the default panel, the published reference tables and the raw official series
//! (every file under `data/` and `scenarios/` but the READMEs, listed by `build.rs`).
//!
//! Every reader of an input file goes through [`read`], [`is_file`], [`is_dir`] and
//! [`files_in`]. A path is read from disk; only where it is relative, absent on disk, and its
//! folder is absent on disk too, the built-in copy of the same relative path is read (a folder
//! is read from the built-in copy whenever it is absent on disk). So inside
//! the repository (or any folder with its own `data/` and `scenarios/`) the files on disk are
//! the inputs and an edit takes effect, while an installed `kvota` run from an empty directory
//! runs the default job on the defaults it was built with. A folder is never mixed: one that
//! exists on disk is read from disk only.

use std::borrow::Cow;
use std::path::{Component, Path, PathBuf};

use crate::error::{Error, Result};

mod files {
    include!(concat!(env!("OUT_DIR"), "/builtin_files.rs"));
}

/// The built-in files as (path relative to the repository, bytes).
pub fn all() -> &'static [(&'static str, &'static [u8])] {
    files::FILES
}

/// `path` without `.` components and with each `..` taken against the component before it
/// (`scenarios/../data/panel` is `data/panel`); a leading `..` is kept.
pub fn normalize(path: &Path) -> PathBuf {
    let mut out: Vec<Component> = Vec::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => match out.last() {
                Some(Component::Normal(_)) => {
                    out.pop();
                }
                Some(Component::RootDir | Component::Prefix(_)) => {}
                _ => out.push(c),
            },
            _ => out.push(c),
        }
    }
    if out.is_empty() { PathBuf::from(".") } else { out.iter().collect() }
}

/// The built-in key of a relative path (`/`-separated), if the path is relative and free of `..`.
fn key(path: &Path) -> Option<String> {
    let n = normalize(path);
    let parts: Option<Vec<&str>> = n
        .components()
        .map(|c| match c {
            Component::Normal(s) => s.to_str(),
            _ => None,
        })
        .collect();
    parts.filter(|p| !p.is_empty()).map(|p| p.join("/"))
}

/// Whether the built-in copy stands in for `path`: relative, absent on disk, and its folder
/// absent on disk (a folder on disk is never mixed with built-in files).
fn stands_in(path: &Path) -> Option<String> {
    if path.exists() {
        return None;
    }
    let parent = path.parent().filter(|p| !p.as_os_str().is_empty());
    if parent.is_some_and(Path::exists) {
        return None;
    }
    key(path)
}

/// The built-in bytes of `path`, where they stand in for it (see the module's rule).
pub fn builtin(path: &Path) -> Option<&'static [u8]> {
    let k = stands_in(path)?;
    files::FILES.iter().find(|(p, _)| *p == k).map(|(_, b)| *b)
}

/// Whether `path` is a folder on disk, or a built-in folder standing in for an absent one (a
/// folder stands in whether or not its parent exists: `kvota dataset build` in an empty folder
/// writes `data/panel`, and the built-in `data/params` still serves the run after it).
pub fn is_dir(path: &Path) -> bool {
    if path.exists() {
        return path.is_dir();
    }
    key(path).is_some_and(|k| {
        let prefix = format!("{k}/");
        files::FILES.iter().any(|(p, _)| p.starts_with(&prefix))
    })
}

/// Whether `path` is a file on disk or a built-in file standing in for it.
pub fn is_file(path: &Path) -> bool {
    path.is_file() || builtin(path).is_some()
}

/// The bytes of an input file.
pub fn read(path: &Path) -> Result<Cow<'static, [u8]>> {
    if let Some(b) = builtin(path) {
        return Ok(Cow::Borrowed(b));
    }
    std::fs::read(path).map(Cow::Owned).map_err(|e| Error::io(path, e))
}

/// The text of an input file (UTF-8).
pub fn read_to_string(path: &Path) -> Result<String> {
    let bytes = read(path)?;
    String::from_utf8(bytes.into_owned()).map_err(|_| {
        Error::io(path, std::io::Error::new(std::io::ErrorKind::InvalidData, "the file is not UTF-8 text"))
    })
}

/// The files directly in a folder (on disk, or the built-in folder standing in for it), sorted.
pub fn files_in(dir: &Path) -> Result<Vec<PathBuf>> {
    if dir.exists() || !is_dir(dir) {
        let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
            .map_err(|e| Error::io(dir, e))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_file())
            .collect();
        v.sort();
        return Ok(v);
    }
    let prefix = format!("{}/", key(dir).expect("is_dir holds a key"));
    let mut v: Vec<PathBuf> = files::FILES
        .iter()
        .filter_map(|(p, _)| p.strip_prefix(&prefix))
        .filter(|rest| !rest.contains('/'))
        .map(|name| dir.join(name))
        .collect();
    v.sort();
    Ok(v)
}
