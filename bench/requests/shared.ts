/** One flow of the request-count bench, as `requests.flows.tsx` writes it and `bench/run.ts` prints it. */
export interface FlowResult {
  flow: string;
  /** The theoretical minimum, spelled out. */
  minimum: string;
  /** Requests the minimum takes. */
  minimumCount: number;
  /** Requests the kit sent, polls excluded. */
  kitCount: number;
  /** The kit's requests by kind, e.g. `1 POST /mfa/associate, 1 mfa-otp grant`. */
  breakdown: string;
  /** Push polls answered `authorization_pending` / `slow_down` (reported apart), when the flow polls. */
  polls?: string;
  /** What the kit is allowed on top of the minimum (e.g. one list refresh). */
  allowance: number;
}

/** Push polling in the flows: the hook polls every this many ms (the emulator answers `slow_down` below 20 ms). */
export const PUSH_POLL_INTERVAL_MS = 25;
/** The bench approves the push after this many `authorization_pending` answers, so the poll count is the bench's, not the kit's. */
export const PUSH_POLLS_BEFORE_APPROVAL = 3;
