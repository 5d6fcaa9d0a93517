// End-to-end: the exam simulator — start, answer, flag, reload mid-exam,
// review screen, submit, report; and auto-submission when time runs out
// (by moving the stored deadline, not by waiting).
import { test } from '@playwright/test';
import { bank, expect, letters, watchErrors } from './helpers.mjs';

const storedExam = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('canary.exam') ?? 'null'));

test('a mini exam: answer, flag, reload, review, submit, report', async ({ page, request }) => {
  const errors = watchErrors(page);
  const { all, index } = await bank(request);
  const byId = Object.fromEntries(all.map((q) => [q.id, q]));
  await page.goto('./#/exam');
  await page.getByLabel('Format').selectOption('mini');
  await page.getByLabel(/Seed/).fill('4242');
  await page.getByRole('button', { name: 'Start the exam' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mini exam · question 1 of 20');
  await expect(page.getByRole('timer')).toHaveText(/4[78]:\d\d$/);
  const exam = await storedExam(page);
  expect(exam.items).toHaveLength(20);
  expect(exam.seed).toBe(4242);

  // Answer the first three correctly (by the served key), flag the second.
  for (let i = 0; i < 3; i++) {
    const q = byId[exam.items[i].id];
    const picks = letters(q, (o) => o.correct);
    for (const l of picks) await page.locator(`.question-card li[data-choice="${l}"] label`).click();
    if (i === 1) await page.getByRole('button', { name: /Flag for review/ }).click();
    await page.getByRole('button', { name: 'Next', exact: true }).click();
  }
  await expect(page.getByRole('button', { name: 'Question 2, answered, flagged' })).toBeVisible();

  // Reload in the middle: the exam resumes exactly where it was.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mini exam · question 4 of 20');
  await expect(page.getByRole('button', { name: 'Question 1, answered' })).toBeVisible();

  // The review screen lists the unanswered and flagged questions.
  await page.getByRole('button', { name: 'Review screen' }).click();
  await expect(page.getByRole('heading', { name: 'Unanswered (17)' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Flagged for review (1)' })).toBeVisible();
  await expect(page.locator('.review-jump.flagged li')).toHaveText(['Question 2']);
  await page.getByRole('button', { name: 'Submit the exam' }).click();
  await expect(page.getByRole('alertdialog')).toContainText('17 questions are unanswered');
  await page.getByRole('button', { name: 'Yes, submit' }).click();

  await expect(page).toHaveURL(/#\/exam\/attempt\/0$/);
  await expect(page.locator('.score-card .verdict-line')).toContainText('3 of 20 scored questions correct');
  await expect(page.locator('.score-card')).toHaveClass(/fail/);
  await expect(page.locator('.score-card')).toContainText('This scaled score is an estimate');
  await expect(page.locator('.domain-results .domain-row').first()).toBeVisible();
  await expect(page.locator('.review-list > li')).toHaveCount(20);
  await page.getByRole('radio', { name: 'Flagged' }).check();
  await expect(page.locator('.review-list > li')).toHaveCount(1);
  await page.getByRole('radio', { name: 'Wrong' }).check();
  await expect(page.locator('.review-list > li')).toHaveCount(17);
  expect(await storedExam(page)).toBeNull();
  const progress = await page.evaluate(() => JSON.parse(localStorage.getItem('canary.progress')));
  expect(progress.exams).toHaveLength(1);
  expect(Object.keys(progress.questions).length).toBeGreaterThanOrEqual(3);
  expect(errors).toEqual([]);
  void index;
});

test('a full exam draws 75 questions and the clock submits it at the deadline', async ({ page }) => {
  await page.goto('./#/exam');
  await page.getByRole('button', { name: 'Start the exam' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Full exam · question 1 of 75');
  await expect(page.getByRole('timer')).toHaveText(/(3:00:00|2:59:\d\d)$/);
  const exam = await storedExam(page);
  expect(exam.items.filter((i) => i.scored)).toHaveLength(65);
  await expect(page.locator('.question-card .unscored, .question-card [data-scored]')).toHaveCount(0);
  // Move the stored deadline into the past, as if the laptop slept for hours.
  await page.evaluate(() => {
    const e = JSON.parse(localStorage.getItem('canary.exam'));
    e.timer.deadline = Date.now() - 1000;
    localStorage.setItem('canary.exam', JSON.stringify(e));
  });
  await page.reload();
  await expect(page).toHaveURL(/#\/exam\/attempt\/0$/);
  await expect(page.locator('.score-card')).toContainText('Submitted automatically when the time ran out');
  await expect(page.locator('.score-card .verdict-line')).toContainText('0 of 65 scored questions correct');
  await expect(page.locator('.exam-history .history-table tbody tr')).toHaveCount(1);
  await expect(page.locator('#history-desc')).toHaveText(/^Attempt 1: \d+$/);
  await expect(page.locator('#trend-desc')).toContainText('Domain 1: 0 %');
});
