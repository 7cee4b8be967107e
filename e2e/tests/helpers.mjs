// Shared helpers: launch Debian's Chromium headless, screenshots, axe-core checks.
import { chromium } from "playwright-core";
import { readFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import assert from "node:assert/strict";

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export const BASE_URL = process.env.BASE_URL ?? "http://127.0.0.1:8080";
export const STAFF_EMAIL = process.env.STAFF_EMAIL ?? "staff@example.org";
export const STAFF_PASSWORD = process.env.STAFF_PASSWORD ?? "";
const SHOTS = new URL("../screenshots/", import.meta.url).pathname;
mkdirSync(SHOTS, { recursive: true });

// Playwright gives every launch a fresh, empty --user-data-dir of its own (it refuses the flag).
export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** A new page in a fresh context; console errors (CSP violations…) are collected. */
export async function newPage(browser, { locale = "en-CA", width = 1100 } = {}) {
  const context = await browser.newContext({ locale, viewport: { width, height: 900 } });
  const page = await context.newPage();
  page.consoleErrors = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") page.consoleErrors.push(msg.text());
  });
  page.on("pageerror", (err) => page.consoleErrors.push(String(err)));
  return page;
}

export async function shot(page, name) {
  await page.screenshot({ path: `${SHOTS}${name}.png`, fullPage: true });
}

/** Run axe-core on the page; fail on any serious or critical violation. */
export async function checkA11y(page, label) {
  await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    axe.run(document, { resultTypes: ["violations"] }),
  );
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const summary = bad
    .map((v) => `${v.impact} ${v.id}: ${v.help}\n    ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("\n    ")}`)
    .join("\n");
  assert.equal(bad.length, 0, `${label}: accessibility violations:\n${summary}`);
}

/** Visit, check status, screenshot and axe. */
export async function visit(page, path, name) {
  const res = await page.goto(BASE_URL + path);
  assert.ok(res, `no response for ${path}`);
  assert.equal(res.status(), 200, `${path} status`);
  await shot(page, name);
  await checkA11y(page, name);
  return res;
}

export function noConsoleErrors(page, label) {
  const errors = page.consoleErrors.filter((e) => !/favicon/.test(e));
  assert.deepEqual(errors, [], `${label}: console errors`);
}

/** Fill and send the question form like a person (taking more than 3 seconds). */
export async function askQuestion(page, lang, message) {
  await page.goto(`${BASE_URL}/${lang}/questions/new`);
  const started = Date.now();
  await page.fill("#f-name", "Ana Souza");
  await page.fill("#f-email", "ana@example.com");
  await page.selectOption("#f-topic", "work_experience");
  await page.fill("#f-message", message);
  await page.check("#f-consent");
  const wait = 3500 - (Date.now() - started);
  if (wait > 0) await page.waitForTimeout(wait);
  await page.click("form button[type=submit]");
  await page.waitForSelector("#reference");
  return (await page.textContent("#reference")).trim();
}
