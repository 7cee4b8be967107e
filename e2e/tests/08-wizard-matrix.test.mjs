// Issue 12 §1 at both sizes, in both languages, with and without JavaScript: a step checks its
// answers as the person moves on and names the field; no answer is lost when the language is
// switched, after an error, going back or following a step link; "Add another" brings the
// person to the new entry (the URL fragment without JavaScript, the focus with it).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, shot, checkA11y, BASE_URL } from "./helpers.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const SIZES = [
  [375, 812],
  [1280, 900],
];
const TEXT = {
  en: {
    language: "Language tests",
    about: "About you",
    education: "Education",
    readingError: /Test 1 – Reading score: IELTS General Training bands go from 0 to 9 in steps of 0\.5/,
    score: "9.7",
    fixed: "6.5",
  },
  fr: {
    language: "Tests de langue",
    about: "À propos de vous",
    education: "Études",
    readingError: /Test 1 – Résultat en compréhension de l’écrit\s*: les notes IELTS General Training vont de 0 à 9 par pas de 0,5/,
    score: "9,7",
    fixed: "6,5",
  },
};

async function heading(page, text) {
  await page.waitForSelector(`h1:has-text("${text}")`);
}

for (const [width, height] of SIZES) {
  for (const lang of ["en", "fr"]) {
    for (const js of [true, false]) {
      const other = lang === "en" ? "fr" : "en";
      const label = `${width}×${height}, ${lang}, ${js ? "with" : "without"} JavaScript`;
      test(`wizard answers kept and errors named: ${label}`, { timeout: 90000 }, async () => {
        const context = await browser.newContext({
          locale: `${lang}-CA`,
          viewport: { width, height },
          javaScriptEnabled: js,
        });
        const page = await context.newPage();
        const t = TEXT[lang];
        await page.goto(`${BASE_URL}/${lang}/assessment`);
        await page.fill("#f-date_of_birth", "1996-05-04");
        await page.selectOption("#f-marital_status", "single");
        await page.click("#wizard-next");
        await heading(page, t.language);

        // A score off the test's scale: caught on this step, the field named in the list.
        await page.selectOption("#f-language_tests-0-test", "ielts_general");
        await page.fill("#f-language_tests-0-test_date", "2025-11-20");
        await page.fill("#f-language_tests-0-listening", "7");
        await page.fill("#f-language_tests-0-reading", t.score);
        await page.fill("#f-language_tests-0-writing", "6");
        await page.fill("#f-language_tests-0-speaking", "6");
        await page.click("#wizard-next");
        await page.waitForSelector("#f-language_tests-0-reading-error");
        await heading(page, t.language);
        assert.match(await page.textContent("#error-summary"), t.readingError);
        assert.equal(await page.inputValue("#f-language_tests-0-reading"), t.score, "kept after the error");
        await shot(page, `${lang}-wizard-error-${width}-${js ? "js" : "nojs"}`);
        if (js) await checkA11y(page, `wizard error ${label}`);

        // Switching language keeps every answer, the bad one included.
        await page.click("button.lang-switch");
        await heading(page, TEXT[other].language);
        assert.ok(page.url().includes(`/${other}/`), page.url());
        assert.equal(await page.inputValue("#f-language_tests-0-listening"), "7");
        assert.equal(await page.inputValue("#f-language_tests-0-reading"), t.score);
        assert.equal(await page.inputValue("#f-language_tests-0-test_date"), "2025-11-20");
        // And back.
        await page.click("button.lang-switch");
        await heading(page, t.language);

        // A step link back to the first step keeps this step's answers and the earlier ones.
        await page.fill("#f-language_tests-0-reading", t.fixed);
        await page.click(`button.step-link[value='goto:about']`);
        await heading(page, t.about);
        assert.equal(await page.inputValue("#f-date_of_birth"), "1996-05-04");
        await page.click("#wizard-next");
        await heading(page, t.language);
        assert.equal(await page.inputValue("#f-language_tests-0-reading"), t.fixed);

        // "Add another test": the person lands on the new entry.
        await page.click("button[value='add:language_tests']");
        await page.waitForSelector("#f-language_tests-1-test");
        if (js) {
          await page.waitForFunction(() =>
            document.activeElement?.closest("#list-language_tests-1") !== null,
          );
        } else {
          assert.ok(page.url().endsWith("#list-language_tests-1"), page.url());
        }
        assert.equal(await page.inputValue("#f-language_tests-0-reading"), t.fixed, "first entry kept");
        // Remove the empty one again, then go on: "Back" keeps what was entered.
        await page.click("button[value='remove:language_tests:1']");
        await page.waitForSelector("#f-language_tests-1-test", { state: "detached" });
        await page.click("#wizard-next");
        await heading(page, t.education);
        await page.click("button[value='back']");
        await heading(page, t.language);
        assert.equal(await page.inputValue("#f-language_tests-0-speaking"), "6");
        await context.close();
      });
    }
  }
}
