/**
 * What a token provider was made from, so `MfaProvider` can tell an equal provider made on a later
 * render (`tokenProvider={createRopgProvider({ username, password })}` inline) from another user's:
 * it keeps the first instance, and with it the verified credential. Held in a module-private
 * WeakMap, never on the object, so the secrets in it are not reachable through the provider.
 */
import type { TokenProvider } from './types.ts';

const origins = new WeakMap<TokenProvider, readonly unknown[]>();

/** Records the factory and the options `provider` was made from. */
export function withOrigin<P extends TokenProvider>(provider: P, ...origin: unknown[]): P {
  origins.set(provider, origin);
  return provider;
}

/** True when `a` and `b` are the same provider, or made by the same factory from equal options. */
export function isEquivalentProvider(a: TokenProvider, b: TokenProvider): boolean {
  if (a === b) return true;
  const x = origins.get(a);
  const y = origins.get(b);
  return !!x && !!y && x.length === y.length && x.every((v, i) => Object.is(v, y[i]));
}
