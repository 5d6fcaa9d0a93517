// Faults in a real browser (issue #19 item 3): full and missing storage,
// two tabs in one exam, a tab killed mid-write, a clock that jumps, going
// offline mid-set, hostile import files and hostile question content. Each
// test asserts that no answer is lost and that the learner is told what
// happened in a visible, accessible notice. `cargo xtask reliability` runs
// this file and lists every test with its result in RELIABILITY.md.
import { test } from '@playwright/test';
import { bank, expect, letters, pick, storedProgress, submitAndRate, watchErrors } from './helpers.mjs';

const storedExam = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('canary.exam') ?? 'null'));

/** Answers `q` on its own page (correctly unless `right` is false). */
async function answerOne(page, q, right = true) {
  await page.goto(`./#/question/${q.id}`);
  await expect(page.locator(`article[data-question="${q.id}"]`)).toBeVisible({ timeout: 20_000 });
  const choices = letters(q, (o) => o.correct === right).slice(0, q.kind.type === 'single' ? 1 : q.kind.choose);
  await pick(page, choices);
  await submitAndRate(page, 'I knew it');
  await expect(page.locator('.verdict')).toBeVisible();
}

/** The dashboard's "questions seen" count, read from the live app. */
async function seenOnDashboard(page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
  const stat = page.locator('[data-stat="seen"] strong');
  await expect(stat).toBeVisible({ timeout: 20_000 });
  return stat;
}

/** "47:03" or "2:59:07" → seconds. */
const seconds = (text) => text.match(/(\d+(?::\d\d)+)\s*$/)[1].split(':').reduce((t, p) => t * 60 + Number(p), 0);

