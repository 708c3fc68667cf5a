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
  const table: Messages = Object.assign({}, en, ...tables.filter(Boolean));
  const t = ((id: MessageId, values?: Readonly<Record<string, string | number | undefined>>) => format(table[id] ?? id, values)) as Translator;
  t.error = (error) => {
    const wait = error.retryAfter;
    if (wait !== undefined && (error.code === 'rate_limited' || error.code === 'too_many_attempts')) {
      return t(`error.${error.code}_wait`, { minutes: Math.max(1, Math.ceil(wait / 60)), seconds: wait });
    }
    return t(`error.${error.code}`);
  };
  t.entryName = (entry) => {
    const a = entry.primary;
    const phone = a.phoneLast4 ? `•••• ${a.phoneLast4}` : (a.name ?? '');
    switch (entry.kind) {
      case 'phone':
      case 'sms':
      case 'voice':
        return t(`name.${entry.kind}`, { phone });
      case 'email':
        return t('name.email', { email: a.name ?? '' });
      case 'push':
        return a.name ? t('name.push', { device: a.name }) : t('name.push_unnamed');
      default:
        return t(`name.${entry.kind}`);
    }
  };
  return t;
}
