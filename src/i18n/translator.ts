import type { MfaError } from '../core/errors.ts';
import type { AuthenticatorEntry } from '../core/model.ts';
import { format } from './format.ts';
import { en, type MessageId, type Messages } from './messages.ts';

/** Looks messages up by id and fills placeholders. Always plain text. */
export interface Translator {
  (id: MessageId, values?: Readonly<Record<string, string | number | undefined>>): string;
  /** The user-facing text for an error (by code; with the wait time when known). */
  error(error: MfaError): string;
  /** "SMS and voice calls to •••• 9167", "Push to Pixel 8", … */
  entryName(entry: AuthenticatorEntry): string;
}

/** Builds a translator over English, overridden by each table in turn (later wins). */
export function createTranslator(...tables: Array<Partial<Messages> | undefined>): Translator {
  return translatorFrom(en, ...tables);
}

/**
 * A translator over `defaults` (a component's own English strings, see `defaultsOf`), overridden by
 * each table in turn. The components use it so each bundle chunk carries only the English strings
 * of the components in it: an app that renders the list does not load the wizard's texts.
 */
export function translatorFrom(defaults: Partial<Messages>, ...tables: Array<Partial<Messages> | undefined>): Translator {
  // Object.assign skips undefined tables.
  const table = Object.assign({}, defaults, ...tables) as Messages;
  const t = ((id: MessageId, values?: Readonly<Record<string, string | number | undefined>>) => format(table[id] ?? id, values)) as Translator;
  t.error = ({ code, retryAfter: wait }) =>
    wait !== undefined && (code === 'rate_limited' || code === 'too_many_attempts')
      ? t(`error.${code}_wait`, { minutes: Math.max(1, Math.ceil(wait / 60)), seconds: wait })
      : t(`error.${code}`);
  // One set of values for every kind: each name message uses only its own placeholder.
  t.entryName = ({ kind, primary: { name, phoneLast4 } }) =>
    t(kind === 'push' && !name ? 'name.push_unnamed' : `name.${kind}`, { phone: phoneLast4 ? `•••• ${phoneLast4}` : (name ?? ''), email: name ?? '', device: name });
  return t;
}
