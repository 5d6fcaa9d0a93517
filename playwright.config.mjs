// Browser end-to-end tests against the release bundle, served under a
// sub-path by tests/e2e/server.mjs, in Debian's Chromium. Playwright never
// downloads a browser here (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD, executablePath).
import { defineConfig } from '@playwright/test';

// CANARY_E2E_PORT moves the three ports (app, foreign blog, a redeployed
// copy) together, so two checkouts can run their suites side by side.
const port = Number(process.env.CANARY_E2E_PORT ?? 4173);
const blog = port + 1;

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'target/e2e-results',
  timeout: 30_000,
  // One retry absorbs timing noise on a loaded 2-core machine; a test that
  // fails twice fails the run.
  retries: 1,
  workers: 2,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}/canary/`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
        '--disable-background-networking', '--disable-component-update',
        '--disable-sync', '--no-first-run',
      ],
    },
  },
  webServer: [
    {
      command: `node tests/e2e/server.mjs ${port} /canary/`,
      url: `http://127.0.0.1:${port}/canary/`,
      reuseExistingServer: false,
      timeout: 90_000,
    },
    {
      // Someone else's blog on another site (localhost vs 127.0.0.1), for
      // the embedding tests.
      command: `node tests/e2e/server.mjs ${blog} /blog/ tests/e2e/foreign`,
      url: `http://localhost:${blog}/blog/post.html`,
      reuseExistingServer: false,
      timeout: 20_000,
    },
  ],
});
