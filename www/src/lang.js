// Which language a question is written in, so that an English question on the Spanish widget gets
// the entry's English text (and a Spanish one on lang="en" the Spanish), with one tap to the
// other. The engine answers both languages from one model; only the texts shown depend on this.
// Function words only: the FAQ's own words ("wifi", "internet", "factura") say nothing of the
// language, and "no" and "a" are both.

const EN = new Set(
  "i im my me the an how what where when why which who can could do does did is are was you your to of for with have has not dont cant doesnt didnt it its want need there this that please hello hi thanks".split(
    " ",
  ),
);
const ES = new Set(
  "yo mi mis el la los las un una como que donde cuando cual cuanto cuanta por para porque xq pq q k de del al con sin es esta estoy son se me le hay tengo quiero puedo necesito debo y o ya mas hola buenas buenos gracias".split(
    " ",
  ),
);

/** "en", "es", or null when the question's words do not tell (then the widget's own language). */
export function questionLanguage(question) {
  const words = String(question)
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f']/g, "")
    .split(/[^a-z]+/);
  let en = 0;
  let es = 0;
  for (const w of words) {
    if (EN.has(w)) en++;
    else if (ES.has(w)) es++;
  }
  if (en > es) return "en";
  if (es > en) return "es";
  return null;
}
