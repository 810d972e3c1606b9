// Measures the site's search as a reader meets it: the search page loaded (its item list),
// a query typed (which fetches the words of its letters), then the time from submitting to
// the results on the page, and to their snippets, measured inside the page (so the
// browser driver's own round trips are not counted). Prints one JSON line per query.
//
// Usage: node search-speed.mjs SITE_DIR QUERY...   (any built site; benches/README.md
// says which site its figures are from)
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import { launch } from "./chromium.mjs";

const [siteArg, ...queries] = process.argv.slice(2);
const siteDir = path.resolve(siteArg);
const server = http.createServer((req, res) => {
  let rel = decodeURIComponent(new URL(req.url, "http://x").pathname);
  if (rel.endsWith("/")) rel += "index.html";
  const file = path.join(siteDir, rel);
  if (!file.startsWith(siteDir) || !fs.existsSync(file)) { res.writeHead(404); res.end(); return; }
  res.writeHead(200, { "content-type": rel.endsWith(".js") ? "text/javascript" : "text/html; charset=utf-8" });
  fs.createReadStream(file).pipe(res);
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const base = `http://127.0.0.1:${server.address().port}/`;
const browser = await launch();
try {
  for (const q of queries) {
    const tab = await browser.newPage();
    const start = Date.now();
    await tab.goto(base + "soeg/index.html", { waitUntil: "load" });
    const load_ms = Date.now() - start;
    await tab.fill("#ord", q);
    // The words of the query's letters are fetched while it is typed.
    await tab.waitForFunction((q) => q.toLowerCase().split(/[^0-9a-zæøåéüöä]+/).filter(Boolean)
      .every((o) => (window.SAGSGEN_ORD || {})[o.codePointAt(0)]), q);
    const [results_ms, snippets_ms] = await tab.evaluate(() => new Promise((done) => {
      const t = performance.now();
      let results = null;
      document.getElementById("soegning").requestSubmit();
      const check = () => {
        if (results === null && document.querySelector("#resultater p")) { results = performance.now() - t; }
        if (document.querySelector("#resultater[data-klar]")) { done([results, performance.now() - t]); return; }
        setTimeout(check, 1);
      };
      check();
    }));
    const status = await tab.$eval("#resultater p", (p) => p.textContent);
    console.log(JSON.stringify({ query: q, load_ms, results_ms: Math.round(results_ms), snippets_ms: Math.round(snippets_ms), status }));
    await tab.close();
  }
} finally {
  await browser.close();
  server.close();
}
