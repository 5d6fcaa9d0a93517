// End-to-end: the build's prerendered HTML (examples/prerender.rs). The first
// paint must not wait for WebAssembly, a deep link must show its own page,
// and a reader without JavaScript must see real content and a note.
import { test } from '@playwright/test';
import { expect, watchErrors } from './helpers.mjs';

const noWasm = (page) => page.route('**/*.wasm', (r) => r.abort());

test('without WebAssembly the dashboard, the exam and a simulator still render from HTML', async ({ page }) => {
  await noWasm(page);
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your DOP-C02 study desk');
  await expect(page.locator('.domain-card')).toHaveCount(6);
  // Deep links: their own page, never the dashboard first.
  await page.goto('./#/exam');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Exam simulator');
  await page.goto('./#/widgets/dr');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Disaster-recovery strategy chooser');
  // The simulator itself, in its default state, with its facts.
  await expect(page.locator('[data-widget="dr"] .recommendation')).toBeVisible();
  await expect(page.getByText('Loading', { exact: false })).toHaveCount(0);
});

test('the app takes over a prerendered simulator: one live copy, interactive', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./#/widgets/dr');
  await page.reload();
  await expect(page.locator('[data-widget="dr"]')).toHaveCount(1);
  await expect(page.locator('.prerendered-module')).toBeHidden();
  const before = await page.locator('[data-widget="dr"] .recommendation').getAttribute('data-strategy');
  await page.locator('[data-widget="dr"] input[type="range"]').first().fill('0');
  await expect(page).toHaveURL(/#\/widgets\/dr\?/);
  expect(before).not.toBeNull();
  expect(errors).toEqual([]);
});

test.describe('with JavaScript disabled', () => {
  test.use({ javaScriptEnabled: false });
  test('the dashboard and a clear note show, not a blank page', async ({ page }) => {
    await page.goto('./');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your DOP-C02 study desk');
    // Links work without the router: fragment routes under the sub-path.
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Exam' })).toHaveAttribute('href', '#/exam');
    // Chromium with scripting turned off by the test does not render
    // <noscript> (a browser with JavaScript off does): check the note is there.
    const html = await (await page.request.get('./')).text();
    expect(html).toMatch(/<noscript>[^]*Canary needs JavaScript[^]*<\/noscript>/);
  });
});
