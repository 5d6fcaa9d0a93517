// End-to-end: shuffled options (src/domain/shuffle.rs). The order is a
// function of the seed and the question, so a practice link shows the same
// order after a reload and in another browser; the shown letters follow the
// screen while `data-choice` keeps the file's letter (the option's content);
// Settings turns it off; an exam keeps the order it started with, through a
// reload and a change of setting, into its report.
import { test } from '@playwright/test';
import { bank, expect, letters, watchErrors } from './helpers.mjs';

const LIVE = { timeout: 20_000 };

/** Waits until the wasm app has replaced the prerendered page. */
const live = (page) => expect(page.locator('#prerender')).toHaveCount(0, LIVE);

/** The file letters of the visible card's options, top to bottom. */
const order = (page) =>
  page.locator('.question-card li.option').evaluateAll((els) => els.map((e) => e.dataset.choice).join(''));

/** The letters printed on the visible card's options, top to bottom. */
const printed = (page) => page.locator('.question-card li.option .letter').allTextContents();

const fileOrder = (n) => 'ABCDEFGH'.slice(0, n);

/** Opens a practice link afresh (a full load, not an in-app navigation). */
async function open(page, url) {
  await page.goto(url);
  await page.reload();
  await live(page);
  await expect(page.locator('.question-card')).toBeVisible(LIVE);
}

test('a practice link with a seed shows one order: after a reload, in another browser, graded by content', async ({ page, browser, request }) => {
  const errors = watchErrors(page);
  const { all } = await bank(request);
  const q = all.find((x) => x.kind.type === 'single' && x.options.length === 4);
  // The first seed whose order is not the file's (almost always the first).
  let seed = 0;
  let seen = '';
  for (seed = 1; seed < 12; seed++) {
    await open(page, `./#/practice/set?ids=${q.id}&seed=${seed}`);
    seen = await order(page);
    if (seen !== fileOrder(4)) break;
  }
  expect(seen).not.toBe(fileOrder(4));
  expect([...seen].sort().join('')).toBe(fileOrder(4));
  expect(await printed(page)).toEqual(['A', 'B', 'C', 'D']);

  await page.reload();
  await live(page);
  await expect(page.locator('.question-card')).toBeVisible(LIVE);
  expect(await order(page)).toBe(seen);

  const other = await browser.newContext();
  const two = await other.newPage();
  await two.goto(page.url());
  await live(two);
  await expect(two.locator('.question-card')).toBeVisible(LIVE);
  expect(await order(two)).toBe(seen);
  await other.close();

  // Answer by content: the correct option, wherever it is shown.
  const right = letters(q, (o) => o.correct)[0];
  const li = page.locator(`.question-card li[data-choice="${right}"]`);
  const shown = await li.getAttribute('data-shown');
  expect(shown).toBe('ABCD'[seen.indexOf(right)]);
  await expect(li.locator('.letter')).toHaveText(shown);
  await li.locator('label').click();
  await page.getByRole('button', { name: 'Submit answer' }).click();
  await page.getByRole('button', { name: 'I knew it' }).click();
  await expect(page.locator('.verdict')).toContainText('Correct.');
  await expect(page.locator('.verdict')).toContainText(`The answer is ${shown}.`);
  await expect(li).toHaveClass(/correct/);
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('canary.progress')));
  expect(stored.questions[q.id].reviews).toEqual([expect.objectContaining({ correct: true })]);
  expect(errors).toEqual([]);
});

test('the number keys pick the option shown at that position', async ({ page, request }) => {
  const { all } = await bank(request);
  const q = all.find((x) => x.kind.type === 'single' && x.options.length === 4);
  let seen = '';
  for (let seed = 1; seed < 12 && (seen === '' || seen[0] === 'A'); seed++) {
    await open(page, `./#/practice/set?ids=${q.id}&seed=${seed}`);
    seen = await order(page);
  }
  expect(seen[0]).not.toBe('A');
  await page.keyboard.press('1');
  await expect(page.locator(`.question-card li[data-choice="${seen[0]}"] input`)).toBeChecked();
  await expect(page.locator('.question-card li[data-shown="A"] input')).toBeChecked();
});

