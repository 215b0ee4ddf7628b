//! The shipped FAQ data: every entry and fact of the ISP's source is there, the file follows its
//! JSON Schema, the validator accepts it, and answers on the labelled dev set meet the targets.

use faq_widget::eval::{evaluate, parse_tsv};
use faq_widget::faq::{parse_json, validate, Faq, Severity};
use faq_widget::Engine;

fn faq_text() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/faq.json"))
        .expect("faq.json at the crate root")
}

fn faq() -> Faq {
    parse_json(&faq_text()).expect("faq.json parses")
}

/// A file of `tests/data/` (the ISP's source text, the labelled question sets).
fn data(path: &str) -> String {
    let p = format!("{}/tests/data/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{p}: {e}"))
}

const IDS: [(&str, &str); 12] = [
    (
        "contratar-donde",
        "¿Dónde puedo contratar el servicio de internet?",
    ),
    (
        "contratar-requisitos",
        "¿Cuáles son los requisitos para contratar el servicio de internet?",
    ),
    (
        "traspaso-requisitos",
        "¿Cuáles son los requisitos para realizar un traspaso del servicio de internet?",
    ),
    (
        "cambio-nombre-requisitos",
        "¿Cuáles son los requisitos para realizar un cambio de nombre del servicio?",
    ),
    (
        "cobertura",
        "¿En qué lugar tienen cobertura de su servicio?",
    ),
    ("pagos-formas", "¿Cómo puedo realizar mis pagos?"),
    ("pagos-notificar", "¿Cómo puedo notificar mi pago?"),
    (
        "factura-vencimiento",
        "¿Cuál es la fecha de vencimiento de mi factura?",
    ),
    (
        "sin-servicio",
        "¿Por qué no cuento con el servicio de internet?",
    ),
    (
        "wifi-cambiar-clave",
        "¿Cómo puedo realizar el cambio de clave de mi Wi-Fi?",
    ),
    (
        "reportar-inconveniente",
        "¿Cómo puedo reportar un inconveniente con mi servicio?",
    ),
    ("wifi-clave", "¿Cuál es la clave de mi Wi-Fi?"),
];

#[test]
fn has_the_twelve_entries_in_order_with_their_questions() {
    let f = faq();
    let got: Vec<(&str, &str)> = f
        .entries
        .iter()
        .map(|e| (e.id.as_str(), e.question.as_str()))
        .collect();
    assert_eq!(got, IDS);
    let cats: Vec<&str> = f.entries.iter().map(|e| e.category.as_str()).collect();
    assert_eq!(&cats[..5], ["contratacion"; 5]);
    assert_eq!(&cats[5..8], ["cobranzas"; 3]);
    assert_eq!(&cats[8..], ["soporte"; 4]);
}

fn answer(f: &Faq, id: &str) -> String {
    f.entries
        .iter()
        .find(|e| e.id == id)
        .map(|e| e.answer.clone())
        .unwrap_or_else(|| panic!("no entry {id}"))
}

