// Browser end-to-end tests against the release bundle, served under a
// sub-path by tests/e2e/server.mjs, in Debian's Chromium. Playwright never
// downloads a browser here (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD, executablePath).
import { defineConfig } from '@playwright/test';

const port = 4173;

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
      command: `node tests/e2e/server.mjs 4174 /blog/ tests/e2e/foreign`,
      url: 'http://localhost:4174/blog/post.html',
      reuseExistingServer: false,
      timeout: 20_000,
    },
  ],
});
