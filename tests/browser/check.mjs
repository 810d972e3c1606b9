// Opens pages of a built site in Debian's Chromium (headless, through playwright-core)
// served over HTTP from a local server, runs axe-core on each (WCAG 2.1 A and AA) at
// desktop width and at 320 px, and
// checks what axe cannot: width at 320 px, the search page finding words. Prints one
// JSON object: { pages: [{ page, violations, overflow }], search: { word, status, results },
// searches: [ … one per word of "a|b" … ] }.
//
// Usage: node check.mjs SITE_DIR WORD PAGE...
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { launch } from "./chromium.mjs";

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const [siteArg, word, ...pages] = process.argv.slice(2);
const siteDir = path.resolve(siteArg);

const types = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript",
  ".json": "application/json", ".xml": "application/atom+xml", ".pdf": "application/pdf" };
const server = http.createServer((req, res) => {
  let rel = decodeURIComponent(new URL(req.url, "http://x").pathname);
  if (rel.endsWith("/")) rel += "index.html";
  const file = path.join(siteDir, rel);
  if (!file.startsWith(siteDir) || !fs.existsSync(file)) { res.writeHead(404); res.end(); return; }
  res.writeHead(200, { "content-type": types[path.extname(file)] || "application/octet-stream" });
  fs.createReadStream(file).pipe(res);
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const base = `http://127.0.0.1:${server.address().port}/`;

const browser = await launch();
const out = { pages: [], search: null };
try {
  for (const page of pages) {
    const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await tab.goto(base + page);
    await tab.addScriptTag({ content: axeSource });
    const result = await tab.evaluate(() => window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    }));
    const violations = result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 5) }));
    await tab.setViewportSize({ width: 320, height: 640 });
    const overflow = await tab.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    // And axe again at phone width, where the layout is another.
    const narrow = await tab.evaluate(() => window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    }));
    for (const v of narrow.violations) {
      violations.push({ id: v.id, impact: v.impact, help: v.help, width: 320,
        nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 5) });
    }
    out.pages.push({ page, violations, overflow });
    await tab.close();
  }
  // One search per word ("a|b" searches for a, then for b); the first is `search`.
  out.searches = [];
  for (const one of word.split("|")) {
    const tab = await browser.newPage();
    await tab.goto(base + "soeg/index.html");
    await tab.fill("#ord", one);
    await tab.click("button[type=submit]");
    // The results come at once, their snippets when the texts have loaded (data-klar).
    await tab.waitForSelector("#resultater[data-klar]");
    const results = await tab.$$eval("#resultater li", (items) => items.map((li) => {
      const a = li.querySelector("a");
      const snippet = li.querySelector(".uddrag");
      return { text: a.textContent, href: a.getAttribute("href"), snippet: snippet ? snippet.textContent : null,
        marked: [...li.querySelectorAll("mark")].map((m) => m.textContent) };
    }));
    const status = await tab.$eval("#resultater p", (p) => p.textContent);
    out.searches.push({ word: one, status, results });
    await tab.close();
  }
  out.search = out.searches[0];
} finally {
  await browser.close();
  server.close();
}
console.log(JSON.stringify(out));
