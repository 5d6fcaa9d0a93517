// Accessibility: axe-core on every route and widget state, in light and dark
// themes, must report zero violations; and the main flows work from the
// keyboard alone.
import { test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { bank, expect, letters } from './helpers.mjs';

// axe is injected as a script; the strict CSP would (rightly) refuse it.
test.use({ bypassCSP: true });

const axeSource = readFile('node_modules/axe-core/axe.min.js', 'utf8');

async function audit(page, label) {
  await page.addScriptTag({ content: await axeSource });
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  });
  expect(result, label).toEqual([]);
}

const PAGES = [
  ['dashboard', './'],
  ['practice builder', './#/practice'],
  ['exam start', './#/exam'],
  ['widgets', './#/widgets'],
  ['codedeploy explore', './#/widgets/codedeploy?platform=server&fleet=5'],
  ['codedeploy lambda', './#/widgets/codedeploy?platform=lambda'],
  ['codedeploy require', './#/widgets/codedeploy?platform=ecs&mode=require&exposure=10'],
  ['dr', './#/widgets/dr?rto=3600&rpo=600'],
  ['asg', './#/widgets/asg?actions=out,wait60,hb&terminate=120'],
  ['asg-warm', './#/widgets/asg?warm=stopped&reuse=true&actions=warm,continue,out'],
  ['pipeline', './#/widgets/pipeline'],
  ['beanstalk', './#/widgets/beanstalk?policy=immutable&prev=rolling'],
  ['cheat sheets', './#/cheatsheets'],
  ['cheat sheet', './#/cheatsheets/codedeploy'],
  ['flashcards', './#/flashcards?topic=dr'],
  ['search', './#/search?q=cloudformation%20drift'],
  ['settings', './#/settings'],
  ['about', './#/about'],
  ['changes', './#/changes'],
  ['embed dr', './#/embed/dr'],
  ['embed quiz', './#/embed/quiz?task=1.4&size=2'],
];

for (const scheme of ['light', 'dark']) {
  test(`axe: every page, ${scheme} theme`, async ({ page }) => {
    // Twenty-odd pages, each loaded and audited: far more than one flow.
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme: scheme });
    for (const [label, url] of PAGES) {
      await page.goto(url);
      await expect(page.locator('main')).toBeVisible();
      await page.waitForTimeout(250);
      await audit(page, `${label} (${scheme})`);
    }
  });

  test(`axe: a question before, during and after answering, ${scheme} theme`, async ({ page, request }) => {
    const { all } = await bank(request);
    const q = all.find((x) => x.kind.type === 'multiple');
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`./#/question/${q.id}`);
    await expect(page.locator('.question-card')).toBeVisible();
    await audit(page, 'question');
    for (const l of letters(q, (o) => !o.correct).slice(0, q.kind.choose)) {
      await page.locator(`li[data-choice="${l}"] label`).click();
    }
    await page.getByRole('button', { name: 'Submit answer' }).click();
    await audit(page, 'confidence step');
    await page.getByRole('button', { name: 'Unsure' }).click();
    await audit(page, 'verdict');
    await page.getByRole('button', { name: 'Add a note' }).click();
    await expect(page.getByRole('textbox', { name: 'Your note', exact: true })).toBeFocused();
    await audit(page, 'note editor open');
  });
}

test('axe: the exam while answering, on the review screen and in the report', async ({ page }) => {
  await page.goto('./#/exam');
  await page.getByLabel('Format').selectOption('mini');
  await page.getByRole('button', { name: 'Start the exam' }).click();
  await page.locator('.option label').first().click();
  await page.getByRole('button', { name: /Flag for review/ }).click();
  await audit(page, 'exam answering');
  await page.getByRole('button', { name: 'Review screen' }).click();
  await audit(page, 'exam review');
  await page.getByRole('button', { name: 'Submit the exam' }).click();
  await audit(page, 'exam confirm');
  await page.getByRole('button', { name: 'Yes, submit' }).click();
  await expect(page.locator('.score-card')).toBeVisible();
  await audit(page, 'exam report');
});

test('keyboard only: practice a question, take an exam step, drive a widget', async ({ page, request }) => {
  const { all } = await bank(request);
  const q = all.find((x) => x.kind.type === 'single');
  const key = letters(q, (o) => o.correct)[0];
  await page.goto(`./#/question/${q.id}`);
  await expect(page.locator('.question-card')).toBeVisible();
  // Tab to the right option's radio and pick it with Space.
  const target = page.locator(`li[data-choice="${key}"] input`);
  for (let i = 0; i < 40 && !(await target.evaluate((e) => e === document.activeElement)); i++) {
    await page.keyboard.press(await page.evaluate(() => document.activeElement?.type === 'radio') ? 'ArrowDown' : 'Tab');
  }
  await expect(target).toBeFocused();
  await page.keyboard.press('Space');
  await page.keyboard.press('Enter');
  await page.keyboard.press('3');
  await expect(page.locator('.verdict')).toContainText('Correct.');

  // Exam: start from the keyboard, answer with Tab/Space, move on with Enter on "Next".
  await page.goto('./#/exam');
  await page.getByLabel('Format').focus();
  await page.keyboard.press('ArrowDown'); // Mini exam
  await page.getByRole('button', { name: 'Start the exam' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/question 1 of 20/);
  // A multiple-response question needs "Choose N" picks to count as answered.
  const picks = (await page.locator('.question-card .instruction').count())
    ? Number({ TWO: 2, THREE: 3 }[(await page.locator('.question-card .instruction').textContent()).match(/Choose (\w+)/)[1]])
    : 1;
  for (let i = 0; i < picks; i++) {
    await page.locator('.option input').nth(i).focus();
    await page.keyboard.press('Space');
    await expect(page.locator('.option input').nth(i)).toBeChecked();
  }
  await page.getByRole('button', { name: 'Next', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/question 2 of 20/);
  await expect(page.getByRole('button', { name: 'Question 1, answered' })).toBeVisible();

  // Widget: change the DR target with the arrow keys and see the pick change.
  await page.goto('./#/widgets/dr?rto=604800&rpo=604800');
  await expect(page.locator('.recommendation')).toHaveAttribute('data-strategy', 'backup_restore');
  await page.locator('#dr-rpo').focus();
  await page.keyboard.press('Home');
  await expect(page.locator('.recommendation')).not.toHaveAttribute('data-strategy', 'backup_restore');
});
