// Screenshots of chosen pages at a phone (375 × 812) and a desktop (1280 × 900) size, in
// both languages, each checked with axe. For looking at a page you changed before committing:
//   BASE_URL=http://127.0.0.1:8080 node e2e/shots.mjs rules=/rules results=@docs/examples/pgwp-graduate.json
// `name=/path` is visited as /en/path and /fr/path; `name=@profile.json` opens that profile's
// results page. Images go to e2e/screenshots/<lang>-<name>-<width>.png (first screen) and
// …-<width>-full.png (whole page).
import { readFileSync } from "node:fs";
import { deflateRawSync } from "node:zlib";
import { launch, BASE_URL, checkA11y } from "./tests/helpers.mjs";

const SHOTS = new URL("./screenshots/", import.meta.url).pathname;
const SIZES = [
  [375, 812],
  [1280, 900],
];

function pathFor(lang, target) {
  if (target.startsWith("@")) {
    const text = readFileSync(target.slice(1), "utf8");
    const packed = deflateRawSync(Buffer.from(text), { level: 9 }).toString("base64url");
    return `/${lang}/assessment/results?p=${packed}`;
  }
  return `/${lang}${target}`;
}

const browser = await launch();
let failed = 0;
for (const arg of process.argv.slice(2)) {
  const [name, target] = arg.split("=");
  for (const lang of ["en", "fr"]) {
    for (const [width, height] of SIZES) {
      const context = await browser.newContext({ locale: `${lang}-CA`, viewport: { width, height } });
      const page = await context.newPage();
      const res = await page.goto(BASE_URL + pathFor(lang, target));
      const file = `${SHOTS}${lang}-${name}-${width}`;
      await page.screenshot({ path: `${file}.png` });
      await page.screenshot({ path: `${file}-full.png`, fullPage: true });
      const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
      try {
        await checkA11y(page, `${lang} ${name} ${width}`);
      } catch (e) {
        failed += 1;
        console.error(String(e.message));
      }
      console.log(`${file}.png status ${res?.status()} scrollWidth ${scroll}`);
      await context.close();
    }
  }
}
await browser.close();
process.exit(failed ? 1 : 0);
