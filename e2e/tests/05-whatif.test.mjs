// "How to raise your score" on the results page: the what-if section, in
// English and French, on a phone and a desktop, with and without JavaScript's help
// (the target form is a plain GET form).
import { test } from "node:test";
import assert from "node:assert/strict";
import { deflateRawSync } from "node:zlib";
import { BASE_URL, launch, newPage, checkA11y, noConsoleErrors } from "./helpers.mjs";

const SHOTS = new URL("../screenshots/", import.meta.url).pathname;

// The first what-if worked example of the planning contract.
const PROFILE = {
  as_of: "2026-11-24", date_of_birth: "1996-05-20", marital_status: "single",
  language_tests: [{ test: "ielts_general", test_date: "2025-03-01", listening: 8, reading: 7, writing: 7, speaking: 7.5 }],
  education: [{ level: "two_year", program_years: 2, in_canada: true, completed_on: "2025-12-15" }],
  work_history: [{ noc: "21232", title: "Software developer", country: "CA", province: "ON", start: "2026-01-05", hours_per_week: 40 }],
  intended_province: "ON",
};
const packed = deflateRawSync(Buffer.from(JSON.stringify(PROFILE)), { level: 9 }).toString("base64url");

for (const lang of ["en", "fr"]) {
  test(`what-if section (${lang}): options, the target form and the plan`, async () => {
    const browser = await launch();
    try {
      for (const width of [375, 1280]) {
        const page = await newPage(browser, { locale: lang === "fr" ? "fr-CA" : "en-CA", width });
        await page.setViewportSize({ width, height: width === 375 ? 812 : 900 });
        const res = await page.goto(`${BASE_URL}/${lang}/assessment/results?p=${packed}`);
        assert.equal(res.status(), 200);
        const section = page.locator("#whatif");
        const heading = await section.locator("h3").textContent();
        assert.equal(heading, lang === "fr" ? "Comment augmenter votre score" : "How to raise your score");
        assert.equal(await section.locator("#whatif-top li").count(), 6);
        // A person types a target and sends the form.
        await page.fill("#whatif-target", "470");
        await Promise.all([page.waitForNavigation(), page.click("#whatif form button[type=submit]")]);
        assert.match(page.url(), /target=470/);
        const plan = page.locator("#whatif-plan");
        assert.equal(await plan.locator("li").count(), 2);
        assert.match(await plan.textContent(), /487/);
        await section.scrollIntoViewIfNeeded();
        await section.screenshot({ path: `${SHOTS}whatif-${lang}-${width}.png` });
        await checkA11y(page, `whatif ${lang} ${width}`);
        // A target above 1,200 is refused next to the field.
        await page.fill("#whatif-target", "1300");
        await Promise.all([page.waitForNavigation(), page.click("#whatif form button[type=submit]")]);
        assert.equal(await page.locator("#whatif-target-error").count(), 1);
        if (width === 375) {
          await page.locator("#whatif form").screenshot({ path: `${SHOTS}whatif-${lang}-${width}-error.png` });
        }
        noConsoleErrors(page, `whatif ${lang}`);
        await page.context().close();
      }
    } finally {
      await browser.close();
    }
  });
}
