//! Helpers shared by the integration tests that run the `faq` binary.

use std::process::{Command, Output};

/// Runs the `faq` binary from the crate root, as an editor would.
pub fn faq(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_faq"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the faq binary runs")
}

/// Writes `content` to a file in a temporary folder of this test process; returns its path.
pub fn temp_file(name: &str, content: &[u8]) -> String {
    let dir = std::env::temp_dir().join(format!("faq-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, content).expect("write temp file");
    path.to_string_lossy().into_owned()
}
