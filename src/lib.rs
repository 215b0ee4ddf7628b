//! faq-widget: an FAQ assistant that answers entirely in the browser.
//!
//! The crate has layers that stay apart:
//! - [`text`], [`faq`], [`engine`] and [`eval`]: the pure-Rust core (no wasm, no DOM), tested
//!   natively;
//! - `wasm` (only on `wasm32`): a thin wasm-bindgen layer that converts types, and
//!   `wasm_alloc`, the small allocator of the WebAssembly build (the only `unsafe` code);
//! - the `faq` binary (`src/bin/faq/`): the command-line tool for the FAQ's editors.
#![warn(missing_docs)]

pub mod engine;
pub mod eval;
pub mod faq;
pub mod text;

#[cfg(target_arch = "wasm32")]
mod wasm;

#[cfg(target_arch = "wasm32")]
mod wasm_alloc;

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: wasm_alloc::SizeClassAlloc = wasm_alloc::SizeClassAlloc::new();

pub use engine::{Engine, Hit, Matched, Params, Reply, Status, Via};
pub use faq::{validate, Faq, Finding, Severity};
