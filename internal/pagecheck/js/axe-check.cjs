// Runs axe-core on each page in Debian's Chromium and notes every request the
// page makes to another host. Usage:
//   node axe-check.cjs MODULES_DIR CHROMIUM < job.json > results.json
// job.json is {"urls": [absolute URLs], "headers": {name: value},
// "cookies": [{name, value, url}], "concurrency": tabs}; the result maps each URL to
// {violations: [...], foreign: [...], consoleErrors: [...]}.
'use strict';
const path = require('path');
const fs = require('fs');

const [modulesDir, chromium] = process.argv.slice(2);
const puppeteer = require(path.join(modulesDir, 'puppeteer-core'));
const axeSource = fs.readFileSync(path.join(modulesDir, 'axe-core', 'axe.min.js'), 'utf8');
const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function main() {
  const job = JSON.parse(fs.readFileSync(0, 'utf8'));
  const urls = job.urls || [];
  const browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    userDataDir: fs.mkdtempSync(path.join(require('os').tmpdir(), 'axe-')),
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const results = {};
  // A few tabs at once, each reused from page to page: a page spends much
  // of its visit waiting (navigation, the browser's other processes), and a
  // new tab costs a renderer start. Every URL is still checked.
  const workers = Math.max(1, Math.min(Number(job.concurrency) || 1, urls.length));
  let next = 0;
  async function worker() {
    const page = await browser.newPage();
    // The page's CSP forbids injected scripts, rightly; axe needs one.
    await page.setBypassCSP(true);
    await page.setViewport({ width: 390, height: 844 });
    if (job.headers) await page.setExtraHTTPHeaders(job.headers);
    if (job.cookies && job.cookies.length) await page.setCookie(...job.cookies);
    let foreign = [];
    let consoleErrors = [];
    let origin = '';
    page.on('request', (req) => {
      const u = req.url();
      if (!u.startsWith('data:') && !u.startsWith('about:') && new URL(u).origin !== origin) foreign.push(u);
    });
    page.on('console', (msg) => { if (msg.type() === 'error') consoleErrors.push(msg.text()); });
    page.on('pageerror', (err) => consoleErrors.push(String(err)));
    try {
      while (next < urls.length) {
        const url = urls[next++];
        origin = new URL(url).origin;
        foreign = [];
        consoleErrors = [];
        await page.goto(url, { waitUntil: 'load', timeout: 60000 });
        await page.evaluate(axeSource);
        const res = await page.evaluate(async (tags) => {
          const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
          return r.violations.map((v) => ({
            id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
          }));
        }, tags);
        // Leave the page before reading what it did, so nothing it still
        // loads or logs late goes to the next URL's account.
        await page.goto('about:blank');
        results[url] = { violations: res, foreign, consoleErrors };
      }
    } finally {
      await page.close();
    }
  }
  try {
    await Promise.all(Array.from({ length: workers }, worker));
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(results));
}

main().catch((err) => { console.error(err); process.exit(1); });
