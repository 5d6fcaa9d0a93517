// End-to-end: answering questions, practice sets, confidence, keyboard.
// Answer keys come from the served data files, so the tests follow the bank.
import { test } from '@playwright/test';
import { bank, expect, letters, pick, storedProgress, submitAndRate, watchErrors } from './helpers.mjs';

test('single answer: a wrong pick shows the key, every explanation and the references', async ({ page, request }) => {
  const errors = watchErrors(page);
  const { all } = await bank(request);
  const q = all.find((q) => q.kind.type === 'single');
  const right = letters(q, (o) => o.correct)[0];
  const wrong = letters(q, (o) => !o.correct)[0];
  await page.goto(`./#/question/${q.id}`);
  const card = page.locator(`article[data-question="${q.id}"]`);
  await expect(card.locator('input[type=radio]')).toHaveCount(4);
  const submit = page.getByRole('button', { name: 'Submit answer' });
  await expect(submit).toBeDisabled();
  await pick(page, [wrong]);
  await expect(submit).toBeEnabled();
  await submit.click();
  await expect(page.getByText('How sure were you?')).toBeVisible();
  await expect(card.locator('.verdict')).toHaveCount(0);
  await page.getByRole('button', { name: 'I knew it' }).click();
  await expect(card.locator('.verdict')).toContainText('Not quite.');
  // Options are shuffled: the verdict names the letter shown, not the file's.
  const shown = await card.locator(`li[data-choice="${right}"]`).getAttribute('data-shown');
  await expect(card.locator('.verdict')).toContainText(`The answer is ${shown}.`);
  await expect(card.locator(`li[data-choice="${wrong}"]`)).toHaveClass(/incorrect/);
  await expect(card.locator(`li[data-choice="${right}"]`)).toHaveClass(/missed/);
  await expect(card.locator(`li[data-choice="${right}"] .badge`)).toHaveText('Correct — not chosen');
  await expect(card.locator('.explanation')).toHaveCount(4);
  await expect(card.locator('.references a')).toHaveCount(q.references.length);
  await expect(card.locator('.references a').first()).toHaveAttribute('href', q.references[0]);
  await expect(card.locator('input[type=radio]:not([disabled])')).toHaveCount(0);
  const stored = await storedProgress(page);
  expect(stored.questions[q.id].reviews).toEqual([expect.objectContaining({ correct: false, confidence: 'knew' })]);
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
  await pick(page, [right[0]]);
  await expect(submit).toBeDisabled();
  await pick(page, [wrong[0], wrong[1]]);
  await expect(card.locator('input[type=checkbox]:checked')).toHaveCount(2);
  await expect(card.locator('.picked')).toContainText('2 of 2 selected');
  await pick(page, [wrong[0], right[1]]);
  await submitAndRate(page, 'Unsure');
  await expect(card.locator('.verdict')).toContainText('Correct.');
  const shown = [];
  for (const l of right) shown.push(await card.locator(`li[data-choice="${l}"]`).getAttribute('data-shown'));
  await expect(card.locator('.verdict')).toContainText(`The answers are ${shown.sort().join(' and ')}.`);
  for (const l of right) await expect(card.locator(`li[data-choice="${l}"]`)).toHaveClass(/correct/);
  await expect(card.locator('.explanation')).toHaveCount(q.options.length);
  expect(errors).toEqual([]);
});

test('the set builder filters, counts and starts a set of the chosen size', async ({ page, request }) => {
  const { index } = await bank(request);
  const inTask = index.questions.filter((q) => q.task === '2.1').length;
  await page.goto('./#/practice');
  await page.getByLabel('Domain').selectOption('2');
  await page.getByLabel('Task statement').selectOption('2.1');
  await expect(page.locator('.match-count')).toHaveText(`${inTask} matching questions`);
  await page.getByLabel('Set size').fill('3');
  await page.getByLabel('Set size').blur();
  await page.getByRole('button', { name: 'Start 3 questions' }).click();
  await expect(page).toHaveURL(/#\/practice\/set\?.*task=2\.1/);
  await expect(page.locator('.set-title')).toHaveText('Task 2.1');
  await expect(page.locator('.position')).toHaveText('Question 1 of 3');
  await expect(page.locator('.question-meta .tags')).toContainText('Task 2.1');
});

test('the whole loop works from the keyboard, including flags and help', async ({ page, request }) => {
  const { index } = await bank(request);
  const d = index.files.find((f) => f.count >= 3).domain;
  await page.goto(`./#/practice/domain/${d}`);
  await expect(page.locator('.position')).toHaveText(/^Question 1 of \d+$/);
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  const first = await page.locator('.question-card').getAttribute('data-question');
  const isMulti = await page.locator('.question-card .instruction').count();
  await page.keyboard.press('1');
  if (isMulti) await page.keyboard.press('2');
  await page.keyboard.press('f');
  await expect(page.getByRole('button', { name: /Flagged/ })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Enter');
  await expect(page.getByText('How sure were you?')).toBeVisible();
  await page.keyboard.press('2');
  await expect(page.locator('.verdict')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('.position')).toHaveText(/^Question 2 of \d+$/);
  const stored = await storedProgress(page);
  expect(stored.questions[first].reviews[0].confidence).toBe('unsure');
  expect(stored.questions[first].flag.value).toBe(true);
});

test('end-of-set feedback reveals every answer in the summary', async ({ page, request }) => {
  const { all } = await bank(request);
  const two = all.filter((q) => q.kind.type === 'single').slice(0, 2);
  await page.goto('./#/settings');
  await page.getByLabel('At the end of the set').check();
  await page.goto(`./#/practice/set?ids=${two.map((q) => q.id).join(',')}`);
  for (const [i, q] of two.entries()) {
    await expect(page.locator(`article[data-question="${q.id}"]`)).toBeVisible();
    await pick(page, [letters(q, (o) => o.correct)[0]]);
    await submitAndRate(page, 'I knew it');
    if (i === 0) {
      await expect(page.locator(`article[data-question="${two[1].id}"]`)).toBeVisible();
      await expect(page.locator('.verdict')).toHaveCount(0);
    }
  }
  await expect(page.getByRole('heading', { name: 'Set complete: 2 of 2 correct' })).toBeVisible();
  await expect(page.locator('.review-list .question-card')).toHaveCount(2);
  await expect(page.locator('.review-list .verdict.right')).toHaveCount(2);
});

test('a practice set counts the score and moves on', async ({ page, request }) => {
  const { index } = await bank(request);
  const d = index.files.find((f) => f.count >= 2).domain;
  await page.goto(`./#/practice/domain/${d}`);
  await expect(page.locator('.position')).toHaveText(/^Question 1 of \d+$/);
  await page.locator('.option label').first().click();
  const multi = await page.locator('.question-card .instruction').count();
  if (multi) await page.locator('.option label').nth(1).click();
  await submitAndRate(page, 'I guessed');
  await expect(page.locator('.score')).toHaveText(/of 1 correct so far/);
  await page.getByRole('button', { name: 'Next question' }).click();
  await expect(page.locator('.position')).toHaveText(/^Question 2 of \d+$/);
  await expect(page.locator('.verdict')).toHaveCount(0);
});
