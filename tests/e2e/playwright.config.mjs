// Browser end-to-end tests and the axe-core scan, in Debian's headless Chromium (never a
// downloaded browser), against a running reference server (scripts/test.sh starts one with the
// dev SMS outbox on). Mobile first: every test runs at 390×844.
import { defineConfig } from "@playwright/test";

export const BASE_URL = process.env.BASE_URL || "http://127.0.0.1:18080";

export default defineConfig({
  testDir: "specs",
  outputDir: "test-results/artifacts",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  // scripts/test.sh reads stats.expected / unexpected / flaky from the JSON report.
  reporter: [["list"], ["json", { outputFile: "test-results/results.json" }]],
  use: {
    baseURL: BASE_URL,
    // The server refuses writes that do not come from its own origin (issue 10). The browser's
    // own requests carry Origin anyway; this gives the specs' API calls (page.request.post…)
    // the same header, as if made from the app's pages.
    extraHTTPHeaders: { Origin: BASE_URL },
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 1,
    isMobile: false,
    hasTouch: false,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    trace: "off",
    video: "off",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    // Signs one resident in once and keeps the session cookie for the pages behind sign-in.
    { name: "setup", testMatch: /.*\.setup\.mjs/ },
    { name: "chromium", testMatch: /.*\.spec\.mjs/, dependencies: ["setup"] },
  ],
});
