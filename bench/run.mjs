// Browser benchmarks for `cargo xtask bench`: Canary against a minimal Yew
// app built with the same profile, measured in the same run, in Debian's
// headless Chromium through the DevTools protocol. 412×823 viewport, 4× CPU
// throttling, median of RUNS runs. Prints JSON for xtask to tabulate.
import { chromium } from 'playwright-core';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]; };

function serve(port, root) {
  const proc = spawn('node', ['tests/e2e/server.mjs', String(port), '/app/', root], { stdio: 'ignore' });
  return { url: `http://127.0.0.1:${port}/app/`, stop: () => proc.kill() };
}

// The server compresses every file before it listens (tests/e2e/server.mjs).
async function waitUp(url) {
  for (let i = 0; i < 900; i++) {
    try { if ((await fetch(url)).ok) return; } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server at ${url} did not start`);
}

async function page(browser, { slow = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, serviceWorkers: 'block' });
  const p = await context.newPage();
  const cdp = await context.newCDPSession(p);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (slow) await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  return { context, p, cdp };
}

async function firstRender(browser, url, slow) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const { context, p } = await page(browser, { slow });
    await p.goto(url, { waitUntil: 'commit' });
    await p.waitForFunction(() => performance.getEntriesByName('canary:first-render').length > 0, null, { timeout: 60_000 });
    times.push(await p.evaluate(() => performance.getEntriesByName('canary:first-render')[0].startTime));
    await context.close();
  }
  return { median: median(times), runs: times };
}

// Click → next paint from Event Timing. Entries exist only for events of at
// least 16 ms, so a click with no entry took under 16 ms.
async function interactions(browser, url, clickSelector, count) {
  const { context, p } = await page(browser);
  await p.goto(url);
  await p.waitForFunction(() => performance.getEntriesByName('canary:first-render').length > 0);
  await p.evaluate(() => {
    window.__events = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.interactionId) window.__events.push([e.interactionId, e.duration]);
    }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  });
  for (let i = 0; i < count; i++) {
    const target = typeof clickSelector === 'function' ? clickSelector(i) : clickSelector;
    await p.locator(target).first().click();
    await p.waitForTimeout(60);
  }
  await p.waitForTimeout(300);
  const entries = await p.evaluate(() => window.__events);
  await context.close();
  // One interaction (pointerdown, pointerup, click) counts once, at its longest.
  const byInteraction = new Map();
  for (const [id, d] of entries) byInteraction.set(id, Math.max(d, byInteraction.get(id) ?? 0));
  const slowOnes = [...byInteraction.values()];
  const all = [...slowOnes, ...Array(Math.max(0, count - slowOnes.length)).fill(16)];
  return { clicks: count, over16ms: slowOnes.length, p50: pct(all, 50), p95: pct(all, 95) };
}

async function examMemory(browser, url) {
  const { context, p, cdp } = await page(browser);
  await p.goto(`${url}#/exam`);
  await p.getByRole('button', { name: 'Start the exam' }).click();
  for (let i = 0; i < 75; i++) {
    await p.locator('.option label').first().click();
    await p.getByRole('button', { name: i === 74 ? 'Review answers' : 'Next', exact: true }).click();
  }
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const wasm = await p.evaluate(() => window.canaryWasmMemoryBytes?.() ?? null);
  await context.close();
  return { jsHeapUsed: heap.usedSize, wasmMemory: wasm };
}

function lighthouse(url) {
  const dir = mkdtempSync(join(tmpdir(), 'canary-lh-'));
  try {
    const out = execFileSync('node_modules/.bin/lighthouse', [url, '--output=json', '--quiet', '--form-factor=mobile',
      '--only-categories=performance,accessibility,best-practices', `--chrome-flags=${ARGS.join(' ')}`,
      '--max-wait-for-load=60000'], { env: { ...process.env, CHROME_PATH: CHROME }, maxBuffer: 64 * 1024 * 1024 }).toString();
    const r = JSON.parse(out);
    const score = (k) => Math.round((r.categories[k]?.score ?? 0) * 100);
    return { performance: score('performance'), accessibility: score('accessibility'), bestPractices: score('best-practices'),
      cls: r.audits['cumulative-layout-shift']?.numericValue ?? null, lcp: r.audits['largest-contentful-paint']?.numericValue ?? null };
  } catch (e) {
    return { error: String(e.message ?? e).slice(0, 300) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const canary = serve(4181, 'dist');
const baseline = serve(4182, 'target/bench-baseline');
try {
  await waitUp(canary.url);
  await waitUp(baseline.url);
  const browser = await chromium.launch({ executablePath: CHROME, args: ARGS });
  const index = JSON.parse(readFileSync('dist/data/index.json', 'utf8'));
  const q = index.questions.find((x) => x.kind.type === 'single').id;
  const result = {
    runs: RUNS,
    firstRender: {
      canary: await firstRender(browser, canary.url, false),
      baseline: await firstRender(browser, baseline.url, false),
      canarySlow4g: await firstRender(browser, canary.url, true),
      baselineSlow4g: await firstRender(browser, baseline.url, true),
    },
    interaction: {
      canary: await interactions(browser, `${canary.url}#/question/${q}`, (i) => `.option label >> nth=${i % 4}`, 20),
      baseline: await interactions(browser, baseline.url, 'button', 20),
    },
    memory: await examMemory(browser, canary.url),
  };
  await browser.close();
  result.lighthouse = {
    dashboard: lighthouse(canary.url),
    question: lighthouse(`${canary.url}#/question/${q}`),
    widget: lighthouse(`${canary.url}#/widgets/dr`),
    baseline: lighthouse(baseline.url),
  };
  console.log(JSON.stringify(result));
} finally {
  canary.stop();
  baseline.stop();
}
