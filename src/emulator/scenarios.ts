/**
 * Seed scenarios: one user (`user-1`) in a known state. Ids, secrets and recovery codes come from
 * a PRNG seeded by the scenario name, so stories and snapshots see the same values after each reset.
 */
import type { ScenarioName } from './types.ts';
import { SEED_USER, type AuthenticatorKind, type AuthenticatorRecord, type Tenant } from './tenant.ts';
import { deviceSuffix, seededBytes } from './util.ts';

/** All scenario names, in a stable order (for pickers). */
export const SCENARIOS: readonly ScenarioName[] = [
  'new-user', 'otp-only', 'sms-voice', 'push-otp', 'email-only', 'pending', 'every-factor', 'list-only',
];

/** Is `value` a scenario name? */
export function isScenarioName(value: unknown): value is ScenarioName {
  return typeof value === 'string' && (SCENARIOS as readonly string[]).includes(value);
}

const DAY = 86_400_000;

/** Wipe the tenant and seed `name`. */
export function seedScenario(tenant: Tenant, name: ScenarioName): void {
  tenant.clear();
  tenant.scenario = name;
  const bytes = seededBytes(name);
  const now = tenant.now();
  // Only these scenarios list the auto-enrolled verified email; elsewhere the email is unverified
  // (so the list matches the scenario's description) but the email factor stays enrollable.
  const user = tenant.addUser({ ...SEED_USER, emailVerified: name === 'email-only' || name === 'every-factor' }, bytes);
  if (name === 'new-user') tenant.factors.delete('email');

  const add = (kind: AuthenticatorKind, ageDays: number, extra: Partial<AuthenticatorRecord> = {}, suffix = deviceSuffix(bytes)) =>
    tenant.addRecord({ id: `${kind}|${suffix}`, userId: user.id, kind, active: true, createdAt: now - ageDays * DAY, ...extra });
  const otp = (ageDays: number, extra: Partial<AuthenticatorRecord> = {}) => add('totp', ageDays, { secret: tenant.newSecret(bytes), ...extra });
  const phonePair = (ageDays: number) => {
    const suffix = deviceSuffix(bytes);
    add('sms', ageDays, { phone: SEED_USER.phone, pairId: `voice|${suffix}` }, suffix);
    add('voice', ageDays, { phone: SEED_USER.phone, pairId: `sms|${suffix}` }, suffix);
  };
  const pushPair = (ageDays: number) => {
    const push = add('push', ageDays, { deviceName: 'Pixel 8' });
    const twin = otp(ageDays, { pairId: push.id });
    push.pairId = twin.id;
  };
  const recovery = () => add('recovery-code', 30, { code: tenant.newRecoveryCode(bytes) });

  switch (name) {
    case 'new-user':
    case 'email-only':
      break;
    case 'otp-only':
    case 'list-only':
      otp(30);
      recovery();
      break;
    case 'sms-voice':
      phonePair(30);
      recovery();
      break;
    case 'push-otp':
      pushPair(30);
      recovery();
      break;
    case 'pending':
      otp(30);
      recovery();
      // Two abandoned enrollments from an hour ago: they expire 23 hours later.
      otp(1 / 24, { active: false });
      otp(1 / 48, { active: false });
      break;
    case 'every-factor':
      otp(60);
      phonePair(45);
      pushPair(30);
      add('email', 20, { email: 'ada.lovelace@work.example' });
      recovery();
      break;
  }
}
