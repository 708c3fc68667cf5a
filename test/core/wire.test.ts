import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MfaError } from '../../src/core/index.ts';
import { parseAssociation, parseAuthenticatorList, parseChallenge, parseErrorBody, parseToken } from '../../src/core/wire.ts';

function invalidResponse(fn: () => unknown): MfaError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(MfaError);
    expect((error as MfaError).code).toBe('invalid_response');
    return error as MfaError;
  }
  throw new Error('expected invalid_response, nothing was thrown');
}

// A real recorded list (reference §1.3, GO-REC), shortened.
const RECORDED_LIST = [
  { id: 'sms|dev_NU1Ofuw3Cw0XCt5x', authenticator_type: 'oob', active: false, oob_channel: 'sms', name: 'XXXXXXXXX9167' },
  { id: 'recovery-code|dev_O4jpBe0lz4QkuBfL', authenticator_type: 'recovery-code', active: false },
  { id: 'push|dev_ZUla9SQ6tAIHSz6y', authenticator_type: 'oob', active: false, oob_channel: 'auth0' },
  { id: 'totp|dev_WzMZ2sZbUw1wbC2F', authenticator_type: 'otp', active: false },
  { id: 'email|dev_qmF2bwTB1Zn9wPEv', authenticator_type: 'oob', active: true, oob_channel: 'email', name: '****@exam*******' },
];

describe('parseAuthenticatorList', () => {
  it('parses the recorded list as is', () => {
    expect(parseAuthenticatorList(RECORDED_LIST)).toEqual(RECORDED_LIST);
  });

  it('accepts an empty list (nothing enrolled)', () => {
    expect(parseAuthenticatorList([])).toEqual([]);
  });

  it('reads the legacy oob_channels as a string or an array (first element)', () => {
    const list = parseAuthenticatorList([
      { id: 'sms|dev_a', authenticator_type: 'oob', active: true, oob_channels: 'sms' },
      { id: 'voice|dev_a', authenticator_type: 'oob', active: true, oob_channels: ['voice', 'sms'] },
    ]);
    expect(list.map((a) => a.oob_channel)).toEqual(['sms', 'voice']);
    expect(list[0]).not.toHaveProperty('oob_channels');
  });

  it('prefers the singular oob_channel over the legacy key', () => {
    const [item] = parseAuthenticatorList([{ id: 'x|1', authenticator_type: 'oob', active: true, oob_channel: 'email', oob_channels: ['sms'] }]);
    expect(item?.oob_channel).toBe('email');
  });

  it('infers a missing or unknown channel from the id prefix, else leaves it undefined', () => {
    const list = parseAuthenticatorList([
      { id: 'push|dev_a', authenticator_type: 'oob', active: true },
      { id: 'voice|dev_b', authenticator_type: 'oob', active: true, oob_channel: 'carrier-pigeon' },
      { id: 'webauthn|dev_c', authenticator_type: 'oob', active: true, oob_channel: 'carrier-pigeon' },
    ]);
    expect(list.map((a) => a.oob_channel)).toEqual(['auth0', 'voice', undefined]);
    expect(list[2]).not.toHaveProperty('oob_channel');
  });

  it('keeps oob_channel only on oob items', () => {
    const [item] = parseAuthenticatorList([{ id: 'totp|1', authenticator_type: 'otp', active: true, oob_channel: 'sms' }]);
    expect(item).toEqual({ id: 'totp|1', authenticator_type: 'otp', active: true });
  });

  it('keeps type when present and works without it', () => {
    const list = parseAuthenticatorList([
      { id: 'sms|a', authenticator_type: 'oob', active: true, oob_channel: 'sms', type: 'phone' },
      { id: 'sms|b', authenticator_type: 'oob', active: true, oob_channel: 'sms' },
    ]);
    expect(list[0]?.type).toBe('phone');
    expect(list[1]).not.toHaveProperty('type');
  });

  it('ignores unknown fields and drops mistyped optional ones', () => {
    const [item] = parseAuthenticatorList([
      { id: 'sms|a', authenticator_type: 'oob', active: true, oob_channel: 'sms', name: 42, type: null, created_at: '2024', extra: { deep: 1 } },
    ]);
    expect(item).toEqual({ id: 'sms|a', authenticator_type: 'oob', active: true, oob_channel: 'sms' });
  });

  it.each([
    ['not an array', { authenticators: [] }],
    ['null', null],
    ['a string (an HTML page)', '<html>Bad gateway</html>'],
    ['missing id', [{ authenticator_type: 'otp', active: true }]],
    ['empty id', [{ id: '', authenticator_type: 'otp', active: true }]],
    ['numeric id', [{ id: 7, authenticator_type: 'otp', active: true }]],
    ['unknown authenticator_type', [{ id: 'x|1', authenticator_type: 'webauthn-roaming', active: true }]],
    ['missing authenticator_type', [{ id: 'x|1', active: true }]],
    ['active as a string', [{ id: 'x|1', authenticator_type: 'otp', active: 'true' }]],
    ['missing active', [{ id: 'x|1', authenticator_type: 'otp' }]],
    ['one malformed item among good ones', [...RECORDED_LIST, { id: 'x|1' }]],
    ['a null item', [null]],
  ])('rejects %s as invalid_response', (_name, value) => {
    const error = invalidResponse(() => parseAuthenticatorList(value, { operation: 'list', status: 200 }));
    expect(error.operation).toBe('list');
    expect(error.status).toBe(200);
  });
});

