import { describe, expect, it } from 'vitest';
import { buildModel, factorOf, removalOf, withoutRemoved } from '../../src/core/model.ts';
import type { WireAuthenticator } from '../../src/core/index.ts';

const totp = (id: string, active = true): WireAuthenticator => ({ id: `totp|${id}`, authenticator_type: 'otp', active });
const oob = (prefix: string, channel: WireAuthenticator['oob_channel'], id: string, active = true, name?: string): WireAuthenticator => ({
  id: `${prefix}|${id}`,
  authenticator_type: 'oob',
  oob_channel: channel,
  active,
  ...(name ? { name } : {}),
});
const sms = (id: string, active = true) => oob('sms', 'sms', id, active, 'XXXXXXXXX9167');
const voice = (id: string, active = true) => oob('voice', 'voice', id, active, 'XXXXXXXXX9167');
const push = (id: string, active = true) => oob('push', 'auth0', id, active, 'Pixel 8');
const email = (id: string, active = true) => oob('email', 'email', id, active, '****@exam*******');
const rc: WireAuthenticator = { id: 'recovery-code|dev_r', authenticator_type: 'recovery-code', active: true };

describe('factorOf', () => {
  it('reads the channel, then the id prefix, then the type field', () => {
    expect(factorOf(sms('dev_a'))).toBe('sms');
    expect(factorOf(push('dev_a'))).toBe('push');
    expect(factorOf({ id: 'voice|dev_a', authenticator_type: 'oob', active: true })).toBe('voice');
    expect(factorOf({ id: 'x|dev_a', authenticator_type: 'oob', active: true, type: 'push-notification' })).toBe('push');
    // `phone` cannot tell sms from voice: never claim more than is known.
    expect(factorOf({ id: 'x|dev_a', authenticator_type: 'oob', active: true, type: 'phone' })).toBe('unknown');
    expect(factorOf(totp('dev_a'))).toBe('otp');
    expect(factorOf(rc)).toBe('recovery-code');
  });
});

describe('buildModel', () => {
  it('folds SMS and voice with the same suffix into one phone entry', () => {
    const model = buildModel([sms('dev_P'), voice('dev_P'), rc]);
    expect(model.entries).toHaveLength(1);
    const [phone] = model.entries;
    expect(phone?.kind).toBe('phone');
    expect(phone?.members.map((m) => m.id)).toEqual(['sms|dev_P', 'voice|dev_P']);
    expect(phone?.pair).toEqual({ kind: 'sms-voice', certainty: 'certain' });
    expect(phone?.primary.phoneLast4).toBe('9167');
    expect(model.recoveryCode?.id).toBe(rc.id);
    expect(model.hasSecondFactor).toBe(true);
  });

  it('keeps SMS and voice on different phones apart', () => {
    const model = buildModel([sms('dev_A'), voice('dev_B')]);
    expect(model.entries.map((e) => e.kind).sort()).toEqual(['sms', 'voice']);
  });

  it('folds one push with the only OTP, and refuses to guess among several OTPs', () => {
    const one = buildModel([push('dev_1'), totp('dev_2')]);
    expect(one.entries).toHaveLength(1);
    expect(one.entries[0]?.pair).toEqual({ kind: 'push-otp', certainty: 'certain' });

    const two = buildModel([push('dev_1'), totp('dev_2'), totp('dev_3')]);
    expect(two.entries).toHaveLength(3);
    expect(two.entries.find((e) => e.kind === 'push')?.pair?.certainty).toBe('unknown-twin');
    expect(two.entries.filter((e) => e.kind === 'otp').every((e) => e.pair?.certainty === 'unknown-twin')).toBe(true);
  });

  it('puts pending enrollments apart, folded the same way', () => {
    const model = buildModel([totp('dev_a'), sms('dev_p', false), voice('dev_p', false), totp('dev_b', false)]);
    expect(model.entries.map((e) => e.key)).toEqual(['totp|dev_a']);
    expect(model.pending.map((e) => e.kind).sort()).toEqual(['otp', 'phone']);
    expect(model.pending.every((e) => e.pending && e.removable)).toBe(true);
  });

  it('marks active emails not removable unless known to be explicitly enrolled', () => {
    const list = [email('dev_v'), email('dev_e')];
    const model = buildModel(list, { removableEmailIds: ['email|dev_e'] });
    const byId = Object.fromEntries(model.entries.map((e) => [e.key, e]));
    expect(byId['email|dev_v']).toMatchObject({ removable: false, notRemovableReason: 'verified-email' });
    expect(byId['email|dev_e']).toMatchObject({ removable: true, notRemovableReason: undefined });
    expect(model.hasSecondFactor).toBe(false);
  });

  it('handles an empty list', () => {
    expect(buildModel([])).toMatchObject({ entries: [], pending: [], recoveryCode: undefined, hasSecondFactor: false });
  });
});

