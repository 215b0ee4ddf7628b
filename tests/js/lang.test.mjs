import assert from "node:assert/strict";
import { test } from "node:test";
import { questionLanguage } from "../../www/src/lang.js";

test("questionLanguage: English and Spanish as customers type them", () => {
  for (const q of ["I forgot my wifi password", "how do i pay my bill?", "Where's your office", "internet is not working"]) {
    assert.equal(questionLanguage(q), "en", q);
  }
  for (const q of ["olvide la clave de mi wifi", "xq no tengo internet", "Cómo pago la factura", "donde queda la oficina", "a q cuenta deposito"]) {
    assert.equal(questionLanguage(q), "es", q);
  }
});

test("questionLanguage: words that say nothing of the language give null", () => {
  for (const q of ["wifi", "internet no", "factura", "", "12345", "👍"]) assert.equal(questionLanguage(q), null, q);
});
