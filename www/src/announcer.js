// The widget's live region: how a screen reader learns what changed on screen (an answer shown,
// the suggestions counted, feedback thanked for, the kiosk reset).

import { h } from "./dom.js";

// How long typing must pause before the number of suggestions is said, so that it is not said
// after every keystroke.
const PAUSE_MS = 700;

/** One widget's announcements; its region is created anew each time the panel is rendered. */
export class Announcer {
  constructor() {
    this._region = null;
    this._pending = 0;
  }

  /** A new live region for a newly rendered panel: later announcements go to it. */
  region() {
    this._region = h("div", { class: "sr-only", role: "status", "aria-live": "polite", "aria-atomic": "true" });
    return this._region;
  }

  /** Says `text` now. */
  say(text) {
    if (!this._region) return;
    // Clearing first makes screen readers read the same text again.
    this._region.textContent = "";
    setTimeout(() => {
      if (this._region) this._region.textContent = text;
    }, 30);
  }

  /**
   * Says `message()` once typing has paused, unless another sayAfterPause or cancel comes first;
   * `message` is asked then, and null says nothing.
   */
  sayAfterPause(message) {
    clearTimeout(this._pending);
    this._pending = setTimeout(() => {
      const text = message();
      if (this._region && text !== null) this._region.textContent = text;
    }, PAUSE_MS);
  }

  /** Drops the announcement sayAfterPause is holding back. */
  cancel() {
    clearTimeout(this._pending);
  }
}
