/**
 * The message table: every string a user sees, keyed by id (and by `MfaError` code as
 * `error.<code>`). English is the default; German, French, Spanish and Japanese ship with the kit.
 * Override any subset per provider (`<MfaProvider messages>`) or per component (`messages` prop).
 */
import * as list from './components/authenticator-list.ts';
import * as del from './components/delete-confirmation.ts';
import * as wizard from './components/enrollment-wizard.ts';
import * as recovery from './components/recovery-code.ts';
import * as stepUp from './components/step-up.ts';
import * as common from './common.ts';
import { errorsDe, errorsEn, errorsEs, errorsFr, errorsJa } from './errors.ts';

function merge<T extends object>(...parts: T[]): T {
  return Object.assign({}, ...parts) as T;
}

/** English: the default table, complete by definition. */
export const en = /* @__PURE__ */ merge<Record<string, string>>(common.en, errorsEn, list.en, wizard.en, del.en, recovery.en, stepUp.en) as typeof common.en &
  typeof errorsEn &
  typeof list.en &
  typeof wizard.en &
  typeof del.en &
  typeof recovery.en &
  typeof stepUp.en;

/** Every message id. */
export type MessageId = keyof typeof en;

/** A complete message table. */
export type Messages = Record<MessageId, string>;

/** German. */
export const de: Messages = /* @__PURE__ */ merge<Messages>(common.de as Messages, errorsDe as Messages, list.de as Messages, wizard.de as Messages, del.de as Messages, recovery.de as Messages, stepUp.de as Messages);
/** French. */
export const fr: Messages = /* @__PURE__ */ merge<Messages>(common.fr as Messages, errorsFr as Messages, list.fr as Messages, wizard.fr as Messages, del.fr as Messages, recovery.fr as Messages, stepUp.fr as Messages);
/** Spanish. */
export const es: Messages = /* @__PURE__ */ merge<Messages>(common.es as Messages, errorsEs as Messages, list.es as Messages, wizard.es as Messages, del.es as Messages, recovery.es as Messages, stepUp.es as Messages);
/** Japanese. */
export const ja: Messages = /* @__PURE__ */ merge<Messages>(common.ja as Messages, errorsJa as Messages, list.ja as Messages, wizard.ja as Messages, del.ja as Messages, recovery.ja as Messages, stepUp.ja as Messages);
