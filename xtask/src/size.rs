//! The size report: raw, gzip and brotli bytes of every file in `dist/`, so
//! later work can hold budgets against real numbers.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::Result;

pub struct Sizes {
    pub raw: usize,
    pub gzip: usize,
    pub brotli: usize,
}

pub fn measure(bytes: &[u8]) -> Sizes {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(bytes).expect("in-memory write");
    let gzip = gz.finish().expect("in-memory gzip").len();
    let mut br = Vec::new();
    {
        let mut w = brotli::CompressorWriter::new(&mut br, 4096, 11, 22);
        w.write_all(bytes).expect("in-memory write");
    }
    Sizes {
        raw: bytes.len(),
        gzip,
        brotli: br.len(),
    }
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            files(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

pub fn report(dist: &Path) -> Result<String> {
    let mut paths = Vec::new();
    files(dist, &mut paths).map_err(|e| format!("cannot read {}: {e}", dist.display()))?;
    paths.sort();
    let mut s = format!("Size report for {}\n", dist.display());
    s.push_str(&format!(
        "{:<48} {:>10} {:>10} {:>10}\n",
        "file", "raw", "gzip", "brotli"
    ));
    let (mut raw, mut gzip, mut brotli) = (0, 0, 0);
    for p in paths {
        let bytes = fs::read(&p).map_err(|e| format!("cannot read {}: {e}", p.display()))?;
        let m = measure(&bytes);
        raw += m.raw;
        gzip += m.gzip;
        brotli += m.brotli;
        let name = p.strip_prefix(dist).unwrap_or(&p).display().to_string();
        s.push_str(&format!(
            "{name:<48} {:>10} {:>10} {:>10}\n",
            m.raw, m.gzip, m.brotli
        ));
    }
    s.push_str(&format!(
        "{:<48} {raw:>10} {gzip:>10} {brotli:>10}\n",
        "total"
    ));
    Ok(s)
}

/// Gzip bytes of every file of `dist` whose path (relative, with `/`)
/// satisfies `pick`.
fn gzip_of(dist: &Path, pick: impl Fn(&str) -> bool) -> Result<usize> {
    let mut paths = Vec::new();
    files(dist, &mut paths).map_err(|e| format!("cannot read {}: {e}", dist.display()))?;
    let mut total = 0;
    for p in paths {
        let rel = p
            .strip_prefix(dist)
            .unwrap_or(&p)
            .to_string_lossy()
            .replace('\\', "/");
        if pick(&rel) {
            total += measure(&fs::read(&p).map_err(|e| e.to_string())?).gzip;
        }
    }
    Ok(total)
}

fn is_app_code(rel: &str) -> bool {
    rel == "index.html"
        || (rel.starts_with("boot-") && rel.ends_with(".js"))
        || (rel.starts_with("canary-") && (rel.ends_with(".js") || rel.ends_with(".wasm")))
        || (rel.starts_with("app-") && rel.ends_with(".css"))
}

/// The measured figures the budgets speak of, in bytes (gzip -9).
pub struct Figures {
    pub app_code: usize,
    pub embedded_widget: usize,
    pub first_load: usize,
    /// Question data's gzip size over the gzip size of the raw question text.
    pub content_overhead: f64,
}

pub fn figures(root: &Path) -> Result<Figures> {
    let dist = root.join("dist");
    let app_code = gzip_of(&dist, is_app_code)?;
    // An embedded simulator loads the embed page (embed/), the app's
    // stylesheet, its own feature module and its facts: the largest of the five.
    let page = gzip_of(&dist, |r| {
        r.starts_with("embed/") || (r.starts_with("app-") && r.ends_with(".css"))
    })?;
    let widget = canary_content::WIDGETS
        .iter()
        .map(|w| {
            let module = format!("modules/sim-{w}-");
            gzip_of(&dist, |r| {
                r == format!("data/widget-{w}.json")
                    || (r.starts_with(&module) && (r.ends_with(".js") || r.ends_with(".wasm")))
            })
        })
        .collect::<Result<Vec<_>>>()?
        .into_iter()
        .max()
        .unwrap_or(0);
    let first_load = app_code + gzip_of(&dist, |r| r == "data/index.json" || r == "icon.svg")?;
    let data = gzip_of(&dist, |r| r.starts_with("data/d") && r.ends_with(".json"))?;
    let mut raw = Vec::new();
    let mut sources = Vec::new();
    files(&root.join("content/questions"), &mut sources).map_err(|e| e.to_string())?;
    sources.sort();
    for s in sources {
        raw.extend(fs::read(s).map_err(|e| e.to_string())?);
    }
    let raw_gzip = measure(&raw).gzip;
    Ok(Figures {
        app_code,
        embedded_widget: page + widget,
        first_load,
        content_overhead: data as f64 / raw_gzip.max(1) as f64,
    })
}

/// Checks the figures against `budgets.toml`; returns the report, or every
/// budget exceeded.
pub fn check_budgets(root: &Path) -> Result<String> {
    let text =
        fs::read_to_string(root.join("budgets.toml")).map_err(|e| format!("budgets.toml: {e}"))?;
    let f = figures(root)?;
    let budget = |key: &str| -> Result<f64> {
        text.lines()
            .find_map(|l| {
                let (k, v) = l.split_once('=')?;
                (k.trim() == key)
                    .then(|| v.split('#').next().unwrap_or("").trim().parse::<f64>().ok())?
            })
            .ok_or_else(|| format!("budgets.toml has no `{key}`"))
    };
    let kib = |b: usize| b as f64 / 1024.0;
    let rows = [
        (
            "app_code_kib",
            kib(f.app_code),
            budget("app_code_kib")?,
            110.0,
        ),
        (
            "embedded_widget_kib",
            kib(f.embedded_widget),
            budget("embedded_widget_kib")?,
            120.0,
        ),
        (
            "first_load_kib",
            kib(f.first_load),
            budget("first_load_kib")?,
            150.0,
        ),
        (
            "content_overhead_ratio",
            f.content_overhead,
            budget("content_overhead_ratio")?,
            1.10,
        ),
    ];
    let mut report = format!(
        "{:<24} {:>10} {:>10} {:>10}\n",
        "budget", "measured", "budget", "target"
    );
    let mut over = Vec::new();
    for (name, measured, budget, target) in rows {
        report.push_str(&format!(
            "{name:<24} {measured:>10.2} {budget:>10.2} {target:>10.2}\n"
        ));
        if measured > budget {
            over.push(format!(
                "{name}: {measured:.2} exceeds its budget {budget:.2}"
            ));
        }
    }
    if over.is_empty() {
        Ok(report)
    } else {
        Err(format!("{report}\n{}", over.join("\n")))
    }
}

/// Gzip bytes of the app code (wasm, JS, CSS, HTML) of any Trunk build,
/// such as the benchmark baseline's, whose file names differ from Canary's.
pub fn app_code_gzip(dist: &Path) -> Result<usize> {
    gzip_of(dist, |rel| {
        rel == "index.html"
            || rel.ends_with(".wasm")
            || rel.ends_with(".css")
            || (rel.ends_with(".js") && rel != "sw.js" && rel != "embed.js")
    })
}
