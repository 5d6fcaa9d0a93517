// End-to-end: the release bundle under /canary/ in headless Chromium.
// Answer keys come from the served data files, so the tests follow the
// question bank as it grows instead of hard-coding questions.
import { test, expect } from '@playwright/test';

/** Fails the test on any console error or failed request. */
function watchErrors(page) {
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  // A reload aborts requests still in flight; that is not a failure.
  page.on('requestfailed', (r) => {
    if (r.failure()?.errorText !== 'net::ERR_ABORTED') errors.push(`request failed: ${r.url()}`);
  });
  page.on('response', (r) => { if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`); });
  return errors;
}

async function bank(request) {
  const index = await (await request.get('data/index.json')).json();
  const byDomain = {};
  for (const f of index.files) {
    byDomain[f.domain] = await (await request.get(`data/${f.file}`)).json();
  }
  const all = Object.values(byDomain).flat();
  return { index, all };
}

const letters = (q, pred) => q.options.map((o, i) => [o, 'ABCDEFGH'[i]]).filter(([o]) => pred(o)).map(([, l]) => l);

test('dashboard loads under the sub-path with every domain', async ({ page, request }) => {
  const errors = watchErrors(page);
  const { index } = await bank(request);
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your DOP-C02 study desk');
  const cards = page.locator('.domain-card');
  await expect(cards).toHaveCount(6);
  for (const f of index.files) {
    await expect(page.locator(`.domain-card[data-domain="${f.domain}"] .count`)).toHaveText(`${f.count} questions in the bank`);
  }
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link')).toHaveText(
    ['Home', 'Practice', 'Exam', 'Widgets', 'Settings', 'About']);
  expect(errors).toEqual([]);
});

test('single answer: a wrong pick shows the key, every explanation and the references', async ({ page, request }) => {
  const errors = watchErrors(page);
  const { all } = await bank(request);
  const q = all.find((q) => q.kind.type === 'single');
  const right = letters(q, (o) => o.correct)[0];
  const wrong = letters(q, (o) => !o.correct)[0];
  await page.goto(`./#/question/${q.id}`);
  const card = page.locator(`article[data-question="${q.id}"]`);
  await expect(card).toBeVisible();
  await expect(card.locator('input[type=radio]')).toHaveCount(4);
  const submit = page.getByRole('button', { name: 'Submit answer' });
  await expect(submit).toBeDisabled();
  await card.locator(`li[data-choice="${wrong}"] label`).click();
  await expect(submit).toBeEnabled();
  await submit.click();
  await expect(card.locator('.verdict')).toContainText('Not quite.');
  await expect(card.locator('.verdict')).toContainText(`The answer is ${right}.`);
  await expect(card.locator(`li[data-choice="${wrong}"]`)).toHaveClass(/incorrect/);
  await expect(card.locator(`li[data-choice="${right}"]`)).toHaveClass(/missed/);
  await expect(card.locator(`li[data-choice="${right}"] .badge`)).toHaveText('Correct — not chosen');
  await expect(card.locator('.explanation')).toHaveCount(4);
  await expect(card.locator('.references a')).toHaveCount(q.references.length);
  await expect(card.locator('.references a').first()).toHaveAttribute('href', q.references[0]);
  await expect(card.locator('input[type=radio]:not([disabled])')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('multiple response: says Choose N, caps the picks, grades all-or-nothing', async ({ page, request }) => {
  const errors = watchErrors(page);
  const { all } = await bank(request);
  const q = all.find((q) => q.kind.type === 'multiple' && q.kind.choose === 2);
  const right = letters(q, (o) => o.correct);
  const wrong = letters(q, (o) => !o.correct);
  await page.goto(`./#/question/${q.id}`);
  const card = page.locator(`article[data-question="${q.id}"]`);
  await expect(card.locator('.instruction')).toHaveText('Choose TWO.');
  await expect(card.locator('input[type=checkbox]')).toHaveCount(q.options.length);
  const submit = page.getByRole('button', { name: 'Submit answer' });
  await card.locator(`li[data-choice="${right[0]}"] label`).click();
  await expect(submit).toBeDisabled();
  await card.locator(`li[data-choice="${wrong[0]}"] label`).click();
  await card.locator(`li[data-choice="${wrong[1]}"] label`).click();
  await expect(card.locator('input[type=checkbox]:checked')).toHaveCount(2);
  await expect(card.locator('.picked')).toContainText('2 of 2 selected');
  // Swap the wrong pick for the second right one.
  await card.locator(`li[data-choice="${wrong[0]}"] label`).click();
  await card.locator(`li[data-choice="${right[1]}"] label`).click();
  await submit.click();
  await expect(card.locator('.verdict')).toContainText('Correct.');
  await expect(card.locator('.verdict')).toContainText(`The answers are ${right.join(' and ')}.`);
  for (const l of right) await expect(card.locator(`li[data-choice="${l}"]`)).toHaveClass(/correct/);
  await expect(card.locator('.explanation')).toHaveCount(q.options.length);
  expect(errors).toEqual([]);
});

test('a practice set moves on and counts the score', async ({ page, request }) => {
  const { index } = await bank(request);
  const d = index.files.find((f) => f.count >= 2).domain;
  await page.goto(`./#/practice/domain/${d}`);
  await expect(page.locator('.position')).toHaveText(/^Question 1 of \d+$/);
  await page.locator('.option label').first().click();
  await page.getByRole('button', { name: 'Submit answer' }).click();
  await expect(page.locator('.score')).toHaveText(/of 1 correct so far/);
  await page.getByRole('button', { name: 'Next question' }).click();
  await expect(page.locator('.position')).toHaveText(/^Question 2 of \d+$/);
  await expect(page.locator('.verdict')).toHaveCount(0);
});

test('a deep link survives a reload under the sub-path', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./#/practice/domain/3');
  await expect(page.locator('.domain-picker a.active')).toHaveText('Domain 3');
  await expect(page.locator('.question-meta .tags')).toContainText('Domain 3');
  await page.reload();
  await expect(page).toHaveURL(/\/canary\/#\/practice\/domain\/3$/);
  await expect(page.locator('.domain-picker a.active')).toHaveText('Domain 3');
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
  for (const path of ['./', `./#/question/${all[0].id}`, './#/exam', './#/settings']) {
    await page.goto(path);
    await expect(page.locator('main h1')).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});
