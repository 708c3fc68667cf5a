/**
 * The host app's shell: a banner, the "Account security" page and a footer. Which auth setup
 * backs the page is chosen at build time by `VITE_MFA_MODE` (see ../README.md):
 * - `emulator` (default): the kit's Auth0 emulator over HTTP, with a password (ROPG) sign-in;
 * - `auth0`: a real tenant through `@auth0/auth0-react` (Universal Login).
 */
import { Suspense, lazy } from 'react';
import { Shell } from './shell.tsx';

// Each mode is its own chunk: the emulator build never downloads the Auth0 SDK, and vice versa.
const EmulatorMode = lazy(() => import('./emulator-mode.tsx').then((m) => ({ default: m.EmulatorMode })));
const Auth0Mode = lazy(() => import('./auth0-mode.tsx').then((m) => ({ default: m.Auth0Mode })));

export type Mode = { kind: 'emulator'; url: string; domain: string } | { kind: 'auth0'; domain: string; clientId: string } | { kind: 'misconfigured'; problem: string };

/** Reads the mode from Vite's env (fixed at build time). */
export function modeFromEnv(env: ImportMetaEnv): Mode {
  const mode = env.VITE_MFA_MODE?.trim() || 'emulator';
  if (mode === 'auth0') {
    const domain = env.VITE_AUTH0_DOMAIN?.trim();
    const clientId = env.VITE_AUTH0_CLIENT_ID?.trim();
    if (!domain || !clientId) return { kind: 'misconfigured', problem: 'VITE_MFA_MODE=auth0 needs VITE_AUTH0_DOMAIN and VITE_AUTH0_CLIENT_ID.' };
    return { kind: 'auth0', domain, clientId };
  }
  if (mode !== 'emulator') return { kind: 'misconfigured', problem: `Unknown VITE_MFA_MODE "${mode}": use "emulator" or "auth0".` };
  const url = (env.VITE_EMULATOR_URL?.trim() || 'http://127.0.0.1:4010').replace(/\/+$/, '');
  return { kind: 'emulator', url, domain: env.VITE_AUTH0_DOMAIN?.trim() || 'mfa-kit.emulator.local' };
}

const mode = modeFromEnv(import.meta.env);

export function App() {
  switch (mode.kind) {
    case 'emulator':
      return (
        <Suspense fallback={<Loading />}>
          <EmulatorMode url={mode.url} domain={mode.domain} />
        </Suspense>
      );
    case 'auth0':
      return (
        <Suspense fallback={<Loading />}>
          <Auth0Mode domain={mode.domain} clientId={mode.clientId} />
        </Suspense>
      );
    case 'misconfigured':
      return (
        <Shell note="mfa-kit example host app">
          <p role="alert">{mode.problem} See examples/host-app/README.md.</p>
        </Shell>
      );
  }
}

function Loading() {
  return (
    <Shell note="mfa-kit example host app">
      <p role="status">Loading…</p>
    </Shell>
  );
}
