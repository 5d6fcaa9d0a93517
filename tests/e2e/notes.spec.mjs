// End-to-end: personal notes on questions — written under the explanation,
// kept across reloads, shown on the question page and in an exam report,
// a `state=noted` practice set, inert markup, export and import, keyboard
// only, and a narrow dark screen.
import { test } from '@playwright/test';
import { bank, expect, letters, pick, storedProgress, submitAndRate, watchErrors } from './helpers.mjs';

const HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(1)>';

/** Answers `q` (right by the served key) on the page already showing it. */
async function answer(page, q) {
  await expect(page.locator(`article[data-question="${q.id}"]`)).toBeVisible({ timeout: 20_000 });
  await pick(page, letters(q, (o) => o.correct).slice(0, q.kind.type === 'single' ? 1 : q.kind.choose));
  await submitAndRate(page, 'I knew it');
  await expect(page.locator('.verdict')).toBeVisible();
}

const region = (page, id) => page.getByRole('region', { name: `Your note on ${id}` });

/** Opens the editor of `id`, types `text` and saves it. */
async function writeNote(page, id, text) {
  const r = region(page, id);
  await r.getByRole('button', { name: /Add a note|Edit note/ }).click();
  const field = r.getByLabel('Your note');
  await expect(field).toBeFocused();
  await field.fill(text);
  await r.getByRole('button', { name: 'Save' }).click();
  await expect(r.getByRole('button', { name: 'Edit note' })).toBeFocused();
}

test('a note written in practice survives a reload and shows on the question page', async ({ page, request }) => {
  const errors = watchErrors(page);
  const { all } = await bank(request);
  const q = all.find((x) => x.kind.type === 'single');
  await page.goto(`./#/practice/set?ids=${q.id}`);
  await answer(page, q);
  const r = region(page, q.id);
  await expect(r.getByRole('button', { name: 'Add a note' })).toBeVisible();
  await r.getByRole('button', { name: 'Add a note' }).click();
  await expect(r.getByLabel('Your note')).toBeFocused();
  await r.getByLabel('Your note').fill('Canary: 10 % then the rest');
  await expect(r.locator('.note-count')).toHaveText('26 / 10000 characters');
  await r.getByRole('button', { name: 'Save' }).click();
  await expect(r.locator('.note-text')).toHaveText('Canary: 10 % then the rest');
  await expect(r.getByRole('button', { name: 'Edit note' })).toBeFocused();
  expect((await storedProgress(page)).questions[q.id].note.value).toBe('Canary: 10 % then the rest');

  await page.reload();
  await answer(page, q);
  await expect(region(page, q.id).locator('.note-text')).toHaveText('Canary: 10 % then the rest');

  await page.goto(`./#/question/${q.id}`);
  await answer(page, q);
  await expect(region(page, q.id).locator('.note-text')).toHaveText('Canary: 10 % then the rest');

  // Cancel keeps the saved note; Delete removes it, and that persists.
  await region(page, q.id).getByRole('button', { name: 'Edit note' }).click();
  await region(page, q.id).getByLabel('Your note').fill('changed my mind');
  await region(page, q.id).getByRole('button', { name: 'Cancel' }).click();
  await expect(region(page, q.id).locator('.note-text')).toHaveText('Canary: 10 % then the rest');
  await region(page, q.id).getByRole('button', { name: 'Edit note' }).click();
  await region(page, q.id).getByRole('button', { name: 'Delete note' }).click();
  await expect(region(page, q.id).getByRole('button', { name: 'Add a note' })).toBeFocused();
  await expect(region(page, q.id).locator('.note-text')).toHaveCount(0);
  expect((await storedProgress(page)).questions[q.id].note.value).toBe('');
  expect(errors).toEqual([]);
});

