/**
 * Runs a story on a fresh emulator tenant: `loaders: [mfaLoader]` creates it (so play functions can
 * read it as `context.loaded.emulator`), `decorators: [withMfa]` wraps the story in an MfaProvider
 * whose client talks to it over its fetch, and shows the Emulator panel beside the story so a
 * person can read codes and approve pushes by hand.
 *
 * Per story: `parameters: { mfa: { scenario: 'sms-voice', credential: 'list-only', latency: 400 } }`.
 */
import type { Decorator, Loader } from '@storybook/react-vite';
import { useMemo, type ReactNode } from 'react';
import { createMfaClient, type MfaClient } from '../../src/core/client.ts';
import { createCachedProvider, credentialFromToken } from '../../src/core/token/cached.ts';
import { createRopgProvider } from '../../src/core/token/ropg.ts';
import { createStaticTokenProvider } from '../../src/core/token/static.ts';
import type { TokenProvider } from '../../src/core/token/types.ts';
import { createEmulator, SEED_USER } from '../../src/emulator/index.ts';
import type { Emulator, InjectedFault, ScenarioName } from '../../src/emulator/types.ts';
import { MfaProvider } from '../../src/hooks/provider.tsx';
import { de, es, fr, ja, type Messages } from '../../src/i18n/messages.ts';
import { EmulatorPanel } from '../emulator/EmulatorPanel.tsx';

/** How a story's credential is obtained. */
export type StoryCredential =
  /** An MFA API access token with all three scopes, renewed by the cache. */
  | 'full'
  /** A raw mfa_token: list only. */
  | 'list-only'
  /** ROPG with username/password: list-only until the user passes an MFA challenge (step-up). */
  | 'ropg'
  /** An access token with just these scopes. */
  | readonly string[];

/** `parameters.mfa` of a story. */
export interface MfaStoryParameters {
  scenario?: ScenarioName;
  credential?: StoryCredential;
  /** Delay every emulator answer (ms). */
  latency?: number;
  /** Faults to queue before the story renders: `[count, fault]`. */
  faults?: ReadonlyArray<readonly [number, InjectedFault]>;
  /** Show the emulator panel beside the story. @default true */
  panel?: boolean;
  messages?: Partial<Messages>;
}

/** Creates the story's emulator (available to play functions as `context.loaded.emulator`). */
export const mfaLoader: Loader = async (context) => {
  const params = (context.parameters.mfa ?? {}) as MfaStoryParameters;
  // A 1 s push poll interval keeps hand-approved pushes snappy without tripping slow_down.
  const emulator = createEmulator({ scenario: params.scenario ?? 'every-factor', pollInterval: 1000 });
  if (params.latency) emulator.faults.latency(params.latency);
  for (const [count, fault] of params.faults ?? []) emulator.faults.failNext(count, fault);
  return { emulator };
};

function providerFor(emulator: Emulator, credential: StoryCredential): TokenProvider {
  const now = () => emulator.clock.now();
  if (credential === 'list-only') return createStaticTokenProvider({ mfaToken: emulator.issueMfaToken().mfa_token }, { now });
  if (credential === 'ropg') return createRopgProvider({ username: SEED_USER.email, password: SEED_USER.password, now });
  const scopes = credential === 'full' ? undefined : credential;
  return createCachedProvider(async (ctx) => credentialFromToken(emulator.issueAccessToken(scopes ? { scopes } : {}), ctx.now()), { now });
}

/** The real client on the story's emulator. */
export function storyClient(emulator: Emulator, credential: StoryCredential = 'full'): MfaClient {
  return createMfaClient({
    baseUrl: emulator.baseUrl,
    domain: emulator.domain,
    clientId: emulator.clientId,
    fetch: emulator.fetch,
    now: () => emulator.clock.now(),
    tokenProvider: providerFor(emulator, credential),
  });
}

function MfaStoryFrame({ emulator, params, children }: { emulator: Emulator; params: MfaStoryParameters; children: ReactNode }) {
  const client = useMemo(() => storyClient(emulator, params.credential), [emulator, params.credential]);
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: '2rem', alignItems: 'flex-start' }}>
      <div style={{ flex: '1 1 28rem', minWidth: 0 }}>
        <MfaProvider client={client} messages={params.messages} accountEmail={SEED_USER.email}>
          {children}
        </MfaProvider>
      </div>
      {params.panel === false ? null : (
        <aside aria-label="Emulator" style={{ flex: '1 1 24rem', minWidth: 0 }}>
          <EmulatorPanel emulator={emulator} />
        </aside>
      )}
    </div>
  );
}

const LOCALES: Record<string, Partial<Messages> | undefined> = { de, fr, es, ja };

/** Wraps the story in an MfaProvider on the loader's emulator, in the toolbar's language. */
export const withMfa: Decorator = (Story, context) => {
  const emulator = (context.loaded as { emulator?: Emulator }).emulator;
  if (!emulator) throw new Error('withMfa needs mfaLoader in the same story or meta.');
  const params = (context.parameters.mfa ?? {}) as MfaStoryParameters;
  const locale = LOCALES[String(context.globals.locale ?? 'en')];
  return (
    <MfaStoryFrame emulator={emulator} params={locale ? { ...params, messages: { ...locale, ...params.messages } } : params}>
      <Story />
    </MfaStoryFrame>
  );
};

/** The emulator of a story, for play functions. */
export function emulatorOf(context: { loaded: Record<string, unknown> }): Emulator {
  const emulator = context.loaded.emulator as Emulator | undefined;
  if (!emulator) throw new Error('This story has no emulator: add mfaLoader.');
  return emulator;
}
