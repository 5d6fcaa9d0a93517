// End-to-end: embedding in someone else's page, offline use, strict CSP
// and installability, on the release bundle under /canary/.
import { chromium, test } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APP_PORT, BLOG_PORT, DEPLOY_PORT, bank, expect, letters, watchErrors } from './helpers.mjs';

const ROUTES = ['', '#/practice', '#/practice/domain/1', '#/exam', '#/widgets', '#/widgets/codedeploy',
  '#/widgets/dr', '#/widgets/asg?actions=out', '#/settings', '#/about', '#/embed/codedeploy', '#/embed/dr', '#/embed/asg', '#/embed/pipeline', '#/widgets/pipeline', '#/embed/beanstalk', '#/widgets/beanstalk', '#/embed/quiz?task=1.4&size=2',
  'embed/#/embed/codedeploy', 'embed/#/embed/dr', 'embed/#/embed/asg', 'embed/#/embed/pipeline', 'embed/#/embed/beanstalk'];

test('three embeds in a hostile foreign page render, fit and keep styles apart', async ({ page, request }) => {
  const { all } = await bank(request);
  const q = all.find((x) => x.kind.type === 'single');
  await page.goto(`http://localhost:${BLOG_PORT}/blog/post.html?q=${q.id}`);
  const frames = page.locator('iframe');
  await expect(frames).toHaveCount(3);
  // Simulators load the small embed bundle; questions the full app.
  await expect(page.locator('#one iframe')).toHaveAttribute('src', /\/canary\/embed\/#\/embed\/codedeploy\?/);
  await expect(page.locator('#two iframe')).toHaveAttribute('src', /\/canary\/#\/embed\/question\//);
  const one = page.frameLocator('#one iframe');
  const two = page.frameLocator('#two iframe');
  const three = page.frameLocator('#three iframe');
  await expect(one.locator('[data-widget="codedeploy"]')).toBeVisible();
  await expect(one.locator('.traffic .headline')).toHaveText('5 minutes to 100 %');
  await expect(two.locator(`article[data-question="${q.id}"]`)).toBeVisible();
  await expect(three.locator('.question-card')).toBeVisible();
  // Each iframe grows or shrinks to its content (not the 420 px default).
  for (const id of ['one', 'two', 'three']) {
    await page.locator(`#${id}`).scrollIntoViewIfNeeded();
    await expect.poll(async () => {
      const frameHeight = await page.locator(`#${id} iframe`).evaluate((f) => f.getBoundingClientRect().height);
      const content = await page.frameLocator(`#${id} iframe`).locator('html')
        .evaluate((h) => Math.ceil(h.getBoundingClientRect().height));
      return Math.abs(frameHeight - content) <= 2 && frameHeight !== 420;
    }, { message: `#${id} fits its content` }).toBe(true);
  }
  // The host's styles stay out of the embeds…
  const inside = await one.locator('h2').first().evaluate((e) => [getComputedStyle(e).color, getComputedStyle(e).fontFamily]);
  expect(inside[0]).not.toBe('rgb(255, 0, 0)');
  expect(inside[1]).not.toContain('Comic');
  await expect(two.getByRole('button', { name: 'Submit answer' })).toBeVisible();
  // …and the embeds' styles stay out of the host.
  expect(await page.locator('#host-text').evaluate((e) => getComputedStyle(e).color)).toBe('rgb(255, 0, 0)');
  expect(await page.locator('body').evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgb(255, 255, 0)');
  // The dark theme asked for by one embed applies to it alone.
  await expect(two.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(three.locator('html')).toHaveClass(/transparent/);
  // Answering inside an embed works even though its storage is partitioned.
  await two.locator(`li[data-choice="${letters(q, (o) => o.correct)[0]}"] label`).click();
  await two.getByRole('button', { name: 'Submit answer' }).click();
  await two.getByRole('button', { name: 'I knew it' }).click();
  await expect(two.locator('.verdict')).toContainText('Correct.');
  await expect(two.getByRole('link', { name: 'Open in Canary ↗' })).toHaveAttribute('href', new RegExp(`#/question/${q.id}$`));
});

test('each simulator embeds in the foreign blog page from its own module', async ({ page }) => {
  await page.goto(`http://localhost:${BLOG_PORT}/blog/post.html`);
  const sims = ['codedeploy', 'dr', 'asg', 'pipeline', 'beanstalk'];
  await page.evaluate(([ids, port]) => {
    for (const id of ids) {
      const frame = document.createElement('iframe');
      frame.id = `sim-${id}`;
      frame.title = id;
      frame.src = `http://127.0.0.1:${port}/canary/embed/#/embed/${id}`;
      document.body.append(frame);
    }
  }, [sims, APP_PORT]);
  for (const id of sims) {
    const frame = page.frameLocator(`#sim-${id}`);
    await expect(frame.locator(`[data-widget="${id}"]`)).toBeVisible();
    // The simulator alone: no app shell in the frame.
    await expect(frame.locator('.site-header')).toHaveCount(0);
  }
});

test('no Content-Security-Policy violation on any route', async ({ page }) => {
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const errors = watchErrors(page);
  for (const r of ROUTES) {
    await page.goto(`./${r}`);
    await expect(page.locator('main')).toBeVisible();
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => window.__csp), r).toEqual([]);
  }
  for (const doc of ['./', './embed/']) {
    const html = await (await page.request.get(doc)).text();
    expect(html, doc).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    // A style attribute in a tag (the prerendered embed snippets show
    // `style="…"` as escaped text, which is not one).
    expect(html, doc).not.toMatch(/<[a-z][^<>]*\sstyle=/i);
    expect(html, doc).toContain(doc === './' ? 'id="prerender"' : '<body');
  }
  expect(errors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
});

test('after one visit the app works offline, widgets and questions included', async ({ page, context, request }) => {
  const { all } = await bank(request);
  const q = all.find((x) => x.kind.type === 'single' && x.domain === 4);
  await page.goto('./');
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await page.reload();
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(scope).toMatch(/\/canary\/$/);
  // One simulator visited online; its module is stored as it loads.
  await page.goto('./#/widgets/dr?rto=600&rpo=5');
  await expect(page.locator('.recommendation')).toHaveAttribute('data-strategy', 'active_active');
  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('.recommendation')).toHaveAttribute('data-strategy', 'active_active');
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your DOP-C02 study desk');
  // One never opened: not there offline, and the page says so.
  await page.goto('./#/widgets/asg');
  await expect(page.locator('.widget-page [role="alert"]')).toContainText('could not be loaded');
  // "Make every simulator available offline" stores the rest.
  await context.setOffline(false);
  await page.goto('./#/settings');
  await page.getByRole('button', { name: 'Make every simulator available offline' }).click();
  await expect(page.getByText('Done: all 5 simulators now work offline.')).toBeVisible();
  await context.setOffline(true);
  await page.goto('./#/widgets/asg');
  await expect(page.locator('[data-widget="asg"]')).toBeVisible();
  await page.goto(`./#/question/${q.id}`);
  await page.locator(`li[data-choice="${letters(q, (o) => o.correct)[0]}"] label`).click();
  await page.getByRole('button', { name: 'Submit answer' }).click();
  await page.getByRole('button', { name: 'Unsure' }).click();
  await expect(page.locator('.verdict')).toContainText('Correct.');
  await context.setOffline(false);
});

test('installable: manifest, icons and no installability errors', async ({ request, baseURL }) => {
  const manifest = await (await request.get('manifest.webmanifest')).json();
  expect(manifest.start_url).toBe('./');
  expect(manifest.scope).toBe('./');
  const sizes = manifest.icons.map((i) => i.sizes);
  expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
  for (const icon of manifest.icons) expect((await request.get(icon.src)).ok()).toBe(true);
  // Installability is never granted to incognito-like contexts: use a
  // persistent profile in a fresh temporary folder.
  const dir = await mkdtemp(join(tmpdir(), 'canary-install-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await context.newPage();
    await page.goto(baseURL);
    await page.evaluate(async () => { await navigator.serviceWorker.ready; });
    const cdp = await context.newCDPSession(page);
    await expect.poll(async () => (await cdp.send('Page.getInstallabilityErrors')).installabilityErrors).toEqual([]);
  } finally {
    await context.close();
    await rm(dir, { recursive: true, force: true });
  }
});

test('a new deployment is announced and taken on reload, never mixed', async ({ page }) => {
  // A private copy of the build on its own port, so it can be "redeployed".
  const { cp, appendFile } = await import('node:fs/promises');
  const { spawn } = await import('node:child_process');
  const dir = await mkdtemp(join(tmpdir(), 'canary-deploy-'));
  await cp('dist', dir, { recursive: true });
  const server = spawn('node', ['tests/e2e/server.mjs', String(DEPLOY_PORT), '/canary/', dir], { stdio: 'ignore' });
  try {
    const url = `http://127.0.0.1:${DEPLOY_PORT}/canary/`;
    await expect.poll(async () => (await fetch(url).catch(() => null))?.ok ?? false, { timeout: 60_000 }).toBe(true);
    await page.goto(url);
    await page.evaluate(async () => { await navigator.serviceWorker.ready; });
    await page.reload();
    await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
    const before = await page.evaluate(() => caches.keys());
    // Deploy: a new build's service worker differs byte for byte.
    await appendFile(join(dir, 'sw.js'), '\n// next deployment\n');
    await appendFile(join(dir, 'sw.js'), `const NEXT = ${Date.now()};\n`);
    const sw = await (await fetch(`${url}sw.js`)).text();
    expect(sw).toContain('next deployment');
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    const banner = page.getByRole('status').filter({ hasText: 'A new version of Canary is ready' });
    await expect(banner).toBeVisible();
    // Until the learner accepts, the old worker keeps serving the old files.
    expect(await page.evaluate(() => caches.keys())).toEqual(before);
    await Promise.all([page.waitForEvent('load'), banner.getByRole('button', { name: 'Reload to update' }).click()]);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your DOP-C02 study desk');
    await expect(banner).toHaveCount(0);
  } finally {
    server.kill();
    await rm(dir, { recursive: true, force: true });
  }
});

test('an embed on the app\'s own origin shares progress with the app', async ({ page, request }) => {
  const { all, index } = await bank(request);
  const q = all.find((x) => x.kind.type === 'single');
  await page.goto(`./#/embed/question/${q.id}`);
  await page.locator(`li[data-choice="${letters(q, (o) => o.correct)[0]}"] label`).click();
  await page.getByRole('button', { name: 'Submit answer' }).click();
  await page.getByRole('button', { name: 'I knew it' }).click();
  await expect(page.locator('.verdict')).toContainText('Correct.');
  await page.goto('./');
  await expect(page.locator('[data-stat="seen"] strong')).toHaveText(`1 / ${index.questions.length}`);
});
