/**
 * Small internal helpers shared across the core (not part of the public API: `core/index.ts` does
 * not re-export this module).
 */
import { MfaError, isMfaError } from './errors.ts';
import type { MfaErrorCode, MfaOperation } from './errors.ts';

/**
 * Drops the keys whose value is `undefined`, so optional fields are absent rather than present
 * and empty (`'x' in result` stays meaningful for callers).
 */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter((entry) => entry[1] !== undefined)) as T;
}

/** The `aborted` error of `operation`. */
export const abortedError = (operation: MfaOperation, cause?: unknown): MfaError => new MfaError('aborted', operation, undefined, { cause });

/**
 * Settle with `promise`, or reject with `aborted` as soon as `signal` aborts — whether or not the
 * work behind the promise honours the signal (a custom `fetch`, a shared token renewal).
 * `onAbort` runs before rejecting.
 */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined, operation: MfaOperation, onAbort?: () => void): Promise<T> {
  return signal
    ? new Promise<T>((resolve, reject) => {
        const abort = (): void => {
          onAbort?.();
          reject(abortedError(operation, signal.reason));
        };
        if (signal.aborted) return abort();
        signal.addEventListener('abort', abort, { once: true });
        const done = (): void => signal.removeEventListener('abort', abort);
        promise.then(resolve, reject);
        promise.then(done, done);
      })
    : promise;
}

/** Wait `ms`; rejects with `aborted` when `signal` aborts first. */
export function sleep(ms: number, signal: AbortSignal | undefined, operation: MfaOperation): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return raceAbort(new Promise<void>((resolve) => (timer = setTimeout(resolve, ms))), signal, operation, () => clearTimeout(timer));
}

/** True for a DOM `AbortError` (what `fetch` rejects with when its signal aborts). */
export const isAbortError = (error: unknown): boolean => (error as { name?: unknown } | null)?.name === 'AbortError';

/**
 * Any failure as an `MfaError` of `operation`: an `MfaError` as it is, `aborted` when the caller
 * cancelled (`signal`) or the failure is an `AbortError`, else `code` (`network` for a request
 * without an answer, `unknown` for a failing token provider) with `cause` attached.
 */
export const toMfaError = (cause: unknown, operation: MfaOperation, code: MfaErrorCode = 'unknown', signal?: AbortSignal, message?: string): MfaError =>
  isMfaError(cause) ? cause : signal?.aborted || isAbortError(cause) ? abortedError(operation, cause) : new MfaError(code, operation, message, { cause });

