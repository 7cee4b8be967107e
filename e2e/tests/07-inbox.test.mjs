// Issue 12 §3–§4, the staff side in a browser: a question sent from the public form ("What do
// you need help with?") with an assessment attached reaches the inbox (local time in the staff
// member's zone, a preview, an "assessment attached" marker); the detail page shows the
// applicant's answers as a compact table, then the result summary, the long detail folded;
// a reply is stored, the question answered, and (no SMTP server in e2e) the reply is ready
// for the staff member's own mail client; the CSV export has a BOM and neutralised formulas.
// At 375 × 812 and 1280 × 900, in English and French, axe clean; the whole path again without
// JavaScript.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { deflateRawSync } from "node:zlib";
import { launch, BASE_URL, STAFF_EMAIL, STAFF_PASSWORD, checkA11y, shot } from "./helpers.mjs";

const PROFILE = new URL("../../docs/examples/pgwp-graduate.json", import.meta.url);
// A Canadian zone at half an hour from UTC: a time shown in UTC (or the machine's zone) cannot
// pass for it.
const ZONE = "America/St_Johns";
const SIZES = [
  [375, 812],
  [1280, 900],
];
const WORDS = {
  en: {
    title: "What do you need help with?",
    marker: "Assessment attached",
    times: `Times in ${ZONE}`,
    answers: "The applicant’s answers",
    answered: "Answered",
    manual: "To send from your mail program",
    save: "Save the reply",
    mailto: "Open in my e-mail program",
    birth: "Date of birth",
  },
  fr: {
    title: "Comment pouvons-nous vous aider ?",
    marker: "Évaluation jointe",
    times: `Heures en ${ZONE}`,
    answers: "Les réponses de la personne",
    answered: "Répondue",
    manual: "À envoyer depuis votre logiciel de courriel",
    save: "Enregistrer la réponse",
    mailto: "Ouvrir dans mon logiciel de courriel",
    birth: "Date de naissance",
  },
};

function resultsPath(lang) {
  const packed = deflateRawSync(readFileSync(PROFILE), { level: 9 }).toString("base64url");
  return `/${lang}/assessment/results?p=${packed}`;
}

/** The hours and minutes of `at` in ZONE, as the staff pages write them. */
function zoneTime(lang, at) {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: ZONE,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(at);
  const hh = parts.find((p) => p.type === "hour").value;
  const mm = parts.find((p) => p.type === "minute").value;
  return lang === "fr" ? `${hh} h ${mm}` : `${hh}:${mm}`;
}

let browser;
before(async () => {
  browser = await launch();
  // The staff member's zone, from their profile.
  const { page, context } = await open("en", 1280, 900, true);
  await logIn(page);
  await page.goto(`${BASE_URL}/staff/profile`);
  await page.fill("#f-time_zone", ZONE);
  await page.click("form[action='/staff/profile'] button[type=submit]");
  await page.waitForSelector("text=Saved.");
  await context.close();
});
after(async () => {
  // Back to UTC for whatever runs next against this server.
  if (browser) {
    const { page, context } = await open("en", 1280, 900, true);
    await logIn(page);
    await page.goto(`${BASE_URL}/staff/profile`);
    await page.fill("#f-time_zone", "");
    await page.click("form[action='/staff/profile'] button[type=submit]");
    await context.close();
  }
  await browser?.close();
});

async function open(lang, width, height, js) {
  const context = await browser.newContext({
    locale: lang === "fr" ? "fr-CA" : "en-CA",
    viewport: { width, height },
    javaScriptEnabled: js,
  });
  const page = await context.newPage();
  page.consoleErrors = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") page.consoleErrors.push(msg.text());
  });
  return { page, context };
}

async function logIn(page) {
  await page.goto(`${BASE_URL}/staff/login`);
  await page.fill("#f-email", STAFF_EMAIL);
  await page.fill("#f-password", STAFF_PASSWORD);
  await Promise.all([page.waitForURL(/\/staff(\?|$)/), page.click("form button[type=submit]")]);
}

/**
 * A visitor opens a result, follows "ask a question about this result" and sends the form
 * (after more than 3 seconds, as a person would). Returns the reference and when it was sent.
 */
async function askAboutResult(lang, width, height, js, message) {
  const { page, context } = await open(lang, width, height, js);
  const res = await page.goto(BASE_URL + resultsPath(lang));
  assert.equal(res.status(), 200);
  await Promise.all([page.waitForURL(/\/questions\/new\?assessment=/), page.click("#ask-about-result")]);
  const started = Date.now();
  assert.equal((await page.textContent("h1")).trim(), WORDS[lang].title);
  assert.match(await page.textContent(".attached"), lang === "fr" ? /Évaluation jointe/ : /Attached assessment/);
  await page.fill("#f-name", lang === "fr" ? "Zoé Tremblay" : "Ana Souza");
  await page.fill("#f-email", lang === "fr" ? "zoe@example.ca" : "ana@example.com");
  await page.selectOption("#f-topic", "cec");
  await page.fill("#f-message", message);
  await page.check(lang === "fr" ? "#f-preferred_language-fr" : "#f-preferred_language");
  await page.check("#f-consent");
  const wait = 3500 - (Date.now() - started);
  if (wait > 0) await page.waitForTimeout(wait);
  const sentAt = new Date();
  await Promise.all([page.waitForURL(/\/questions\/sent/), page.click("form[action$='/questions/new'] button[type=submit]")]);
  const reference = (await page.textContent("#reference")).trim();
  assert.match(reference, /^Q-\d{4}-[A-Z0-9]{6}$/);
  await context.close();
  return { reference, sentAt };
}

