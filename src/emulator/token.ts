/**
 * `POST /oauth/token`: the password, password-realm, refresh-token and the three MFA grants
 * (reference §1.1, §1.2, §1.6–1.8).
 */
import { GRANT, MFA_SCOPES } from '../core/wire.ts';
import { bodyToken, checkClient, json, rateLimitHeaders, readBody, required, param, type Body } from './http.ts';
import type { Tenant, Transaction } from './tenant.ts';
import { HttpError } from './util.ts';

const MINUTE = 60_000;
/** Failed-code buckets: 10, one back every 6 minutes (reference §3). */
const FAIL_CAPACITY = 10;
const FAIL_REFILL_MS = 6 * MINUTE;
const TOO_MANY_FAILED = 'Too many failed codes. Wait for some minutes before retrying.';
/** The database connection `password-realm` accepts. */
export const REALM = 'Username-Password-Authentication';
const OIDC_SCOPES = ['openid', 'profile', 'email', 'offline_access'];

/** Handle `POST /oauth/token`; returns the answer and the grant type for the request log. */
export async function tokenEndpoint(tenant: Tenant, request: Request): Promise<{ response: Response; grantType?: string }> {
  const body = await readBody(request);
  const grantType = param(body, 'grant_type');
  const run = async (): Promise<Response> => {
    if (!grantType) throw new HttpError(400, 'invalid_request', 'Missing required parameter: grant_type');
    const clientId = checkClient(tenant, request, body);
    switch (grantType) {
      case GRANT.password:
      case GRANT.passwordRealm:
        return passwordGrant(tenant, body, clientId, grantType === GRANT.passwordRealm);
      case GRANT.refreshToken:
        return refreshGrant(tenant, body, clientId);
      case GRANT.mfaOtp:
        return otpGrant(tenant, body, clientId);
      case GRANT.mfaOob:
        return oobGrant(tenant, body, clientId);
      case GRANT.mfaRecoveryCode:
        return recoveryGrant(tenant, body, clientId);
      default:
        throw new HttpError(400, 'unsupported_grant_type', `Unsupported grant type: ${grantType}`);
    }
  };
  return { response: await run(), ...(grantType ? { grantType } : {}) };
}

function passwordGrant(tenant: Tenant, body: Body, clientId: string, realmGrant: boolean): Response {
  const username = required(body, 'username');
  const password = required(body, 'password');
  if (realmGrant) {
    const realm = required(body, 'realm');
    if (realm !== REALM) throw new HttpError(400, 'invalid_request', `Unknown realm: ${realm}`);
  }
  const user = tenant.users.find((u) => u.email.toLowerCase() === username.toLowerCase());
  if (!user || user.password !== password) throw new HttpError(403, 'invalid_grant', 'Wrong email or password.');
  const audience = param(body, 'audience');
  const requested = (param(body, 'scope') ?? '').split(/\s+/).filter(Boolean);
  // An API only grants the scopes it defines: the MFA API keeps OIDC scopes plus its own three.
  const allowed: readonly string[] = [...OIDC_SCOPES, ...MFA_SCOPES];
  const scope = (tenant.isMfaAudience(audience) ? requested.filter((s) => allowed.includes(s)) : requested).join(' ');
  const tx: Transaction = { userId: user.id, clientId, scope, ...(audience ? { audience } : {}) };
  tenant.sweep();
  // The MFA audience always enforces MFA; our tenant policy is "always" for other audiences too.
  // Email alone does not count as enrolled (reference §2.3).
  if (tenant.hasActiveNonEmail(user.id)) {
    throw new HttpError(403, 'mfa_required', 'Multifactor authentication required', {}, {
      mfa_token: tenant.issueMfaToken(tx),
      mfa_requirements: { challenge: tenant.challengeTypes(user.id) },
    });
  }
  return json(200, tenant.issueTokens(tx));
}

function refreshGrant(tenant: Tenant, body: Body, clientId: string): Response {
  const token = required(body, 'refresh_token');
  const tx = tenant.refreshTokens.get(token);
  if (!tx || tx.clientId !== clientId || !tenant.user(tx.userId)) {
    throw new HttpError(403, 'invalid_grant', 'Unknown or invalid refresh token.');
  }
  const original = tx.scope.split(/\s+/).filter(Boolean);
  const requested = param(body, 'scope')?.split(/\s+/).filter(Boolean);
  if (requested && requested.some((s) => !original.includes(s))) {
    throw new HttpError(403, 'invalid_scope', 'Scope must be a subset of the original scope.');
  }
  const scope = (requested ?? original).filter((s) => s !== 'offline_access').join(' ');
  // Non-rotating refresh tokens: the answer carries no new refresh_token and the old one stays valid.
  return json(200, tenant.issueTokens({ ...tx, scope }));
}

