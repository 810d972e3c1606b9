// Attacks `sagsgen serve` from Debian's Chromium the way a web page the secretary visits
// could: a page served from another loopback port tries to frame a closed case's page,
// fetch it, read the event stream and show a page picture; then a host name pointed at
// 127.0.0.1 (DNS rebinding, simulated with --host-resolver-rules) asks for the same case.
// Also records whether the preview's own pages break their content security policy.
// Prints one JSON object with what it saw.
//
// Usage: node door.mjs PREVIEW_URL CLOSED_CASE_REL SECRET_TEXT
import http from "node:http";
import { launch, pictureLoaded } from "./chromium.mjs";

const [previewUrl, rel, secret] = process.argv.slice(2);
const preview = new URL(previewUrl);
const docPath = "/dokument?f=" + encodeURIComponent(rel);
const pagePath = "/side?f=" + encodeURIComponent(rel) + "&n=1";

// The other site: a page on another loopback port, scripts and all.
const attackerPage = `<!DOCTYPE html><html><head><title>Anden side</title></head><body>
<iframe id="ramme" src="${preview.origin}${docPath}" width="600" height="400"></iframe>
<script>
window.results = {};
const done = [];
done.push(fetch("${preview.origin}${docPath}").then((r) => r.text())
  .then((t) => { results.fetch = t; }, (e) => { results.fetch = "fejl: " + e.message; }));
done.push(fetch("${preview.origin}${docPath}", { mode: "no-cors" })
  .then((r) => { results.noCors = { type: r.type, status: r.status }; }, (e) => { results.noCors = "fejl: " + e.message; }));
done.push(new Promise((resolve) => {
  const es = new EventSource("${preview.origin}/haendelser");
  es.onopen = () => { results.events = "åben"; es.close(); resolve(); };
  es.onerror = () => { results.events = results.events || "fejl"; es.close(); resolve(); };
}));
done.push(new Promise((resolve) => {
  const img = new Image();
  img.onload = () => { results.image = "indlæst"; resolve(); };
  img.onerror = () => { results.image = "fejl"; resolve(); };
  img.src = "${preview.origin}${pagePath}";
}));
window.finished = Promise.all(done);
</script></body></html>`;

const attacker = http.createServer((req, res) => {
  res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
  res.end(attackerPage);
});
await new Promise((resolve) => attacker.listen(0, "127.0.0.1", resolve));
const attackerUrl = `http://127.0.0.1:${attacker.address().port}/`;

const browser = await launch(["--host-resolver-rules=MAP rebind.test 127.0.0.1"]);
const out = {};
try {
  const tab = await browser.newPage();
  await tab.goto(attackerUrl);
  await tab.evaluate(() => window.finished);
  // The frame's own document, whatever Chromium put there when it refused it.
  const frame = tab.frames().find((f) => f !== tab.mainFrame());
  let framed = "";
  try { framed = frame ? await frame.evaluate(() => document.documentElement.outerHTML) : ""; } catch (e) { framed = ""; }
  out.other = {
    ...(await tab.evaluate(() => window.results)),
    frameUrl: frame ? frame.url() : null,
    frameShowsSecret: framed.includes(secret),
  };
  out.other.fetchShowsSecret = String(out.other.fetch).includes(secret);
  delete out.other.fetch;

  // DNS rebinding: the other site's own name, now pointing at 127.0.0.1.
  const rebound = `http://rebind.test:${preview.port}`;
  const response = await tab.goto(rebound + docPath);
  const body = await tab.textContent("body");
  const sameNameFetch = await tab.evaluate(async (path) => {
    const r = await fetch(path);
    return { status: r.status, text: await r.text() };
  }, docPath);
  out.rebinding = {
    status: response.status(),
    showsSecret: body.includes(secret) || sameNameFetch.text.includes(secret),
    message: body.trim(),
    fetchStatus: sameNameFetch.status,
  };

  // The preview's own pages under their policy: nothing they need is refused.
  const own = await browser.newPage();
  const violations = [];
  own.on("console", (m) => { if (/Content Security Policy/i.test(m.text())) { violations.push(m.text()); } });
  await own.goto(previewUrl);
  await own.goto(previewUrl + docPath.slice(1));
  await pictureLoaded(own);
  // A page picture opened on its own, under the policy of pictures.
  await own.goto(previewUrl + pagePath.slice(1));
  out.own = { violations };
} finally {
  await browser.close();
  attacker.close();
}
console.log(JSON.stringify(out));