#[test]
fn keeps_every_fact_of_the_source() {
    let f = faq();
    let facts: &[(&str, &[&str])] = &[
        (
            "contratar-donde",
            &["Sucre 11-25", "Azuay", "Mercadillo", "oficinas"],
        ),
        (
            "contratar-requisitos",
            &[
                "cédula de identidad",
                "dirección exacta del domicilio",
                "dos a tres números telefónicos",
                "correo electrónico",
            ],
        ),
        (
            "traspaso-requisitos",
            &["titular de la cuenta", "autorización", "copia de su cédula"],
        ),
        (
            "cambio-nombre-requisitos",
            &[
                "titular de la cuenta",
                "cédula de identidad",
                "números telefónicos",
                "correo electrónico",
                "nuevo titular",
            ],
        ),
        (
            "cobertura",
            &[
                "Loja",
                "Catamayo",
                "Malacatos",
                "Vilcabamba",
                "Zamora",
                "Yantzaza",
            ],
        ),
        (
            "pagos-formas",
            &[
                "oficinas",
                "débito bancario",
                "transferencias",
                "depósito",
                "BCO LOJA (2900691879)",
                "BCO DE GUAYAQUIL (0021019011)",
                "BCO DEL PICHINCHA (3492053604)",
                "PRODUBANCO (2125011901)",
                "BCO DESARROLLO (11100095016)",
                "BCO. BOLIVARIANO (1401126687)",
                "COOPMEGO (401010785657)",
            ],
        ),
        (
            "pagos-notificar",
            &["contabilidad@nettplus.net", "0990232671", "3701830 ext. 3"],
        ),
        (
            "factura-vencimiento",
            &["contrato", "31701830 ext. 2", "corte y vencimiento"],
        ),
        ("sin-servicio", &["3701830 ext. 1"]),
        (
            "wifi-cambiar-clave",
            &[
                "router y el cargador",
                "3701830 ext. 1",
                "acceso remoto",
                "visita técnica",
            ],
        ),
        (
            "reportar-inconveniente",
            &[
                "3701830 ext. 1",
                "soporte@nettplus.net",
                "0984060320",
                "mensajes de voz",
                "Messenger",
            ],
        ),
        (
            "wifi-clave",
            &[
                "técnico",
                "instalación",
                "configuración de su router",
                "recuperación",
            ],
        ),
    ];
    for (id, list) in facts {
        let a = answer(&f, id);
        for fact in *list {
            assert!(
                a.contains(fact),
                "entry {id}: the answer lost the fact {fact:?}"
            );
        }
    }
    // Numbers are never changed: each one in the answers stands in the source as received.
    let source: String = data("source/nettplus-preguntas-frecuentes.txt")
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    for e in &f.entries {
        for n in e
            .answer
            .split(|c: char| !c.is_ascii_digit())
            .filter(|n| n.len() >= 7)
        {
            assert!(
                source.contains(n),
                "entry {}: number {n} is not in the source",
                e.id
            );
        }
    }
    let c = &f.contact;
    assert_eq!(c.pbx.as_ref().map(|p| p.number.as_str()), Some("3701830"));
    let wa: Vec<&str> = c.whatsapp.iter().map(|w| w.value.number.as_str()).collect();
    assert_eq!(wa, ["0984060320", "0990232671"]);
    let mails: Vec<&str> = c.email.iter().map(|m| m.value.address.as_str()).collect();
    assert_eq!(mails, ["soporte@nettplus.net", "contabilidad@nettplus.net"]);
    assert!(c
        .address
        .as_ref()
        .is_some_and(|a| a.text.contains("Sucre 11-25 entre Azuay y Mercadillo")));
}

#[test]
fn every_entry_has_phrasings_keywords_and_english() {
    for e in faq().entries {
        assert!(e.phrasings.len() >= 5, "{}: too few phrasings", e.id);
        assert!(!e.keywords.is_empty(), "{}: no keywords", e.id);
        let en =
            e.en.unwrap_or_else(|| panic!("{}: no English rendering", e.id));
        assert!(!en.question.is_empty() && !en.answer.is_empty());
    }
}

#[test]
fn validator_accepts_it_and_flags_only_the_source_number_typo() {
    let found = validate(&faq());
    assert!(
        found.iter().all(|f| f.severity == Severity::Warning),
        "{found:#?}"
    );
    // The source's "31701830" differs by one digit from the PBX 3701830: kept as received,
    // and the validator tells the editors.
    assert!(
        found.iter().all(|f| f.message.contains("31701830")),
        "{found:#?}"
    );
    assert!(!found.is_empty());
}

fn schema_check(instance: &serde_json::Value) -> Result<(), String> {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/faq.schema.json"))
            .expect("schema file"),
    )
    .expect("schema is JSON");
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    compiler
        .add_resource("faq.schema.json", schema)
        .map_err(|e| e.to_string())?;
    let idx = compiler
        .compile("faq.schema.json", &mut schemas)
        .map_err(|e| format!("{e:#}"))?;
    schemas
        .validate(instance, idx)
        .map_err(|e| format!("{e:#}"))
}

#[test]
fn json_schema_accepts_the_faq_and_rejects_broken_ones() {
    let value: serde_json::Value = serde_json::from_str(&faq_text()).expect("faq.json is JSON");
    schema_check(&value).expect("faq.json follows faq.schema.json");
    let mut broken = value.clone();
    broken["entries"][0]["id"] = serde_json::json!("Not An Id");
    assert!(schema_check(&broken).is_err());
    let mut broken = value.clone();
    broken["entries"][1]["answr"] = serde_json::json!("typo in a field name");
    assert!(schema_check(&broken).is_err());
    let mut broken = value;
    broken["contact"]["address"]["map"] = serde_json::json!("javascript:alert(1)");
    assert!(schema_check(&broken).is_err());
}

