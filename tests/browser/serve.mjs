// Drives `sagsgen serve` in Debian's Chromium (headless, through playwright-core): the
// overview and a document's page pass axe-core; page 1 of the document shows; editing the
// case's title updates the page without a reload; breaking the file shows the error with
// its line number. Prints one JSON object with what it saw.
//
// Then a meeting's agenda: a word of one of its cases is changed, and only the page it is
// on is fetched again; every other page keeps its element.
//
// Usage: node serve.mjs URL CASE_REL CASE_FILE NEW_TITLE MEETING_REL ITEM_FILE OLD NEW
import fs from "node:fs";
import { createRequire } from "node:module";
import { launch, pictureLoaded } from "./chromium.mjs";

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const [url, rel, file, newTitle, ...meeting] = process.argv.slice(2);

// Through the DevTools protocol, which the pages' content security policy does not cover
// (an inline script tag would be refused, as it should be).
async function axe(tab) {
  if (!(await tab.evaluate(() => Boolean(window.axe)))) { await tab.evaluate(axeSource); }
  const result = await tab.evaluate(() => window.axe.run(document, {
    runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
  }));
  return result.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(" ")) }));
}

const browser = await launch();
const out = {};
try {
  const tab = await browser.newPage();
  const refused = [];
  const errors = [];
  tab.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) { refused.push(m.text()); }
    if (m.type() === "error") { errors.push(m.text()); }
  });
  await tab.goto(url);
  out.overview = { text: await tab.textContent("main"), violations: await axe(tab) };
  // A phone: the overview fits without sideways scrolling, and passes axe at 320 px too.
  out.narrow = {};
  for (const width of [375, 320]) {
    await tab.setViewportSize({ width, height: 800 });
    out.narrow[width] = {
      overflow: await tab.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
      violations: await axe(tab),
    };
  }
  await tab.setViewportSize({ width: 1280, height: 900 });
  out.closedRow = await tab.$eval("tr:has(span.lukket)", (tr) => tr.textContent);

  const start = Date.now();
  await tab.goto(url + "dokument?f=" + encodeURIComponent(rel));
  await pictureLoaded(tab);
  out.document = {
    title: await tab.textContent("h1"),
    pages: await tab.$$eval("img.side", (imgs) => imgs.length),
    firstPageLoaded: true,
    violations: await axe(tab),
    openMs: Date.now() - start,
    lazy: await tab.$$eval("img.side", (imgs) => imgs.slice(1).every((i) => i.loading === "lazy")),
  };

  // The same page, never reloaded: a mark set now must survive the updates.
  await tab.evaluate(() => { window.__notReloaded = true; window.scrollTo(0, 300); });
  const scrolledTo = await tab.evaluate(() => window.scrollY);
  const original = fs.readFileSync(file, "utf8");
  const edited = original.replace(/^titel = ".*"$/m, `titel = "${newTitle}"`);
  fs.writeFileSync(file, edited);
  const t0 = Date.now();
  await tab.waitForFunction((t) => document.querySelector("h1").textContent === t, newTitle, { timeout: 20000 });
  out.edit = {
    title: await tab.textContent("h1"),
    ms: Date.now() - t0,
    notReloaded: await tab.evaluate(() => window.__notReloaded === true),
    scrollBefore: scrolledTo,
    scrollAfter: await tab.evaluate(() => window.scrollY),
  };

  fs.writeFileSync(file, edited.replace(/^titel = /m, "titel = = "));
  await tab.waitForSelector(".fejl pre", { timeout: 20000 });
  out.broken = {
    error: await tab.textContent(".fejl pre"),
    download: await tab.textContent("a[download]"),
    stale: await tab.$(".foraeldet") !== null,
    pages: await tab.$$eval("img.side", (imgs) => imgs.length),
    notReloaded: await tab.evaluate(() => window.__notReloaded === true),
    violations: await axe(tab),
  };
  fs.writeFileSync(file, original);
  await tab.waitForFunction(() => document.querySelector(".fejl") === null, null, { timeout: 20000 });

  // A meeting's agenda: one case's text changes; only the page it is on is fetched again,
  // every other page keeps its very element.
  const [meetingRel, itemFile, oldWord, newWord] = meeting;
  await tab.goto(url + "dokument?f=" + encodeURIComponent(meetingRel) + "&e=dagsorden");
  await pictureLoaded(tab);
  let fetched = [];
  tab.on("request", (r) => { if (r.url().includes("/side?")) { fetched.push(new URL(r.url()).searchParams.get("n")); } });
  const elements = await tab.evaluateHandle(() => Array.from(document.querySelectorAll("img.side")));
  const addresses = () => tab.$$eval("img.side", (imgs) => imgs.map((i) => i.getAttribute("src")));
  const before = await addresses();
  // Every page is looked at once, so each is loaded (lazily) before the change.
  for (let i = 0; i < before.length; i++) {
    await tab.evaluate((n) => document.querySelectorAll("img.side")[n].scrollIntoView(), i);
    await tab.waitForFunction((n) => document.querySelectorAll("img.side")[n].complete, i);
  }
  fetched = [];
  const mark = await tab.evaluate(() => document.body.getAttribute("data-opdateret"));
  const item = fs.readFileSync(itemFile, "utf8");
  fs.writeFileSync(itemFile, item.replace(oldWord, newWord));
  await tab.waitForFunction((m) => document.body.getAttribute("data-opdateret") !== m, mark, { timeout: 20000 });
  const after = await addresses();
  const changed = after.map((a, i) => (a !== before[i] ? i + 1 : 0)).filter(Boolean);
  // The changed page is scrolled to; its new picture loads.
  await tab.evaluate((n) => document.querySelectorAll("img.side")[n - 1].scrollIntoView(), changed[0] || 1);
  await pictureLoaded(tab, (changed[0] || 1) - 1);
  out.meeting = {
    pages: before.length,
    changed,
    fetched: fetched.map(Number),
    elementsKept: await tab.evaluate((olds) => {
      const now = Array.from(document.querySelectorAll("img.side"));
      return olds.length === now.length && olds.every((e, i) => e === now[i]);
    }, elements),
    newText: (await tab.evaluate(async (n) => {
      const src = document.querySelectorAll("img.side")[n - 1].getAttribute("src");
      return (await fetch(src)).text();
    }, changed[0] || 1)).length > 0,
  };
  fs.writeFileSync(itemFile, item);
  out.refused = refused;
  out.consoleErrors = errors;
} finally {
  await browser.close();
}
console.log(JSON.stringify(out));
