// Issue 12 §2: the results read on a phone and a desktop, in both languages, with and
// without JavaScript: the summary on the first screen, readable chart labels, no page-wide
// horizontal scroll (wide tables scroll in their box), long detail folded, axe clean.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { deflateRawSync } from "node:zlib";
import { launch, BASE_URL, checkA11y, shot } from "./helpers.mjs";

const PROFILES = {
  eligible: new URL("../../docs/examples/pgwp-graduate.json", import.meta.url),
  "not-yet": new URL("../../docs/examples/timeline-graduate.json", import.meta.url),
};

function resultsPath(lang, file) {
  const packed = deflateRawSync(readFileSync(file), { level: 9 }).toString("base64url");
  return `/${lang}/assessment/results?p=${packed}`;
}

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

for (const [width, height] of [
  [375, 812],
  [1280, 900],
]) {
  for (const lang of ["en", "fr"]) {
    for (const js of [true, false]) {
      test(`results at ${width}×${height}, ${lang}, ${js ? "with" : "without"} JavaScript`, { timeout: 120000 }, async () => {
        const context = await browser.newContext({
          locale: lang === "fr" ? "fr-CA" : "en-CA",
          viewport: { width, height },
          javaScriptEnabled: js,
        });
        const page = await context.newPage();
        for (const [name, file] of Object.entries(PROFILES)) {
          const res = await page.goto(BASE_URL + resultsPath(lang, file));
          assert.equal(res.status(), 200);
          // The summary — verdict, when, CRS, most urgent — on the first screen.
          for (const id of ["#cec-verdict", "#crs-summary", "#cec-when", "#most-urgent"]) {
            if ((await page.locator(id).count()) === 0) continue;
            const box = await page.locator(id).boundingBox();
            assert.ok(box && box.y + box.height <= height, `${name} ${id} below the first screen (${box?.y}+${box?.height})`);
          }
          await shot(page, `${lang}-results-${name}-${width}${js ? "" : "-nojs"}`);
          // Long detail folded; open only where it decides the answer (CEC).
          assert.equal(await page.locator("#detail-cec").getAttribute("open"), "");
          assert.equal(await page.locator("#detail-fst").getAttribute("open"), null);
          assert.equal(await page.locator("#facts-detail").getAttribute("open"), null);
          // Page scripts are off without JavaScript, and so is evaluating in the page: the
          // checks below run with JavaScript only (the layout is the server's either way).
          if (!js) continue;
          // Chart labels at 12 px or more, whatever the width.
          const sizes = await page.$$eval(".chart-label, .chart-value", (els) =>
            els.map((e) => e.getBoundingClientRect().height),
          );
          assert.ok(sizes.length > 0, "a chart");
          assert.ok(Math.min(...sizes) >= 12, `chart labels ${Math.min(...sizes)} px high`);
          // No page-wide horizontal scroll: wide tables scroll in their own box.
          const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
          assert.ok(scrollWidth <= width + 1, `${name}: page scrolls sideways (${scrollWidth})`);
          await checkA11y(page, `results ${name} ${lang} ${width}`);
        }
        await context.close();
      });
    }
  }
}