/** Staff search the inbox for `needle` and find exactly the one row of `reference`. */
async function findInInbox(page, needle, reference) {
  await page.goto(`${BASE_URL}/staff?q=${encodeURIComponent(needle)}`);
  const rows = page.locator("table.inbox tbody tr");
  assert.equal(await rows.count(), 1, `one row for ${needle}`);
  assert.equal((await rows.first().locator("td").first().textContent()).trim(), reference);
  return rows.first();
}

/** The page does not scroll sideways: anything wide scrolls inside its own box. */
async function noSidewaysScroll(page, width, label) {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(scrollWidth <= width + 1, `${label}: the page scrolls sideways (${scrollWidth} > ${width})`);
}

for (const lang of ["en", "fr"]) {
  for (const [width, height] of SIZES) {
    test(`inbox, detail and reply at ${width}×${height}, ${lang}`, { timeout: 120000 }, async () => {
      const w = WORDS[lang];
      const unique = `co-op ${lang} ${width} ${Date.now()}`;
      const message =
        lang === "fr"
          ? `Bonjour, mon stage (${unique}) à Vancouver compte-t-il comme expérience de travail canadienne pour la catégorie de l’expérience canadienne ? J’ai aussi travaillé à temps partiel pendant mes études.`
          : `Hello, does my internship (${unique}) in Vancouver count as Canadian work experience for the CEC? I also worked part-time as a barista during my studies and would like to know.`;
      const { reference, sentAt } = await askAboutResult(lang, width, height, true, message);

      const { page, context } = await open(lang, width, height, true);
      await logIn(page);
      const row = await findInInbox(page, unique, reference);
      // Local time in the staff member's zone, a preview of the question, the marker.
      assert.ok((await page.textContent("main")).includes(w.times), `"${w.times}" on the inbox`);
      const received = (await row.locator("td").nth(1).textContent()).trim();
      const expected = [zoneTime(lang, sentAt), zoneTime(lang, new Date(sentAt.getTime() + 60000))];
      assert.ok(expected.some((t) => received.includes(t)), `received "${received}", expected ${expected}`);
      assert.match(received, /N[SD]T$/);
      const preview = (await row.locator(".preview-text").textContent()).trim();
      assert.ok(preview.startsWith(message.slice(0, 40)), `preview "${preview}"`);
      assert.ok(preview.endsWith("…") && preview.length <= 141, `preview cut: "${preview}"`);
      assert.equal((await row.locator(".badge-assessment").textContent()).trim(), w.marker);
      await shot(page, `${lang}-staff-inbox-${width}`);
      await noSidewaysScroll(page, width, "inbox");
      await checkA11y(page, `inbox ${lang} ${width}`);

      // The detail page: the answers as a compact table, then the result summary, then the
      // long detail folded.
      await Promise.all([page.waitForURL(/\/staff\/questions\/\d+$/), row.locator("a").first().click()]);
      assert.equal((await page.textContent("#answers-h")).trim(), w.answers);
      const answers = await page.locator("table.answers tbody tr").allTextContents();
      assert.ok(answers.length >= 5, `answers: ${answers.length} rows`);
      assert.ok(answers.some((r) => r.includes(w.birth) && r.includes("1998")), answers.join(" | "));
      assert.ok(answers.some((r) => r.includes("NOC 65201")), answers.join(" | "));
      assert.ok((await page.locator(".summary-list li").count()) >= 2, "a result summary");
      const order = await page.evaluate(() => {
        const at = (sel) => document.querySelector(sel);
        const before = (a, b) => Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
        return (
          before(at("table.answers"), at(".summary-list")) &&
          before(at(".summary-list"), at("details.result-detail"))
        );
      });
      assert.ok(order, "answers, then summary, then the folded detail");
      assert.equal(await page.locator("details.result-detail").getAttribute("open"), null);
      assert.equal(await page.locator("details.result-detail #invited-under").isVisible(), false);
      await shot(page, `${lang}-staff-detail-${width}`);
      await noSidewaysScroll(page, width, "detail");
      await checkA11y(page, `detail ${lang} ${width}`);

      // The full result opens in place, and still reads without sideways scroll.
      await page.click("details.result-detail > summary");
      assert.equal(await page.locator("details.result-detail").getAttribute("open"), "");
      await noSidewaysScroll(page, width, "detail opened");
      await checkA11y(page, `detail opened ${lang} ${width}`);
      await shot(page, `${lang}-staff-detail-open-${width}`);
      await page.click("details.result-detail > summary");

      // A reply: stored, the question answered, and (no SMTP server here) ready to send from
      // the staff member's own mail client; nothing says it was e-mailed.
      const reply =
        lang === "fr"
          ? "Bonjour Zoé, oui : un stage rémunéré à temps plein compte."
          : "Hello Ana, yes: a paid full-time internship counts.";
      assert.equal((await page.textContent("form[action$='/replies'] button[type=submit]")).trim(), w.save);
      await page.fill("#f-reply", reply);
      await Promise.all([page.waitForURL(/#replies$/), page.click("form[action$='/replies'] button[type=submit]")]);
      assert.equal((await page.textContent("#current-status")).trim(), w.answered);
      assert.equal((await page.textContent("#mail-note")).trim(), w.manual);
      assert.equal(await page.locator(".badge-reply-sent").count(), 0);
      const mailto = page.locator("#replies ~ ul.notes a.button[href^='mailto:']");
      assert.equal((await mailto.textContent()).trim(), w.mailto);
      const href = await mailto.getAttribute("href");
      assert.ok(href.startsWith(`mailto:${lang === "fr" ? "zoe@example.ca" : "ana@example.com"}?subject=`), href);
      assert.ok(decodeURIComponent(href).includes(reply), href);
      assert.equal(await page.inputValue("#reply-1-body"), reply);
      assert.match(await page.inputValue("#reply-1-subject"), new RegExp(reference));
      assert.match(await page.textContent(".history"), new RegExp(`→ ${w.answered}`));
      await shot(page, `${lang}-staff-replied-${width}`);
      await noSidewaysScroll(page, width, "replied");
      await checkA11y(page, `replied ${lang} ${width}`);
      assert.deepEqual(page.consoleErrors.filter((e) => !/favicon/.test(e)), [], "console errors");
      await context.close();
    });
  }
}

test("the whole path without JavaScript (French, phone)", { timeout: 120000 }, async () => {
  const w = WORDS.fr;
  const unique = `sans-js ${Date.now()}`;
  const message = `Mes heures de co-op (${unique}) comptent-elles pour la CEC ?`;
  const { reference } = await askAboutResult("fr", 375, 812, false, message);
  const { page, context } = await open("fr", 375, 812, false);
  await logIn(page);
  const row = await findInInbox(page, unique, reference);
  assert.equal((await row.locator(".badge-assessment").textContent()).trim(), w.marker);
  // Short enough to show whole.
  assert.equal((await row.locator(".preview-text").textContent()).trim(), message);
  await Promise.all([page.waitForURL(/\/staff\/questions\/\d+$/), row.locator("a").first().click()]);
  assert.ok((await page.locator("table.answers tbody tr").count()) >= 5);
  // <details> opens without any script.
  assert.equal(await page.locator("details.result-detail #invited-under").isVisible(), false);
  await page.click("details.result-detail > summary");
  assert.equal(await page.locator("details.result-detail #invited-under").isVisible(), true);
  await page.fill("#f-reply", "Oui, les heures de co-op rémunérées comptent.");
  await Promise.all([page.waitForURL(/#replies$/), page.click("form[action$='/replies'] button[type=submit]")]);
  assert.equal((await page.textContent("#current-status")).trim(), w.answered);
  assert.equal((await page.textContent("#mail-note")).trim(), w.manual);
  assert.equal(await page.inputValue("#reply-1-body"), "Oui, les heures de co-op rémunérées comptent.");
  await shot(page, "fr-staff-replied-375-nojs");
  await context.close();
});

test("the CSV export has a BOM and neutralised formulas", { timeout: 120000 }, async () => {
  const unique = `formula${Date.now()}`;
  // A question whose text starts with "=": a spreadsheet would run it as a formula.
  const message = `=HYPERLINK("http://example.com/${unique}","open") does my co-op count?`;
  const { reference } = await askAboutResult("en", 1280, 900, true, message);
  const { page, context } = await open("en", 1280, 900, true);
  await logIn(page);
  await findInInbox(page, unique, reference);
  // The page's own export link (of the current search), as staff would click it.
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("a[href^='/staff/export.csv']")]);
  const bytes = readFileSync(await download.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], "a UTF-8 BOM");
  const text = bytes.toString("utf8").slice(1);
  const lines = text.split(/\r?\n/).filter((l) => l !== "");
  assert.equal(lines.length, 2, `the header and one row:\n${text}`);
  assert.ok(lines[1].includes(reference), lines[1]);
  // The formula cell starts with a quote, so it is text; no cell starts with "=".
  assert.ok(lines[1].includes(`"'=HYPERLINK(""http://example.com/${unique}""`), lines[1]);
  assert.ok(!/(^|,)"?=/.test(lines[1]), lines[1]);
  assert.ok(lines[1].includes(",yes,"), `assessment attached: ${lines[1]}`);
  await context.close();
});
