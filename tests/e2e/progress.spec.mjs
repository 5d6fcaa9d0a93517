// End-to-end: progress survives reloads, moves by file, stays consistent
// across tabs, and storage trouble is reported instead of losing data.
import { test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { bank, expect, letters, pick, storedProgress, submitAndRate, watchErrors } from './helpers.mjs';

async function answerOne(page, q, right = true, confidence = 'I knew it') {
  await page.goto(`./#/question/${q.id}`);
  await expect(page.locator(`article[data-question="${q.id}"]`)).toBeVisible();
  const choices = letters(q, (o) => o.correct === right).slice(0, q.kind.type === 'single' ? 1 : q.kind.choose);
  await pick(page, choices);
  await submitAndRate(page, confidence);
  await expect(page.locator('.verdict')).toBeVisible();
}

test('answers survive a reload and show on the dashboard', async ({ page, request }) => {
  const { all, index } = await bank(request);
  const q = all.find((q) => q.kind.type === 'single');
  await answerOne(page, q, false, 'Unsure');
  await page.reload();
  await page.goto('./');
  await expect(page.locator('[data-stat="seen"] strong')).toHaveText(`1 / ${index.questions.length}`);
  await expect(page.locator('[data-stat="streak"] strong')).toHaveText('1');
  // A wrong answer is due again within minutes; the weakest list offers practice.
  await expect(page.locator('.weakest li')).toHaveCount(3);
  await page.goto('./#/practice');
  await page.getByLabel('Questions').selectOption('wrong_before');
  await expect(page.locator('.match-count')).toHaveText('1 matching question');
});

test('export, clear storage, import: the same progress comes back', async ({ page, request }) => {
  const { all } = await bank(request);
  await answerOne(page, all[0], true, 'I knew it');
  await answerOne(page, all[1], false, 'I guessed');
  await page.keyboard.press('f');
  const before = await storedProgress(page);
  expect(Object.keys(before.questions)).toHaveLength(2);

  await page.goto('./#/settings');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export progress' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^canary-progress-\d{4}-\d{2}-\d{2}\.json$/);
  const file = await download.path();

  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.goto('./');
  await expect(page.locator('[data-stat="seen"] strong')).toHaveText(/^0 \//);

  // A bad file is refused and changes nothing.
  await page.goto('./#/settings');
  await page.locator('#import-file').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"app":"other"}') });
  await expect(page.getByRole('alert')).toContainText('This file cannot be imported');
  expect((await storedProgress(page))?.questions ?? {}).toEqual({});

  await page.locator('#import-file').setInputFiles(file);
  await expect(page.locator('.import-preview')).toContainText('2 answers to 2 questions and 1 flagged questions');
  await page.getByRole('button', { name: 'Replace my progress' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported 2 answers' })).toBeVisible();
  const after = await storedProgress(page);
  expect(after.questions).toEqual(before.questions);
  expect(after.settings).toEqual(before.settings);
  expect(JSON.parse(await readFile(file, 'utf8')).questions).toEqual(before.questions);
});

test('two tabs on the same origin stay consistent and lose nothing', async ({ context, request }) => {
  const { all, index } = await bank(request);
  const a = await context.newPage();
  const b = await context.newPage();
  await b.goto('./');
  await expect(b.locator('[data-stat="seen"] strong')).toHaveText(`0 / ${index.questions.length}`);
  await answerOne(a, all[0]);
  // Tab B learns of A's answer without a reload.
  await expect(b.locator('[data-stat="seen"] strong')).toHaveText(`1 / ${index.questions.length}`);
  await answerOne(b, all[1]);
  await expect.poll(async () => Object.keys((await storedProgress(a)).questions).sort())
    .toEqual([all[0].id, all[1].id].sort());
  await a.goto('./');
  await expect(a.locator('[data-stat="seen"] strong')).toHaveText(`2 / ${index.questions.length}`);
});

test('unreadable stored data is backed up and the learner is told', async ({ page }) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('canary.progress', '{"app":"canary","schema":1,"questions":[broken');
      sessionStorage.setItem('seeded', '1');
    }
  });
  await page.goto('./');
  const banner = page.getByRole('alert').filter({ hasText: 'Your saved progress could not be read' });
  await expect(banner).toBeVisible();
  const backups = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('canary.progress.backup.')));
  expect(backups).toHaveLength(1);
  expect(await page.evaluate((k) => localStorage.getItem(k), backups[0])).toContain('[broken');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    banner.getByRole('button', { name: 'Download the unreadable data' }).click(),
  ]);
  expect(await readFile(await download.path(), 'utf8')).toContain('[broken');
});

test('with storage blocked the app still works in memory and says so', async ({ page, request }) => {
  const errors = watchErrors(page);
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });
  });
  const { all } = await bank(request);
  await page.goto('./');
  await expect(page.getByRole('alert').filter({ hasText: 'Progress cannot be saved in this browser' })).toBeVisible();
  await answerOne(page, all[0]);
  await page.goto('./#/');
  await expect(page.locator('[data-stat="seen"] strong')).toHaveText(/^1 \//);
  expect(errors).toEqual([]);
});
