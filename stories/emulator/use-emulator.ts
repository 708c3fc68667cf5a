import { useEffect, useReducer } from 'react';
import type { Emulator } from '../../src/emulator/types.ts';

/**
 * Re-renders the caller whenever the emulator's state changes, and once a second so TOTP
 * countdowns move. The emulator's getters return fresh snapshots, so the panel just reads them
 * during render; the returned number only exists to force that render.
 */
export function useEmulatorVersion(emulator: Emulator, tickMs = 1000): number {
  const [version, bump] = useReducer((n: number) => n + 1, 0);
  useEffect(() => emulator.subscribe(bump), [emulator]);
  useEffect(() => {
    const timer = setInterval(bump, tickMs);
    return () => clearInterval(timer);
  }, [tickMs]);
  return version;
}

/** `14:03:07`, 24-hour, in the viewer's zone. */
export function formatTime(epochMs: number): string {
  return new Date(epochMs).toLocaleTimeString('en-GB', { hour12: false });
}

/** Seconds until the next 30 s TOTP step, 1…30. */
export function secondsToNextStep(epochMs: number): number {
  return 30 - (Math.floor(epochMs / 1000) % 30);
}

const GRANT_PREFIX = 'http://auth0.com/oauth/grant-type/';

/** `mfa-otp` instead of `http://auth0.com/oauth/grant-type/mfa-otp`, so the log stays readable. */
export function shortGrant(grantType: string | undefined): string {
  if (!grantType) return '';
  return grantType.startsWith(GRANT_PREFIX) ? grantType.slice(GRANT_PREFIX.length) : grantType;
}
