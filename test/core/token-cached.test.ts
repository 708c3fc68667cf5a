import { describe, expect, it } from 'vitest';
import {
  MfaError,
  createCachedProvider,
  createStaticTokenProvider,
  credentialFromToken,
  type Credential,
  type TokenContext,
  type TokenGrants,
  type TokenStatus,
} from '../../src/core/index.ts';
// Internal units (the JWT and scope helpers), tested directly.
import { decodeJwtPayload, hasScope, parseScopes, scopesFromJwt } from '../../src/core/token/scopes.ts';

const notCalled = (): never => {
  throw new Error('grant not expected');
};
const grants: TokenGrants = {
  audience: 'https://t.example/mfa/',
  passwordGrant: notCalled,
  refreshGrant: notCalled,
  verifyOtp: notCalled,
  verifyOob: notCalled,
  verifyRecoveryCode: notCalled,
  challenge: notCalled,
};

function b64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}
function jwt(payload: object): string {
  return `${b64url({ alg: 'RS256', typ: 'JWT' })}.${b64url(payload)}.sig`;
}

function setup(options: { renewBefore?: number; fail?: () => MfaError | undefined } = {}) {
  let time = 1_000_000;
  const clock = { now: () => time, advance: (ms: number) => (time += ms) };
  let calls = 0;
  const provider = createCachedProvider(
    async () => {
      calls += 1;
      await new Promise((r) => setTimeout(r, 5));
      const failure = options.fail?.();
      if (failure) throw failure;
      const credential: Credential = { kind: 'access-token', token: `token-${calls}`, scopes: ['read:authenticators'], expiresAt: clock.now() + 600_000 };
      return credential;
    },
    { renewBefore: options.renewBefore },
  );
  const statuses: TokenStatus[] = [];
  provider.subscribe(() => statuses.push(provider.getState().status));
  const ctx = (extra: Partial<TokenContext> = {}): TokenContext => ({ grants, now: clock.now, ...extra });
  return { provider, clock, ctx, statuses, calls: () => calls };
}

describe('scopes', () => {
  it('keeps only MFA scopes, in a stable order', () => {
    expect(parseScopes('openid remove:authenticators profile enroll')).toEqual(['enroll', 'remove:authenticators']);
    expect(parseScopes(undefined)).toEqual([]);
  });

  it('reads the scope claim of a JWT and tolerates tokens that are not JWTs', () => {
    expect(scopesFromJwt(jwt({ scope: 'enroll read:authenticators offline_access' }))).toEqual(['enroll', 'read:authenticators']);
    expect(scopesFromJwt(jwt({ scp: ['remove:authenticators'] }))).toEqual(['remove:authenticators']);
    expect(scopesFromJwt('Fe26.2**abc*def')).toBeUndefined();
    expect(scopesFromJwt('a.b.c')).toBeUndefined();
    expect(decodeJwtPayload(jwt({ name: 'Zoë' }))).toEqual({ name: 'Zoë' });
  });

  it('builds a credential from a token answer: scope, else the JWT claim, else what was asked', () => {
    const token = jwt({ scope: 'read:authenticators' });
    expect(credentialFromToken({ access_token: token, token_type: 'Bearer', expires_in: 600, scope: 'enroll' }, 0)).toEqual({
      kind: 'access-token',
      token,
      scopes: ['enroll'],
      expiresAt: 600_000,
    });
    expect(credentialFromToken({ access_token: token, token_type: 'Bearer', expires_in: 600 }, 0).scopes).toEqual(['read:authenticators']);
    expect(credentialFromToken({ access_token: 'opaque', token_type: 'Bearer', expires_in: 600 }, 0, ['enroll']).scopes).toEqual(['enroll']);
    expect(hasScope({ kind: 'mfa-token', token: 'x', expiresAt: 1 }, 'read:authenticators')).toBe(false);
  });
});

