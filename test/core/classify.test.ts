import { describe, expect, it } from 'vitest';
import { classifyError, retryAfterSeconds } from '../../src/core/classify.ts';
import { ROWS, body } from './classify-rows.ts';

const NOW = Date.UTC(2025, 0, 1, 12, 0, 0);
const h = (init: Record<string, string> = {}) => new Headers(init);

describe('classifyError', () => {
  it.each(ROWS)('%s → code', (_name, operation, status, wire, code) => {
    const error = classifyError(operation, status, wire, h(), NOW);
    expect(error.code).toBe(code);
    expect(error.operation).toBe(operation);
    expect(error.status).toBe(status);
    if (typeof wire === 'object' && wire !== null && 'error' in wire && typeof wire.error === 'string' && !('errorCode' in wire)) {
      expect(error.error).toBe(wire.error);
    }
  });

  it('carries mfa_token (hidden from JSON) and mfa_requirements on mfa_required', () => {
    const error = classifyError(
      'password-grant',
      403,
      { error: 'mfa_required', error_description: 'Multifactor authentication required', mfa_token: 'Fe26.2*secret', mfa_requirements: { challenge: [{ type: 'otp' }] } },
      h(),
      NOW,
    );
    expect(error.mfaToken).toBe('Fe26.2*secret');
    expect(error.mfaRequirements).toEqual({ challenge: [{ type: 'otp' }] });
    expect(JSON.stringify(error)).not.toContain('Fe26.2*secret');
    expect(error.message).not.toContain('Fe26.2*secret');
  });

  it('does not expose an mfa_token on other errors', () => {
    expect(classifyError('verify-otp', 403, { error: 'invalid_grant', error_description: 'Invalid otp_code.', mfa_token: 'x' }, h(), NOW).mfaToken).toBeUndefined();
  });

  it('reads insufficient_scope from WWW-Authenticate', () => {
    const headers = h({ 'WWW-Authenticate': 'Bearer realm="mfa", error="insufficient_scope", error_description="needs remove:authenticators"' });
    const empty = classifyError('delete', 403, undefined, headers, NOW);
    expect(empty.code).toBe('insufficient_scope');
    expect(empty.errorDescription).toBe('needs remove:authenticators');
    expect(classifyError('delete', 403, { statusCode: 403, error: 'Forbidden', message: 'Forbidden' }, headers, NOW).code).toBe('insufficient_scope');
    expect(classifyError('list', 401, undefined, h({ 'www-authenticate': 'Bearer error=invalid_token' }), NOW).code).toBe('invalid_token');
  });

  it('takes retryAfter from Retry-After seconds', () => {
    const error = classifyError('challenge', 429, body('too_many_requests'), h({ 'Retry-After': '120' }), NOW);
    expect(error.code).toBe('rate_limited');
    expect(error.retryAfter).toBe(120);
  });

  it('takes retryAfter from a Retry-After HTTP date', () => {
    const date = new Date(NOW + 90_000).toUTCString();
    expect(classifyError('challenge', 429, undefined, h({ 'Retry-After': date }), NOW).retryAfter).toBe(90);
  });

  it('takes retryAfter from X-RateLimit-Reset (epoch seconds) with the client clock', () => {
    const reset = String(NOW / 1000 + 360);
    const error = classifyError('verify-otp', 429, body('too_many_attempts', 'Too many failed codes.'), h({ 'X-RateLimit-Reset': reset, 'X-RateLimit-Limit': '10', 'X-RateLimit-Remaining': '0' }), NOW);
    expect(error.code).toBe('too_many_attempts');
    expect(error.retryAfter).toBe(360);
  });

  it('prefers Retry-After, and never goes negative', () => {
    expect(classifyError('list', 429, undefined, h({ 'Retry-After': '5', 'X-RateLimit-Reset': String(NOW / 1000 + 100) }), NOW).retryAfter).toBe(5);
    expect(classifyError('list', 429, undefined, h({ 'X-RateLimit-Reset': String(NOW / 1000 - 100) }), NOW).retryAfter).toBe(0);
    expect(classifyError('list', 429, undefined, h({ 'Retry-After': 'soon' }), NOW).retryAfter).toBeUndefined();
  });

  it('reads a too-large X-RateLimit-Reset as epoch milliseconds', () => {
    expect(retryAfterSeconds(h({ 'X-RateLimit-Reset': String(NOW + 30_000) }), NOW)).toBe(30);
  });

  it('only sets retryAfter on rate-limit codes', () => {
    expect(classifyError('verify-otp', 403, body('invalid_grant', 'Invalid otp_code.'), h({ 'Retry-After': '5' }), NOW).retryAfter).toBeUndefined();
  });

  it('keeps Auth0 error and description verbatim', () => {
    const error = classifyError('verify-otp', 403, body('invalid_grant', 'Invalid otp_code.'), h(), NOW);
    expect(error.error).toBe('invalid_grant');
    expect(error.errorDescription).toBe('Invalid otp_code.');
  });
});

describe('classifyError: further Auth0 codes (issue 11)', () => {
  const cases = [
    ['password_leaked', 'password-grant', 403, body('password_leaked', 'This login attempt has been blocked because the password you are using was previously disclosed.'), 'interaction_required'],
    ['requires_verification', 'password-grant', 403, body('requires_verification', 'Suspicious request requires verification'), 'interaction_required'],
    ['rule/Action denied', 'password-grant', 401, body('unauthorized', 'Access denied by rule'), 'access_denied'],
    ['403 access_denied on password grant', 'password-grant', 403, body('access_denied', 'Access denied.'), 'access_denied'],
    ['legacy a0.mfa_invalid_code', 'verify-otp', 403, body('a0.mfa_invalid_code', 'Wrong code'), 'invalid_code'],
    ['legacy a0.mfa_required', 'password-grant', 403, { ...body('a0.mfa_required'), mfa_token: 'tok' }, 'mfa_required'],
    ['legacy a0.mfa_registration_required', 'password-grant', 403, body('a0.mfa_registration_required'), 'association_required'],
    ['code/description body', 'verify-otp', 403, { code: 'invalid_grant', description: 'Invalid otp_code.' }, 'invalid_code'],
  ] as const;
  it.each(cases)('%s', (_name, operation, status, b, code) => {
    const e = classifyError(operation, status, b, new Headers());
    expect(e.code).toBe(code);
    expect(e.error).toBe((b as { error?: string; code?: string }).error ?? (b as { code?: string }).code);
  });
  it('keeps the mfa_token of a legacy a0.mfa_required', () => {
    expect(classifyError('password-grant', 403, { error: 'a0.mfa_required', mfa_token: 'tok' }, new Headers()).mfaToken).toBe('tok');
  });
});
