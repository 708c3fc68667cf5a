/**
 * The English strings each component needs, for `useTranslator`: the shared ones (factor and
 * authenticator names, common actions, every error) plus the component's own. Each component
 * imports only its own set, so a chunk carries only the English texts of the components in it.
 */
import * as common from './common.ts';
import { errorsEn } from './errors.ts';

/**
 * The shared English strings plus `own`. Typed as a plain string table (assignable to
 * `Partial<Messages>`) so this file need not import the assembled table, which imports every
 * component's messages: that import back made a circle.
 */
export const defaultsOf = (own: object): Readonly<Record<string, string>> => Object.assign({}, common.en, errorsEn, own);