describe('parseAssociation', () => {
  it('parses the recorded otp answer, recovery code included', () => {
    const value = { authenticator_type: 'otp', secret: 'HJ6XM2DNERXDAVCUONGWKRTCMNTU6VDF', barcode_uri: 'otpauth://totp/x?secret=y', recovery_codes: ['MZCRK3YX5V3AKNNYY6JEBQCL'] };
    expect(parseAssociation(value)).toEqual(value);
  });

  it('parses the recorded sms answer', () => {
    const value = { authenticator_type: 'oob', binding_method: 'prompt', recovery_codes: ['MZCRK3YX5V3AKNNYY6JEBQCL'], oob_channel: 'sms', oob_code: 'Fe26.2*SERVER_1' };
    expect(parseAssociation(value)).toEqual(value);
  });

  it('parses the recorded push answer (no binding_method)', () => {
    const value = { authenticator_type: 'oob', barcode_uri: 'otpauth://totp/t:u?enrollment_tx_id=1', oob_channel: 'auth0', oob_code: 'Fe26.2*x' };
    expect(parseAssociation(value)).toEqual(value);
  });

  it('reads the documented oob_channels, then falls back to the requested channel', () => {
    expect(parseAssociation({ authenticator_type: 'oob', oob_channels: ['voice'], oob_code: 'c' })).toMatchObject({ oob_channel: 'voice' });
    expect(parseAssociation({ authenticator_type: 'oob', oob_channels: 'email', oob_code: 'c' })).toMatchObject({ oob_channel: 'email' });
    expect(parseAssociation({ authenticator_type: 'oob', oob_code: 'c' }, { operation: 'associate' }, 'sms')).toMatchObject({ oob_channel: 'sms' });
  });

  it('tolerates a recovery code sent as a bare string or under the singular key', () => {
    expect(parseAssociation({ authenticator_type: 'otp', secret: 's', barcode_uri: 'b', recovery_codes: 'ABC' }).recovery_codes).toEqual(['ABC']);
    expect(parseAssociation({ authenticator_type: 'otp', secret: 's', barcode_uri: 'b', recovery_code: 'ABC' }).recovery_codes).toEqual(['ABC']);
    expect(parseAssociation({ authenticator_type: 'otp', secret: 's', barcode_uri: 'b', recovery_codes: [] })).not.toHaveProperty('recovery_codes');
  });

  it('ignores id and name (unconfirmed fields)', () => {
    expect(parseAssociation({ authenticator_type: 'otp', secret: 's', barcode_uri: 'b', id: 'totp|1', name: 'n' })).toEqual({ authenticator_type: 'otp', secret: 's', barcode_uri: 'b' });
  });

  it.each([
    ['an empty object', {}],
    ['an array', []],
    ['otp without secret', { authenticator_type: 'otp', barcode_uri: 'b' }],
    ['otp without barcode_uri', { authenticator_type: 'otp', secret: 's' }],
    ['oob without oob_code', { authenticator_type: 'oob', oob_channel: 'sms' }],
    ['oob with no channel and none requested', { authenticator_type: 'oob', oob_code: 'c' }],
    ['an unknown authenticator_type', { authenticator_type: 'webauthn', oob_code: 'c' }],
  ])('rejects %s', (_name, value) => {
    invalidResponse(() => parseAssociation(value));
  });
});

