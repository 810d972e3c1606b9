// Drives `sagsgen serve` in Debian's Chromium (headless, through playwright-core): the
// overview and a document's page pass axe-core; page 1 of the document shows; editing the
// case's title updates the page without a reload; breaking the file shows the error with
// its line number. Prints one JSON object with what it saw.
//
// Usage: node serve.mjs URL CASE_REL CASE_FILE NEW_TITLE
import fs from "node:fs";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const [url, rel, file, newTitle] = process.argv.slice(2);

async function axe(tab) {
  await tab.addScriptTag({ content: axeSource });
  const result = await tab.evaluate(() => window.axe.run(document, {
    runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
  }));
  return result.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(" ")) }));
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const out = {};
try {
  const tab = await browser.newPage();
  await tab.goto(url);
  out.overview = { text: await tab.textContent("main"), violations: await axe(tab) };

  const start = Date.now();
  await tab.goto(url + "dokument?f=" + encodeURIComponent(rel));
  await tab.waitForFunction(() => {
    const img = document.querySelector("img.side");
    return img && img.complete && img.naturalWidth > 0;
  }, null, { timeout: 20000 });
  out.document = {
    title: await tab.textContent("h1"),
    pages: await tab.$$eval("img.side", (imgs) => imgs.length),
    firstPageLoaded: true,
    violations: await axe(tab),
    openMs: Date.now() - start,
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
    stale: await tab.$(".foraeldet") !== null,
    pages: await tab.$$eval("img.side", (imgs) => imgs.length),
    notReloaded: await tab.evaluate(() => window.__notReloaded === true),
    violations: await axe(tab),
  };
  fs.writeFileSync(file, original);
} finally {
  await browser.close();
}
console.log(JSON.stringify(out));
