// Text measures shared by the search box and the suggestions: UTF-8 length and cutting (the
// engine's query cap is in UTF-8 bytes, the input's value is UTF-16), accent and case folding, and
// the word still being typed.

/** UTF-8 byte length of a code point. */
function bytesOf(codePoint) {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/** The length of `s` in UTF-8 bytes (a lone surrogate counts 3, as the encoder's U+FFFD). */
export function utf8Length(s) {
  let n = 0;
  for (const ch of s) n += bytesOf(ch.codePointAt(0));
  return n;
}

/** The longest prefix of `s` that fits in `max` UTF-8 bytes, cut between characters. */
export function cutToBytes(s, max) {
  let n = 0;
  let i = 0;
  for (const ch of s) {
    const len = bytesOf(ch.codePointAt(0));
    if (n + len > max) break;
    n += len;
    i += ch.length;
  }
  return s.slice(0, i);
}

/** `s` in lower case with its accents removed (NFD, then combining marks dropped): "Qué" → "que". */
export function fold(s) {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
}

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * The word being typed at the end of `query`, folded; null when the query ends in white space (the
 * word is finished) or when the word has fewer than three characters (too many words start so).
 */
export function unfinishedWord(query) {
  if (/\s$/.test(query)) return null;
  const words = fold(query).match(WORD);
  if (!words) return null;
  const last = words[words.length - 1];
  return last.length < 3 ? null : last;
}

/** Whether a word of `text`, folded, starts with `prefix` (a folded word, as unfinishedWord gives). */
export function hasWordStartingWith(text, prefix) {
  return (fold(text).match(WORD) || []).some((w) => w.startsWith(prefix));
}