describe('parseChallenge', () => {
  it('parses otp, sms and push answers', () => {
    expect(parseChallenge({ challenge_type: 'otp' })).toEqual({ challenge_type: 'otp' });
    expect(parseChallenge({ challenge_type: 'oob', oob_code: 'c', binding_method: 'prompt' })).toEqual({ challenge_type: 'oob', oob_code: 'c', binding_method: 'prompt' });
    expect(parseChallenge({ challenge_type: 'oob', oob_code: 'c', expires_in: 300, interval: 5 })).toEqual({ challenge_type: 'oob', oob_code: 'c' });
  });

  it.each([
    ['oob without oob_code', { challenge_type: 'oob' }],
    ['an unknown challenge_type', { challenge_type: 'otp oob' }],
    ['no challenge_type', { oob_code: 'c' }],
    ['a string', 'ok'],
  ])('rejects %s', (_name, value) => {
    invalidResponse(() => parseChallenge(value));
  });
});

describe('parseToken', () => {
  it('parses the recorded recovery-code answer', () => {
    const value = { access_token: 'at', expires_in: 86400, scope: 'openid profile', token_type: 'Bearer', recovery_code: '17EQHNZC2SZDYG7X4QXVX9SW' };
    expect(parseToken(value)).toEqual(value);
  });

  it('defaults token_type to Bearer', () => {
    expect(parseToken({ access_token: 'at', expires_in: 600 }).token_type).toBe('Bearer');
  });

  it.each([
    ['no access_token', { expires_in: 600, token_type: 'Bearer' }],
    ['expires_in as a string', { access_token: 'a', expires_in: '600' }],
    ['negative expires_in', { access_token: 'a', expires_in: -1 }],
    ['an empty body', undefined],
  ])('rejects %s', (_name, value) => {
    invalidResponse(() => parseToken(value, { operation: 'verify-otp' }));
  });
});

