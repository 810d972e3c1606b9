// What a reader of `sagsgen serve` waits for, measured in Debian's Chromium: a document
// is opened, a word in FILE is changed once to find the page that changes, that page is
// scrolled into view, and then FILE is saved SAVES times; each time from the write to the
// moment the changed page in view has loaded its new picture. Also counts the page
// pictures fetched per save (only changed pages near the view should be). `cargo bench
// --bench serve` runs it. Prints one JSON object.
//
// FILE holds "ændring N" somewhere; each save counts N up.
//
// Usage: node latency.mjs DOCUMENT_URL FILE SAVES [PAGE]
// PAGE: the page to watch, when the page addresses do not tell which changed (a preview
// that gives every page a new address at every save).
import fs from "node:fs";
import { launch, pictureLoaded } from "./chromium.mjs";

const [documentUrl, file, savesArg, pageArg] = process.argv.slice(2);
const saves = Number(savesArg || 20);

function save() {
  const text = fs.readFileSync(file, "utf8");
  const next = text.replace(/ændring (\d+)/, (_, n) => `ændring ${Number(n) + 1}`);
  if (next === text) { throw new Error(`${file} holds no "ændring N"`); }
  const t0 = Date.now();
  fs.writeFileSync(file, next);
  return t0;
}

const browser = await launch();
const out = {};
try {
  const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  // When each page picture finished loading, by its address.
  await tab.addInitScript(() => {
    window.__loaded = {};
    document.addEventListener("load", (e) => {
      if (e.target.tagName === "IMG") { window.__loaded[e.target.getAttribute("src")] = Date.now(); }
    }, true);
  });
  let fetched = 0;
  tab.on("request", (r) => { if (r.url().includes("/side?")) { fetched += 1; } });
  const opened = Date.now();
  await tab.goto(documentUrl);
  await pictureLoaded(tab, 0, 60000);
  out.openMs = Date.now() - opened;
  out.pages = await tab.$$eval("img.side", (imgs) => imgs.length);
  out.fetchedOnOpen = fetched;

  const addresses = () => tab.$$eval("img.side", (imgs) => imgs.map((i) => i.getAttribute("src")));
  const updated = () => tab.evaluate(() => document.body.getAttribute("data-opdateret"));

  // Which page a save changes.
  const before = await addresses();
  const mark = await updated();
  save();
  await tab.waitForFunction((m) => document.body.getAttribute("data-opdateret") !== m, mark, { timeout: 60000 });
  const after = await addresses();
  const changed = after.map((a, i) => (a !== before[i] ? i : -1)).filter((i) => i >= 0);
  out.changedPages = changed.map((i) => i + 1);
  const target = pageArg ? Number(pageArg) - 1 : (changed.length ? changed[0] : 0);
  out.target = target + 1;
  await tab.evaluate((i) => document.querySelectorAll("img.side")[i].scrollIntoView(), target);
  await pictureLoaded(tab, target, 60000);

  out.ms = [];
  out.fetched = [];
  out.elementsKept = true;
  for (let n = 0; n < saves; n++) {
    const elements = await tab.evaluateHandle(() => Array.from(document.querySelectorAll("img.side")));
    const old = (await addresses())[target];
    const count = fetched;
    const t0 = save();
    const handle = await tab.waitForFunction(([i, old]) => {
      const img = document.querySelectorAll("img.side")[i];
      const src = img.getAttribute("src");
      return src !== old && img.complete && img.naturalWidth > 0 && window.__loaded[src];
    }, [target, old], { timeout: 60000, polling: 10 });
    const loadedAt = await tab.evaluate((i) => {
      const img = document.querySelectorAll("img.side")[i];
      return window.__loaded[img.getAttribute("src")];
    }, target);
    await handle.dispose();
    out.ms.push(loadedAt - t0);
    out.fetched.push(fetched - count);
    // Every page kept its element: the reader's place, zoom and selection stay.
    const same = await tab.evaluate((olds) => {
      const now = Array.from(document.querySelectorAll("img.side"));
      return olds.length === now.length && olds.every((e, i) => e === now[i]);
    }, elements);
    out.elementsKept = out.elementsKept && same;
    await elements.dispose();
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify(out));
