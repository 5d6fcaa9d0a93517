//! Trunk's `post_build` hook: turns the build into a strict-CSP, offline
//! site. It moves Trunk's inline loader into a hashed external module (so no
//! inline script remains) and writes the service worker with the exact list
//! of this build's files to precache. The embed bundle (`embed`) gets the
//! loader move only, and the app's precache list leaves it out: embeds live
//! in other sites' pages and are not part of the offline app.

use std::fs;
use std::path::{Path, PathBuf};

use crate::setup::fxhash;
use crate::Result;

const OPEN: &str = "<script type=\"module\">";
const CLOSE: &str = "</script>";

pub fn run(root: &Path, staging: &Path, embed: bool) -> Result {
    let index_path = staging.join("index.html");
    let html =
        fs::read_to_string(&index_path).map_err(|e| format!("{}: {e}", index_path.display()))?;
    let start = html
        .find(OPEN)
        .ok_or("index.html: Trunk's loader script was not found")?;
    let end = html[start..]
        .find(CLOSE)
        .ok_or("index.html: unterminated script")?
        + start;
    let loader = &html[start + OPEN.len()..end];
    let template = fs::read_to_string(root.join("static/build/boot.js"))
        .map_err(|e| format!("boot.js template: {e}"))?;
    let boot = template.replace("/*__TRUNK_LOADER__*/", loader.trim());
    let boot_name = format!("boot-{:016x}.js", fxhash(boot.as_bytes()));
    fs::write(staging.join(&boot_name), &boot).map_err(|e| e.to_string())?;
    let html = format!(
        "{}<script type=\"module\" src=\"./{boot_name}\"></script>{}",
        &html[..start],
        &html[end + CLOSE.len()..]
    );
    if html.contains(OPEN) {
        return Err("index.html: more than one inline module script".into());
    }
    fs::write(&index_path, &html).map_err(|e| e.to_string())?;
    if embed {
        eprintln!("postbuild: embed bundle, {boot_name}");
        return Ok(());
    }

    // Precache everything this build serves, plus the directory URL itself.
    let mut files = Vec::new();
    collect(staging, &mut files).map_err(|e| e.to_string())?;
    let mut assets: Vec<String> = files
        .iter()
        .filter_map(|f| f.strip_prefix(staging).ok())
        .map(|p| p.to_string_lossy().replace('\\', "/"))
        .filter(|p| p != "sw.js" && !p.starts_with("embed/"))
        .collect();
    assets.sort();
    let mut version_input = Vec::new();
    for a in &assets {
        version_input.extend_from_slice(a.as_bytes());
        version_input.extend(fs::read(staging.join(a)).map_err(|e| e.to_string())?);
    }
    let version = format!("{:016x}", fxhash(&version_input));
    let mut list = vec!["./".to_string()];
    list.extend(assets.iter().map(|a| format!("./{a}")));
    let list_json = format!(
        "[{}]",
        list.iter()
            .map(|a| format!("{a:?}"))
            .collect::<Vec<_>>()
            .join(",")
    );
    let sw = fs::read_to_string(root.join("static/build/sw.js"))
        .map_err(|e| format!("sw.js template: {e}"))?
        .replace("__VERSION__", &version)
        .replace("__ASSETS__", &list_json);
    fs::write(staging.join("sw.js"), sw).map_err(|e| e.to_string())?;
    eprintln!(
        "postbuild: {boot_name}, service worker {version} precaching {} files",
        list.len()
    );
    Ok(())
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}
