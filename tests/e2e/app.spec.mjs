// End-to-end: the app shell on the release bundle under /canary/.
import { test } from '@playwright/test';
import { bank, expect, watchErrors } from './helpers.mjs';

test('dashboard loads under the sub-path with every domain', async ({ page, request }) => {
  const errors = watchErrors(page);
  const { index } = await bank(request);
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your DOP-C02 study desk');
  await expect(page.locator('.domain-card')).toHaveCount(6);
  for (const f of index.files) {
    await expect(page.locator(`.domain-card[data-domain="${f.domain}"] .count`)).toHaveText(`${f.count} questions in the bank`);
  }
  await expect(page.locator('[data-stat="seen"] strong')).toHaveText(`0 / ${index.questions.length}`);
  await expect(page.locator('.mastery-chart .chart-row')).toHaveCount(19);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link')).toHaveText(
    ['Home', 'Practice', 'Exam', 'Widgets', 'Search', 'Settings', 'About']);
  expect(errors).toEqual([]);
});

test('a deep link survives a reload under the sub-path', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./#/practice/domain/3');
  await expect(page.locator('.set-title')).toHaveText('Domain 3: Resilient Cloud Solutions');
  await expect(page.locator('.question-meta .tags')).toContainText('Domain 3');
  await page.reload();
  await expect(page).toHaveURL(/\/canary\/#\/practice\/domain\/3$/);
  await expect(page.locator('.set-title')).toHaveText('Domain 3: Resilient Cloud Solutions');
  await expect(page.locator('.question-meta .tags')).toContainText('Domain 3');
  await page.goto('./#/about');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('About Canary');
  expect(errors).toEqual([]);
});

test('the theme follows the system and a manual choice is remembered', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('./#/settings');
  const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'auto');
  const dark = await bg();
  await page.getByRole('radio', { name: 'Light' }).check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  const light = await bg();
  expect(light).not.toEqual(dark);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect(page.getByRole('radio', { name: 'Light' })).toBeChecked();
  await page.getByRole('button', { name: /Switch colour theme/ }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await bg()).toEqual(dark);
});

test('works on a 360 px phone without horizontal scrolling', async ({ page, request }) => {
  const { all } = await bank(request);
  await page.setViewportSize({ width: 360, height: 740 });
  for (const path of ['./', './#/practice', `./#/question/${all[0].id}`, './#/exam', './#/settings']) {
    await page.goto(path);
    await expect(page.locator('main h1')).toBeVisible();
    await page.waitForTimeout(200);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});