async function startMini(page, seed) {
  await page.goto('./#/exam');
  await page.getByLabel('Format').selectOption('mini');
  await page.getByLabel(/Seed/).fill(String(seed));
  await page.getByRole('button', { name: 'Start the exam' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mini exam · question 1 of 20', { timeout: 20_000 });
}

test('storage filled by another script: the answer stays in memory, the learner is told, and freeing space saves it', async ({ page, request }) => {
  const errors = watchErrors(page);
  const { all } = await bank(request);
  const [q1, q2] = all.filter((q) => q.kind.type === 'single');
  await page.goto('./');
  await expect(page.locator('[data-stat="seen"] strong')).toHaveText(/^0 \//, { timeout: 20_000 });
  // Another script on the origin fills localStorage until it throws.
  const junk = await page.evaluate(() => {
    let n = 0;
    for (let size = 1 << 20; size >= 1; size >>= 1) {
      const chunk = 'x'.repeat(size);
      try { for (;;) localStorage.setItem(`other.junk.${n++}`, chunk); } catch { /* full at this size */ }
    }
    return n;
  });
  expect(junk).toBeGreaterThan(0);

  await answerOne(page, q1);
  const full = page.getByRole('alert').filter({ hasText: 'Storage is full' });
  await expect(full).toBeVisible();
  await expect(full).toContainText('kept only until you close this tab');
  await expect(full.getByRole('button', { name: 'Export progress' })).toBeVisible();
  expect((await storedProgress(page))?.questions?.[q1.id]).toBeUndefined();
  await expect(await seenOnDashboard(page)).toHaveText(/^1 \//);

  // The other script frees its space: the next save succeeds and the notice goes.
  await page.evaluate(() => {
    for (const k of Object.keys(localStorage)) if (k.startsWith('other.junk.')) localStorage.removeItem(k);
  });
  await answerOne(page, q2);
  await expect(full).toHaveCount(0);
  const stored = await storedProgress(page);
  expect(Object.keys(stored.questions).sort()).toEqual([q1.id, q2.id].sort());
  expect(errors.filter((e) => !e.includes('QuotaExceeded'))).toEqual([]);
});

test('storage disabled: the app works from memory and says progress will not be kept', async ({ page, request }) => {
  const errors = watchErrors(page);
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });
  });
  const { all } = await bank(request);
  await page.goto('./');
  const notice = page.getByRole('alert').filter({ hasText: 'Progress cannot be saved in this browser' });
  await expect(notice).toBeVisible({ timeout: 20_000 });
  await expect(notice).toContainText('lasts until you close this tab');
  await answerOne(page, all[0]);
  await answerOne(page, all[1]);
  await expect(await seenOnDashboard(page)).toHaveText(/^2 \//);
  await expect(notice).toBeVisible();
  expect(errors).toEqual([]);
});

test('two tabs answering one exam: both answers survive and the session stays whole', async ({ context, request }) => {
  const { all } = await bank(request);
  const byId = Object.fromEntries(all.map((q) => [q.id, q]));
  const a = await context.newPage();
  const b = await context.newPage();
  const errorsA = watchErrors(a);
  const errorsB = watchErrors(b);
  await startMini(a, 777);
  const exam = await storedExam(a);
  await b.goto('./#/exam');
  await expect(b.getByRole('heading', { level: 1 })).toHaveText('Mini exam · question 1 of 20', { timeout: 20_000 });

  const [first, second] = exam.items.map((i) => byId[i.id]);
  await pick(a, letters(first, (o) => o.correct));
  // Tab B learns of A's answer without a reload, then answers another one.
  await expect(b.getByRole('button', { name: /^Question 1, answered/ })).toBeVisible();
  await b.getByRole('button', { name: /^Question 2\b/ }).click();
  await expect(b.getByRole('heading', { level: 1 })).toHaveText('Mini exam · question 2 of 20');
  await pick(b, letters(second, (o) => o.correct));
  await expect(a.getByRole('button', { name: /^Question 2, answered/ })).toBeVisible();
  await expect.poll(async () => Object.keys((await storedExam(a))?.answers ?? {}).sort())
    .toEqual([first.id, second.id].sort());

  // The stored session is still the same exam, and resumes with both answers.
  const stored = await storedExam(a);
  expect([stored.seed, stored.timer.started_at, stored.items]).toEqual([exam.seed, exam.timer.started_at, exam.items]);
  await a.reload();
  await expect(a.getByRole('button', { name: /^Question 1, answered/ })).toBeVisible({ timeout: 20_000 });
  await expect(a.getByRole('button', { name: /^Question 2, answered/ })).toBeVisible();

  // Submitted in A: one attempt, and B stops showing (and storing) the exam.
  await a.getByRole('button', { name: 'Review screen' }).click();
  await a.getByRole('button', { name: 'Submit the exam' }).click();
  await a.getByRole('button', { name: 'Yes, submit' }).click();
  await expect(a).toHaveURL(/#\/exam\/attempt\/0$/);
  await expect(a.locator('.score-card .verdict-line')).toContainText('2 of 20 scored questions correct');
  await expect(b.getByRole('button', { name: 'Start the exam' })).toBeVisible();
  expect(await storedExam(b)).toBeNull();
  await expect.poll(async () => (await storedProgress(b))?.exams?.length).toBe(1);
  expect([...errorsA, ...errorsB]).toEqual([]);
});

test('a tab closed right after an answer loses nothing', async ({ context, request }) => {
  const { all } = await bank(request);
  const page = await context.newPage();
  await answerOne(page, all[0]);
  await page.goto(`./#/question/${all[1].id}`);
  await expect(page.locator(`article[data-question="${all[1].id}"]`)).toBeVisible();
  await pick(page, letters(all[1], (o) => o.correct).slice(0, all[1].kind.type === 'single' ? 1 : all[1].kind.choose));
  await page.getByRole('button', { name: 'Submit answer' }).click();
  await page.getByRole('button', { name: 'Unsure' }).click();
  await page.close(); // no wait for anything after the click
  const again = await context.newPage();
  await again.goto('./');
  await expect(again.locator('[data-stat="seen"] strong')).toHaveText(/^2 \//, { timeout: 20_000 });
  expect(Object.keys((await storedProgress(again)).questions).sort()).toEqual([all[0].id, all[1].id].sort());
});

test('a truncated write is backed up and reported, not silently dropped', async ({ page, request }) => {
  const { all } = await bank(request);
  await answerOne(page, all[0]);
  const raw = await page.evaluate(() => localStorage.getItem('canary.progress'));
  const cut = raw.slice(0, Math.floor(raw.length / 2));
  // The document as a write killed halfway would leave it, then a new load.
  await page.evaluate((cut) => localStorage.setItem('canary.progress', cut), cut);
  await page.reload();
  const notice = page.getByRole('alert').filter({ hasText: 'Your saved progress could not be read' });
  await expect(notice).toBeVisible({ timeout: 20_000 });
  const backups = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('canary.progress.backup.')));
  expect(backups).toHaveLength(1);
  await expect(notice).toContainText(backups[0]);
  expect(await page.evaluate((k) => localStorage.getItem(k), backups[0])).toBe(cut);
  await expect(notice.getByRole('button', { name: 'Download the unreadable data' })).toBeVisible();
  // Answering again does not overwrite the backup.
  await answerOne(page, all[1]);
  expect(await page.evaluate((k) => localStorage.getItem(k), backups[0])).toBe(cut);
});

test('the clock moved backwards gives no time back; a jump forwards submits the exam', async ({ page }) => {
  const errors = watchErrors(page);
  // Near the real time: if a reload ever resets the fake clock, it resets to now.
  const t0 = Math.floor(Date.now() / 1000) * 1000;
  await page.clock.install({ time: t0 });
  await startMini(page, 4242);
  const timer = page.getByRole('timer');
  await expect(timer).toHaveText(/4[78]:\d\d$/);
  await page.clock.pauseAt(t0 + 10 * 60_000);
  await page.clock.runFor(2_000);
  await expect(timer).toHaveText(/3[78]:\d\d$/);
  const before = seconds(await timer.textContent());

  // The device clock is set back an hour, and time runs on from there.
  await page.clock.setSystemTime(t0 - 60 * 60_000);
  await page.clock.runFor(5_000);
  expect(seconds(await timer.textContent())).toBeLessThanOrEqual(before);
  await page.reload();
  await expect(timer).toHaveText(/\d:\d\d$/, { timeout: 20_000 });
  await page.clock.runFor(2_000);
  expect(seconds(await timer.textContent())).toBeLessThanOrEqual(before);

  // Forwards past the deadline: submitted, as the real exam would be.
  await page.clock.setSystemTime(t0 + 2 * 60 * 60_000);
  await page.clock.runFor(2_000);
  await expect(page).toHaveURL(/#\/exam\/attempt\/0$/);
  await expect(page.locator('.score-card')).toContainText('Submitted automatically when the time ran out');
  expect(errors).toEqual([]);
});

test('offline in the middle of a practice set: the set finishes and every answer is saved', async ({ page, context, request }) => {
  const { all } = await bank(request);
  const d = all[0].domain;
  const three = all.filter((q) => q.domain === d && q.kind.type === 'single').slice(0, 3);
  await page.goto(`./#/practice/set?ids=${three.map((q) => q.id).join(',')}`);
  await expect(page.locator('.position')).toHaveText('Question 1 of 3', { timeout: 20_000 });
  await context.setOffline(true);
  for (let i = 0; i < 3; i++) {
    const id = await page.locator('.question-card').getAttribute('data-question');
    const q = three.find((q) => q.id === id);
    await pick(page, letters(q, (o) => o.correct).slice(0, 1));
    await submitAndRate(page, 'I knew it');
    await page.getByRole('button', { name: i < 2 ? 'Next question' : 'See results' }).click();
  }
  await expect(page.getByRole('heading', { name: 'Set complete: 3 of 3 correct' })).toBeVisible();
  const stored = await storedProgress(page);
  expect(Object.keys(stored.questions).sort()).toEqual(three.map((q) => q.id).sort());
  await context.setOffline(false);
});

test('hostile import files are refused or made inert and progress is untouched', async ({ page, request }) => {
  const errors = watchErrors(page);
  const { all } = await bank(request);
  await answerOne(page, all[0]);
  const before = await storedProgress(page);
  await page.goto('./#/settings');
  const input = page.locator('#import-file');
  const refused = page.getByRole('alert').filter({ hasText: 'This file cannot be imported' });
  const file = (name, text) => ({ name, mimeType: 'application/json', buffer: Buffer.isBuffer(text) ? text : Buffer.from(text) });

  // Over the 10 MB limit: refused before it is read.
  await input.setInputFiles(file('huge.json', Buffer.alloc(11 * 1024 * 1024, 0x20)));
  await expect(refused).toContainText('more than the 10 MB');
  expect(await storedProgress(page)).toEqual(before);

  const deep = `{"app":"canary","schema":2,"questions":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
  const wrongTypes = '{"app":"canary","schema":2,"questions":{"d1-x":{"reviews":"many"}},"exams":7}';
  for (const [name, text] of [['deep.json', deep], ['types.json', wrongTypes], ['array.json', '[1,2,3]']]) {
    await input.setInputFiles([]);
    await input.setInputFiles(file(name, text));
    await expect(refused).toBeVisible();
    await expect(refused).toContainText('Nothing was changed');
    expect(await storedProgress(page)).toEqual(before);
  }

  // HTML in a note is data: imported as text, never markup.
  const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
  const doc = {
    app: 'canary', schema: 2,
    questions: { [all[1].id]: { note: { value: hostile, at: 5 } } },
  };
  await input.setInputFiles([]);
  await input.setInputFiles(file('notes.json', JSON.stringify(doc)));
  await expect(page.locator('.import-preview')).toBeVisible();
  await page.getByRole('button', { name: 'Merge with my progress' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toBeVisible();
  const after = await storedProgress(page);
  expect(after.questions[all[0].id]).toEqual(before.questions[all[0].id]);
  expect(after.questions[all[1].id].note.value).toBe(hostile);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(errors).toEqual([]);
});

// page.route does not see requests a service worker answers: keep it out.
test.describe('with no service worker', () => {
  test.use({ serviceWorkers: 'block' });
  test('question content with <script> and onerror stays inert under the strict CSP', async ({ page, request }) => {
    const { all } = await bank(request);
    const target = all.find((q) => q.kind.type === 'single');
    const other = all.find((q) => q.kind.type === 'single' && q.domain === target.domain && q.id !== target.id);
    // What the content compiler writes for raw HTML in a stem: escaped text.
    const escaped = '<p>Hi &lt;script&gt;window.__pwned=1&lt;/script&gt; &lt;img src=x onerror="window.__pwned=2"&gt;</p>';
    // A data file tampered with after the build: live markup the CSP must stop.
    const live = '<p>Live <img src="data:," onerror="window.__pwned=3"><script>window.__pwned=4</script></p>';
    await page.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.effectiveDirective} ${e.sample}`));
    });
    await page.route(/\/data\/(?!index\.json).*\.json$/, async (route) => {
      const res = await route.fetch();
      const qs = await res.json();
      for (const q of qs) {
        if (q.id === target.id) q.stem = escaped;
        if (q.id === other.id) q.stem = live;
      }
      await route.fulfill({ response: res, body: JSON.stringify(qs) });
    });
    await page.goto(`./#/question/${target.id}`);
    const card = page.locator(`article[data-question="${target.id}"]`);
    await expect(card).toBeVisible({ timeout: 20_000 });
    await expect(card).toContainText('Hi <script>window.__pwned=1</script> <img src=x onerror="window.__pwned=2">');
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
    expect(await page.evaluate(() => window.__violations)).toEqual([]);

    await page.goto(`./#/question/${other.id}`);
    const card2 = page.locator(`article[data-question="${other.id}"]`);
    await expect(card2).toContainText('Live');
    // The inline handler is the one thing blocked; the inserted script never runs.
    await expect.poll(() => page.evaluate(() => window.__violations)).toEqual([expect.stringMatching(/^script-src/)]);
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  });
});
