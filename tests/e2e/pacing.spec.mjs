// End-to-end: time per answer and exam pacing. Time is moved with
// Playwright's fake clock (`page.clock.fastForward` fires the exam clock's
// one-second tick once, crediting the whole jump to the question on screen);
// real time still flows, so figures are checked within a margin.
import { test } from '@playwright/test';
import { bank, expect, letters, pick, storedProgress, submitAndRate, watchErrors } from './helpers.mjs';

const storedExam = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('canary.exam') ?? 'null'));
const minutesIn = async (locator) => Number((await locator.textContent()).match(/^([\d.]+) min/)[1]);

test('a mini exam records time per question, keeps it over a reload and reports the pacing', async ({ page, request }) => {
  const errors = watchErrors(page);
  const { all } = await bank(request);
  const byId = Object.fromEntries(all.map((q) => [q.id, q]));
  await page.clock.install();
  await page.goto('./#/exam');
  await page.getByLabel('Format').selectOption('mini');
  await page.getByLabel(/Seed/).fill('1818');
  await page.getByRole('button', { name: 'Start the exam' }).click();
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText('Mini exam · question 1 of 20', { timeout: 30_000 });
  const items = (await storedExam(page)).items.map((i) => i.id);
  const answer = async (i) => pick(page, letters(byId[items[i]], (o) => o.correct));

  // Question 1: five minutes. Question 2: one minute.
  await answer(0);
  await page.clock.fastForward('05:00');
  await expect(page.getByRole('timer')).toHaveText(/^Time left: 4[23]:\d\d$/);
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(heading).toHaveText('Mini exam · question 2 of 20');
  await answer(1);
  await page.clock.fastForward('01:00');
  await expect(page.getByRole('timer')).toHaveText(/^Time left: 4[12]:\d\d$/);
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(heading).toHaveText('Mini exam · question 3 of 20');
  let times = (await storedExam(page)).times_ms;
  expect(times[items[0]]).toBeGreaterThanOrEqual(300_000);
  expect(times[items[1]]).toBeGreaterThanOrEqual(60_000);
  const kept = times[items[0]];

  // A reload keeps the accumulated time.
  await page.reload();
  await expect(heading).toHaveText('Mini exam · question 3 of 20', { timeout: 30_000 });
  times = (await storedExam(page)).times_ms;
  expect(times[items[0]]).toBe(kept);

  // Question 3: seven minutes, which passes the first checkpoint (12 of 48
  // minutes) with two answered: 12 - 2 × 2.4 = 7.2 minutes behind.
  const pace = page.locator('.exam-pace[aria-live="polite"]');
  await expect(pace).toHaveText('');
  await page.clock.fastForward('07:00');
  await expect(pace).toHaveText('12 min gone: 2 of 20 answered (5 at an even pace), 7 min behind pace');
  await answer(2);
  await expect(pace).toHaveText('12 min gone: 3 of 20 answered (5 at an even pace), 5 min behind pace');

  await page.getByRole('button', { name: 'Review screen' }).click();
  await page.getByRole('button', { name: 'Submit the exam' }).click();
  await page.getByRole('button', { name: 'Yes, submit' }).click();
  await expect(page).toHaveURL(/#\/exam\/attempt\/0$/, { timeout: 30_000 });

  const pacing = page.locator('section.pacing');
  await expect(pacing.getByRole('heading', { name: 'Pacing' })).toBeVisible();
  const total = await minutesIn(pacing.locator('.pacing-total'));
  expect(total).toBeGreaterThanOrEqual(13.0);
  expect(total).toBeLessThan(14.5);
  await expect(pacing.locator('.pacing-total')).toContainText('of 48.0 min allowed');
  await expect(pacing.locator('.pacing-average')).toContainText('(budget 2.4 min)');
  await expect(pacing.locator('.pacing-over')).toHaveText('2 of 20 questions');
  const slowest = pacing.locator('.pacing-slowest li');
  await expect(slowest).toHaveCount(5);
  await expect(slowest.nth(0)).toContainText(/^Question 3: 7\.\d min$/);
  await expect(slowest.nth(1)).toContainText(/^Question 1: 5\.\d min$/);
  await expect(slowest.nth(2)).toContainText(/^Question 2: 1\.\d min$/);
  // Each slow question jumps to its review.
  await slowest.nth(0).getByRole('button', { name: 'Question 3' }).click();
  await expect(page.locator('#review-q3')).toBeFocused();
  await expect(pacing.locator('.pacing-domains tbody tr').first()).toBeVisible();
  await expect(pacing.getByRole('img', { name: /Time remaining after each question/ })).toBeVisible();
  await pacing.getByText('The curve as a table').click();
  await expect(pacing.locator('.pacing-table tbody tr')).toHaveCount(20);

  // The stored attempt has the times; one recorded before them shows a note.
  const progress = await storedProgress(page);
  expect(progress.exams[0].times_ms[items[2]]).toBeGreaterThanOrEqual(420_000);
  await page.evaluate(() => {
    const p = JSON.parse(localStorage.getItem('canary.progress'));
    delete p.exams[0].times_ms;
    localStorage.setItem('canary.progress', JSON.stringify(p));
  });
  await page.reload();
  await expect(page.locator('section.pacing')).toContainText('Pacing was not recorded for this attempt.', { timeout: 30_000 });
  await expect(page.locator('.pacing-slowest')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a practice answer stores the time from the question being shown to Submit', async ({ page, request }) => {
  const errors = watchErrors(page);
  const { all } = await bank(request);
  const q = all.find((q) => q.kind.type === 'single');
  await page.clock.install();
  await page.goto(`./#/question/${q.id}`);
  const card = page.locator(`article[data-question="${q.id}"]`);
  await expect(card.locator('input[type=radio]')).toHaveCount(4, { timeout: 30_000 });
  await pick(page, letters(q, (o) => o.correct));
  await page.clock.fastForward('00:42');
  await submitAndRate(page, 'I knew it');
  await expect(card.locator('.verdict')).toBeVisible();
  const [review] = (await storedProgress(page)).questions[q.id].reviews;
  expect(review.ms).toBeGreaterThanOrEqual(42_000);
  expect(review.ms).toBeLessThan(42_000 + 60_000);
  expect(errors).toEqual([]);
});
