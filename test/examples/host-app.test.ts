/**
 * The example host app (examples/host-app) end to end in Debian's Chromium: built with Vite's JS
 * API, served by `vite preview` on one origin, talking over real HTTP (CORS) to the emulator's
 * Node server on another. Signs in with the password grant, steps up with an SMS code, enrolls an
 * authenticator app and removes it again.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright';
import { build, preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulatorServer, type EmulatorServer } from '../../src/emulator/node.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../examples/host-app');
const configFile = path.join(root, 'vite.config.ts');
const TIMEOUT = 60_000;

/** The app's settings for this run; `process.env` wins over any .env file, and the env dir is empty anyway. */
function withEnv<T>(vars: Record<string, string>, run: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((key) => [key, process.env[key]]));
  Object.assign(process.env, vars);
  return run().finally(() => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });
}

describe('examples/host-app against the emulator server', () => {
  let emulatorServer: EmulatorServer | undefined;
  let app: PreviewServer | undefined;
  let browser: Browser | undefined;
  let tmp: string | undefined;
  let appUrl = '';

  beforeAll(async () => {
    emulatorServer = await startEmulatorServer({ port: 0, emulatorOptions: { scenario: 'sms-voice' } });
    tmp = await mkdtemp(path.join(os.tmpdir(), 'mfa-kit-host-app-'));
    const outDir = path.join(tmp, 'dist');
    // An empty env dir: a developer's examples/host-app/.env.local cannot change what is tested.
    const shared = { configFile, root, envDir: tmp, logLevel: 'warn' as const };
    const url = emulatorServer.url;
    await withEnv({ VITE_MFA_MODE: 'emulator', VITE_EMULATOR_URL: url, VITE_AUTH0_DOMAIN: emulatorServer.emulator.domain }, () =>
      build({ ...shared, build: { outDir, emptyOutDir: true, reportCompressedSize: false, chunkSizeWarningLimit: 1000 } }),
    );
    app = await preview({ ...shared, build: { outDir }, preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false } });
    appUrl = app.resolvedUrls?.local[0] ?? '';
    if (!appUrl) throw new Error('vite preview did not report its URL');
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  }, TIMEOUT * 2);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await emulatorServer?.close();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  }, TIMEOUT);

  it(
    'signs in, lists, verifies by SMS, enrolls an authenticator app and removes it — every request over HTTP across origins',
    async () => {
      const server = emulatorServer!;
      const emulator = server.emulator;
      const appOrigin = new URL(appUrl).origin;
      expect(appOrigin).not.toBe(server.url);

      const page: Page = await browser!.newPage();
      page.setDefaultTimeout(TIMEOUT);
      const requested: string[] = [];
      const problems: string[] = [];
      page.on('request', (request) => requested.push(request.url()));
      page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
      page.on('console', (message) => {
        // Chromium logs every 4xx answer as "Failed to load resource"; those are checked below.
        if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(`console: ${message.text()}`);
      });
      // Every answer the emulator gave the page carried CORS headers for the page's origin (or *).
      const corsAnswers: Array<string | null> = [];
      const failed: string[] = [];
      page.on('response', (response) => {
        if (response.url().startsWith(server.url)) corsAnswers.push(response.headers()['access-control-allow-origin'] ?? null);
        if (response.status() >= 400) failed.push(`${response.status()} ${response.request().method()} ${new URL(response.url()).pathname}`);
      });

      await page.goto(appUrl);
      await page.getByRole('heading', { level: 1, name: 'Account security' }).waitFor();

      // Sign in (ROPG) as the seeded user.
      const signIn = page.getByRole('region', { name: 'Sign in' });
      await signIn.getByLabel('Email').fill('ada@example.com');
      await signIn.getByLabel('Password').fill('correct horse battery staple');
      await signIn.getByRole('button', { name: 'Sign in' }).click();
      await page.getByText('Signed in as').waitFor();

      // The list: SMS and voice on one phone, one row; list-only until the user verifies.
      const list = page.getByRole('region', { name: 'Two-factor authentication' });
      await list.getByText('SMS and voice calls to •••• 9167').first().waitFor();
      expect(await list.getByRole('button', { name: 'Add method' }).count()).toBe(0);

      // Step up: a code by SMS, read from the tenant's outbox.
      await list.getByRole('button', { name: 'Verify to manage' }).click();
      const stepUp = page.getByRole('dialog', { name: 'Verify it’s you' });
      await stepUp.getByRole('group', { name: 'Your methods' }).getByRole('button', { name: 'SMS and voice calls to •••• 9167' }).click();
      await stepUp.getByText('Code sent to •••• 9167.').waitFor();
      const smsCode = emulator.lastCode();
      expect(smsCode).toMatch(/^\d{6}$/);
      await stepUp.getByRole('textbox', { name: '6-digit code' }).fill(smsCode!);
      await stepUp.getByRole('button', { name: 'Verify' }).click();
      await stepUp.waitFor({ state: 'detached' });

      // Enroll an authenticator app with the code the "phone" computes now.
      await list.getByRole('button', { name: 'Add method' }).click();
      const wizard = page.getByRole('dialog');
      await wizard.getByRole('button', { name: /authenticator app/i }).click();
      const codeField = wizard.getByRole('textbox', { name: /6-digit code/i });
      await codeField.waitFor();
      await codeField.fill(emulator.totp());
      await codeField.press('Enter');
      await wizard.getByRole('heading', { name: /two-factor method added/i }).waitFor();
      await wizard.getByRole('button', { name: /done/i }).click();
      await wizard.waitFor({ state: 'detached' });
      const appRow = list.getByRole('listitem').filter({ hasText: 'Authenticator app' });
      await appRow.waitFor();
      expect(emulator.authenticators().filter((a) => a.authenticator_type === 'otp' && a.active)).toHaveLength(1);

      // Remove it, confirmed in an alert dialog.
      await list.getByRole('button', { name: /remove authenticator app/i }).click();
      const confirm = page.getByRole('alertdialog');
      await confirm.getByRole('button', { name: /^remove/i }).click();
      await confirm.waitFor({ state: 'detached' });
      await appRow.waitFor({ state: 'detached' });
      await expect.poll(() => emulator.authenticators().filter((a) => a.authenticator_type === 'otp'), { timeout: TIMEOUT }).toEqual([]);
      // The phone stays.
      await list.getByText('SMS and voice calls to •••• 9167').first().waitFor();

      // Sign out forgets the session: back to the form; a wrong password is refused there.
      await page.getByRole('button', { name: 'Sign out' }).click();
      await signIn.waitFor();
      expect(await list.count()).toBe(0);
      await signIn.getByLabel('Password').fill('not the password');
      await signIn.getByRole('button', { name: 'Sign in' }).click();
      await signIn.getByRole('alert').getByText('Wrong email or password.').waitFor();

      // Everything went to the app's own origin or across origins to the emulator: nothing else.
      const toEmulator = requested.filter((url) => url.startsWith(`${server.url}/`));
      expect(requested.filter((url) => !url.startsWith(`${appOrigin}/`) && !url.startsWith(`${server.url}/`))).toEqual([]);
      expect(toEmulator.some((url) => url.includes('/oauth/token'))).toBe(true);
      expect(toEmulator.some((url) => url.includes('/mfa/authenticators'))).toBe(true);
      expect(corsAnswers.length).toBe(toEmulator.length);
      expect(corsAnswers.every((value) => value === '*' || value === appOrigin)).toBe(true);
      // And the emulator saw them: the list, the step-up challenge, the enrollment and the removal.
      const log = emulator.requests().map((entry) => `${entry.method} ${entry.path}`);
      expect(log).toEqual(expect.arrayContaining(['POST /oauth/token', 'GET /mfa/authenticators', 'POST /mfa/challenge', 'POST /mfa/associate']));
      expect(log.some((line) => line.startsWith('DELETE /mfa/authenticators/'))).toBe(true);
      // The first refusal is Auth0's protocol: the password grant answers 403 mfa_required for a user with a factor.
      // The wrong password is refused with 403 invalid_grant (Auth0's wrong-credentials answer).
      expect(failed).toEqual(['403 POST /oauth/token', '403 POST /oauth/token']);
      expect(problems).toEqual([]);
      await page.close();
    },
    TIMEOUT * 2,
  );
});
