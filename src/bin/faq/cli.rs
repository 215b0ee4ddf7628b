//! The commands of the `faq` tool (native only: it reads files and prints JSON).

use faq_widget::engine::build::pack;
use faq_widget::engine::{Engine, Params, Reply, Status, Via};
use faq_widget::eval::{evaluate, parse_tsv, Report};
use faq_widget::faq::{parse_bytes, rules, validate, Faq, Severity};
use faq_widget::report::{self, explain_none};
use std::process::ExitCode;
use std::time::Instant;

/// `println!`, except that a closed standard output (`faq eval … | head`) ends the tool quietly,
/// as other command-line tools do, instead of panicking with a backtrace.
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        if let Err(e) = writeln!(std::io::stdout(), $($arg)*) {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                std::process::exit(0);
            }
            eprintln!("faq: cannot write the output: {e}");
            std::process::exit(1);
        }
    }};
}

const USAGE: &str = "faq: the FAQ editors' tool

usage:
  faq validate [FILE] [--json]                     check a FAQ file (default faq.json)
  faq ask \"QUESTION\" [--faq FILE] [--top N] [--json]  answer a question and say why
  faq eval FILE.tsv [--faq FILE] [--json] [--sweep] [--set NAME=VALUE]...
                                                   measure answer quality on labelled questions
                                                   (--sweep: over a grid of parameters; --set: one
                                                   parameter of engine::Params changed)
  faq bench [--faq FILE] [--queries FILE.tsv] [--rounds N]  time the engine natively
  faq compile [FILE] --out PATH                    compile a FAQ (default faq.json) into the pack the
                                                   widget carries: its texts and the engine's index
  faq format [FILE] [--write]                      check that a FAQ file (default faq.json) is in its one
                                                   written form (--write: write it so)
  faq schema [FILE] [--write]                      check that the JSON Schema (default faq.schema.json)
                                                   states the validator's limits and patterns
                                                   (--write: write them into it)

exit status: 0 fine, 1 the FAQ has errors (or a command failed), 2 wrong usage";

const DEFAULT_FAQ: &str = "faq.json";
const DEFAULT_SCHEMA: &str = "faq.schema.json";

/// Parsed command line: positional arguments and options.
struct Args {
    positional: Vec<String>,
    faq: Option<String>,
    top: usize,
    json: bool,
    queries: Option<String>,
    rounds: usize,
    sweep: bool,
    write: bool,
    out: Option<String>,
    params: Params,
}

fn parse_args(mut it: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut a = Args {
        positional: vec![],
        faq: None,
        top: 3,
        json: false,
        queries: None,
        rounds: 200,
        sweep: false,
        write: false,
        out: None,
        params: Params::default(),
    };
    while let Some(arg) = it.next() {
        let mut value = |name: &str| it.next().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--faq" => a.faq = Some(value("--faq")?),
            "--top" => {
                let v = value("--top")?;
                a.top = v
                    .parse()
                    .map_err(|_| format!("--top takes a whole number, not {v:?}"))?;
            }
            "--queries" => a.queries = Some(value("--queries")?),
            "--out" => a.out = Some(value("--out")?),
            "--set" => {
                let v = value("--set")?;
                let (k, x) = v
                    .split_once('=')
                    .ok_or_else(|| format!("--set takes NAME=VALUE, not {v:?}"))?;
                a.params.set(k, x)?;
            }
            "--rounds" => {
                let v = value("--rounds")?;
                a.rounds = v
                    .parse()
                    .map_err(|_| format!("--rounds takes a whole number, not {v:?}"))?;
            }
            "--json" => a.json = true,
            "--sweep" => a.sweep = true,
            "--write" => a.write = true,
            "-h" | "--help" => return Err(String::new()),
            s if s.starts_with("--") => return Err(format!("unknown option {s}")),
            _ => a.positional.push(arg),
        }
    }
    Ok(a)
}

/// Reads and parses an FAQ file; the error names the file and the place.
fn load_faq(path: &str) -> Result<Faq, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{path}: cannot read: {e}"))?;
    parse_bytes(&bytes).map_err(|e| format!("{path}: {e}"))
}

