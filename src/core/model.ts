/**
 * The authenticator model: turns the wire list into what a UI needs — the factor of each
 * authenticator, pending vs active, pairs folded into one entry, what can be removed, and what a
 * removal takes with it. Pure functions over `WireAuthenticator[]`; no I/O, no React.
 *
 * Auth0's rules it encodes (reference §1.9, §2.1, §2.2):
 * - SMS and voice for one phone share the `dev_` suffix and are created and deleted together.
 * - Push creates a paired OTP with a *different* suffix; deleting either deletes both. The API does
 *   not say which OTP belongs to which push, so the model only folds them when the evidence is
 *   conclusive, and otherwise says "may also remove".
 * - Verified emails are listed automatically and cannot be removed; only explicitly enrolled emails
 *   can, and the wire format does not tell them apart — the caller says which ids it knows to be
 *   explicit (e.g. enrolled in this session).
 * - `active: false` means enrolled but never confirmed: pending.
 */
import type { WireAuthenticator } from './wire.ts';

/** The kind of an authenticator. `unknown` for an `oob` item whose channel cannot be told. */
export type Factor = 'otp' | 'sms' | 'voice' | 'email' | 'push' | 'recovery-code' | 'unknown';

/** Why an authenticator cannot be removed. */
export type NotRemovableReason = 'verified-email' | 'recovery-code';

/** One authenticator, as a UI sees it. */
export interface Authenticator {
  /** The wire id, e.g. `sms|dev_WNScJzYAmuV1enCR`. */
  id: string;
  factor: Factor;
  /** `false`: enrolled but never confirmed. */
  active: boolean;
  /** Masked phone, masked email or push device name, verbatim from Auth0. Plain text, never HTML. */
  name: string | undefined;
  /** Last digits of the phone number, for sms / voice (from the masked name). */
  phoneLast4: string | undefined;
  /** The item as it came from the API (normalised). */
  wire: WireAuthenticator;
}

/** How two authenticators are paired. */
export type PairKind = 'sms-voice' | 'push-otp';

/** One row of an authenticator list: a single authenticator, or a pair folded together. */
export interface AuthenticatorEntry {
  /** Stable key: the primary authenticator's id. */
  key: string;
  /** The row's kind: `phone` is SMS and voice on one number. */
  kind: 'otp' | 'sms' | 'voice' | 'phone' | 'email' | 'push' | 'recovery-code' | 'unknown';
  /** The authenticator that names the row (SMS of a phone pair, push of a push pair). */
  primary: Authenticator;
  /** Every authenticator the row stands for (primary first). */
  members: readonly Authenticator[];
  /** Pending (unconfirmed) entry. */
  pending: boolean;
  /** Pairing, when there is one. */
  pair: PairInfo | undefined;
  /** Whether the row offers removal. */
  removable: boolean;
  /** Why not, when `removable` is false. */
  notRemovableReason: NotRemovableReason | undefined;
}

/** What is known about a row's pair. */
export interface PairInfo {
  kind: PairKind;
  /**
   * `certain`: the twin is known and listed in `members`.
   * `unknown-twin`: a twin exists (push always has an OTP) but which listed OTP it is cannot be told;
   * on an OTP row: this OTP *may* be a push's twin.
   */
  certainty: 'certain' | 'unknown-twin';
}

/** The whole list, ready for a UI. */
export interface AuthenticatorModel {
  /** Active authenticators, pairs folded, in a stable display order. */
  entries: AuthenticatorEntry[];
  /** Pending (unconfirmed) enrollments, pairs folded. */
  pending: AuthenticatorEntry[];
  /** The recovery-code authenticator, if listed. */
  recoveryCode: Authenticator | undefined;
  /** Every authenticator. */
  all: Authenticator[];
  /** True when at least one active factor other than email and recovery code exists. */
  hasSecondFactor: boolean;
}

/** Options for {@link buildModel} and the removal helpers. */
export interface ModelOptions {
  /** Email authenticator ids known to be explicitly enrolled (and therefore removable). */
  removableEmailIds?: Iterable<string>;
  /**
   * The user's account email (e.g. from the ID token). Auth0 lists the verified account email
   * automatically and it cannot be removed; an email whose masked name does not fit this address
   * was enrolled explicitly and can be. Without it every active email is treated as not removable.
   */
  accountEmail?: string;
}

