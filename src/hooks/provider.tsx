'use client';
import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { SWRConfig } from 'swr';
import { createMfaClient, type MfaClient } from '../core/client.ts';
import { isMfaError } from '../core/errors.ts';
import { isEquivalentProvider } from '../core/token/identity.ts';
import type { TokenProvider } from '../core/token/types.ts';
import type { Messages } from '../i18n/messages.ts';

/** What every hook reads from the nearest {@link MfaProvider}. */
export interface MfaContextValue {
  client: MfaClient;
  /**
   * Ids of email authenticators this user enrolled explicitly through this provider: Auth0 lets
   * those be removed, unlike auto-listed verified emails, and the wire format cannot tell them apart.
   */
  removableEmailIds: ReadonlySet<string>;
  /** Records an explicitly enrolled email id (called by `useEnroll`). */
  markEmailRemovable(id: string): void;
  /** Message overrides for every component below (a locale table, or a few ids). */
  messages: Partial<Messages> | undefined;
  /** The signed-in user's email, to tell the auto-listed verified email from explicitly enrolled ones. */
  accountEmail: string | undefined;
}

export const MfaContext = createContext<MfaContextValue | null>(null);

/** Props of {@link MfaProvider}: a ready client, or what it takes to build one. */
export type MfaProviderProps = {
  children?: ReactNode;
  /** Messages for every component below: a shipped locale (`de`, `fr`, `es`, `ja`) and/or overrides. @default English */
  messages?: Partial<Messages>;
  /**
   * The signed-in user's email (e.g. `user.email` from the ID token). Auth0 lists the verified
   * account email automatically and it cannot be removed; with this, other emails the user
   * enrolled explicitly can be. Without it every active email is shown as not removable.
   */
  accountEmail?: string;
} & (
  | {
      /** A client from `createMfaClient`. */
      client: MfaClient;
    }
  | {
      client?: undefined;
      /** Tenant domain, e.g. `your-tenant.eu.auth0.com`. */
      domain?: string;
      /** Any origin instead of `https://{domain}` (e.g. the emulator's Node server). */
      baseUrl?: string;
      clientId: string;
      tokenProvider: TokenProvider;
      /** Injectable `fetch` (e.g. `emulator.fetch`). @default globalThis.fetch */
      fetch?: typeof fetch;
      /** Clock in epoch ms. @default Date.now */
      now?: () => number;
    }
);

/**
 * Gives its subtree an MFA API client and its own SWR cache, so two providers (two users, two
 * tenants, two stories) never share cached authenticators.
 *
 * @example
 * ```tsx
 * <MfaProvider domain="tenant.eu.auth0.com" clientId="…" tokenProvider={provider}>
 *   <AuthenticatorList />
 * </MfaProvider>
 * ```
 */
export function MfaProvider(props: MfaProviderProps): ReactNode {
  const { children, messages, accountEmail, client: passed, tokenProvider: given, domain, baseUrl, clientId } = props as MfaProviderProps & Partial<Extract<MfaProviderProps, { client?: undefined }>>;
  // A provider made inline on every render (the Quick start pasted as is) must not lose the
  // verified session: an equal provider (same factory, same options) keeps the first instance.
  const [held, setHeld] = useState(given);
  let tokenProvider = held;
  if (given !== held && !(given && held && isEquivalentProvider(held, given))) {
    setHeld(given);
    tokenProvider = given;
  }
  useIdentityWarning(passed ?? given);
  // Built from props: a new token provider (another user signed in), tenant or client id means a
  // new client — and with it a fresh cache, so one user's authenticators never show for another.
  // `fetch` and `now` are read when the client is built, so inline functions do not reset the cache.
  const client = useMemo(
    () => passed ?? createMfaClient({ ...(props as Extract<MfaProviderProps, { client?: undefined }>), tokenProvider: tokenProvider!, clientSecret: undefined }),
    [passed, tokenProvider, domain, baseUrl, clientId],
  );

  const [removableEmailIds, setRemovableEmailIds] = useState<ReadonlySet<string>>(() => new Set());
  const value = useMemo<MfaContextValue>(
    () => ({
      client,
      removableEmailIds,
      markEmailRemovable: (id) => setRemovableEmailIds((prev) => (prev.has(id) ? prev : new Set(prev).add(id))),
      messages,
      accountEmail,
    }),
    [client, removableEmailIds, messages, accountEmail],
  );
  // A fresh Map per client: each provider gets its own cache (SWR's `provider` option).
  const swrValue = useMemo(() => ({ provider: () => new Map(), revalidateOnFocus: false, shouldRetryOnError: false }), [client]);

  return (
    <SWRConfig value={swrValue}>
      <MfaContext.Provider value={value}>{children}</MfaContext.Provider>
    </SWRConfig>
  );
}

/** Development only: warns once when the client or token provider is a new object on 3 renders in a row. */
function useIdentityWarning(identity: unknown): void {
  const seen = useRef({ last: identity, streak: 0, warned: false });
  useEffect(() => {
    if (process.env.NODE_ENV === 'production') return;
    const s = seen.current;
    s.streak = s.last === identity ? 0 : s.streak + 1;
    s.last = identity;
    if (s.streak >= 3 && !s.warned) {
      s.warned = true;
      console.warn(
        'mfa-kit: <MfaProvider> got a new client / tokenProvider on every render. Create it once (useMemo, useState, or outside the component): an equal provider from createRopgProvider is kept, but any other new one starts over and drops the verified session.',
      );
    }
  });
}

/** The nearest provider's context; throws a clear error naming the hook used outside one. */
export function useMfaContext(hook: string): MfaContextValue {
  const value = useContext(MfaContext);
  if (!value) throw new Error(process.env.NODE_ENV !== 'production' ? `${hook} must be used inside <MfaProvider>.` : hook);
  return value;
}

/** The MFA API client of the nearest {@link MfaProvider}. */
export function useMfaClient(): MfaClient {
  return useMfaContext('useMfaClient').client;
}

/** Any failure as an `MfaError` of an operation (core's: `aborted` for an abort, else `unknown`). */
export { toMfaError } from '../core/util.ts';

/** For a failure that needs no handling (best-effort steps). */
export const ignore = (): undefined => undefined;

/** The authenticator is already gone (removed elsewhere, or with its twin). */
export const isNotFound = (e: unknown): boolean => isMfaError(e) && e.code === 'not_found';