/// Loads an FAQ and refuses it if it has errors.
fn load_valid(path: &str) -> Result<Faq, String> {
    let faq = load_faq(path)?;
    let errors: Vec<String> = validate(&faq)
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| format!("{path}: {f}"))
        .collect();
    if errors.is_empty() {
        Ok(faq)
    } else {
        Err(format!(
            "{}\n{path}: run `faq validate {path}` for details",
            errors.join("\n")
        ))
    }
}

/// Runs the command line; the exit status says how it went.
pub fn main() -> ExitCode {
    let mut argv = std::env::args().skip(1);
    let Some(cmd) = argv.next() else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    if cmd == "-h" || cmd == "--help" || cmd == "help" {
        out!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    let args = match parse_args(argv) {
        Ok(a) => a,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("faq {cmd}: {e}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let result = match cmd.as_str() {
        "validate" => cmd_validate(&args),
        "ask" => cmd_ask(&args),
        "eval" => cmd_eval(&args),
        "bench" => cmd_bench(&args),
        "schema" => cmd_schema(&args),
        "compile" => cmd_compile(&args),
        "format" => cmd_format(&args),
        other => {
            eprintln!("faq: unknown command {other:?}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(1)
        }
    }
}

fn cmd_validate(a: &Args) -> Result<ExitCode, String> {
    let path = a
        .positional
        .first()
        .or(a.faq.as_ref())
        .map_or(DEFAULT_FAQ, String::as_str);
    if a.json {
        let bytes = std::fs::read(path).map_err(|e| format!("{path}: cannot read: {e}"))?;
        let mut report = report::check_json(&bytes);
        let ok = report["ok"] == serde_json::Value::Bool(true);
        report["file"] = serde_json::Value::from(path);
        out!("{report}");
        return Ok(if ok {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        });
    }
    let faq = match load_faq(path) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("error: {e}");
            return Ok(ExitCode::from(1));
        }
    };
    let found = validate(&faq);
    let errors = found
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let warnings = found.len() - errors;
    {
        for f in &found {
            out!("{path}: {f}");
        }
        out!(
            "{path}: {} entries, {errors} error{}, {warnings} warning{}",
            faq.entries.len(),
            if errors == 1 { "" } else { "s" },
            if warnings == 1 { "" } else { "s" }
        );
    }
    Ok(if errors == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn cmd_compile(a: &Args) -> Result<ExitCode, String> {
    let path = a
        .positional
        .first()
        .or(a.faq.as_ref())
        .map_or(DEFAULT_FAQ, String::as_str);
    let Some(out) = &a.out else {
        return Err(format!("faq compile: where to? (--out PATH)\n\n{USAGE}"));
    };
    let faq = load_valid(path)?;
    let t = Instant::now();
    let bytes = pack(&faq, &a.params).map_err(|e| format!("{path}: {e}"))?;
    std::fs::write(out, &bytes).map_err(|e| format!("{out}: cannot write: {e}"))?;
    out!(
        "{out}: {} entries, {} bytes, compiled in {:.0} ms",
        faq.entries.len(),
        bytes.len(),
        t.elapsed().as_secs_f64() * 1000.0
    );
    Ok(ExitCode::SUCCESS)
}

fn cmd_format(a: &Args) -> Result<ExitCode, String> {
    let path = a
        .positional
        .first()
        .or(a.faq.as_ref())
        .map_or(DEFAULT_FAQ, String::as_str);
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: cannot read: {e}"))?;
    let faq = load_faq(path)?;
    let written = faq_widget::faq::format(&faq).map_err(|e| format!("{path}: {e}"))?;
    if written == text {
        out!("{path}: in its written form");
        return Ok(ExitCode::SUCCESS);
    }
    if !a.write {
        out!("{path}: not in its written form: run `faq format --write {path}`");
        return Ok(ExitCode::from(1));
    }
    std::fs::write(path, written).map_err(|e| format!("{path}: cannot write: {e}"))?;
    out!("{path}: written in its one form");
    Ok(ExitCode::SUCCESS)
}

fn cmd_schema(a: &Args) -> Result<ExitCode, String> {
    let path = a.positional.first().map_or(DEFAULT_SCHEMA, String::as_str);
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: cannot read: {e}"))?;
    let mut schema: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format!("{path}: {e}"))?;
    let changed = rules::apply_to_schema(&mut schema).map_err(|e| format!("{path}: {e}"))?;
    if changed.is_empty() {
        out!("{path}: states every rule of src/faq/rules.rs");
        return Ok(ExitCode::SUCCESS);
    }
    if !a.write {
        for p in &changed {
            out!("{path}: {p} differs from the rule in src/faq/rules.rs");
        }
        out!("{path}: run `faq schema --write` to write the rules into it");
        return Ok(ExitCode::from(1));
    }
    let mut out = serde_json::to_string_pretty(&schema).map_err(|e| e.to_string())?;
    out.push('\n');
    std::fs::write(path, out).map_err(|e| format!("{path}: cannot write: {e}"))?;
    out!(
        "{path}: wrote {} rule(s): {}",
        changed.len(),
        changed.join(", ")
    );
    Ok(ExitCode::SUCCESS)
}

fn cmd_ask(a: &Args) -> Result<ExitCode, String> {
    if a.positional.is_empty() {
        return Err(format!("faq ask: which question?\n\n{USAGE}"));
    }
    let query = a.positional.join(" ");
    let path = a.faq.as_deref().unwrap_or(DEFAULT_FAQ);
    let faq = load_valid(path)?;
    let engine = Engine::new(&faq).map_err(|e| format!("{path}: {e}"))?;
    let reply = engine.ask(&query, a.top.max(1));
    if a.json {
        out!("{}", report::ask_json(&faq, &reply));
    } else {
        print_reply(&faq, &query, &reply);
    }
    Ok(ExitCode::SUCCESS)
}

fn describe(via: &Via) -> String {
    match via {
        Via::Exact => String::new(),
        Via::Synonym { canonical } => format!(" (synonym of \"{canonical}\")"),
        Via::Typo {
            corrected,
            distance: 0,
        } => format!(" (sounds like \"{corrected}\")"),
        Via::Typo {
            corrected,
            distance,
        } => format!(" (typo for \"{corrected}\", {distance} edit)"),
    }
}

fn print_reply(faq: &Faq, query: &str, r: &Reply) {
    out!("question: {query}");
    if r.truncated {
        out!(
            "(only the first {} bytes were read)",
            faq_widget::engine::MAX_QUERY_BYTES
        );
    }
    match r.status {
        Status::None => {
            out!(
                "no answer: {}",
                r.reason.map(explain_none).unwrap_or_default()
            );
            if let Some(c) = r.candidates.first() {
                out!("  closest entry: {} (score {:.2})", c.id, c.score);
            }
        }
        Status::Answer => out!("answer:"),
        Status::Ambiguous => out!("answer (close candidates follow):"),
        Status::Contact => out!(
            "the contact options (score {:.2}), then the closest entries:",
            r.contact
        ),
    }
    for (k, h) in r.hits().iter().enumerate() {
        let e = &faq.entries[h.index];
        out!("{}. {}  score {:.2}", k + 1, h.id, h.score);
        out!("   {}", e.question);
        for m in &h.matched {
            out!(
                "     +{:.2}  \"{}\" → {}{}",
                m.contribution,
                m.text,
                m.term,
                describe(&m.via)
            );
        }
    }
    if !r.unknown.is_empty() {
        out!("words the FAQ does not use: {}", r.unknown.join(", "));
    }
    out!(
        "not answered by the FAQ: {:.2}, contact options: {:.2}",
        r.unanswered,
        r.contact
    );
}

fn cmd_eval(a: &Args) -> Result<ExitCode, String> {
    let Some(tsv) = a.positional.first() else {
        return Err(format!("faq eval: which TSV file?\n\n{USAGE}"));
    };
    let text = std::fs::read_to_string(tsv).map_err(|e| format!("{tsv}: cannot read: {e}"))?;
    let cases = parse_tsv(&text).map_err(|e| format!("{tsv}: {e}"))?;
    let path = a.faq.as_deref().unwrap_or(DEFAULT_FAQ);
    let faq = load_valid(path)?;
    if a.sweep {
        return sweep(&faq, &cases);
    }
    let engine = Engine::with_params(&faq, &a.params).map_err(|e| format!("{path}: {e}"))?;
    let report = evaluate(&engine, &cases);
    print_report(&report);
    if a.json {
        out!("{}", report::eval_json(&report));
    }
    Ok(ExitCode::SUCCESS)
}

/// Calibration aid: the metrics over a grid of the decision's and the training's parameters.
fn sweep(faq: &Faq, cases: &[faq_widget::eval::Case]) -> Result<ExitCode, String> {
    out!("min_prob unanswered_share  top1   reject overall");
    for unanswered in [1.0f32, 2.0, 3.0] {
        for min in [0.2f32, 0.3, 0.4, 0.5] {
            let params = Params {
                min_probability: min,
                unanswered_share: unanswered,
                ..Default::default()
            };
            let r = evaluate(&Engine::with_params(faq, &params)?, cases);
            out!(
                "{min:8.2} {unanswered:16.2} {:6.3} {:6.3} {:7.3}",
                r.in_scope_top1,
                r.oos_rejection,
                r.overall
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn print_report(r: &Report) {
    let wrong: Vec<_> = r.outcomes.iter().filter(|o| !o.correct).collect();
    if !wrong.is_empty() {
        out!("wrong ({}):", wrong.len());
        for o in &wrong {
            let expected = if o.case.expected.is_empty() {
                "none".to_string()
            } else {
                o.case.expected.join("|")
            };
            let got = if o.answered.is_empty() {
                format!(
                    "none (closest {})",
                    o.best_candidate.as_deref().unwrap_or("-")
                )
            } else {
                o.answered.join(", ")
            };
            out!(
                "  line {:>3}: {:<60} expected {expected:<26} got {got}",
                o.case.line,
                o.case.query
            );
        }
        out!();
    }
    out!("per tag:");
    for (tag, t) in &r.per_tag {
        out!("  {tag:<11} {:>3}/{:<3} {:.2}", t.correct, t.rows, t.rate());
    }
    out!();
    out!("rows:                 {}", r.rows);
    out!(
        "in-scope top-1:       {:.3}  ({} rows)",
        r.in_scope_top1,
        r.in_scope_rows
    );
    out!("in-scope top-3:       {:.3}", r.in_scope_top3);
    out!(
        "out-of-scope reject:  {:.3}  ({} rows)",
        r.oos_rejection,
        r.oos_rows
    );
    out!("overall:              {:.3}", r.overall);
}

fn cmd_bench(a: &Args) -> Result<ExitCode, String> {
    let path = a.faq.as_deref().unwrap_or(DEFAULT_FAQ);
    let faq = load_valid(path)?;
    let queries: Vec<String> = match &a.queries {
        Some(q) => {
            let text = std::fs::read_to_string(q).map_err(|e| format!("{q}: cannot read: {e}"))?;
            parse_tsv(&text)
                .map_err(|e| format!("{q}: {e}"))?
                .into_iter()
                .map(|c| c.query)
                .collect()
        }
        None => faq
            .entries
            .iter()
            .flat_map(|e| e.phrasings.iter().cloned())
            .collect(),
    };
    if queries.is_empty() {
        return Err("faq bench: no queries".into());
    }
    let t0 = Instant::now();
    let engine = Engine::new(&faq)?;
    let build = t0.elapsed();
    for q in &queries {
        std::hint::black_box(engine.ask(q, 3));
    }
    let mut times: Vec<u128> = Vec::with_capacity(queries.len() * a.rounds);
    let mut slowest = (0u128, "");
    for _ in 0..a.rounds.max(1) {
        for q in &queries {
            let t = Instant::now();
            std::hint::black_box(engine.ask(q, 3));
            let ns = t.elapsed().as_nanos();
            times.push(ns);
            if ns > slowest.0 {
                slowest = (ns, q.as_str());
            }
        }
    }
    times.sort_unstable();
    let pct = |p: f64| times[((times.len() - 1) as f64 * p) as usize] as f64 / 1000.0;
    out!(
        "faq bench: {} entries, {} queries x {} rounds",
        faq.entries.len(),
        queries.len(),
        a.rounds.max(1)
    );
    out!(
        "compile:      {:.3} ms ({} bytes)",
        build.as_secs_f64() * 1000.0,
        engine.image().bytes().len()
    );
    out!("query p50:    {:.1} µs", pct(0.5));
    out!("query p99:    {:.1} µs", pct(0.99));
    out!("query max:    {:.1} µs  ({:?})", pct(1.0), slowest.1);
    Ok(ExitCode::SUCCESS)
}