test('the exam report shows and edits notes, one named region per question', async ({ page, request }) => {
  const { all } = await bank(request);
  const byId = Object.fromEntries(all.map((q) => [q.id, q]));
  // Wait for the live app before using the (prerendered) exam start page.
  await page.goto(`./#/question/${all[0].id}`);
  await expect(page.locator('.question-card')).toBeVisible({ timeout: 20_000 });
  await page.goto('./#/exam');
  await page.getByLabel('Format').selectOption('mini');
  await page.getByRole('button', { name: 'Start the exam' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mini exam · question 1 of 20', { timeout: 20_000 });
  const items = (await page.evaluate(() => JSON.parse(localStorage.getItem('canary.exam')))).items.map((i) => i.id);
  await page.getByRole('button', { name: 'Review screen' }).click();
  await page.getByRole('button', { name: 'Submit the exam' }).click();
  await page.getByRole('button', { name: 'Yes, submit' }).click();
  await expect(page).toHaveURL(/#\/exam\/attempt\/0$/);

  // A note written in practice shows in the report's review.
  await page.goto(`./#/question/${items[0]}`);
  await answer(page, byId[items[0]]);
  await writeNote(page, items[0], 'seen in the mini exam');
  await page.goto('./#/exam/attempt/0');
  await expect(page.locator('.review-list > li')).toHaveCount(20, { timeout: 20_000 });
  await expect(page.getByRole('region', { name: /^Your note on / })).toHaveCount(20);
  await expect(region(page, items[0]).locator('.note-text')).toHaveText('seen in the mini exam');
  // And one written in the review is saved like any other.
  await writeNote(page, items[1], 'written in the review');
  await expect(region(page, items[1]).locator('.note-text')).toHaveText('written in the review');
  expect((await storedProgress(page)).questions[items[1]].note.value).toBe('written in the review');
});

test('a state=noted set holds exactly the questions with a note', async ({ page, context, request }) => {
  const { all } = await bank(request);
  const singles = all.filter((q) => q.kind.type === 'single');
  const [a, b, gone] = singles;
  await context.addInitScript(([a, b, gone]) => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    localStorage.setItem('canary.progress', JSON.stringify({
      app: 'canary', schema: 2, questions: {
        [a]: { note: { value: 'note a', at: 10 } },
        [b]: { note: { value: 'note b', at: 11 } },
        [gone]: { note: { value: '', at: 12 } },
      },
    }));
  }, [a.id, b.id, gone.id]);
  // The set page is not prerendered: what it shows is the live app's.
  await page.goto('./#/practice/set?state=noted&size=50');
  await expect(page.locator('.position')).toHaveText('Question 1 of 2', { timeout: 20_000 });
  await expect(page.locator('.set-title')).toContainText('with my notes');
  const seen = [];
  for (let i = 1; i <= 2; i++) {
    await expect(page.locator('.position')).toHaveText(`Question ${i} of 2`);
    const id = await page.locator('.question-card').getAttribute('data-question');
    seen.push(id);
    await answer(page, all.find((q) => q.id === id));
    await expect(region(page, id).locator('.note-text')).toHaveText(id === a.id ? 'note a' : 'note b');
    await page.getByRole('button', { name: i === 2 ? 'See results' : 'Next question' }).click();
  }
  expect(seen.sort()).toEqual([a.id, b.id].sort());
  // The builder offers the same choice and counts the same two.
  await page.goto('./#/practice');
  await page.getByLabel('Questions').selectOption('noted');
  await expect(page.locator('.match-count')).toHaveText('2 matching questions');
  await page.getByRole('button', { name: 'Start 2 questions' }).click();
  await expect(page).toHaveURL(/state=noted/);
  await expect(page.locator('.position')).toHaveText('Question 1 of 2');
});

test('a note with markup is shown as text and runs nothing', async ({ page, request }) => {
  const errors = watchErrors(page);
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  const { all } = await bank(request);
  const q = all.find((x) => x.kind.type === 'single');
  await page.goto(`./#/question/${q.id}`);
  await answer(page, q);
  await writeNote(page, q.id, HOSTILE);
  const r = region(page, q.id);
  await expect(r.locator('.note-text')).toHaveText(HOSTILE);
  await expect(r.locator('img, script')).toHaveCount(0);
  await page.reload();
  await answer(page, q);
  await expect(region(page, q.id).locator('.note-text')).toHaveText(HOSTILE);
  await expect(page.locator('.note-editor img, .note-editor script')).toHaveCount(0);
  expect(dialogs).toEqual([]);
  expect(errors).toEqual([]);
});

test('export, then import into a fresh browser, keeps the note', async ({ page, browser, request }) => {
  const { all } = await bank(request);
  const q = all.find((x) => x.kind.type === 'single');
  await page.goto(`./#/question/${q.id}`);
  await answer(page, q);
  await writeNote(page, q.id, 'travels in the export');
  await page.goto('./#/settings');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export progress' }).click(),
  ]);
  const file = await download.path();

  const fresh = await browser.newContext({ baseURL: page.url().split('#')[0] });
  const other = await fresh.newPage();
  // The live app, not the prerendered settings page, must take the file.
  await other.goto(`./#/question/${q.id}`);
  await expect(other.locator('.question-card')).toBeVisible({ timeout: 20_000 });
  await other.goto('./#/settings');
  await other.locator('#import-file').setInputFiles(file);
  await expect(other.locator('.import-preview')).toContainText('It has a note on 1 question.', { timeout: 20_000 });
  await other.getByRole('button', { name: 'Merge with my progress' }).click();
  await expect(other.getByRole('status').filter({ hasText: 'with 1 note' })).toBeVisible();
  expect((await storedProgress(other)).questions[q.id].note.value).toBe('travels in the export');
  await other.goto(`./#/question/${q.id}`);
  await answer(other, q);
  await expect(region(other, q.id).locator('.note-text')).toHaveText('travels in the export');
  await fresh.close();
});

