// A new user completes the wizard for an eligible CEC profile and sees "eligible" (EN, FR).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, newPage, shot, checkA11y, noConsoleErrors, BASE_URL } from "./helpers.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function next(page, expectHeading) {
  await page.click("#wizard-next");
  await page.waitForFunction(
    (h) => document.querySelector("h1")?.textContent.includes(h),
    expectHeading,
  );
}

test("an eligible profile, in English, with the type-ahead and added entries", async () => {
  const page = await newPage(browser);
  await page.goto(`${BASE_URL}/en/assessment`);
  await shot(page, "en-wizard-1-about");
  await page.fill("#f-date_of_birth", "1998-02-11");
  await page.selectOption("#f-marital_status", "single");
  await next(page, "Language tests");

  await page.selectOption("#f-language_tests-0-test", "ielts_general");
  await page.fill("#f-language_tests-0-test_date", "2025-11-20");
  await page.fill("#f-language_tests-0-listening", "7.5");
  await page.fill("#f-language_tests-0-reading", "6.5");
  await page.fill("#f-language_tests-0-writing", "6.5");
  await page.fill("#f-language_tests-0-speaking", "7");
  await shot(page, "en-wizard-2-language");
  await checkA11y(page, "wizard language");
  await next(page, "Education");

  // htmx adds the entry in place.
  await page.click("button[value='add:education']");
  await page.waitForSelector("#f-education-0-level");
  await page.selectOption("#f-education-0-level", "two_year");
  await page.fill("#f-education-0-program_years", "2");
  // The study dates are asked only for a credential earned in Canada (issue 12: asked once).
  assert.ok(!(await page.isVisible("#f-education-0-studied_from")), "hidden while 'no'");
  await page.check("#f-education-0-in_canada");
  assert.ok(await page.isVisible("#f-education-0-studied_from"), "shown for 'yes'");
  await page.fill("#f-education-0-completed_on", "2025-04-30");
  await page.check("#f-education-0-eca");
  // Moving on without the start date: the step says which field and why.
  await page.click("#wizard-next");
  await page.waitForSelector("#f-education-0-studied_from-error");
  assert.match(await page.textContent("#error-summary"), /Credential 1 – If earned in Canada: date the program started/);
  // The browser logs that expected 422 as a console error; no other error may appear.
  page.consoleErrors = page.consoleErrors.filter((e) => !/status of 422/.test(e));
  await page.fill("#f-education-0-studied_from", "2023-09-05");
  await shot(page, "en-wizard-3-education");
  await next(page, "Work history");

  // Permits answer "were you allowed to work" for every job in Canada (issue 12).
  await page.click("button[value='add:permits']");
  await page.waitForSelector("#f-permits-0-kind");
  await page.selectOption("#f-permits-0-kind", "pgwp");
  await page.fill("#f-permits-0-end", "2028-06-30");

  // NOC found by job title, as you type.
  await page.locator("#f-work_history-0-title").pressSequentially("administrative assistant", { delay: 20 });
  const suggestion = page.locator("#noc-results-0 button[data-noc='13110']");
  await suggestion.waitFor({ timeout: 10000 });
  await shot(page, "en-wizard-4-noc-typeahead");
  await suggestion.click();
  assert.equal(await page.inputValue("#f-work_history-0-noc"), "13110");
  await page.selectOption("#f-work_history-0-province", "BC");
  await page.fill("#f-work_history-0-start", "2025-07-14");
  await page.fill("#f-work_history-0-hours_per_week", "37.5");

  await page.click("button[value='add:work_history']");
  await page.waitForSelector("#f-work_history-1-noc");
  await page.fill("#f-work_history-1-title", "Barista");
  await page.fill("#f-work_history-1-noc", "65201");
  await page.selectOption("#f-work_history-1-province", "BC");
  await page.fill("#f-work_history-1-start", "2023-10-01");
  await page.fill("#f-work_history-1-end", "2025-04-30");
  await page.fill("#f-work_history-1-hours_per_week", "20");
  assert.equal(await page.inputValue("#f-work_history-0-noc"), "13110", "first job kept");
  await shot(page, "en-wizard-4-work");
  await checkA11y(page, "wizard work");
  await next(page, "Studies");

  // The college program is not asked again: it is listed as already counted.
  assert.match(
    await page.textContent("#counted-study"),
    /Two-year program.*September 5, 2023 to April 30, 2025, full time/s,
  );
  assert.equal(await page.locator("#f-study_periods-0-start").count(), 0);
  await shot(page, "en-wizard-5-study");
  await checkA11y(page, "wizard study");
  await next(page, "Family");
  await page.check("#f-sibling_in_canada-no");
  await next(page, "Plans");
  await page.selectOption("#f-intended_province", "BC");
  await page.check("#f-provincial_nomination-no");
  // A job offer, its NOC found by title as you type.
  await page.locator("#f-job_offer-title").pressSequentially("administrative assistant", { delay: 20 });
  const offerSuggestion = page.locator("#noc-results-job-offer button[data-noc='13110']");
  await offerSuggestion.waitFor({ timeout: 10000 });
  await offerSuggestion.click();
  assert.equal(await page.inputValue("#f-job_offer-noc"), "13110");
  await page.check("#f-job_offer-full_time");
  await page.check("#f-job_offer-non_seasonal");
  await page.check("#f-job_offer-at_least_one_year");
  await page.check("#f-job_offer-lmia_or_exempt-no");
  await page.fill("#f-settlement_funds_cad", "20000");
  await page.fill("#f-family_size", "1");
  await shot(page, "en-wizard-7-plans");
  await checkA11y(page, "wizard plans");
  await page.click("#wizard-next");

  await page.waitForSelector("#cec-verdict");
  assert.equal(await page.getAttribute("#cec-verdict", "data-verdict"), "eligible");
  assert.match(await page.textContent("#cec-verdict"), /eligible|meet the requirements/i);
  assert.ok(await page.isVisible("svg.chart-svg"), "CRS chart");
  assert.ok(page.url().includes("/en/assessment/results?p="), "bookmarkable URL");
  await shot(page, "en-results");
  await checkA11y(page, "results");

  // The results URL works on its own (bookmark).
  const url = page.url();
  const again = await newPage(browser);
  await again.goto(url);
  assert.equal(await again.getAttribute("#cec-verdict", "data-verdict"), "eligible");
  await again.context().close();
  noConsoleErrors(page, "wizard en");
  await page.context().close();
});

