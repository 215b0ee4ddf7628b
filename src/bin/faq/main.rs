//! `faq`: the command-line tool for the FAQ's editors.
//!
//! ```text
//! faq validate [FILE] [--json]
//! faq ask "QUESTION" [--faq FILE] [--top N] [--json]
//! faq eval FILE.tsv [--faq FILE] [--json]
//! faq bench [--faq FILE] [--queries FILE.tsv] [--rounds N]
//! ```

#[cfg(not(target_arch = "wasm32"))]
mod cli;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

/// The tool reads files and has no use in a browser; this keeps `cargo build --target wasm32`
/// of the whole crate working.
#[cfg(target_arch = "wasm32")]
fn main() {}
