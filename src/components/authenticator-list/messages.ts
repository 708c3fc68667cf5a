/**
 * Strings of the authenticator-list component: English first, then every shipped locale with the same keys
 * (the type makes a missing translation a compile error). Ids are prefixed `authenticator.`.
 */
export const en = {} satisfies Record<string, string>;

/** This component's message ids. */
export type Messages = typeof en;

export const de: Messages = {};
export const fr: Messages = {};
export const es: Messages = {};
export const ja: Messages = {};
