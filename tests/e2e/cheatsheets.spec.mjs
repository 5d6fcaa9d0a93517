// End-to-end: cheat sheets (one printable page per simulator, every fact with
// its AWS documentation link) and flashcards of their facts, stored in
// progress (`cards`) and scheduled by FSRS.
import { test } from '@playwright/test';
import { expect, storedProgress, watchErrors } from './helpers.mjs';

const TOPICS = ['codedeploy', 'dr', 'asg', 'pipeline', 'beanstalk'];
const T0 = new Date('2026-12-01T10:00:00Z');

const sheetsOf = async (request) => (await request.get('data/sheets.json')).json();

test('the index lists the five topics, a sheet shows every fact with its link, and prints clean', async ({ page, request }) => {
  const errors = watchErrors(page);
  const sheets = await sheetsOf(request);
  expect(sheets.map((s) => s.topic)).toEqual(TOPICS);
  await page.goto('./#/cheatsheets');
  // Only the live app renders the index (the route is not prerendered).
  const cards = page.locator('.sheet-index > li');
  await expect(cards).toHaveCount(5, { timeout: 20_000 });
  for (const s of sheets) {
    const card = page.locator(`.sheet-index > li[data-topic="${s.topic}"]`);
    await expect(card.getByRole('heading', { level: 2 })).toHaveText(s.title);
    await expect(card.locator('.deck-counts')).toHaveText(`0 due, ${s.facts.length} new`);
  }

  const cd = sheets[0];
  // Chromium joins the visible text and the hidden topic as two blocks
  // ("Open the sheet : …"), so the link is found by its card.
  await page.locator(`.sheet-index > li[data-topic="${cd.topic}"]`)
    .getByRole('link', { name: /^Open the sheet\b/ }).click();
  await expect(page).toHaveURL(/#\/cheatsheets\/codedeploy$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Cheat sheet: ${cd.title}`);
  const facts = page.locator('.sheet-fact');
  await expect(facts).toHaveCount(cd.facts.length);
  const linked = facts.filter({ has: page.locator('.sheet-source a[href^="https://docs.aws.amazon.com/"]') });
  await expect(linked).toHaveCount(cd.facts.length);
  const first = page.locator(`#fact-${cd.facts[0].id.replace(/\./g, '\\.')}`);
  await expect(first.locator('.sheet-source a').first()).toHaveAttribute('href', cd.facts[0].source);
  const print = page.getByRole('button', { name: 'Print' });
  await expect(print).toBeVisible();

  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(print).toBeHidden();
  await expect(page.getByRole('link', { name: 'Study these as flashcards' })).toBeHidden();
  await expect(facts.first()).toBeVisible();
  const look = await page.evaluate(() => {
    const a = document.querySelector('.sheet-source a');
    return {
      after: getComputedStyle(a, '::after').content,
      color: getComputedStyle(document.body).color,
      bg: getComputedStyle(document.body).backgroundColor,
      breakInside: getComputedStyle(document.querySelector('.sheet-fact')).breakInside,
    };
  });
  // Chromium reports the rule (`attr(href)`) or its value, depending on version.
  expect(look.after).toMatch(/attr\(href\)|https:\/\/docs\.aws\.amazon\.com\//);
  expect(look.color).toBe('rgb(0, 0, 0)');
  expect(look.bg).toBe('rgb(255, 255, 255)');
  expect(look.breakInside).toBe('avoid');
  await page.emulateMedia({ media: 'screen' });
  await expect(print).toBeVisible();
  expect(errors).toEqual([]);
});

test('a flashcard review is stored in progress, survives a reload, and comes due', async ({ page, request }) => {
  const errors = watchErrors(page);
  const [cd] = await sheetsOf(request);
  const n = cd.facts.length;
  await page.clock.install({ time: T0 });
  await page.goto('./#/flashcards?topic=codedeploy');
  const counts = page.locator('.deck-counts');
  await expect(counts).toHaveText(`${cd.title}: 0 due, ${n} new`, { timeout: 20_000 });
  const card = page.locator('.flashcard');
  await expect(card.locator('.flashcard-prompt')).toHaveText(cd.facts[0].prompt);
  await page.getByRole('button', { name: 'Show the answer' }).click();
  await expect(card.locator('.flashcard-back')).toBeFocused();
  await expect(card.locator('.flashcard-back a').first()).toHaveAttribute('href', cd.facts[0].source);
  await page.getByRole('button', { name: 'I guessed' }).click();
  await expect(counts).toHaveText(`${cd.title}: 0 due, ${n - 1} new`);
  // The next new card, its answer hidden again.
  await expect(card.locator('.flashcard-prompt')).toHaveText(cd.facts[1].prompt);
  await expect(page.getByRole('button', { name: 'Show the answer' })).toBeFocused();

  const key = `codedeploy/${cd.facts[0].id}`;
  await expect.poll(async () => (await storedProgress(page))?.cards?.[key]?.reviews?.length ?? 0).toBe(1);
  const stored = await storedProgress(page);
  expect(stored.cards[key].reviews[0]).toMatchObject({ correct: false, confidence: 'guessed' });

  await page.reload();
  await expect(counts).toHaveText(`${cd.title}: 0 due, ${n - 1} new`, { timeout: 20_000 });
  expect((await storedProgress(page)).cards[key].reviews).toHaveLength(1);

  // "I guessed" is FSRS "Again": the card is due again within minutes.
  await page.clock.setSystemTime(new Date(T0.getTime() + 30 * 60 * 1000));
  await page.getByRole('link', { name: '← Cheat sheets' }).click();
  await expect(page.locator('.sheet-index > li[data-topic="codedeploy"] .deck-counts'))
    .toHaveText(`1 due, ${n - 1} new`, { timeout: 20_000 });
  await page.locator(`.sheet-index > li[data-topic="${cd.topic}"]`)
    .getByRole('link', { name: /^Flashcards\b/ }).click();
  await expect(counts).toHaveText(`${cd.title}: 1 due, ${n - 1} new`);
  await expect(card.locator('.flashcard-prompt')).toHaveText(cd.facts[0].prompt);
  expect(errors).toEqual([]);
});
