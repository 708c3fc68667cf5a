/**
 * The English strings each component needs, for `useTranslator`: the shared ones (factor and
 * authenticator names, common actions, every error) plus the component's own. Each component
 * imports only its own set, so a chunk carries only the English texts of the components in it.
 */
import * as common from './common.ts';
import { errorsEn } from './errors.ts';
import type { Messages } from './messages.ts';

/** The shared English strings plus `own`. */
export const defaultsOf = (own: object): Partial<Messages> => Object.assign({}, common.en, errorsEn, own);