describe('parseErrorBody', () => {
  it('reads the OAuth shape with mfa_token and mfa_requirements', () => {
    expect(
      parseErrorBody({
        error: 'mfa_required',
        error_description: 'Multifactor authentication required',
        mfa_token: 'Fe26.2*x',
        mfa_requirements: { challenge: [{ type: 'otp' }, { nope: 1 }], enroll: 'bad' },
      }),
    ).toEqual({ error: 'mfa_required', error_description: 'Multifactor authentication required', mfa_token: 'Fe26.2*x', mfa_requirements: { challenge: [{ type: 'otp' }] } });
  });

  it('reads the Boom shape, errorCode first', () => {
    expect(parseErrorBody({ statusCode: 401, error: 'Unauthorized', message: 'Expired token', errorCode: 'invalid_token' })).toEqual({ error: 'invalid_token', error_description: 'Expired token' });
  });

  it('returns undefined without an error code', () => {
    expect(parseErrorBody('<html/>')).toBeUndefined();
    expect(parseErrorBody({ message: 'x' })).toBeUndefined();
    expect(parseErrorBody(null)).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------------------------
// Property: whatever arrives, a parser returns data of the documented shape or throws
// MfaError('invalid_response') — never a TypeError, never anything else.
// ---------------------------------------------------------------------------------------------

const PARSERS = {
  list: (v: unknown) => parseAuthenticatorList(v),
  association: (v: unknown) => parseAssociation(v),
  associationSms: (v: unknown) => parseAssociation(v, { operation: 'associate' }, 'sms'),
  challenge: (v: unknown) => parseChallenge(v),
  token: (v: unknown) => parseToken(v),
} as const;

function outcome(parse: (v: unknown) => unknown, value: unknown): 'ok' | 'invalid' {
  try {
    parse(value);
    return 'ok';
  } catch (error) {
    if (error instanceof MfaError && error.code === 'invalid_response') return 'invalid';
    throw error;
  }
}

const VALID_SAMPLES: Record<keyof typeof PARSERS, unknown> = {
  list: RECORDED_LIST,
  association: { authenticator_type: 'oob', binding_method: 'prompt', recovery_codes: ['MZCRK3YX5V3AKNNYY6JEBQCL'], oob_channel: 'sms', oob_code: 'Fe26.2*x' },
  associationSms: { authenticator_type: 'otp', secret: 'S', barcode_uri: 'otpauth://x', recovery_codes: ['R'] },
  challenge: { challenge_type: 'oob', oob_code: 'c', binding_method: 'prompt' },
  token: { access_token: 'a', token_type: 'Bearer', expires_in: 600, scope: 's', recovery_code: 'r' },
};

const anyJson = fc.jsonValue();
const fieldValue = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom('otp', 'oob', 'recovery-code', 'sms', 'voice', 'auth0', 'email', 'prompt', '', 'Bearer'),
  fc.constantFrom(undefined, null, true, false, 0, -1, Number.NaN, Infinity),
  fc.array(fc.constantFrom('sms', 'voice', 'auth0', 'email', 7, null)),
);

/** Mutate a JSON value: replace, delete or add a field at some depth, or replace the whole. */
function mutated(sample: unknown): fc.Arbitrary<unknown> {
  const keys = fc.constantFrom('id', 'authenticator_type', 'active', 'oob_channel', 'oob_channels', 'name', 'type', 'secret', 'barcode_uri', 'oob_code', 'binding_method', 'recovery_codes', 'challenge_type', 'access_token', 'expires_in', 'token_type', 'scope', 'recovery_code', '__proto__', 'constructor');
  const mutateRecord = (record: Record<string, unknown>) =>
    fc.tuple(keys, fieldValue, fc.boolean()).map(([key, value, remove]) => {
      const copy: Record<string, unknown> = { ...record };
      if (remove) delete copy[key];
      else Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true });
      return copy;
    });
  if (Array.isArray(sample)) {
    return fc.tuple(fc.nat({ max: sample.length }), fc.boolean()).chain(([index, drop]) => {
      const item = sample[index];
      if (drop || typeof item !== 'object' || item === null) return fc.constant(sample.filter((_, i) => i !== index));
      return mutateRecord(item as Record<string, unknown>).map((next) => sample.map((v, i) => (i === index ? next : v)));
    });
  }
  if (typeof sample === 'object' && sample !== null) return mutateRecord(sample as Record<string, unknown>);
  return anyJson;
}

describe('parsers never throw anything but invalid_response (fast-check)', () => {
  for (const [name, parse] of Object.entries(PARSERS)) {
    it(`${name}: random JSON values`, () => {
      fc.assert(fc.property(anyJson, (value) => { outcome(parse, value); }), { numRuns: 500 });
    });

    it(`${name}: random strings and JSON text`, () => {
      fc.assert(
        fc.property(fc.oneof(fc.string(), fc.json()), (text) => { outcome(parse, text); }),
        { numRuns: 300 },
      );
    });

    it(`${name}: mutated valid answers (repeatedly)`, () => {
      const sample = VALID_SAMPLES[name as keyof typeof PARSERS];
      expect(outcome(parse, sample)).toBe('ok');
      const twice = mutated(sample).chain((once) => mutated(once));
      fc.assert(fc.property(twice, (value) => { outcome(parse, value); }), { numRuns: 1000 });
    });
  }

  it('a parsed list item always has the documented shape', () => {
    const item = fc.record(
      {
        id: fc.oneof(fc.string(), fc.constant('sms|dev_x')),
        authenticator_type: fc.constantFrom('otp', 'oob', 'recovery-code', 'x'),
        active: fc.oneof(fc.boolean(), fc.jsonValue()),
        oob_channel: fieldValue,
        oob_channels: fieldValue,
        name: fieldValue,
        type: fieldValue,
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.array(item, { maxLength: 4 }), (list) => {
        let parsed;
        try {
          parsed = parseAuthenticatorList(list);
        } catch (error) {
          expect(error instanceof MfaError && error.code === 'invalid_response').toBe(true);
          return;
        }
        for (const a of parsed) {
          expect(typeof a.id === 'string' && a.id !== '').toBe(true);
          expect(['otp', 'oob', 'recovery-code']).toContain(a.authenticator_type);
          expect(typeof a.active).toBe('boolean');
          if (a.oob_channel !== undefined) {
            expect(a.authenticator_type).toBe('oob');
            expect(['sms', 'voice', 'auth0', 'email']).toContain(a.oob_channel);
          }
          if ('name' in a) expect(typeof a.name).toBe('string');
          if ('type' in a) expect(typeof a.type).toBe('string');
        }
      }),
      { numRuns: 1000 },
    );
  });
});
