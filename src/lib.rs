//! faq-widget: an FAQ assistant that answers entirely in the browser.
//!
//! The crate has layers that stay apart:
//! - [`text`], [`faq`], [`engine`] and [`eval`]: the pure-Rust core (no wasm, no DOM), tested
//!   natively;
//! - `wasm` (only on `wasm32`): a thin wasm-bindgen layer that converts types; `studio` (the
//!   studio's build): the editors' tool's commands for the browser;
//! - [`report`]: what the editors' tools report, as JSON (the `faq` tool and the studio);
//! - the `faq` binary (`src/bin/faq/`): the command-line tool for the FAQ's editors.
#![warn(missing_docs)]
#![deny(unsafe_code)]

pub mod engine;
pub mod eval;
pub mod faq;
#[cfg(all(
    feature = "build",
    any(not(target_arch = "wasm32"), feature = "studio")
))]
pub mod report;
pub mod text;

#[cfg(target_arch = "wasm32")]
mod wasm;

#[cfg(all(target_arch = "wasm32", feature = "studio"))]
mod studio;

/// The WebAssembly build's allocator: talc (Rust's default there, dlmalloc, is about 7 KB larger).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

pub use engine::{Engine, Hit, Matched, Params, Reply, Status, Via};
pub use faq::{validate, Faq, Finding, Severity};
