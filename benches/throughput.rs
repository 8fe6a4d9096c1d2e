//! Throughput of the pipeline stages, single-threaded, in MB/s of input text.
//!
//!     cargo bench --bench throughput
//!     CROSSCHECK_EVAL=../shared/eval cargo bench --bench throughput
//!
//! Without `CROSSCHECK_EVAL` the fixtures in tests/fixtures are the corpus (small, so
//! the figures are noisy); with it, PolNeAR train texts (extraction) and FNC-1 train
//! pairs (claim checking, with each body read once as `batch` does).

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Instant;

use crosscheck::{Document, Engine};

fn fixture_texts() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).expect("fixtures") {
        let p = e.expect("entry").path();
        if p.extension().is_some_and(|x| x == "txt" || x == "md") {
            out.push(std::fs::read_to_string(p).expect("utf-8"));
        }
    }
    out
}

fn jsonl(path: &Path) -> Vec<serde_json::Value> {
    let mut raw = Vec::new();
    let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    if path.extension().is_some_and(|x| x == "gz") {
        let out = std::process::Command::new("gzip")
            .arg("-dc")
            .arg(path)
            .output()
            .expect("gzip");
        raw = out.stdout;
    } else {
        std::io::BufReader::new(file)
            .read_to_end(&mut raw)
            .expect("read");
    }
    String::from_utf8_lossy(&raw)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("json"))
        .collect()
}

fn report(name: &str, bytes: usize, secs: f64) {
    println!(
        "{name:<40} {:>8.2} MB in {secs:>6.2} s = {:>7.1} MB/s",
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / secs
    );
}

fn main() {
    let engine = Engine::builtin().expect("default pack");
    let eval = std::env::var_os("CROSSCHECK_EVAL").map(PathBuf::from);

    // Extraction: text stage + attributions.
    let texts: Vec<String> = match &eval {
        Some(dir) => jsonl(&dir.join("polnear/train.jsonl"))
            .iter()
            .map(|v| v["text"].as_str().unwrap_or("").to_string())
            .collect(),
        None => (0..50).flat_map(|_| fixture_texts()).collect(),
    };
    let bytes: usize = texts.iter().map(|t| t.len()).sum();
    let start = Instant::now();
    let mut found = 0;
    for t in &texts {
        let p = engine.read(Document::new("t", t.clone()));
        found += engine.extract(&p).len();
    }
    report(
        &format!("extract ({found} attributions)"),
        bytes,
        start.elapsed().as_secs_f64(),
    );

    // Story mode: every stage, report included.
    let start = Instant::now();
    for t in &texts {
        let checked = engine.check(vec![Document::new("t", t.clone())], None, false);
        std::hint::black_box(checked.report.claims.len());
    }
    report(
        "check (all stages, story mode)",
        bytes,
        start.elapsed().as_secs_f64(),
    );

    // Claim checking as `batch` does it: each distinct text prepared once.
    let pairs: Vec<(String, String)> = match &eval {
        Some(dir) => jsonl(&dir.join("fnc1/train.jsonl.gz"))
            .iter()
            .map(|v| {
                (
                    v["claim"].as_str().unwrap_or("").to_string(),
                    v["text"].as_str().unwrap_or("").to_string(),
                )
            })
            .collect(),
        None => texts
            .iter()
            .map(|t| ("The council approved the plan.".to_string(), t.clone()))
            .collect(),
    };
    let bytes: usize = pairs.iter().map(|(c, t)| c.len() + t.len()).sum();
    let start = Instant::now();
    let mut cache = HashMap::new();
    let mut labels = HashMap::new();
    for (claim, text) in &pairs {
        let prepped = cache
            .entry(text.as_str())
            .or_insert_with(|| engine.prep(vec![Document::new("t", text.clone())]));
        let mut graph = prepped.graph.clone();
        let (_, verdicts) = engine.verdicts(prepped, &mut graph, Some(claim));
        *labels.entry(verdicts[0].label).or_insert(0usize) += 1;
    }
    report(
        &format!(
            "claim vs text ({} pairs, {} texts)",
            pairs.len(),
            cache.len()
        ),
        bytes,
        start.elapsed().as_secs_f64(),
    );
}
