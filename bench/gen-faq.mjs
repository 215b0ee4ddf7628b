#!/usr/bin/env node
// Deterministic generator of large FAQs for the benchmark.
//
//   node bench/gen-faq.mjs --size 1000 [--seed 5] [--faq faq.json] --out bench-results/faq-1000.json
//
// The output keeps faq.json's contacts, categories, synonyms, "unanswered" topics and its real
// entries (first, unchanged, so tests/data/dev.tsv still names the right ids), then adds
// generated entries up to --size. Generated entries are Spanish-like: question frames, verbs and
// nouns of an ISP's FAQ (many of them the real FAQ's own words, so they compete with the real
// entries the way a bigger FAQ's neighbours would), plus one invented topic word per entry (a
// product, place or procedure name built from Spanish syllables) so that each entry has
// something of its own. About half the entries get an English rendering. Same seed, same bytes:
// the PRNG is mulberry32, never Math.random.
import fs from "node:fs";
import path from "node:path";
import { mulberry32 } from "./prng.mjs";

function parseArgs(argv) {
  const a = { size: 1000, seed: 5, faq: "faq.json", out: null };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    const v = () => argv[++i];
    if (k === "--size") a.size = Number(v());
    else if (k === "--seed") a.seed = Number(v());
    else if (k === "--faq") a.faq = v();
    else if (k === "--out") a.out = v();
    else throw new Error(`gen-faq: unknown argument ${k}`);
  }
  if (!Number.isInteger(a.size) || a.size < 1) throw new Error("gen-faq: --size takes a positive whole number");
  return a;
}

// Vocabulary of an ISP's FAQ. Verbs: [infinitive, first person, English].
const VERBS = [
  ["contratar", "contrato", "sign up for"],
  ["pagar", "pago", "pay for"],
  ["cambiar", "cambio", "change"],
  ["configurar", "configuro", "set up"],
  ["activar", "activo", "activate"],
  ["solicitar", "solicito", "request"],
  ["renovar", "renuevo", "renew"],
  ["reportar", "reporto", "report"],
  ["registrar", "registro", "register"],
  ["consultar", "consulto", "check"],
  ["trasladar", "traslado", "move"],
  ["suspender", "suspendo", "suspend"],
  ["recuperar", "recupero", "recover"],
  ["actualizar", "actualizo", "update"],
  ["instalar", "instalo", "install"],
  ["reclamar", "reclamo", "claim"],
  ["descargar", "descargo", "download"],
  ["revisar", "reviso", "review"],
  ["modificar", "modifico", "modify"],
  ["transferir", "transfiero", "transfer"],
  ["anular", "anulo", "cancel"],
  ["reactivar", "reactivo", "reactivate"],
  ["agendar", "agendo", "schedule"],
  ["imprimir", "imprimo", "print"],
];
// Nouns: [singular, English, gender].
const NOUNS = [
  ["servicio", "service", "m"],
  ["equipo", "device", "m"],
  ["factura", "invoice", "f"],
  ["cuenta", "account", "f"],
  ["router", "router", "m"],
  ["clave", "password", "f"],
  ["contrato", "contract", "m"],
  ["certificado", "certificate", "m"],
  ["tarjeta", "card", "f"],
  ["permiso", "permit", "m"],
  ["solicitud", "application", "f"],
  ["reclamo", "complaint", "m"],
  ["cable", "cable", "m"],
  ["antena", "antenna", "f"],
  ["red", "network", "f"],
  ["conexión", "connection", "f"],
  ["dirección", "address", "f"],
  ["comprobante", "receipt", "m"],
  ["convenio", "agreement", "m"],
  ["usuario", "user", "m"],
  ["correo", "e-mail", "m"],
  ["visita técnica", "technician visit", "f"],
  ["cita", "appointment", "f"],
  ["pago", "payment", "m"],
  ["depósito", "deposit", "m"],
  ["trámite", "procedure", "m"],
  ["registro", "record", "m"],
  ["historial", "history", "m"],
  ["beneficio", "benefit", "m"],
  ["descuento", "discount", "m"],
  ["módem", "modem", "m"],
  ["señal", "signal", "f"],
];
const PLACES = [
  "Loja",
  "Catamayo",
  "Zamora",
  "Malacatos",
  "Vilcabamba",
  "Saraguro",
  "Cariamanga",
  "Macará",
  "el centro",
  "el valle",
  "San Sebastián",
  "El Sagrario",
  "Sucre",
  "la oficina",
  "la agencia",
];
const CONNECT = ["además", "también", "luego", "por favor", "en ese caso", "si lo prefiere", "de ser necesario", "cuando corresponda"];
const SYLL_ON = ["b", "c", "d", "f", "g", "l", "m", "n", "p", "r", "s", "t", "v", "ch", "br", "tr", "pl", "gr", "qu"];
const SYLL_NUC = ["a", "e", "i", "o", "u", "ia", "ue", "io"];
const SYLL_CODA = ["", "", "", "n", "s", "r", "l"];
const SUFFIX = ["ia", "ero", "ción", "al", "ista", "ario", "ura", "ado", "ón", "illa"];

