// Shared helpers for the browser tests.
import { expect } from '@playwright/test';

/** Collects console errors, page errors and failed requests. */
export function watchErrors(page) {
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  // A reload aborts requests still in flight; that is not a failure.
  page.on('requestfailed', (r) => {
    if (r.failure()?.errorText !== 'net::ERR_ABORTED') errors.push(`request failed: ${r.url()}`);
  });
  page.on('response', (r) => { if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`); });
  return errors;
}

/** The served bank: index plus every domain file. */
export async function bank(request) {
  const index = await (await request.get('data/index.json')).json();
  const all = [];
  for (const f of index.files) all.push(...await (await request.get(`data/${f.file}`)).json());
  return { index, all };
}

export const letters = (q, pred) =>
  q.options.map((o, i) => [o, 'ABCDEFGH'[i]]).filter(([o]) => pred(o)).map(([, l]) => l);

/** Clicks the options with these letters in the visible question card. */
export async function pick(page, choices) {
  for (const l of choices) await page.locator(`.question-card li[data-choice="${l}"] label`).first().click();
}

/** Submits and rates confidence ('I guessed' | 'Unsure' | 'I knew it'). */
export async function submitAndRate(page, confidence = 'I knew it') {
  await page.getByRole('button', { name: 'Submit answer' }).click();
  await page.getByRole('button', { name: confidence }).click();
}

/** The stored progress document. */
export const storedProgress = (page) =>
  page.evaluate(() => JSON.parse(localStorage.getItem('canary.progress') ?? 'null'));

// The ports playwright.config.mjs serves on (CANARY_E2E_PORT moves them).
export const APP_PORT = Number(process.env.CANARY_E2E_PORT ?? 4173);
export const BLOG_PORT = APP_PORT + 1;
export const DEPLOY_PORT = APP_PORT + 2;

export { expect };
