import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RETRY_AFTER_CEILING, retryAfterSeconds } from '../../src/core/classify.ts';

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
const ra = (value: string, now = NOW) => retryAfterSeconds(new Headers({ 'Retry-After': value }), now);

describe('Retry-After (RFC 9110 §10.2.3)', () => {
  it('reads delta-seconds, clamped to the ceiling', () => {
    expect(ra('120')).toBe(120);
    expect(ra('99999999999999999999999')).toBe(RETRY_AFTER_CEILING);
  });

  it('reads the three HTTP date forms as UTC', () => {
    expect(ra('Thu, 15 Jan 2026 12:01:00 GMT')).toBe(60);
    expect(ra('Thursday, 15-Jan-26 12:02:00 GMT')).toBe(120);
    expect(ra('Thu Jan 15 12:00:30 2026')).toBe(30);
    expect(ra('Thu Jan  1 12:00:30 2026')).toBe(0);
  });

  it('ignores anything else', () => {
    for (const v of ['abc 2030', '1.5', '-5', '2030-01-01', 'soon', '', '0x10', 'Thu, 15 Jan 2026 12:01:00 PST'])
      expect(ra(v), v).toBeUndefined();
  });

  it('is never negative, never above the ceiling, never NaN', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.nat().map(String), fc.date({ noInvalidDate: true }).map((d) => d.toUTCString()), fc.bigInt().map(String)),
        fc.oneof(fc.string(), fc.double().map(String), fc.nat().map(String)),
        fc.integer({ min: -8.64e15, max: 8.64e15 }),
        (retryAfter, reset, now) => {
          const s = retryAfterSeconds(new Headers({ 'Retry-After': retryAfter.replace(/[\r\n\0]/g, ''), 'X-RateLimit-Reset': reset.replace(/[\r\n\0]/g, '') }), now);
          if (s === undefined) return;
          expect(Number.isInteger(s)).toBe(true);
          expect(s).toBeGreaterThanOrEqual(0);
          expect(s).toBeLessThanOrEqual(RETRY_AFTER_CEILING);
        },
      ),
    );
  });
});
