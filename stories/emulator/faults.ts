import type { InjectedFault } from '../../src/emulator/types.ts';

/** A canned failure the panel can arm with "Fail next request". */
export interface FaultPreset {
  id: string;
  label: string;
  /** Built when armed, so time-based headers are fresh. */
  fault: (nowMs: number) => InjectedFault;
}

/**
 * The failures a real tenant (or the network in between) produces, with Auth0's exact codes and
 * descriptions where known (shared/reference/auth0-mfa-api.md §1 and the 429 section).
 */
export const FAULT_PRESETS: readonly FaultPreset[] = [
  { id: 'network', label: 'Network failure (offline)', fault: () => ({ network: true }) },
  {
    id: 'rate-limit',
    label: '429 rate limit (Retry-After: 30)',
    fault: (now) => ({
      status: 429,
      error: 'too_many_requests',
      error_description: 'Too many requests. Check the X-RateLimit-Limit, X-RateLimit-Remaining and X-RateLimit-Reset headers.',
      headers: {
        'Retry-After': '30',
        'X-RateLimit-Limit': '10',
        'X-RateLimit-Remaining': '0',
        'X-RateLimit-Reset': String(Math.ceil(now / 1000) + 30),
      },
    }),
  },
  {
    id: 'too-many-attempts',
    label: '429 too many failed codes',
    fault: () => ({
      status: 429,
      error: 'too_many_attempts',
      error_description: 'Too many failed codes. Wait for some minutes before retrying.',
      headers: { 'Retry-After': '360' },
    }),
  },
  {
    id: 'expired-token',
    label: '401 expired token',
    fault: () => ({ status: 401, error: 'expired_token', error_description: 'mfa_token is expired' }),
  },
  {
    id: 'invalid-code',
    label: '403 invalid code',
    fault: () => ({ status: 403, error: 'invalid_grant', error_description: 'Invalid otp_code.' }),
  },
  {
    id: 'server-error',
    label: '500 server error',
    fault: () => ({ status: 500, error: 'server_error', error_description: 'Internal Server Error' }),
  },
  {
    id: 'html',
    label: '502 HTML error page (proxy)',
    fault: () => ({
      status: 502,
      headers: { 'Content-Type': 'text/html; charset=utf-8' },
      body: '<!doctype html><html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>',
    }),
  },
  {
    id: 'malformed-json',
    label: '200 malformed JSON',
    fault: () => ({ status: 200, headers: { 'Content-Type': 'application/json' }, body: '{"authenticator_type": "otp", ' }),
  },
];
