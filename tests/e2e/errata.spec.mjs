// End-to-end: "Report a problem" on a question (the text carries the id,
// the content version and the reason; Copy puts it on the clipboard) and
// the Changes page, whose ids open their questions.
import { test } from '@playwright/test';
import { bank, expect, watchErrors } from './helpers.mjs';

// The live app has replaced the prerendered page (src/main.rs removes it).
const live = (page) => expect(page.locator('#prerender')).toHaveCount(0, { timeout: 60_000 });

test('a report holds id, version and reason, and Copy copies it', async ({ page, context, request }) => {
  const errors = watchErrors(page);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const { index, all } = await bank(request);
  expect(index.project.issues_url ?? null).toBeNull();
  const q = all[0];
  await page.goto(`./#/question/${q.id}`);
  await live(page);
  const card = page.locator(`article[data-question="${q.id}"]`);
  await expect(card).toBeVisible();
  await card.getByText('Report a problem', { exact: true }).click();
  await card.getByLabel('What is wrong?').selectOption('outdated');
  await card.getByLabel('Comment', { exact: true }).fill('The quota changed in 2026.');
  const text = card.getByLabel('Report text');
  await expect(text).toHaveValue(new RegExp(`^Question: ${q.id}\n`));
  await expect(text).toHaveValue(new RegExp(`\nContent version: ${index.version}\n`));
  await expect(text).toHaveValue(/\nReason: Outdated fact \(outdated\)\n/);
  await expect(text).toHaveValue(/The quota changed in 2026\.$/);
  await card.getByRole('button', { name: 'Copy', exact: true }).click();
  await expect(card.getByRole('status').filter({ hasText: 'Copied to the clipboard.' })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await text.inputValue());
  expect(copied).toContain(`Question: ${q.id}\nContent version: ${index.version}\nReason: Outdated fact`);
  expect(errors).toEqual([]);
});

test('practice offers the report too', async ({ page }) => {
  await page.goto('./#/practice/domain/2');
  await live(page);
  await expect(page.locator('.question-card summary', { hasText: 'Report a problem' })).toBeVisible();
});

test('the Changes page lists entries whose links open questions', async ({ page, request }) => {
  const errors = watchErrors(page);
  const changelog = await (await request.get('data/changelog.json')).json();
  expect(changelog.length).toBeGreaterThan(0);
  await page.goto('./#/about');
  await live(page);
  await page.getByRole('link', { name: 'What changed in the questions' }).click();
  await expect(page).toHaveURL(/#\/changes$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Changes to the questions');
  await expect(page.locator('.change-entry')).toHaveCount(changelog.length);
  const entry = changelog.find((e) => (e.fixed ?? []).length > 0);
  const n = changelog.indexOf(entry);
  const id = entry.fixed[0];
  await expect(page.locator('.change-entry').nth(n).locator('h2')).toHaveText(entry.date ?? `Version ${entry.version}`);
  await page.locator('.change-entry').nth(n).getByRole('link', { name: id, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`#/question/${id}$`));
  await expect(page.locator(`article[data-question="${id}"]`)).toBeVisible();
  expect(errors).toEqual([]);
});
