/**
 * `npm run screenshots`: the main stories in light and dark, taken with Debian's Chromium through
 * Playwright, into `screenshots/` (not committed). Starts Storybook itself unless STORYBOOK_URL is
 * set. Look at the PNGs after a visual change.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright';

const STORIES = [
  'components-twofactorsettings--every-factor',
  'components-authenticatorlist--every-factor',
  'components-authenticatorlist--pending',
  'components-authenticatorlist--list-only',
  'components-enrollmentwizard--authenticator-app',
  'components-enrollmentwizard--sms',
  'components-enrollmentwizard--push',
  'components-deleteconfirmation--pair',
  'components-deleteconfirmation--last-factor',
  'components-recoverycode--default',
  'components-stepup--ropg-otp',
  'components-tokenexpirynotice--about-to-expire',
  'emulator--default',
];
const THEMES = ['light', 'dark'] as const;

async function waitFor(url: string, ms = 120_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`Storybook did not start at ${url}`);
}

const external = process.env.STORYBOOK_URL;
const base = external ?? 'http://127.0.0.1:6107';
const server = external
  ? undefined
  : spawn('npx', ['storybook', 'dev', '-p', '6107', '--host', '127.0.0.1', '--no-open', '--ci'], { stdio: 'ignore', env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' } });
try {
  await waitFor(`${base}/iframe.html`);
  mkdirSync('screenshots', { recursive: true });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  for (const id of STORIES) {
    for (const theme of THEMES) {
      await page.goto(`${base}/iframe.html?id=${id}&viewMode=story&globals=theme:${theme}`, { waitUntil: 'networkidle' });
      await page.waitForTimeout(600);
      await page.screenshot({ path: `screenshots/${id}--${theme}.png`, fullPage: true });
    }
  }
  await browser.close();
  console.log(`${STORIES.length * THEMES.length} screenshots in screenshots/`);
  if (errors.length) {
    console.log(`console errors:\n${errors.join('\n')}`);
    process.exitCode = 1;
  }
} finally {
  server?.kill();
}