/// Every labelled question set of `tests/data/`: dev, the proxy set and each blind set
/// `blind/rN.tsv` in the order of N (each measured blind once, then used for development:
/// tests/data/blind/README.md). The folder is the list: a new set joins the gate by being added.
fn sets() -> Vec<String> {
    let dir = format!("{}/tests/data/blind", env!("CARGO_MANIFEST_DIR"));
    let mut blind: Vec<(u32, String)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .filter_map(|e| {
            let name = e.ok()?.file_name().into_string().ok()?;
            let n = name.strip_prefix('r')?.strip_suffix(".tsv")?.parse().ok()?;
            Some((n, format!("blind/{name}")))
        })
        .collect();
    blind.sort();
    assert!(blind.len() >= 18, "{dir}: {} blind sets", blind.len());
    let mut all = vec!["dev.tsv".to_string(), "proxy.tsv".to_string()];
    all.extend(blind.into_iter().map(|(_, name)| name));
    all
}

/// The accuracy gate, on the union of every labelled set: the targets for held-out sets
/// (overall and in-scope top-1 at least 0.93, out-of-scope rejection at least 0.90). These are
/// the sets the method was developed on, so meeting them here is necessary, not sufficient; the
/// blind figures in the README are the honest ones.
#[test]
fn answer_quality_on_every_labelled_set_meets_the_targets() {
    let engine = Engine::new(&faq()).expect("faq.json compiles");
    let mut cases = Vec::new();
    for set in sets() {
        let mut c = parse_tsv(&data(&set)).unwrap_or_else(|e| panic!("{set}: {e}"));
        assert!(c.len() >= 100, "{set}: {} rows", c.len());
        cases.append(&mut c);
    }
    let report = evaluate(&engine, &cases);
    let wrong: Vec<String> = report
        .outcomes
        .iter()
        .filter(|o| !o.correct)
        .map(|o| {
            format!(
                "{} → {:?} (expected {:?})",
                o.case.query, o.answered, o.case.expected
            )
        })
        .collect();
    eprintln!(
        "{} rows: top-1 {:.3}, top-3 {:.3}, rejection {:.3}, overall {:.3}\n{}",
        report.rows,
        report.in_scope_top1,
        report.in_scope_top3,
        report.oos_rejection,
        report.overall,
        wrong.join("\n")
    );
    for (name, got, min) in [
        ("overall", report.overall, 0.93),
        ("in-scope top-1", report.in_scope_top1, 0.93),
        ("out-of-scope rejection", report.oos_rejection, 0.90),
    ] {
        assert!(got >= min, "{name} {got:.3} < {min}");
    }
}

/// `contact` in a set counts the contact options as the answer: right when the engine lists them
/// first, wrong when it answers with an entry (or with none).
#[test]
fn the_contact_label_is_right_only_when_the_contact_options_come_first() {
    let engine = Engine::new(&faq()).expect("faq.json compiles");
    let cases = parse_tsv(
        "query\texpected\ttags\nnumero de telefono de ustedes\tcontact\t\n\
         como cambio la clave del wifi\tcontact\t\n\
         como cambio la clave del wifi\twifi-cambiar-clave|contact\t\n",
    )
    .expect("parses");
    let report = evaluate(&engine, &cases);
    let correct: Vec<bool> = report.outcomes.iter().map(|o| o.correct).collect();
    assert_eq!(correct, [true, false, true], "{:?}", report.outcomes);
    assert_eq!(
        report.outcomes[0].answered.first().map(String::as_str),
        Some("contact")
    );
}

/// The JSON Schema states the validator's limits and patterns (`faq schema --write` writes them).
#[test]
fn json_schema_states_the_validators_rules() {
    let mut schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/faq.schema.json"))
            .expect("schema file"),
    )
    .expect("schema is JSON");
    let changed = faq_widget::faq::rules::apply_to_schema(&mut schema).expect("every rule's place");
    assert!(
        changed.is_empty(),
        "faq.schema.json differs from src/faq/rules.rs at {changed:?}: run `faq schema --write`"
    );
}

/// faq.json is in its one written form (what the studio downloads): `faq format --write`.
#[test]
fn faq_json_is_in_its_written_form() {
    let written = faq_widget::faq::format(&faq()).expect("formats");
    assert!(
        written == faq_text(),
        "faq.json is not in its written form: run `faq format --write`"
    );
}

/// Every entry's own question, in Spanish and English, finds its entry first (the widget shows
/// and suggests these very texts).
#[test]
fn every_entrys_own_question_finds_it() {
    let f = faq();
    let engine = Engine::new(&f).expect("faq.json compiles");
    for e in &f.entries {
        let en = e.en.as_ref().map(|t| t.question.as_str());
        for q in std::iter::once(e.question.as_str()).chain(en) {
            let r = engine.ask(q, 3);
            assert_ne!(r.status, faq_widget::Status::None, "{q}: {r:?}");
            assert_eq!(r.hits()[0].id, e.id, "{q}");
        }
    }
}
