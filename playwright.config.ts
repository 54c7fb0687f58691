import { defineConfig } from '@playwright/test';
import { BASE_ARGS, executablePath } from './e2e/chromiumArgs';
import { OTLP_PORT } from './e2e/fixtures/otlpPort';

// E2E_PORT and E2E_DIST let two people run specs side by side on one machine.
const PORT = Number(process.env.E2E_PORT ?? 4173);
const DIST = process.env.E2E_DIST ?? 'dist';

// One worker: each test runs the real model in a real browser, and these machines have two cores.
export default defineConfig({
  testDir: 'e2e',
  outputDir: `test-results/${DIST}`,
  globalSetup: './e2e/globalSetup.ts',
  timeout: 180_000,
  expect: { timeout: 60_000 },
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${PORT}`,
    browserName: 'chromium',
    launchOptions: { executablePath, args: BASE_ARGS },
    trace: 'retain-on-failure',
  },
  webServer: {
    command: `npx vite preview --port ${PORT} --strictPort --outDir ${DIST}`,
    url: `http://localhost:${PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
    // The app's same-origin /otlp goes to the telemetry spec's test receiver (e2e/fixtures/otlpReceiver.ts).
    env: { SEGMETER_OTLP_TARGET: process.env.SEGMETER_OTLP_TARGET ?? `http://127.0.0.1:${OTLP_PORT}` },
  },
});