/** What removing an authenticator takes with it. */
export interface Removal {
  /** The authenticator asked for. */
  target: Authenticator;
  /** Everything Auth0 will certainly remove (target first, then its known twin). */
  removes: Authenticator[];
  /** Authenticators that may go too (a push's OTP when it cannot be told which one it is). */
  mayAlsoRemove: Authenticator[];
  /** True when, in the worst case, the user is left with no active factor other than email / recovery code. */
  leavesNoSecondFactor: boolean;
}

// What a channel, an id prefix or a tenant `type` says about an `oob` item. `phone` (the `type` of
// both sms and voice) is absent on purpose: it cannot decide between them.
const OOB_FACTOR: Readonly<Record<string, Factor>> = {
  sms: 'sms',
  voice: 'voice',
  auth0: 'push',
  push: 'push',
  'push-notification': 'push',
  email: 'email',
  otp: 'otp',
  'recovery-code': 'recovery-code',
};

/** The factor of a wire authenticator, from the best evidence: type, channel, then id prefix, then the tenant's `type`. */
export function factorOf(wire: WireAuthenticator): Factor {
  if (wire.authenticator_type !== 'oob') return wire.authenticator_type;
  if (wire.oob_channel) return OOB_FACTOR[wire.oob_channel] ?? 'unknown';
  const byPrefix = OOB_FACTOR[wire.id.split('|')[0]!];
  return (byPrefix !== 'otp' && byPrefix !== 'recovery-code' && byPrefix) || OOB_FACTOR[wire.type!] || 'unknown';
}

/** The `dev_…` part of an id (what SMS and voice of one phone share). */
export function suffixOf(id: string): string {
  return id.slice(id.indexOf('|') + 1);
}

/** Turns one wire item into an {@link Authenticator}. */
export function toAuthenticator(wire: WireAuthenticator): Authenticator {
  const factor = factorOf(wire);
  const { id, active, name } = wire;
  return { id, factor, active, name, phoneLast4: isPhone(factor) ? /(\d{2,4})\s*$/.exec(name ?? '')?.[1] : undefined, wire };
}

const isPhone = (factor: Factor): boolean => factor === 'sms' || factor === 'voice';
const isSecondFactor = (factor: Factor): boolean => isPhone(factor) || factor === 'otp' || factor === 'push';

// Display order of entry kinds.
const ORDER: readonly AuthenticatorEntry['kind'][] = ['push', 'otp', 'phone', 'sms', 'voice', 'email', 'unknown', 'recovery-code'];

/**
 * Builds the UI model from the wire list.
 *
 * @example
 * ```ts
 * const { entries, pending } = buildModel(await client.listAuthenticators());
 * ```
 */
export function buildModel(list: readonly WireAuthenticator[], options: ModelOptions = {}): AuthenticatorModel {
  const all = list.map(toAuthenticator);
  const removableEmails = new Set(options.removableEmailIds);
  const { accountEmail } = options;
  for (const a of all) {
    if (a.factor === 'email' && accountEmail && a.name && !maskFits(a.name, accountEmail)) removableEmails.add(a.id);
  }
  const group = (active: boolean) => groupEntries(all.filter((a) => a.active === active && a.factor !== 'recovery-code'), removableEmails);
  return {
    entries: group(true),
    pending: group(false),
    recoveryCode: all.find((a) => a.factor === 'recovery-code'),
    all,
    hasSecondFactor: all.some((a) => a.active && isSecondFactor(a.factor)),
  };
}

/** The SMS twin of a voice authenticator or the other way round: same phone, same `dev_` suffix. */
const isPhoneTwin = (a: Authenticator, b: Authenticator): boolean =>
  isPhone(a.factor) && isPhone(b.factor) && a.factor !== b.factor && suffixOf(a.id) === suffixOf(b.id);

const pairInfo = (kind: PairKind, certainty: PairInfo['certainty'] = 'certain'): PairInfo => ({ kind, certainty });

