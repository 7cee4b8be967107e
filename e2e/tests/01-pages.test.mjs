// Every public page, in both languages: loads, has its language, passes axe, screenshot.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, newPage, visit, noConsoleErrors, BASE_URL, shot, checkA11y } from "./helpers.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const PAGES = [
  ["", "home"],
  ["privacy", "privacy"],
  ["crs", "crs"],
  ["draws", "draws"],
  ["rules", "rules"],
  ["assessment", "assessment-step1"],
  ["questions/new", "question-form"],
];

for (const lang of ["en", "fr"]) {
  test(`public pages in ${lang}`, async () => {
    const page = await newPage(browser, { locale: lang === "fr" ? "fr-CA" : "en-CA" });
    for (const [path, name] of PAGES) {
      await visit(page, `/${lang}/${path}`, `${lang}-${name}`);
      assert.equal(await page.getAttribute("html", "lang"), `${lang}-CA`);
      // The switcher leads to the same page in the other language.
      const other = lang === "en" ? "fr" : "en";
      // A link, or on the wizard a button that posts the form to the other language's
      // address (so no answer is lost): its formaction.
      const href =
        (await page.getAttribute(".lang-switch", "href")) ??
        (await page.getAttribute(".lang-switch", "formaction"));
      assert.ok(href.startsWith(`/${other}/`), `switcher on ${path}: ${href}`);
    }
    noConsoleErrors(page, lang);
    await page.context().close();
  });
}

test("the root redirects by Accept-Language", async () => {
  const page = await newPage(browser, { locale: "fr-CA" });
  await page.goto(BASE_URL + "/");
  assert.ok(page.url().endsWith("/fr/"), page.url());
  await page.context().close();
});

test("the quick CRS calculator gives a score with a chart", async () => {
  const page = await newPage(browser);
  await page.goto(BASE_URL + "/en/crs");
  await page.fill("#f-age", "29");
  await page.selectOption("#f-education", "bachelors");
  // The spouse questions only for a spouse; no job-offer question (offers earn nothing).
  assert.equal(await page.isVisible(".spouse-group"), false);
  await page.check("#f-has_spouse");
  assert.equal(await page.isVisible(".spouse-group"), true);
  await page.check("#f-has_spouse-no");
  assert.equal(await page.locator("#f-job_offer").count(), 0);
  await page.fill("#f-first_language-listening", "7");
  await page.fill("#f-first_language-reading", "9");
  await page.fill("#f-first_language-writing", "9");
  await page.fill("#f-first_language-speaking", "9");
  await page.click("button[type=submit]");
  await page.waitForSelector("#crs-total");
  assert.equal((await page.textContent("#crs-total")).trim(), "353");
  assert.ok(await page.isVisible("svg.chart-svg"));
  await shot(page, "en-crs-result");
  await checkA11y(page, "crs result");
  // Test scores instead of levels: IELTS 8 / 7 / 7 / 7 is CLB 9 in each ability.
  await page.selectOption("#f-first_language-test", "ielts_general");
  await page.fill("#f-first_language-listening", "8");
  await page.fill("#f-first_language-reading", "6.3");
  await page.fill("#f-first_language-writing", "7");
  await page.fill("#f-first_language-speaking", "7");
  await page.click("button[type=submit]");
  await page.waitForSelector("#f-first_language-reading-error");
  assert.match(await page.textContent("#f-first_language-reading-error"), /from 0 to 9 in steps of 0\.5/);
  await page.fill("#f-first_language-reading", "7");
  await page.click("button[type=submit]");
  await page.waitForSelector("#crs-total");
  assert.equal(await page.inputValue("#f-first_language-test"), "ielts_general");
  await page.context().close();
});

test("a phone-sized screen and keyboard use work", async () => {
  const page = await newPage(browser, { width: 375 });
  await visit(page, "/en/", "en-home-phone");
  // The skip link is the first thing the keyboard reaches, and it is visible when focused.
  await page.keyboard.press("Tab");
  const focused = await page.evaluate(() => document.activeElement?.className);
  assert.equal(focused, "skip-link");
  const box = await page.locator(".skip-link").boundingBox();
  assert.ok(box && box.x >= 0, "skip link visible on focus");
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(scrollWidth <= 375 + 1, `no horizontal scroll (${scrollWidth})`);
  await page.context().close();
});
