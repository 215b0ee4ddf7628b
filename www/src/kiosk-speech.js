// "Escuchar": the answer read aloud by the browser's speech synthesis, with a voice of the
// computer itself. Only voices with localService true are used, so no text is sent to an online
// speech service; when the computer has no local voice for the language, there is no button.

/** The speech synthesis of this browser, or null. */
function synth() {
  return globalThis.speechSynthesis || null;
}

// Preferred Spanish variants, closest to Loja's first.
const PREFERRED = { es: ["es-ec", "es-419", "es-co", "es-pe", "es-mx", "es-us", "es-es"], en: ["en-us", "en-gb"] };

/** The best local voice for `lang` ("es" or "en") among `voices`, or null: never one that is not localService. */
export function pickVoice(voices, lang) {
  const norm = (v) =>
    String(v.lang || "")
      .toLowerCase()
      .replace("_", "-");
  const ours = voices.filter((v) => v.localService === true && (norm(v) === lang || norm(v).startsWith(`${lang}-`)));
  if (!ours.length) return null;
  for (const p of PREFERRED[lang] || []) {
    const v = ours.find((x) => norm(x) === p);
    if (v) return v;
  }
  return ours.find((v) => v.default) || ours[0];
}

/** The local voice for `lang` on this computer now, or null. */
export function localVoice(lang) {
  const s = synth();
  if (!s) return null;
  try {
    return pickVoice(s.getVoices(), lang);
  } catch (_) {
    return null;
  }
}

/** Calls `f` when the computer's voices change (they often arrive after the page has loaded). */
export function onVoicesChanged(f) {
  const s = synth();
  if (s?.addEventListener) s.addEventListener("voiceschanged", f);
}

/**
 * The text as it should be heard: list bullets dropped, each line a sentence, long numbers read
 * digit by digit ("3701830" is a phone number, not three million), "ext." and "@" in words.
 */
export function spokenText(text, lang) {
  const at = lang === "en" ? " at " : " arroba ";
  const ext = lang === "en" ? "extension" : "extensión";
  return text
    .split("\n")
    .map((l) => l.replace(/^\s*[•·*-]\s+/, "").trim())
    .filter(Boolean)
    .map((l) => (/[.:;!?]$/.test(l) ? l : `${l}.`))
    .join(" ")
    .replace(/\bext\.\s*/gi, `${ext} `)
    .replace(/@/g, at)
    .replace(/\d{5,}/g, (d) => d.split("").join(" "));
}

/** Says `text` with `voice`, stopping whatever was being said; `ended()` when it is over or stopped. */
export function speak(text, voice, ended) {
  const s = synth();
  if (!s || !voice) return;
  s.cancel();
  const u = new SpeechSynthesisUtterance(text);
  u.voice = voice;
  u.lang = voice.lang;
  u.onend = ended;
  u.onerror = ended;
  s.speak(u);
}

/** Stops speaking. */
export function stopSpeaking() {
  const s = synth();
  if (s?.speaking || s?.pending) s.cancel();
}