test("the same profile in French, without JavaScript", async () => {
  const context = await browser.newContext({ locale: "fr-CA", javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${BASE_URL}/fr/assessment`);
  await page.fill("#f-date_of_birth", "1998-02-11");
  await page.selectOption("#f-marital_status", "single");
  await next(page, "Tests de langue");
  await page.selectOption("#f-language_tests-0-test", "ielts_general");
  await page.fill("#f-language_tests-0-test_date", "2025-11-20");
  await page.fill("#f-language_tests-0-listening", "7,5");
  await page.fill("#f-language_tests-0-reading", "6,5");
  await page.fill("#f-language_tests-0-writing", "6,5");
  await page.fill("#f-language_tests-0-speaking", "7");
  await next(page, "Études");
  await next(page, "Expérience de travail");
  // Without JavaScript the NOC search is a button that reloads the step.
  await page.fill("#f-work_history-0-title", "développeur logiciel");
  await page.click("button[value='find_noc:0']");
  await page.waitForSelector("#noc-results-0 .suggestions");
  // Without JavaScript the page comes back at the search results, not at the top.
  assert.ok(page.url().endsWith("#noc-results-0"), page.url());
  await shot(page, "fr-wizard-4-noc-nojs");
  await page.fill("#f-work_history-0-title", "Adjoint administratif");
  await page.fill("#f-work_history-0-noc", "13110");
  await page.selectOption("#f-work_history-0-province", "BC");
  await page.fill("#f-work_history-0-start", "2025-07-14");
  await page.fill("#f-work_history-0-hours_per_week", "37,5");
  await page.check("#f-work_history-0-authorized");
  await next(page, "Périodes d’études");
  await next(page, "Famille");
  await next(page, "Projets");
  await page.selectOption("#f-intended_province", "BC");
  await page.click("#wizard-next");
  await page.waitForSelector("#cec-verdict");
  assert.equal(await page.getAttribute("#cec-verdict", "data-verdict"), "eligible");
  assert.match(await page.textContent("#cec-verdict"), /remplir les exigences/);
  await shot(page, "fr-results");
  await context.close();
});

test("field errors appear next to the field, in the page's language", async () => {
  const page = await newPage(browser, { locale: "fr-CA" });
  await page.goto(`${BASE_URL}/fr/assessment`);
  await page.fill("#f-date_of_birth", "");
  await page.click("#wizard-next");
  await page.waitForSelector("#f-date_of_birth-error");
  assert.match(await page.textContent("#f-date_of_birth-error"), /Répondez à cette question/);
  // The list at the top names each field (issue 12).
  assert.match(await page.textContent("#error-summary"), /Date de naissance\s*: répondez à cette question/);
  const focused = await page.evaluate(() => document.activeElement?.id);
  assert.equal(focused, "error-summary");
  await shot(page, "fr-wizard-errors");
  await checkA11y(page, "wizard errors");
  await page.context().close();
});
