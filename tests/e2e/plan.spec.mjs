// End-to-end: the exam-date plan. A date set in Settings gives the days left
// on the dashboard (under a fixed clock, across a month end, in the
// learner's time zone), survives a reload, and clears.
import { test } from '@playwright/test';
import { expect, storedProgress, watchErrors } from './helpers.mjs';

test.use({ timezoneId: 'Europe/Paris' });

// The live app has replaced the prerendered page (src/main.rs removes it).
const live = (page) => expect(page.locator('#prerender')).toHaveCount(0, { timeout: 60_000 });

test('an exam date set in Settings shows the days left, and clears', async ({ page }) => {
  const errors = watchErrors(page);
  // 23:30 on 30 January in Paris (22:30 UTC): the exam is on 2 February.
  await page.clock.setFixedTime(new Date('2027-01-30T22:30:00Z'));
  await page.goto('./#/settings');
  await live(page);
  await page.getByLabel('My exam is on').fill('2027-02-02');
  await expect(page.getByRole('button', { name: 'Clear the exam date' })).toBeVisible();
  expect((await storedProgress(page)).settings.exam_date.value).toBe('2027-02-02');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
  const card = page.getByRole('region', { name: 'Exam plan' });
  await expect(card.locator('.days-left')).toHaveAttribute('data-days-left', '3');
  await expect(card.locator('.days-left')).toContainText('3 days left (exam on 2027-02-02)');
  await expect(card).toContainText("Today's target");
  await expect(card).toContainText('No exam attempt yet, so there is no readiness estimate');

  await page.reload();
  await live(page);
  await expect(card.locator('.days-left')).toHaveAttribute('data-days-left', '3');

  await page.goto('./#/settings');
  await expect(page.getByLabel('My exam is on')).toHaveValue('2027-02-02');
  await page.getByRole('button', { name: 'Clear the exam date' }).click();
  await expect(page.getByLabel('My exam is on')).toHaveValue('');
  await expect(page.getByRole('button', { name: 'Clear the exam date' })).toHaveCount(0);
  expect((await storedProgress(page)).settings.exam_date.value).toBe('');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
  await expect(card).toContainText('Set the exam date in Settings');
  await expect(card.locator('.days-left')).toHaveCount(0);
  expect(errors).toEqual([]);
});
