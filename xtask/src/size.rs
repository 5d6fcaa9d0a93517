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
