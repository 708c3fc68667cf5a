/**
 * MSW adapter. It takes msw's `http` namespace as a parameter, so the emulator entry never
 * imports msw (hosts that do not use msw do not pay for it).
 */
import type { Emulator } from './types.ts';

/** The slice of msw's `http` namespace the adapter uses. */
export interface MswHttpLike<Handler> {
  all(predicate: string, resolver: (info: { request: Request }) => Promise<Response>): Handler;
}

/**
 * MSW request handlers that answer every request to the emulator's origin.
 *
 * @example
 * ```ts
 * import { http } from 'msw';
 * import { setupWorker } from 'msw/browser';
 * const worker = setupWorker(...createMswHandlers(emulator, http));
 * ```
 */
export function createMswHandlers<Handler>(emulator: Emulator, http: MswHttpLike<Handler>, options: { baseUrl?: string } = {}): Handler[] {
  const origin = (options.baseUrl ?? emulator.baseUrl).replace(/\/+$/, '');
  return [
    http.all(`${origin}/*`, async ({ request }) => {
      try {
        return await emulator.handle(request);
      } catch {
        // An injected network fault: msw turns Response.error() into a failed fetch.
        return Response.error();
      }
    }),
  ];
}
