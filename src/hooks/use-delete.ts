'use client';
import { useMemo, useRef, useState } from 'react';
import { useSWRConfig } from 'swr';
import { MfaError } from '../core/errors.ts';
import { buildModel, factorOf, removalOf, withoutRemoved, type Authenticator, type AuthenticatorEntry, type Removal } from '../core/model.ts';
import type { WireAuthenticator } from '../core/wire.ts';
import { LIST_KEY } from './keys.ts';
import { ignore, isNotFound, toMfaError, useMfaContext } from './provider.tsx';

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
  const context = useMfaContext('useDelete');
  const { client, removableEmailIds, accountEmail } = context;
  const { cache, mutate } = useSWRConfig();
  const [flights] = useState(() => new Map<string, Promise<void>>());
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  // `isMutating` is whether any removal is in flight: re-render when one starts or ends.
  const [, rerender] = useState<object>();
  const [error, setError] = useState<MfaError | undefined>();

  const [trigger, preview, reset] = useMemo(() => {
    const cached = () => cache.get(LIST_KEY)?.data as WireAuthenticator[] | undefined;

    async function remove(id: string): Promise<void> {
      const list = cached();
      const entry = list && buildModel(list, context).entries.find((e) => e.members.some((m) => m.id === id));
      if (entry && !entry.removable) throw new MfaError('cannot_delete', 'delete', process.env.NODE_ENV !== 'production' ? `${id} cannot be removed (${entry.notRemovableReason}).` : undefined);
      const removal = list && removalOf(list, id);
      const factor = removal?.target.factor;
      // A push pairs with an OTP the API never names, so a removal touching push is checked against the
      // server once; an OTP with no push listed, or an SMS/voice pair, is known exactly.
      const revalidate = !removal || removal.mayAlsoRemove.length > 0 || factor === 'push' || (factor === 'otp' && list!.some((a) => factorOf(a) === 'push'));
      try {
        await mutate<WireAuthenticator[]>(
          LIST_KEY,
          async (current) => {
            await client.deleteAuthenticator(id);
            return current && withoutRemoved(current, id);
          },
          { optimisticData: (current) => (current ? withoutRemoved(current, id) : []), rollbackOnError: true, revalidate },
        );
      } catch (e) {
        // Already gone (removed elsewhere, or with its twin): the goal is met; learn the real list.
        if (!isNotFound(e)) throw e;
        await mutate(LIST_KEY);
      }
    }

    return [
      (target: DeleteTarget): Promise<void> => {
        const id = idOf(target);
        let promise = flights.get(id);
        if (promise) return promise;
        setError(undefined);
        // One removal at a time: overlapping optimistic updates of one list would let SWR discard the
        // earlier one's result and show a removed authenticator again.
        promise = queue.current
          .then(() => remove(id))
          .catch((e: unknown) => {
            const err = toMfaError(e, 'delete');
            setError(err);
            throw err;
          })
          .finally(() => {
            flights.delete(id);
            rerender({});
          });
        flights.set(id, promise);
        rerender({});
        queue.current = promise.catch(ignore);
        return promise;
      },
      (target: DeleteTarget) => {
        const list = cached();
        return list && removalOf(list, idOf(target));
      },
      () => setError(undefined),
    ] as const;
  }, [client, cache, mutate, removableEmailIds, accountEmail, flights]);

  return { trigger, isMutating: flights.size > 0, error, reset, preview };
}
