// Reading the kiosk's staff export (www/src/kiosk-export.schema.json, written by
// www/src/kiosk-staff.js) in the studio. A file from a USB stick may be anything: it is checked
// against every rule of the schema before any of it is shown, and refused with the first rule it
// breaks (its place in the file and what is wrong).

import { EXPORT_FORMAT, MAX_TEXT, MAX_UNANSWERED } from "../src/kiosk-staff.js";

const TOP = ["format", "version", "organization", "since", "exported", "questions", "entries", "unanswered", "unansweredDropped"];
const QUESTIONS = ["total", "answered", "ambiguous", "unanswered"];
const ENTRY = ["id", "question", "shown", "asked", "helpful", "notHelpful"];
const COUNTS = ["shown", "asked", "helpful", "notHelpful"];
// The schema's pattern for a masked question: no digit, no "@" outside "[correo]".
const MASKED = /^[^0-9@]*(\[correo\][^0-9@]*)*$/;
// RFC 3339 date-time, as JSON Schema's "date-time" format.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;
/** More entries than the FAQ may have (src/faq/rules.rs MAX_ENTRIES) and the kiosk's removed ones. */
const MAX_ENTRIES = 40_000;

/** An Error whose message says where in the export (a JSON path) and what is wrong. */
class ExportError extends Error {
  constructor(place, what) {
    super(`${place}: ${what}`);
    this.place = place;
  }
}

const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
const isCount = (v) => Number.isSafeInteger(v) && v >= 0;

function exactKeys(value, keys, place) {
  if (!isObject(value)) throw new ExportError(place, "must be an object");
  for (const k of keys) if (!Object.hasOwn(value, k)) throw new ExportError(place, `the field "${k}" is missing`);
  for (const k of Object.keys(value)) if (!keys.includes(k)) throw new ExportError(place, `unknown field "${k.slice(0, 40)}"`);
}

function count(value, place) {
  if (!isCount(value)) throw new ExportError(place, "must be a whole number, 0 or more");
}

/**
 * The export of `text` (a file's text) checked against the schema: the parsed object, or an
 * ExportError naming the first place that breaks a rule.
 */
export function readKioskExport(text) {
  let data;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new ExportError("file", `not JSON (${e.message})`);
  }
  if (!isObject(data)) throw new ExportError("file", "must be a JSON object");
  if (data.format !== EXPORT_FORMAT) throw new ExportError("format", `must be "${EXPORT_FORMAT}": this is not the kiosk's export`);
  if (data.version !== 1) throw new ExportError("version", "must be 1: export it again from this version of the kiosk");
  exactKeys(data, TOP, "file");
  if (data.organization !== null && typeof data.organization !== "string") throw new ExportError("organization", "must be text or null");
  for (const k of ["since", "exported"]) {
    if (typeof data[k] !== "string" || !DATE_TIME.test(data[k]) || Number.isNaN(Date.parse(data[k]))) throw new ExportError(k, "must be a date and time");
  }
  exactKeys(data.questions, QUESTIONS, "questions");
  for (const k of QUESTIONS) count(data.questions[k], `questions.${k}`);
  if (!Array.isArray(data.entries)) throw new ExportError("entries", "must be a list");
  if (data.entries.length > MAX_ENTRIES) throw new ExportError("entries", `more than ${MAX_ENTRIES} entries`);
  data.entries.forEach((e, i) => {
    const place = `entries[${i}]`;
    exactKeys(e, ENTRY, place);
    if (typeof e.id !== "string") throw new ExportError(`${place}.id`, "must be text");
    if (e.question !== null && typeof e.question !== "string") throw new ExportError(`${place}.question`, "must be text or null");
    for (const k of COUNTS) count(e[k], `${place}.${k}`);
  });
  if (!Array.isArray(data.unanswered)) throw new ExportError("unanswered", "must be a list");
  if (data.unanswered.length > MAX_UNANSWERED) throw new ExportError("unanswered", `more than ${MAX_UNANSWERED} questions`);
  data.unanswered.forEach((u, i) => {
    const place = `unanswered[${i}]`;
    exactKeys(u, ["text", "count"], place);
    if (typeof u.text !== "string" || u.text.length < 1 || [...u.text].length > MAX_TEXT) {
      throw new ExportError(`${place}.text`, `must be text of 1 to ${MAX_TEXT} characters`);
    }
    if (!MASKED.test(u.text))
      throw new ExportError(`${place}.text`, "holds a digit or an e-mail address, which the kiosk masks: the file was not written by the kiosk");
    if (!Number.isSafeInteger(u.count) || u.count < 1) throw new ExportError(`${place}.count`, "must be a whole number, 1 or more");
  });
  count(data.unansweredDropped, "unansweredDropped");
  return data;
}

/** The entries customers said did not help ("no me sirvió"), most first; zeros left out. */
export function notHelpful(data) {
  return data.entries.filter((e) => e.notHelpful > 0).sort((a, b) => b.notHelpful - a.notHelpful || a.id.localeCompare(b.id));
}

/** The unanswered questions, most asked first (the kiosk's order among equals). */
export function unansweredByCount(data) {
  return data.unanswered.map((u, order) => ({ ...u, order })).sort((a, b) => b.count - a.count || a.order - b.order);
}