describe('createCachedProvider', () => {
  it('caches, then renews ahead of expiry (less than 60 s left)', async () => {
    const { provider, clock, ctx, calls } = setup();
    const first = await provider.getCredential(ctx());
    expect(first.token).toBe('token-1');
    clock.advance(500_000);
    expect((await provider.getCredential(ctx())).token).toBe('token-1');
    expect(calls()).toBe(1);
    clock.advance(41_000); // 59 s left
    expect((await provider.getCredential(ctx())).token).toBe('token-2');
    expect(calls()).toBe(2);
  });

  it('honours renewBefore', async () => {
    const { provider, clock, ctx, calls } = setup({ renewBefore: 300_000 });
    await provider.getCredential(ctx());
    clock.advance(301_000);
    expect((await provider.getCredential(ctx())).token).toBe('token-2');
    expect(calls()).toBe(2);
  });

  it('shares one renewal among concurrent callers', async () => {
    const { provider, ctx, calls } = setup();
    const all = await Promise.all(Array.from({ length: 10 }, () => provider.getCredential(ctx())));
    expect(calls()).toBe(1);
    expect(new Set(all.map((c) => c.token))).toEqual(new Set(['token-1']));
  });

  it('reports idle → loading → ready → renewing → ready', async () => {
    const { provider, clock, ctx, statuses } = setup();
    expect(provider.getState().status).toBe('idle');
    await provider.getCredential(ctx());
    clock.advance(590_000);
    await provider.getCredential(ctx());
    expect(statuses).toEqual(['loading', 'ready', 'renewing', 'ready']);
    expect(provider.getState().credential?.token).toBe('token-2');
  });

  it('renews after invalidate, and forceRenew ignores the cache', async () => {
    const { provider, ctx, calls } = setup();
    const first = await provider.getCredential(ctx());
    provider.invalidate('not-this-one');
    expect((await provider.getCredential(ctx())).token).toBe(first.token);
    provider.invalidate(first.token);
    expect(provider.getState().credential).toBeUndefined();
    expect((await provider.getCredential(ctx())).token).toBe('token-2');
    expect((await provider.getCredential(ctx({ forceRenew: true }))).token).toBe('token-3');
    expect(calls()).toBe(3);
  });

  it('keeps serving the old credential when a renewal fails, reports the error, and never serves it expired', async () => {
    let failing = false;
    const { provider, clock, ctx } = setup({ fail: () => (failing ? new MfaError('network', 'token') : undefined) });
    await provider.getCredential(ctx());
    failing = true;
    clock.advance(570_000);
    expect((await provider.getCredential(ctx())).token).toBe('token-1');
    expect(provider.getState()).toMatchObject({ status: 'error', credential: { token: 'token-1' }, error: { code: 'network' } });
    clock.advance(30_000); // expired now
    await expect(provider.getCredential(ctx())).rejects.toMatchObject({ code: 'network' });
    expect(provider.getState().credential).toBeUndefined();
    failing = false;
    expect((await provider.getCredential(ctx())).token).toMatch(/^token-/);
    expect(provider.getState().status).toBe('ready');
  });

  it('stops retrying silently after an interaction-required renewal until the credential expires', async () => {
    let failing = false;
    const { provider, clock, ctx, calls } = setup({ fail: () => (failing ? new MfaError('interaction_required', 'token') : undefined) });
    await provider.getCredential(ctx());
    failing = true;
    clock.advance(570_000);
    await provider.getCredential(ctx());
    await provider.getCredential(ctx());
    expect(calls()).toBe(2);
    expect(provider.getState().status).toBe('interaction-required');
  });

  it('wraps unknown failures in MfaError', async () => {
    const provider = createCachedProvider(async () => {
      throw new Error('boom');
    });
    await expect(provider.getCredential({ grants, now: Date.now })).rejects.toMatchObject({ name: 'MfaError', code: 'unknown', operation: 'token' });
    expect(provider.getState().status).toBe('error');
  });

  it('a caller that aborts gets aborted; the shared renewal continues for the others', async () => {
    const { provider, ctx, calls } = setup();
    const controller = new AbortController();
    const abandoned = provider.getCredential(ctx({ signal: controller.signal }));
    const kept = provider.getCredential(ctx());
    controller.abort();
    await expect(abandoned).rejects.toMatchObject({ code: 'aborted' });
    expect((await kept).token).toBe('token-1');
    expect(calls()).toBe(1);
  });

  it('keeps a valid access token when a renewal only yields a raw mfa_token', async () => {
    let time = 0;
    let n = 0;
    const provider = createCachedProvider(async (): Promise<Credential> => {
      n += 1;
      return n === 1 ? { kind: 'access-token', token: 'at', scopes: ['remove:authenticators'], expiresAt: time + 600_000 } : { kind: 'mfa-token', token: `mt-${n}`, expiresAt: time + 600_000 };
    });
    const ctx = { grants, now: () => time };
    await provider.getCredential(ctx);
    time = 560_000;
    expect((await provider.getCredential(ctx)).token).toBe('at');
    expect((await provider.getCredential(ctx)).token).toBe('at');
    expect(n).toBe(2);
    time = 600_000;
    expect((await provider.getCredential(ctx)).token).toBe('mt-2');
    expect(provider.getState().credential?.kind).toBe('mfa-token');
  });
});

