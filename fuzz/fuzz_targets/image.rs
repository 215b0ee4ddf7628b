//! Fuzzes what a host page's `faq-src` pack brings the engine: the compiled index's bytes, as
//! forged or damaged as they come. Reading must refuse them with an error or give an engine that
//! answers like any other: never a panic, never an out-of-bounds read.
#![no_main]

use faq_widget::engine::{Engine, Status};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(engine) = Engine::from_image(data.to_vec()) else {
        return;
    };
    let n = engine.entries();
    for q in [
        "como pago mi factura",
        "no tengo internet",
        "wifi clave",
        "xq",
        "zzzz qqq",
    ] {
        let r = engine.ask(q, 3);
        assert!(r.hits().len() <= 3 && r.candidates.len() <= 3);
        // No answer has no hits; an answer has some (a request for the contacts may have none).
        if r.status == Status::None {
            assert!(r.hits().is_empty());
        } else if r.status != Status::Contact {
            assert!(!r.hits().is_empty());
        }
        for h in r.candidates.iter() {
            assert!(h.index < n, "a hit outside the entries");
            assert!((0.0..=1.0).contains(&h.score), "a score outside [0, 1]");
        }
        let _ = engine.highlight(q, &[String::from("factur")]);
    }
});
