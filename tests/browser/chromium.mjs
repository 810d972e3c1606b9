// What the browser scripts share: Debian's Chromium started headless through
// playwright-core (never a browser downloaded by npm), and waiting for a page picture.
import { chromium } from "playwright-core";

/// Debian's Chromium, quiet (no network of its own), with `extra` arguments.
export function launch(extra = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
      ...extra],
  });
}

/// Waits until the preview's page picture number `index` (from 0) has loaded.
export function pictureLoaded(tab, index = 0, timeout = 20000) {
  return tab.waitForFunction((i) => {
    const img = document.querySelectorAll("img.side")[i];
    return img && img.complete && img.naturalWidth > 0;
  }, index, { timeout });
}
