/** The contract between the bench page (in Chromium) and `bench/run.ts` (in Node). */

export interface RenderBenchOptions {
  /** List sizes (authenticators) to render. */
  sizes: number[];
  /** Measured repetitions per case and implementation. */
  iterations: number;
  /** Unmeasured repetitions first (JIT, caches). */
  warmup: number;
}

/** Milliseconds per repetition, for the kit and for the plain baseline, measured interleaved. */
export interface TimingCase {
  /** e.g. `render-3`, `remove-open-50`. */
  id: string;
  label: string;
  kit: number[];
  plain: number[];
}

export interface RenderBenchResult {
  cases: TimingCase[];
  userAgent: string;
  /** `performance.now()` granularity seen on this page, ms. */
  timerResolution: number;
}

export interface BenchApi {
  run(options: RenderBenchOptions): Promise<RenderBenchResult>;
}

declare global {
  interface Window {
    mfaBench?: BenchApi;
  }
}
