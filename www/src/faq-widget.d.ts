// Types for the <faq-widget> element defined by dist/faq-widget.js (a classic script: it defines
// the element and nothing else). The engine's own types are in dist/pkg/faq_widget.d.ts.

export interface FaqAnswer {
  /** The FAQ entry's id. */
  id: string;
  /** Question and answer in the widget's language (the entry's `en` texts when lang="en" and present). */
  question: string;
  answer: string;
  category: string;
  /** Confidence in 0..1: the share of the question the entry explains. */
  score: number;
  /** The engine's raw score (answers come sorted by it, best first). */
  raw: number;
  /** "answer" (one clear answer) or "ambiguous" (the next answers are close). */
  status: "answer" | "ambiguous";
  /** Index terms that matched (what the widget marks in the texts). */
  terms: string[];
}

export interface FaqWidgetElement extends HTMLElement {
  /** "floating" (default: launcher button + panel), "inline" (in the page flow) or "kiosk" (full screen). */
  readonly mode: "floating" | "inline" | "kiosk";
  /** Interface language: "es" (default) or "en". Reflects the lang attribute. */
  lang: string;
  /** Kiosk idle period in seconds: ?idle= in the page URL, else the idle attribute, else 60. */
  readonly idleSeconds: number;
  /**
   * Answers best first; [] when the FAQ has no answer. Texts in the question's language (English or
   * Spanish) when its words tell, else in the widget's. Rejects when faq-src could not be loaded.
   */
  ask(query: string): Promise<FaqAnswer[]>;
  /** Floating mode: opens the panel and focuses the question box. */
  open(): void;
  /** Floating mode: closes the panel and gives focus back to the launcher. */
  close(): void;
}

declare global {
  interface HTMLElementTagNameMap {
    "faq-widget": FaqWidgetElement;
  }
  interface HTMLElementEventMap {
    /** Kiosk mode: fired when the idle period (or, on dist/kiosk.html, "Empezar de nuevo") cleared the screen. */
    "faq-widget-reset": CustomEvent<void>;
  }
}
