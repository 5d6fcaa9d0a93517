// End-to-end: offline full-text search (#/search?q=…) on the release bundle.
import { test } from '@playwright/test';
import { bank, expect, watchErrors } from './helpers.mjs';

const box = (page) => page.getByRole('searchbox', { name: /Search questions/ });
const results = (page) => page.locator('.search-result');
// The page is prerendered HTML until the wasm starts; the app marks its first render.
const live = (page) => page.waitForFunction(() => performance.getEntriesByName('canary:first-render').length > 0, null, { timeout: 30_000 });
const resultIds = (page) => page.locator('.search-result .result-id').allTextContents();

test('typing shows results and keeps the query in the URL without new history entries', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./#/about');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('About Canary');
  await live(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search' }).click();
  await expect(box(page)).toBeFocused({ timeout: 30_000 });
  await box(page).pressSequentially('codedeploy lambda');
  await expect(page).toHaveURL(/#\/search\?q=codedeploy(\+|%20)lambda$/);
  await expect(results(page).first()).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('.search-count')).toHaveText(/^\d+ questions? match\.$/);
  await expect(results(page).first().locator('mark').first()).toBeVisible();
  // Each keystroke replaced the entry: Back leaves search for the page before.
  await page.goBack();
  await expect(page).toHaveURL(/#\/about$/);
  await page.goForward();
  await expect(box(page)).toHaveValue('codedeploy lambda', { timeout: 30_000 });
  expect(errors).toEqual([]);
});

test('a typo finds CloudFormation questions, and a result opens its question', async ({ page, request }) => {
  const { index } = await bank(request);
  await page.goto('./#/search');
  await box(page).fill('cloudformaton');
  await expect(results(page).first()).toBeVisible({ timeout: 30_000 });
  const ids = await resultIds(page);
  expect(ids.length).toBeGreaterThan(0);
  const byId = new Map(index.questions.map((q) => [q.id, q]));
  expect(byId.get(ids[0]).services).toContain('CloudFormation');
  await results(page).first().getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`#/question/${ids[0]}$`));
  await expect(page.locator('.question-card')).toHaveAttribute('data-question', ids[0], { timeout: 30_000 });
});

test('"Practice these N" starts a set of exactly those ids, and "Show all" lists every one', async ({ page }) => {
  await page.goto('./#/search?q=cloudformation');
  await expect(results(page)).toHaveCount(20, { timeout: 30_000 });
  const count = Number((await page.locator('.search-count').textContent()).match(/^(\d+)/)[1]);
  expect(count).toBeGreaterThan(20);
  await page.getByRole('button', { name: `Show all ${count}` }).click();
  await expect(results(page)).toHaveCount(count);
  const ids = (await resultIds(page)).slice(0, 200);
  await page.getByRole('link', { name: `Practice these ${ids.length}` }).click();
  await expect(page).toHaveURL(/#\/practice\/set\?.*ids=/);
  const url = new URL(page.url().replace('#/', ''));
  expect(url.searchParams.get('ids').split(',')).toEqual(ids);
  await expect(page.locator('.position')).toHaveText(`Question 1 of ${ids.length}`, { timeout: 30_000 });
  await expect(page.locator('.question-card')).toHaveAttribute('data-question', ids[0]);
});

test('a reloaded deep link shows its results', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./#/search?q=drift%20detection');
  await expect(box(page)).toHaveValue('drift detection', { timeout: 30_000 });
  await expect(results(page).first()).toBeVisible({ timeout: 30_000 });
  const before = await resultIds(page);
  await page.reload();
  await expect(box(page)).toHaveValue('drift detection', { timeout: 30_000 });
  await expect(results(page).first()).toBeVisible({ timeout: 30_000 });
  expect(await resultIds(page)).toEqual(before);
  expect(errors).toEqual([]);
});

test('"/" opens search from anywhere outside a text field, and focuses its box', async ({ page }) => {
  await page.goto('./#/practice');
  await expect(page.getByLabel('Set size')).toBeVisible({ timeout: 30_000 });
  await live(page);
  // In a text field "/" is a character.
  await page.getByLabel('Set size').focus();
  await page.keyboard.press('/');
  await expect(page).toHaveURL(/#\/practice$/);
  await page.locator('main').focus();
  await page.keyboard.press('/');
  await expect(page).toHaveURL(/#\/search/);
  await expect(box(page)).toBeFocused({ timeout: 30_000 });
  // On the page itself, "/" from elsewhere moves the focus back to the box.
  await page.keyboard.type('ecs');
  await expect(results(page).first()).toBeVisible({ timeout: 30_000 });
  await page.locator('main').focus();
  await page.keyboard.press('/');
  await expect(box(page)).toBeFocused();
  await expect(box(page)).toHaveValue('ecs');
});

test('search works from the keyboard alone', async ({ page }) => {
  await page.goto('./#/');
  await expect(page.locator('.domain-card').first()).toBeVisible({ timeout: 30_000 });
  await live(page);
  await page.locator('main').focus();
  await page.keyboard.press('/');
  await expect(box(page)).toBeFocused({ timeout: 30_000 });
  await page.keyboard.type('cloudformation stack');
  await expect(results(page).first()).toBeVisible({ timeout: 30_000 });
  const first = (await resultIds(page))[0];
  // Tab from the box: the practice link, then the first result.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: /^Practice these \d+$/ })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(results(page).first().getByRole('link')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/question/${first}$`));
  await expect(page.locator('.question-card')).toHaveAttribute('data-question', first, { timeout: 30_000 });
});

test('the search page fits a 360 px phone', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('./#/search?q=cloudformation');
  await expect(results(page).first()).toBeVisible({ timeout: 30_000 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('the search index is fetched only when the search page opens', async ({ page }) => {
  const fetched = [];
  page.on('request', (r) => { if (/\/data\/search\.[0-9a-f]+\.json$/.test(r.url())) fetched.push(r.url()); });
  await page.goto('./');
  await expect(page.locator('.domain-card').first()).toBeVisible({ timeout: 30_000 });
  await live(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Practice' }).click();
  await expect(page.getByLabel('Set size')).toBeVisible({ timeout: 30_000 });
  expect(fetched).toEqual([]);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search' }).click();
  await box(page).fill('lambda');
  await expect(results(page).first()).toBeVisible({ timeout: 30_000 });
  expect(fetched.length).toBe(1);
});