/** The entries of a set of authenticators in one state (active or pending), in display order. */
function groupEntries(items: Authenticator[], removableEmails: ReadonlySet<string>): AuthenticatorEntry[] {
  const claimed = new Set<string>();
  const pushes = items.filter((a) => a.factor === 'push');
  const otps = items.filter((a) => a.factor === 'otp');
  // A push always has exactly one OTP twin (created with it, deleted with it). With one push and one
  // OTP, that OTP must be the twin; with more OTPs there is no way to tell which one it is.
  const pushTwin = pushes.length === 1 && otps.length === 1 ? [pushes[0]!, otps[0]!] : undefined;
  const out: AuthenticatorEntry[] = [];

  for (const a of items) {
    if (claimed.has(a.id)) continue;
    claimed.add(a.id);
    const { factor } = a;
    const twin = items.find((b) => !claimed.has(b.id) && isPhoneTwin(a, b));
    const [kind, members, pair]: [AuthenticatorEntry['kind'], Authenticator[], PairInfo?] = twin
      ? ['phone', factor === 'sms' ? [a, twin] : [twin, a], pairInfo('sms-voice')]
      : pushTwin && (factor === 'push' || factor === 'otp')
        ? ['push', pushTwin, pairInfo('push-otp')]
        : [factor, [a], factor === 'push' || (factor === 'otp' && pushes.length) ? pairInfo('push-otp', 'unknown-twin') : undefined];
    members.forEach((m) => claimed.add(m.id));
    const primary = members[0]!;
    const reason = notRemovableReason(primary, removableEmails);
    out.push({ key: primary.id, kind, primary, members, pending: !primary.active, pair, removable: !reason, notRemovableReason: reason });
  }
  return out.sort((x, y) => ORDER.indexOf(x.kind) - ORDER.indexOf(y.kind));
}

/**
 * Whether a masked address Auth0 lists (`****@exam*******`) could be `email`: every character
 * left visible must match, part by part. Masks hide a varying number of characters, so only the
 * visible ones count.
 */
export function maskFits(masked: string, email: string): boolean {
  const parts = email.toLowerCase().split('@');
  return masked
    .toLowerCase()
    .split('@', 2)
    .every((part, i) => [...part].every((c, j) => c === '*' || c === parts[i]?.[j]));
}

function notRemovableReason(a: Authenticator, removableEmails: ReadonlySet<string>): NotRemovableReason | undefined {
  if (a.factor === 'recovery-code') return 'recovery-code';
  // A pending email was enrolled explicitly (nothing else creates one), so it can be discarded.
  if (a.factor === 'email' && a.active && !removableEmails.has(a.id)) return 'verified-email';
  return undefined;
}

/**
 * What removing `id` takes with it, per Auth0's cascade rules, and whether the user would be left
 * without a second factor. Returns `undefined` when `id` is not in the list.
 */
export function removalOf(list: readonly WireAuthenticator[], id: string): Removal | undefined {
  const all = list.map(toAuthenticator);
  const target = all.find((a) => a.id === id);
  if (!target) return undefined;
  const { factor, active } = target;
  // The row the target belongs to holds its certain twin; an uncertain push pair may take any OTP
  // (or, from an OTP, any push) in the same state.
  const sameState = all.filter((a) => a.active === active);
  const entry = groupEntries(sameState, new Set()).find((e) => e.members.includes(target))!;
  const removes = [target, ...entry.members.filter((m) => m !== target)];
  const mayAlsoRemove = entry.pair?.certainty === 'unknown-twin' ? sameState.filter((a) => a.factor === (factor === 'push' ? 'otp' : 'push')) : [];
  const gone = new Set([...removes, ...mayAlsoRemove]);
  const leavesNoSecondFactor = active && isSecondFactor(factor) && !all.some((a) => a.active && !gone.has(a) && isSecondFactor(a.factor));
  return { target, removes, mayAlsoRemove, leavesNoSecondFactor };
}

/**
 * The list as it will be after removing `id` (the target and its certain twin), for optimistic
 * updates. Authenticators that only *may* go are kept; revalidate to learn the truth.
 */
export function withoutRemoved(list: readonly WireAuthenticator[], id: string): WireAuthenticator[] {
  const gone = new Set(removalOf(list, id)?.removes.map((a) => a.id));
  return list.filter((a) => !gone.has(a.id));
}