describe('removalOf', () => {
  it('removes the voice twin with SMS, and warns when nothing else is left', () => {
    const list = [sms('dev_P'), voice('dev_P'), email('dev_v'), rc];
    const removal = removalOf(list, 'voice|dev_P');
    expect(removal?.removes.map((a) => a.id)).toEqual(['voice|dev_P', 'sms|dev_P']);
    expect(removal?.leavesNoSecondFactor).toBe(true);
    expect(withoutRemoved(list, 'sms|dev_P').map((a) => a.id)).toEqual(['email|dev_v', rc.id]);
  });

  it('does not warn when another second factor remains', () => {
    const removal = removalOf([sms('dev_P'), voice('dev_P'), totp('dev_o')], 'sms|dev_P');
    expect(removal?.leavesNoSecondFactor).toBe(false);
  });

  it('says a push removal may take an OTP when it cannot tell which', () => {
    const list = [push('dev_1'), totp('dev_2'), totp('dev_3')];
    const removal = removalOf(list, 'push|dev_1');
    expect(removal?.removes.map((a) => a.id)).toEqual(['push|dev_1']);
    expect(removal?.mayAlsoRemove.map((a) => a.id)).toEqual(['totp|dev_2', 'totp|dev_3']);
    // Optimistic updates keep what only may go.
    expect(withoutRemoved(list, 'push|dev_1')).toHaveLength(2);
  });

  it('removes the push with its only OTP, either way round', () => {
    const list = [push('dev_1'), totp('dev_2')];
    expect(removalOf(list, 'totp|dev_2')?.removes.map((a) => a.id)).toEqual(['totp|dev_2', 'push|dev_1']);
    expect(withoutRemoved(list, 'push|dev_1')).toEqual([]);
  });

  it('never pairs a pending authenticator with an active one', () => {
    const list = [sms('dev_P'), voice('dev_P', false)];
    expect(removalOf(list, 'sms|dev_P')?.removes.map((a) => a.id)).toEqual(['sms|dev_P']);
  });

  it('returns undefined for an unknown id', () => {
    expect(removalOf([], 'nope')).toBeUndefined();
  });
});

describe('account email', () => {
  it('maskFits compares only the characters Auth0 leaves visible', async () => {
    const { maskFits } = await import('../../src/core/model.ts');
    expect(maskFits('****@exam*******', 'ada@example.com')).toBe(true);
    expect(maskFits('****@exam*******', 'ada.lovelace@work.example')).toBe(false);
    expect(maskFits('****@WORK********', 'ada.lovelace@work.example')).toBe(true);
  });

  it('treats emails that do not fit the account email as explicitly enrolled (removable)', () => {
    const list = [email('dev_v'), { ...email('dev_w'), name: '****@work********' }];
    const model = buildModel(list, { accountEmail: 'ada@example.com' });
    const byId = Object.fromEntries(model.entries.map((e) => [e.key, e.removable]));
    expect(byId).toEqual({ 'email|dev_v': false, 'email|dev_w': true });
  });
});
