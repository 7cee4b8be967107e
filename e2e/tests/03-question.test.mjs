// A user submits a question and gets a reference number.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, newPage, shot, checkA11y, noConsoleErrors, askQuestion, BASE_URL } from "./helpers.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test("a question gets a reference number (English)", async () => {
  const page = await newPage(browser);
  const reference = await askQuestion(page, "en", "Do my hours as a part-time barista count toward the CEC?");
  assert.match(reference, /^Q-\d{4}-[A-Z0-9]{6}$/);
  assert.ok(page.url().includes("/en/questions/sent?ref="));
  await shot(page, "en-question-sent");
  await checkA11y(page, "question sent");
  noConsoleErrors(page, "question");
  await page.context().close();
});

test("a question with errors keeps what was typed (French)", async () => {
  const page = await newPage(browser, { locale: "fr-CA" });
  await page.goto(`${BASE_URL}/fr/questions/new`);
  await page.fill("#f-name", "Jean");
  await page.fill("#f-email", "pas-un-courriel");
  await page.waitForTimeout(3200);
  await page.click("form button[type=submit]");
  await page.waitForSelector("#f-email-error");
  assert.match(await page.textContent("#f-email-error"), /adresse courriel valide/);
  assert.equal(await page.inputValue("#f-name"), "Jean");
  await shot(page, "fr-question-errors");
  await checkA11y(page, "question errors");
  await page.context().close();
});