/** Counts a failed code, then answers 403 with `description`. */
interface Lock {
  fail(description: string): never;
}

/** Refuse while the failed-code bucket is empty: the lockout blocks correct codes too (reference §3). */
function checkLock(tenant: Tenant, key: string): Lock {
  const now = tenant.now();
  const bucket = tenant.bucket(key, FAIL_CAPACITY, FAIL_REFILL_MS);
  if (!bucket.available(now)) throw new HttpError(429, 'too_many_attempts', TOO_MANY_FAILED, rateLimitHeaders(bucket, now));
  return {
    fail(description: string): never {
      bucket.take(now);
      throw new HttpError(403, 'invalid_grant', description);
    },
  };
}

function otpGrant(tenant: Tenant, body: Body, clientId: string): Response {
  const tx = bodyToken(tenant, required(body, 'mfa_token'), clientId);
  const otp = required(body, 'otp').trim();
  const lock: Lock = checkLock(tenant, `otp:${tx.userId}`);
  const match = /^\d{6}$/.test(otp) ? tenant.matchTotp(tx.userId, otp) : undefined;
  if (!match) lock.fail('Invalid otp_code.');
  if (!match.active) tenant.activate(match.id);
  return json(200, tenant.issueTokens(tx));
}

function oobGrant(tenant: Tenant, body: Body, clientId: string): Response {
  const tx = bodyToken(tenant, required(body, 'mfa_token'), clientId);
  const oobCode = required(body, 'oob_code');
  const oob = tenant.oobCodes.get(oobCode);
  if (!oob) throw new HttpError(403, 'invalid_grant', 'Malformed oob_code');
  const now = tenant.now();
  if (oob.expiresAt <= now) throw new HttpError(401, 'expired_token', 'oob_code is expired');
  if (oob.userId !== tx.userId) throw new HttpError(400, 'invalid_request', "The oob_code doesn't match the mfa_token");
  const authenticator = tenant.allOf(tx.userId).find((r) => r.id === oob.authenticatorId);
  if (!authenticator) throw new HttpError(403, 'invalid_grant', 'The authenticator of this oob_code no longer exists.');

  if (oob.pushId) {
    const push = tenant.pushes.find((p) => p.id === oob.pushId);
    if (push?.status === 'rejected') {
      tenant.oobCodes.delete(oobCode);
      throw new HttpError(400, 'access_denied', 'MFA Authorization rejected.');
    }
    if (push?.status !== 'approved') {
      const tooFast = oob.lastPollAt !== undefined && now - oob.lastPollAt < tenant.options.pollInterval;
      oob.lastPollAt = now;
      if (tooFast) {
        const seconds = Math.ceil(tenant.options.pollInterval / 1000);
        throw new HttpError(400, 'slow_down', `You are polling faster than allowed. Wait at least ${seconds} seconds between requests.`);
      }
      throw new HttpError(400, 'authorization_pending', 'Authorization pending: please repeat the request in a few seconds.');
    }
  } else {
    const bindingCode = required(body, 'binding_code').trim();
    const lock: Lock = checkLock(tenant, `binding:${tx.userId}`);
    if (bindingCode !== oob.bindingCode) lock.fail('Invalid binding_code.');
  }
  tenant.oobCodes.delete(oobCode);
  if (!authenticator.active) tenant.activate(authenticator.id);
  return json(200, tenant.issueTokens(tx));
}

function recoveryGrant(tenant: Tenant, body: Body, clientId: string): Response {
  const tx = bodyToken(tenant, required(body, 'mfa_token'), clientId);
  // People type recovery codes with spaces, dashes or in lower case.
  const code = required(body, 'recovery_code').toUpperCase().replace(/[\s-]/g, '');
  const lock: Lock = checkLock(tenant, `recovery:${tx.userId}`);
  const record = tenant.recordsOf(tx.userId).find((r) => r.kind === 'recovery-code' && r.active);
  if (!record || record.code !== code) lock.fail('Invalid recovery_code.');
  record.code = tenant.newRecoveryCode();
  return json(200, tenant.issueTokens(tx, { recovery_code: record.code }));
}
