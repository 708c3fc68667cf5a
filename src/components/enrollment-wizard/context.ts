'use client';
import type { EnrollFactor, UseEnrollResult } from '../../hooks/use-enroll.ts';
import type { MessageId, Messages } from '../../i18n/messages.ts';
import type { Translator } from '../../i18n/translator.ts';
import { createPartContext } from '../primitives/index.ts';

/**
 * Where the wizard is (`data-step` on the Root):
 * `step-up` (the credential cannot enroll: verify first) → `choose` (pick a factor) → `setup`
 * (type a phone number / email address) → `confirm` (QR + code, code sent, or push approval) →
 * `recovery-code` (first enrollment only) → `done`. Authenticator app and push go straight to `confirm`.
 */
export type WizardStep = 'step-up' | 'choose' | 'setup' | 'confirm' | 'recovery-code' | 'done';

/** What the user types: the code, the phone number and its country, the email address. */
export type WizardField = 'code' | 'phone' | 'country' | 'email';

/** Every factor, in the order the picker offers them. */
export const ALL_FACTORS: readonly EnrollFactor[] = ['otp', 'sms', 'voice', 'email', 'push'];

/** Authenticator app and push: scanned, nothing to type before the QR code. */
export const scanned = (factor: EnrollFactor): factor is 'otp' | 'push' => factor === 'otp' || factor === 'push';

/** The error the wizard shows: from the API, or a field check made before sending. */
export interface WizardError {
  /** An `MfaError` code, or `invalid_input` for a field check. */
  code: string;
  text: string;
  /** The field it is about, for `aria-invalid`. */
  field?: WizardField | undefined;
}

export interface WizardContextValue {
  t: Translator;
  messages: Partial<Messages> | undefined;
  /** Prefix of the parts' ids: `${id}title`, `${id}error`, `${id}hint`, `${id}<field>`. */
  id: string;
  headingLevel: 2 | 3 | 4 | 5 | 6;
  factors: readonly EnrollFactor[];
  factor: EnrollFactor;
  step: WizardStep;
  enroll: UseEnrollResult;
  error: WizardError | undefined;
  /** Pick a factor (a fresh enrollment); none: back to the choice (with one factor: a fresh start of it). */
  choose(factor?: EnrollFactor): void;
  /** What the user typed, kept on every error. */
  fields: Record<WizardField, string>;
  set(field: WizardField, value: string): void;
  /** Setup: validate and send; confirm: verify the code. */
  submit(): void;
  /** Seconds until a new code may be sent (cooldown or rate limit); 0: now. */
  wait: number;
  resend(): void;
  /** Try the failed action again (start, or poll the push again). */
  retry(): void;
  cancel(): void;
  cancelling: boolean;
  /** Restarted with one factor: authenticator app / push wait for "Start setup". */
  manual: boolean;
  stepUp(): void;
  finish(): void;
  /** The message the announcer says ("Copied", "A new code is on its way."). */
  said: MessageId | undefined;
  announce(text: MessageId): void;
}

export const [WizardContext, useWizard] = createPartContext<WizardContextValue>('EnrollmentWizardRoot');

// ISO region + calling code: a compact list of common countries; anything else via "Other (+code)".
const LIST = 'US1 CA1 GB44 IE353 DE49 FR33 ES34 IT39 NL31 BE32 CH41 AT43 SE46 NO47 DK45 FI358 PL48 PT351 IL972 TR90 AE971 IN91 SG65 CN86 HK852 JP81 KR82 AU61 NZ64 BR55 MX52 AR54 ZA27 NG234';
/** The phone picker's countries: ISO region → calling code. */
export const COUNTRIES: ReadonlyArray<readonly [string, string]> = LIST.split(' ').map((c) => [c.slice(0, 2), c.slice(2)] as const);

const callingCode = (iso: string) => COUNTRIES.find(([region]) => region === iso)?.[1];

/** The user's region if the list has it (from the browser language), else the US. */
export function defaultCountry(): string {
  try {
    const region = new Intl.Locale(globalThis.navigator?.language ?? 'en-US').maximize().region;
    if (region && callingCode(region)) return region;
  } catch {
    // An odd language tag: fall through.
  }
  return 'US';
}

/**
 * The E.164 number for a region and what the user typed (spaces, dashes, brackets and a national
 * trunk `0` are dropped; a leading `+` or `00` means the number is already international), or
 * `undefined` when it cannot be a valid number.
 */
export function toE164(country: string, typed: string): string | undefined {
  let n = typed.replace(/[\s().\-/]/g, '').replace(/^00/, '+');
  if (!n.startsWith('+')) {
    const cc = callingCode(country);
    if (!cc) return undefined;
    n = `+${cc}${cc === '39' ? n : n.replace(/^0/, '')}`;
  }
  return /^\+[1-9]\d{7,14}$/.test(n) && (!n.startsWith('+1') || n.length === 12) ? n : undefined;
}

/** "+15550104242" → "+1 555 010 4242": the calling code, then groups of three and a last four. */
export function formatPhone(e164: string): string {
  // Calling codes are prefix-free (E.164), so the first that matches is the one.
  const cc = COUNTRIES.find(([, c]) => e164.startsWith(`+${c}`))?.[1];
  if (!cc) return e164;
  const rest = e164.slice(cc.length + 1);
  return `+${cc} ${rest.slice(0, -4).replace(/(\d{3})(?=\d)/g, '$1 ')} ${rest.slice(-4)}`.replace(/\s+/g, ' ');
}