// Question frames: (v = verb infinitive, v1 = first person, n = noun with article, t = topic).
const Q_FRAMES = [
  (x) => `¿Cómo puedo ${x.v} ${x.n} ${x.dt}?`,
  (x) => `¿Dónde ${x.v1} ${x.n} ${x.dt}?`,
  (x) => `¿Qué necesito para ${x.v} ${x.n} ${x.dt}?`,
  (x) => `¿Cuáles son los requisitos para ${x.v} ${x.n} ${x.dt}?`,
  (x) => `¿Se puede ${x.v} ${x.n} ${x.dt} en línea?`,
  (x) => `Quiero ${x.v} ${x.n} ${x.dt}, ¿qué hago?`,
  (x) => `¿Cuánto tiempo toma ${x.v} ${x.n} ${x.dt}?`,
  (x) => `Necesito ayuda para ${x.v} ${x.n} ${x.dt}`,
  (x) => `¿A quién le pido ${x.v} ${x.n} ${x.dt}?`,
  (x) => `¿Puedo ${x.v} ${x.n} ${x.dt} desde mi casa?`,
  (x) => `¿Es posible ${x.v} ${x.n} ${x.dt} el mismo día?`,
  (x) => `${x.T} ¿cómo ${x.v1} ${x.n}?`,
];
const EN_FRAMES = [
  (x) => `How do I ${x.v} the ${x.t} ${x.n}?`,
  (x) => `Where can I ${x.v} my ${x.t} ${x.n}?`,
  (x) => `What do I need to ${x.v} the ${x.t} ${x.n}?`,
  (x) => `Can I ${x.v} the ${x.t} ${x.n} online?`,
];
const A_FRAMES = [
  (x) => `Para ${x.v} ${x.n} ${x.dt} acérquese a nuestra oficina de ${x.p} con su cédula de identidad.`,
  (x) => `Puede ${x.v} ${x.n} ${x.dt} llamando al PBX o escribiendo a soporte; ${x.c} indique el nombre del titular.`,
  (x) => `El trámite para ${x.v} ${x.n} ${x.dt} tarda entre ${x.d} y ${x.d + 2} días hábiles.`,
  (x) => `Si desea ${x.v} ${x.n} ${x.dt}, presente el último comprobante de pago y una copia del contrato.`,
  (x) => `Nuestro equipo técnico revisa cada solicitud de ${x.t} y le confirma por correo o WhatsApp.`,
  (x) => `Las solicitudes de ${x.t} recibidas en ${x.p} se atienden en orden de llegada.`,
];

function generate(base, size, seed) {
  const rnd = mulberry32(seed);
  const pick = (arr) => arr[Math.floor(rnd() * arr.length)];
  const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
  const shuffle = (arr) => {
    const a = arr.slice();
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a;
  };
  // Words of the real entries' Spanish questions and phrasings, to reuse as extra keywords.
  const realWords = [
    ...new Set(
      base.entries
        .flatMap((e) => [e.question, ...e.phrasings])
        .join(" ")
        .toLowerCase()
        .match(/[a-záéíóúñü]{5,}/g),
    ),
  ].sort();
  const used = new Set();
  const topicWord = () => {
    for (;;) {
      let w = "";
      const n = int(2, 3);
      for (let i = 0; i < n; i++) w += pick(SYLL_ON) + pick(SYLL_NUC) + (i === n - 1 ? "" : pick(SYLL_CODA));
      w += pick(SUFFIX);
      if (!used.has(w) && w.length <= 16) {
        used.add(w);
        return w;
      }
    }
  };
  const ascii = (s) =>
    s
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "");
  const cats = base.categories.map((c) => c.id);
  const out = structuredClone(base);
  out.entries = base.entries.slice(0, Math.min(size, base.entries.length));
  for (let i = out.entries.length; i < size; i++) {
    const [v, v1, ven] = pick(VERBS);
    const [noun, nen, g] = pick(NOUNS);
    const topic = topicWord();
    const place = pick(PLACES);
    const art = g === "m" ? "el" : "la";
    const x = { v, v1, n: `${art} ${noun}`, t: topic, dt: `de ${topic}`, T: topic[0].toUpperCase() + topic.slice(1), p: place, c: pick(CONNECT), d: int(2, 9) };
    const frames = shuffle(Q_FRAMES);
    const question = frames[0](x);
    const phrasings = frames.slice(1, 1 + int(2, 6)).map((f) => f(x));
    phrasings.push(`${noun} ${topic}`);
    const keywords = [topic, noun, v, ...shuffle(realWords).slice(0, int(0, 3))];
    const answer = shuffle(A_FRAMES)
      .slice(0, int(1, 3))
      .map((f) => f(x))
      .join(" ");
    const entry = {
      id: `${ascii(topic)}-${ascii(noun)}-${i}`,
      category: pick(cats),
      question,
      answer,
      phrasings,
      keywords,
    };
    if (rnd() < 0.5) {
      const xe = { v: ven, n: nen, t: topic };
      const ef = shuffle(EN_FRAMES);
      entry.en = {
        question: ef[0](xe),
        answer: `To ${ven} the ${topic} ${nen}, please visit our office in ${place} with your ID card or call us.`,
        phrasings: ef.slice(1, 1 + int(0, 2)).map((f) => f(xe)),
      };
    }
    out.entries.push(entry);
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const a = parseArgs(process.argv.slice(2));
  const base = JSON.parse(fs.readFileSync(a.faq, "utf8"));
  const faq = generate(base, a.size, a.seed);
  const text = `${JSON.stringify(faq, null, 1)}\n`;
  if (a.out) {
    fs.mkdirSync(path.dirname(a.out), { recursive: true });
    fs.writeFileSync(a.out, text);
    console.error(`gen-faq: ${a.out}: ${faq.entries.length} entries, ${text.length} bytes (seed ${a.seed})`);
  } else {
    process.stdout.write(text);
  }
}

export { generate };
