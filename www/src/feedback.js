// "¿Te sirvió?" answers, kept in this browser only (localStorage): per entry, how many said yes
// and no and when the last one did. Never what was asked, so a kiosk keeps nothing of what was typed.

import { emit } from "./events.js";

const FEEDBACK_KEY = "faq-widget:feedback";

/** The stored counts: {[entryId]: {yes, no, last}}; {} when there are none or storage is off. */
export function readFeedback() {
  try {
    return JSON.parse(localStorage.getItem(FEEDBACK_KEY) || "{}") || {};
  } catch (_) {
    return {};
  }
}

/** Counts one answer for entry `id`: helpful (yes) or not (no). */
export function saveFeedback(id, helpful) {
  emit({ type: "feedback", id, helpful });
  try {
    const all = readFeedback();
    const e = all[id] || { yes: 0, no: 0 };
    e[helpful ? "yes" : "no"] += 1;
    e.last = new Date().toISOString();
    all[id] = e;
    localStorage.setItem(FEEDBACK_KEY, JSON.stringify(all));
  } catch (_) {
    // Storage may be off (private mode, sandboxed frame): feedback is then simply not kept.
  }
}