describe('createStaticTokenProvider', () => {
  it('serves the token with scopes from the JWT until it expires', async () => {
    let time = 5_000;
    const token = jwt({ scope: 'read:authenticators enroll' });
    const provider = createStaticTokenProvider({ accessToken: token, expiresIn: 60 }, { now: () => time });
    expect(provider.getState()).toMatchObject({ status: 'ready', credential: { kind: 'access-token', scopes: ['enroll', 'read:authenticators'], expiresAt: 65_000 } });
    expect((await provider.getCredential({ grants, now: () => time })).token).toBe(token);
    time = 65_000;
    await expect(provider.getCredential({ grants, now: () => time })).rejects.toMatchObject({ code: 'expired_token', operation: 'token' });
    expect(provider.getState().status).toBe('error');
    provider.set({ mfaToken: 'Fe26.2**x', expiresIn: 600 });
    expect(await provider.getCredential({ grants, now: () => time })).toEqual({ kind: 'mfa-token', token: 'Fe26.2**x', expiresAt: 665_000 });
  });

  it('refuses a token the server rejected', async () => {
    const provider = createStaticTokenProvider({ kind: 'access-token', token: 'at', scopes: [], expiresAt: Date.now() + 60_000 });
    provider.invalidate('at');
    await expect(provider.getCredential({ grants, now: Date.now, forceRenew: true })).rejects.toMatchObject({ code: 'invalid_token' });
  });
});

describe('abandoned renewals', () => {
  it('a caller arriving after every waiter aborted starts a new renewal instead of joining the dead one', async () => {
    let calls = 0;
    // Like fetch: the acquisition rejects with a DOM AbortError once its signal aborts.
    const provider = createCachedProvider(async ({ signal, now }) => {
      calls += 1;
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, 20);
        signal?.addEventListener('abort', () => {
          clearTimeout(timer);
          setTimeout(() => reject(new DOMException('aborted', 'AbortError')), 5);
        });
      });
      return { kind: 'access-token', token: `token-${calls}`, scopes: ['read:authenticators'], expiresAt: now() + 600_000 };
    });
    const ctx = (signal?: AbortSignal): TokenContext => ({ grants, now: () => 1_000_000, ...(signal ? { signal } : {}) });
    const a = new AbortController();
    const first = provider.getCredential(ctx(a.signal));
    a.abort();
    await expect(first).rejects.toMatchObject({ code: 'aborted' });
    // Arrives while the aborted acquisition is still settling: must get a credential of its own.
    const second = await provider.getCredential(ctx());
    expect(second).toMatchObject({ kind: 'access-token', token: 'token-2' });
    expect(provider.getState().status).toBe('ready');
  });
});
