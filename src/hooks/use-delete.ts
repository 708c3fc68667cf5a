'use client';
import { useCallback, useRef, useState } from 'react';
import { useSWRConfig } from 'swr';
import { MfaError, isMfaError } from '../core/errors.ts';
import { buildModel, factorOf, removalOf, withoutRemoved, type Authenticator, type AuthenticatorEntry, type Removal } from '../core/model.ts';
import type { WireAuthenticator } from '../core/wire.ts';
import { keys } from './keys.ts';
import { useMfaContext } from './provider.tsx';

/** What to remove: an id, an authenticator, or a list entry (its primary; Auth0 removes the pair). */
export type DeleteTarget = string | Authenticator | AuthenticatorEntry;

/** What {@link useDelete} returns (SWR mutation words). */
export interface UseDeleteResult {
  /**
   * Removes the authenticator and, in the same step, its pair from the cached list (optimistic,
   * rolled back on failure). Rejects with an `MfaError`; a second call for the same id while the
   * first is in flight returns the same promise and sends no second DELETE.
   */
  trigger(target: DeleteTarget): Promise<void>;
  /** A removal is in flight. */
  isMutating: boolean;
  /** The last failure, until `reset` or the next `trigger`. */
  error: MfaError | undefined;
  /** Clears `error`. */
  reset(): void;
  /** What removing `target` takes with it and whether it leaves no second factor; `undefined` if not in the cached list. */
  preview(target: DeleteTarget): Removal | undefined;
}

const idOf = (t: DeleteTarget): string => (typeof t === 'string' ? t : 'primary' in t ? t.primary.id : t.id);

/**
 * Removes authenticators. Refuses auto-listed verified emails with `cannot_delete`, and a
 * credential without `remove:authenticators` with `step_up_required`, before any request.
 *
 * @example
 * ```tsx
 * const { trigger, isMutating, error, preview } = useDelete();
 * const removal = preview(entry);           // removal.removes, removal.leavesNoSecondFactor
 * await trigger(entry);                     // one DELETE; the pair leaves the list at once
 * ```
 */
export function useDelete(): UseDeleteResult {
  const { client, removableEmailIds, accountEmail } = useMfaContext('useDelete');
  const { cache, mutate } = useSWRConfig();
  const inFlight = useRef(new Map<string, Promise<void>>());
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const [pending, setPending] = useState(0);
  const [error, setError] = useState<MfaError | undefined>();

  const cachedList = useCallback((): WireAuthenticator[] | undefined => cache.get(keys.authenticators)?.data as WireAuthenticator[] | undefined, [cache]);

  const preview = useCallback((target: DeleteTarget) => {
    const list = cachedList();
    return list ? removalOf(list, idOf(target)) : undefined;
  }, [cachedList]);

  const run = useCallback(async (id: string): Promise<void> => {
    const list = cachedList();
    if (list) {
      const entry = buildModel(list, { removableEmailIds, accountEmail }).entries.find((e) => e.members.some((m) => m.id === id));
      if (entry && !entry.removable) throw new MfaError('cannot_delete', 'delete', `${id} cannot be removed (${entry.notRemovableReason}).`);
    }
    const removal = list ? removalOf(list, id) : undefined;
    // A push pairs with an OTP the API never names, so a removal touching push is checked against the
    // server once; an OTP with no push listed, or an SMS/voice pair, is known exactly.
    const touchesPush = !!list && (removal?.target.factor === 'push' || (removal?.target.factor === 'otp' && list.some((a) => factorOf(a) === 'push')));
    const revalidate = !removal || removal.mayAlsoRemove.length > 0 || touchesPush;
    try {
      await mutate<WireAuthenticator[]>(
        keys.authenticators,
        async (current) => {
          await client.deleteAuthenticator(id);
          return current ? withoutRemoved(current, id) : current;
        },
        { optimisticData: (current) => (current ? withoutRemoved(current, id) : []), rollbackOnError: true, populateCache: true, revalidate },
      );
    } catch (e) {
      // Already gone (removed elsewhere, or with its twin): the goal is met; learn the real list.
      if (isMfaError(e) && e.code === 'not_found') {
        await mutate(keys.authenticators);
        return;
      }
      throw e;
    }
  }, [client, cachedList, mutate, removableEmailIds, accountEmail]);

  const trigger = useCallback((target: DeleteTarget): Promise<void> => {
    const id = idOf(target);
    const existing = inFlight.current.get(id);
    if (existing) return existing;
    setError(undefined);
    setPending((n) => n + 1);
    // One removal at a time: overlapping optimistic updates of one list would let SWR discard the
    // earlier one's result and show a removed authenticator again.
    const promise = queue.current
      .then(() => run(id))
      .catch((e: unknown) => {
        const err = isMfaError(e) ? e : new MfaError('unknown', 'delete', undefined, { cause: e });
        setError(err);
        throw err;
      })
      .finally(() => {
        inFlight.current.delete(id);
        setPending((n) => n - 1);
      });
    inFlight.current.set(id, promise);
    queue.current = promise.catch(() => undefined);
    return promise;
  }, [run]);

  const reset = useCallback(() => setError(undefined), []);
  return { trigger, isMutating: pending > 0, error, reset, preview };
}