test('keyboard only: open, cancel with Escape, write and save a note', async ({ page, request }) => {
  const { all } = await bank(request);
  const q = all.find((x) => x.kind.type === 'single');
  await page.goto(`./#/question/${q.id}`);
  await expect(page.locator(`article[data-question="${q.id}"]`)).toBeVisible({ timeout: 20_000 });
  // The number keys pick by the position shown (options may be shuffled).
  const shown = await page.locator(`.question-card li[data-choice="${letters(q, (o) => o.correct)[0]}"]`)
    .getAttribute('data-shown');
  const key = 'ABCDEF'.indexOf(shown) + 1;
  await page.keyboard.press(String(key));
  await page.keyboard.press('Enter');
  await expect(page.getByText('How sure were you?')).toBeVisible();
  await page.keyboard.press('3');
  await expect(page.locator('.verdict')).toContainText('Correct.');

  const r = region(page, q.id);
  const add = r.getByRole('button', { name: 'Add a note' });
  for (let i = 0; i < 80 && !(await add.evaluate((e) => e === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(add).toBeFocused();
  await page.keyboard.press('Enter');
  const field = r.getByLabel('Your note');
  await expect(field).toBeFocused();
  await page.keyboard.type('draft to drop');
  await page.keyboard.press('Escape');
  await expect(add).toBeFocused();
  await expect(r.getByLabel('Your note')).toHaveCount(0);
  expect((await storedProgress(page)).questions[q.id].note).toBeUndefined();

  await page.keyboard.press('Enter');
  await expect(field).toBeFocused();
  // Digits, Enter and F are typed into the note, not taken as shortcuts.
  await page.keyboard.type('F1 then 2');
  await page.keyboard.press('Enter');
  await page.keyboard.type('line two');
  await page.keyboard.press('Tab');
  await expect(r.getByRole('button', { name: 'Save' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(r.getByRole('button', { name: 'Edit note' })).toBeFocused();
  await expect(r.locator('.note-text')).toHaveText('F1 then 2\nline two');
  // Still on the answered question: Enter on the note's buttons stayed there.
  await expect(page.locator('.verdict')).toBeVisible();
  await expect(page.getByRole('button', { name: /Flag/ })).toHaveAttribute('aria-pressed', 'false');
});

test('at 360 px in the dark theme the editor fits and works', async ({ page, request }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.emulateMedia({ colorScheme: 'dark' });
  const { all } = await bank(request);
  const q = all.find((x) => x.kind.type === 'single');
  await page.goto(`./#/question/${q.id}`);
  await answer(page, q);
  const r = region(page, q.id);
  await r.getByRole('button', { name: 'Add a note' }).click();
  const field = r.getByLabel('Your note');
  await expect(field).toBeFocused();
  await field.fill('a fairly long note '.repeat(20));
  const noOverflow = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  expect(await noOverflow()).toBe(true);
  for (const el of [field, r.getByRole('button', { name: 'Save' }), r.getByRole('button', { name: 'Cancel' })]) {
    const box = await el.boundingBox();
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(360);
  }
  // Dark text field on a dark page, not the browser's white default.
  const colours = await field.evaluate((e) => [getComputedStyle(e).backgroundColor, getComputedStyle(e).color]);
  expect(colours[0]).not.toBe('rgb(255, 255, 255)');
  expect(colours[1]).not.toBe('rgb(0, 0, 0)');
  await r.getByRole('button', { name: 'Save' }).click();
  await expect(r.locator('.note-text')).toContainText('a fairly long note');
  expect(await noOverflow()).toBe(true);
});
