//! Trunk's `post_build` hook: turns the build into a strict-CSP, offline
//! site. It moves Trunk's inline loader into a hashed external boot module
//! (so no inline script remains), gives the boot module this build's feature
//! modules (`modules/manifest.json`, from `cargo xtask modules-build`),
//! writes the embed page (`embed/`, which loads one simulator's module and
//! nothing else) and the service worker with the exact list of this build's
//! files to precache.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::setup::fxhash;
use crate::{run as run_command, Result};

const OPEN: &str = "<script type=\"module\">";
const CLOSE: &str = "</script>";

fn read(path: &Path) -> Result<String> {
    fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn write(path: &Path, text: &str) -> Result {
    fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

/// Writes `text` as `<stem>-<hash>.js` in `dir`; returns the file name.
fn write_hashed(dir: &Path, stem: &str, text: &str) -> Result<String> {
    let name = format!("{stem}-{:016x}.js", fxhash(text.as_bytes()));
    write(&dir.join(&name), text)?;
    Ok(name)
}

/// A boot template with the shared pieces put in: the embedded-frame
/// resizing and the module loader, whose files are `base` from the script.
fn boot_source(root: &Path, template: &str, manifest: &str, base: &str) -> Result<String> {
    let build = root.join("static/build");
    let modules = read(&build.join("modules.js"))?
        .replace("__MODULE_FILES__", manifest.trim())
        .replace("__MODULE_BASE__", &format!("{base:?}"));
    Ok(read(&build.join(template))?
        .replace("/*__RESIZE__*/", read(&build.join("resize.js"))?.trim())
        .replace("/*__MODULES__*/", modules.trim()))
}

pub fn run(root: &Path, staging: &Path) -> Result {
    // The benchmark's baseline app runs through the same hook: it gets the
    // strict-CSP loader and a service worker, no modules, prerender or embed.
    let app = staging.join("modules/manifest.json").exists();
    let manifest = if app {
        read(&staging.join("modules/manifest.json"))?
    } else {
        "{}".to_string()
    };
    if app {
        prerender(root, staging)?;
    }
    let index_path = staging.join("index.html");
    let html = read(&index_path)?;
    // Before the first paint, a classic script in <head> (see start.js).
    let start = write_hashed(
        staging,
        "start",
        &read(&root.join("static/build/start.js"))?,
    )?;
    let html = html.replacen(
        "</head>",
        &format!("<script src=\"./{start}\"></script></head>"),
        1,
    );
    let start = html
        .find(OPEN)
        .ok_or("index.html: Trunk's loader script was not found")?;
    let end = html[start..]
        .find(CLOSE)
        .ok_or("index.html: unterminated script")?
        + start;
    let loader = &html[start + OPEN.len()..end];
    let boot = boot_source(root, "boot.js", &manifest, "./modules/")?
        .replace("/*__TRUNK_LOADER__*/", loader.trim())
        .replace("/*__PRERENDERED__*/[]", &prerendered_pages(staging)?);
    let boot_name = write_hashed(staging, "boot", &boot)?;
    let html = format!(
        "{}<script type=\"module\" src=\"./{boot_name}\"></script>{}",
        &html[..start],
        &html[end + CLOSE.len()..]
    );
    if html.contains(OPEN) {
        return Err("index.html: more than one inline module script".into());
    }
    write(&index_path, &html)?;

    if !app {
        service_worker(root, staging, &manifest)?;
        eprintln!("postbuild: {boot_name}, service worker (no feature modules)");
        return Ok(());
    }
    let css = fs::read_dir(staging)
        .map_err(|e| e.to_string())?
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .find(|n| n.starts_with("app-") && n.ends_with(".css"))
        .ok_or("no app-*.css in the build")?;
    embed_page(root, staging, &manifest, &css)?;
    service_worker(root, staging, &manifest)?;
    eprintln!("postbuild: {boot_name}, embed page, service worker");
    Ok(())
}

/// The pages `prerender` wrote (`prerender/<name>.html`), as a JSON array of
/// names for the boot script: it fetches only what exists.
fn prerendered_pages(staging: &Path) -> Result<String> {
    let dir = staging.join("prerender");
    let mut names: Vec<String> = match fs::read_dir(&dir) {
        Ok(entries) => entries
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter_map(|n| n.strip_suffix(".html").map(|s| format!("{s:?}")))
            .collect(),
        Err(_) => Vec::new(),
    };
    names.sort();
    Ok(format!("[{}]", names.join(",")))
}

/// Static routes to HTML in `index.html` (examples/prerender.rs), natively,
/// in the dev profile the test command has already compiled.
fn prerender(root: &Path, staging: &Path) -> Result {
    let mut cargo = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    cargo
        .current_dir(root)
        .args(["run", "--quiet", "--example", "prerender", "--"])
        .arg(staging);
    // Trunk's variables describe the wasm build, not this native one.
    for (key, _) in std::env::vars_os() {
        if key.to_string_lossy().starts_with("TRUNK_") {
            cargo.env_remove(key);
        }
    }
    run_command(&mut cargo)
}

/// `embed/index.html`: the app's stylesheet and a boot module that loads the
/// simulator the fragment names.
fn embed_page(root: &Path, staging: &Path, manifest: &str, css: &str) -> Result {
    let dir = staging.join("embed");
    fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let boot = boot_source(root, "embed-boot.js", manifest, "../modules/")?;
    let boot_name = write_hashed(&dir, "embed-boot", &boot)?;
    let html = read(&root.join("static/build/embed.html"))?
        .replace("__CSS__", &format!("../{css}"))
        .replace("__BOOT__", &format!("./{boot_name}"));
    write(&dir.join("index.html"), &html)
}

/// `sw.js`: precaches every file of this build but the feature modules
/// (stored when first used) and the embed page (other sites' pages).
fn service_worker(root: &Path, staging: &Path, manifest: &str) -> Result {
    let mut files = Vec::new();
    collect(staging, &mut files).map_err(|e| e.to_string())?;
    let mut assets: Vec<String> = files
        .iter()
        .filter_map(|f| f.strip_prefix(staging).ok())
        .map(|p| p.to_string_lossy().replace('\\', "/"))
        .filter(|p| p != "sw.js" && !p.starts_with("embed/") && !p.starts_with("modules/"))
        .collect();
    assets.sort();
    let mut version_input = manifest.as_bytes().to_vec();
    for a in &assets {
        version_input.extend_from_slice(a.as_bytes());
        version_input.extend(fs::read(staging.join(a)).map_err(|e| e.to_string())?);
    }
    let version = format!("{:016x}", fxhash(&version_input));
    let mut list = vec!["./".to_string()];
    list.extend(assets.iter().map(|a| format!("./{a}")));
    let modules: Vec<String> = files
        .iter()
        .filter_map(|f| f.strip_prefix(staging).ok())
        .map(|p| p.to_string_lossy().replace('\\', "/"))
        .filter(|p| p.starts_with("modules/") && !p.ends_with("manifest.json"))
        .map(|p| format!("./{p}"))
        .collect();
    let json = |items: &[String]| {
        format!(
            "[{}]",
            items
                .iter()
                .map(|a| format!("{a:?}"))
                .collect::<Vec<_>>()
                .join(",")
        )
    };
    let sw = read(&root.join("static/build/sw.js"))?
        .replace("__VERSION__", &version)
        .replace("__ASSETS__", &json(&list))
        .replace("__MODULE_ASSETS__", &json(&modules));
    write(&staging.join("sw.js"), &sw)
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
