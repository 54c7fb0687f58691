import { existsSync } from 'node:fs';

/** Debian's Chromium where it exists (CI and this project's machines); elsewhere Playwright's own browser. */
export const executablePath = existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;

/** Flags for a closed network: no background requests that would fail or leave the machine. */
export const BASE_ARGS = [
  '--no-sandbox',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--autoplay-policy=no-user-gesture-required',
];