test('with shuffling off in Settings, options show in the file order', async ({ page, request }) => {
  const { all } = await bank(request);
  const q = all.find((x) => x.kind.type === 'multiple' && x.options.length >= 5);
  await page.goto('./#/settings');
  await live(page);
  const box = page.getByLabel('Shuffle the options of each question');
  await expect(box).toBeChecked();
  await box.uncheck();
  await expect(box).not.toBeChecked();
  await expect.poll(async () => (await page.evaluate(() => JSON.parse(localStorage.getItem('canary.progress')))).settings.shuffle?.value).toBe(false);
  for (const seed of [1, 2, 3]) {
    await open(page, `./#/practice/set?ids=${q.id}&seed=${seed}`);
    expect(await order(page)).toBe(fileOrder(q.options.length));
    expect((await printed(page)).join('')).toBe(fileOrder(q.options.length));
  }
  // On again: the same link shuffles again.
  await page.goto('./#/settings');
  await page.getByLabel('Shuffle the options of each question').check();
  await expect.poll(async () => (await page.evaluate(() => JSON.parse(localStorage.getItem('canary.progress')))).settings.shuffle?.value).toBe(true);
  let shuffled = false;
  for (const seed of [1, 2, 3]) {
    await open(page, `./#/practice/set?ids=${q.id}&seed=${seed}`);
    shuffled ||= (await order(page)) !== fileOrder(q.options.length);
  }
  expect(shuffled).toBe(true);
});

test('an exam keeps its order through a reload and a change of setting, and its report shows that order', async ({ page, request }) => {
  const errors = watchErrors(page);
  const { all } = await bank(request);
  const byId = Object.fromEntries(all.map((q) => [q.id, q]));
  await page.goto('./#/exam');
  await live(page);
  await page.getByLabel('Format').selectOption('mini');
  await page.getByLabel(/Seed/).fill('777');
  await page.getByRole('button', { name: 'Start the exam' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mini exam · question 1 of 20');
  const exam = await page.evaluate(() => JSON.parse(localStorage.getItem('canary.exam')));
  expect(exam.shuffled).toBe(true);

  // Answer the first three correctly, by content; remember what was shown.
  const orders = [];
  for (let i = 0; i < 3; i++) {
    const q = byId[exam.items[i].id];
    await expect(page.locator(`article[data-question="${q.id}"]`)).toBeVisible();
    orders.push(await order(page));
    for (const l of letters(q, (o) => o.correct)) await page.locator(`.question-card li[data-choice="${l}"] label`).click();
    await page.getByRole('button', { name: 'Next', exact: true }).click();
  }
  expect(orders.some((o, i) => o !== fileOrder(byId[exam.items[i].id].options.length))).toBe(true);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mini exam · question 4 of 20');
  const fourth = await order(page);

  // Reload: the same order.
  await page.reload();
  await live(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mini exam · question 4 of 20', LIVE);
  expect(await order(page)).toBe(fourth);

  // Shuffling off mid-exam: this exam keeps its order.
  await page.goto('./#/settings');
  await page.getByLabel('Shuffle the options of each question').uncheck();
  await page.goto('./#/exam');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mini exam · question 4 of 20', LIVE);
  expect(await order(page)).toBe(fourth);
  await page.getByRole('button', { name: 'Question 1, answered' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mini exam · question 1 of 20');
  expect(await order(page)).toBe(orders[0]);

  await page.getByRole('button', { name: 'Review screen' }).click();
  await page.getByRole('button', { name: 'Submit the exam' }).click();
  await page.getByRole('button', { name: 'Yes, submit' }).click();
  await expect(page).toHaveURL(/#\/exam\/attempt\/0$/);
  const scored = exam.items.slice(0, 3).filter((i) => i.scored).length;
  await expect(page.locator('.score-card .verdict-line')).toContainText(new RegExp(`— ${scored} of \\d+ scored questions correct`));
  const progress = await page.evaluate(() => JSON.parse(localStorage.getItem('canary.progress')));
  expect(progress.exams[0].shuffled).toBe(true);

  // The report shows each question as the candidate saw it, lettered so.
  await expect(page.locator('.review-list > li')).toHaveCount(20);
  for (let i = 0; i < 3; i++) {
    const q = byId[exam.items[i].id];
    const row = page.locator('.review-list > li').nth(i);
    const seen = await row.locator('li.option').evaluateAll((els) => els.map((e) => e.dataset.choice).join(''));
    expect(seen).toBe(orders[i]);
    const right = letters(q, (o) => o.correct).map((l) => 'ABCDEFGH'[orders[i].indexOf(l)]).sort();
    await expect(row.locator('.verdict')).toContainText('Correct.');
    await expect(row.locator('.verdict')).toContainText(right.length === 1 ? `The answer is ${right[0]}.` : `The answers are ${right.join(' and ')}.`);
  }
  expect(errors).toEqual([]);
});
