// A staff user logs in, finds the question, adds a note, marks it answered.
// An anonymous user is refused the inbox.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, newPage, shot, checkA11y, askQuestion, BASE_URL, STAFF_EMAIL, STAFF_PASSWORD } from "./helpers.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test("staff find a question, add a note and mark it answered", async () => {
  const visitor = await newPage(browser);
  const unique = `study permit ${Date.now()}`;
  const reference = await askQuestion(visitor, "en", `Does my ${unique} period count as work?`);
  await visitor.context().close();

  const page = await newPage(browser);
  await page.goto(`${BASE_URL}/staff/login`);
  await shot(page, "staff-login");
  await checkA11y(page, "staff login");
  await page.fill("#f-email", STAFF_EMAIL);
  await page.fill("#f-password", STAFF_PASSWORD);
  await page.click("form button[type=submit]");
  await page.waitForSelector("table.inbox");
  await shot(page, "staff-inbox");
  await checkA11y(page, "staff inbox");

  await page.fill("#f-q", unique);
  await page.click(".filters button[type=submit]");
  await page.waitForSelector(`a:text("${reference}")`);
  assert.equal(await page.locator("table.inbox tbody tr").count(), 1);
  await page.click(`a:text("${reference}")`);
  await page.waitForSelector("#current-status");
  assert.match(await page.textContent(".message-body"), new RegExp(unique));

  await page.fill("#f-body", "Full-time study periods are excluded; replied with the rule.");
  await page.click("button:text('Add note')");
  await page.waitForSelector("text=Full-time study periods are excluded");
  await page.selectOption("#f-status", "answered");
  await page.click("button:text('Change status')");
  await page.waitForFunction(() => document.querySelector("#current-status")?.textContent.includes("Answered"));
  assert.match(await page.textContent(".history"), /New → Answered/);
  assert.match(await page.textContent(".history"), new RegExp(STAFF_EMAIL));
  await shot(page, "staff-detail");
  await checkA11y(page, "staff detail");

  // The CSV export of the current filter.
  const csv = await page.request.get(`${BASE_URL}/staff/export.csv?status=answered`);
  assert.equal(csv.status(), 200);
  assert.match(await csv.text(), new RegExp(reference));

  await page.click("button:text('Log out')");
  await page.waitForURL(/\/staff\/login/);
  await page.context().close();
});

test("an anonymous user is refused the inbox", async () => {
  const page = await newPage(browser);
  await page.goto(`${BASE_URL}/staff`);
  assert.match(page.url(), /\/staff\/login\?next=/);
  assert.equal(await page.locator("table.inbox").count(), 0);
  const post = await page.request.post(`${BASE_URL}/staff/questions/1/status`, {
    form: { status: "closed" },
  });
  assert.equal(post.status(), 403);
  const csv = await page.request.get(`${BASE_URL}/staff/export.csv`, { maxRedirects: 0 });
  assert.equal(csv.status(), 303);
  await page.context().close();
});
