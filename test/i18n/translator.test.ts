/**
 * The message table's translator: lookups, placeholders, overrides, error texts with wait times,
 * authenticator names, and right-to-left isolation of interpolated values.
 */
import { describe, expect, it } from 'vitest';
import { MfaError, buildModel, type WireAuthenticator, createTranslator, de, en, format } from '../../src/index.ts';

const FSI = '\u2068';
const PDI = '\u2069';

describe('format', () => {
  it('fills placeholders and leaves unknown ones as written', () => {
    expect(format('Code sent to {to}', { to: 'ada@example.com' })).toBe('Code sent to ada@example.com');
    expect(format('Try again in {minutes} min.', { minutes: 3 })).toBe('Try again in 3 min.');
    expect(format('Hello {who}', {})).toBe('Hello {who}');
    expect(format('No values {x}')).toBe('No values {x}');
  });

  it('keeps markup in values as text (React renders it as a text node)', () => {
    expect(format('Push to {device}', { device: '<img src=x onerror=alert(1)>' })).toBe('Push to <img src=x onerror=alert(1)>');
  });

  it('isolates values inside a right-to-left message, so a masked number keeps its order', () => {
    const text = format('الرسائل القصيرة إلى {phone}', { phone: '•••• 9167' });
    expect(text).toBe(`الرسائل القصيرة إلى ${FSI}•••• 9167${PDI}`);
  });

  it('isolates a right-to-left value inside a left-to-right message', () => {
    expect(format('Push to {device}', { device: 'הטלפון של דנה' })).toBe(`Push to ${FSI}הטלפון של דנה${PDI}`);
  });

  it('adds nothing when message and value are both left-to-right', () => {
    expect(format('SMS to {phone}', { phone: '•••• 9167' })).toBe('SMS to •••• 9167');
  });
});

describe('createTranslator', () => {
  it('is English by default and later tables win', () => {
    expect(createTranslator()('common.cancel')).toBe(en['common.cancel']);
    expect(createTranslator(de)('common.cancel')).toBe(de['common.cancel']);
    expect(createTranslator(de, { 'common.cancel': 'Lieber nicht' })('common.cancel')).toBe('Lieber nicht');
    expect(createTranslator(undefined, { 'common.cancel': 'Nope' })('common.cancel')).toBe('Nope');
  });

  it('says how long to wait when a rate limit gives a retry time, in whole minutes (at least one)', () => {
    const t = createTranslator();
    const limited = (retryAfter?: number) => new MfaError('rate_limited', 'associate', undefined, { status: 429, retryAfter });
    expect(t.error(limited(125))).toBe('Too many requests. Try again in 3 min.');
    expect(t.error(limited(5))).toBe('Too many requests. Try again in 1 min.');
    expect(t.error(limited())).toBe(en['error.rate_limited']);
    expect(t.error(new MfaError('invalid_code', 'verify-otp'))).toBe(en['error.invalid_code']);
  });

  it('names each kind of authenticator, pairs as one', () => {
    const list: WireAuthenticator[] = [
      { id: 'sms|dev_1', authenticator_type: 'oob', oob_channel: 'sms', name: '+1 555 010 9167', active: true },
      { id: 'voice|dev_1', authenticator_type: 'oob', oob_channel: 'voice', name: '+1 555 010 9167', active: true },
      { id: 'push|dev_2', authenticator_type: 'oob', oob_channel: 'auth0', name: 'Pixel 8', active: true },
      { id: 'totp|dev_2', authenticator_type: 'otp', active: true },
      { id: 'email|dev_3', authenticator_type: 'oob', oob_channel: 'email', name: 'ada@example.com', active: true },
    ] as WireAuthenticator[];
    const t = createTranslator();
    const names = buildModel(list).entries.map((entry) => t.entryName(entry));
    expect(names).toEqual(expect.arrayContaining(['SMS and voice calls to •••• 9167', 'Push to Pixel 8', 'Email to ada@example.com']));
  });
});
