/**
 * Mode (1), the default: the kit's Auth0 emulator served over real HTTP (`npm run emulator`), and
 * a password sign-in (Resource Owner Password grant) like an app that logs users in itself. The
 * password lives only in the provider's closure, and signing out forgets it along with every token.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { MfaProvider, TwoFactorSettings, createMfaClient, createRopgProvider, createTranslator, isMfaError, type MfaClient, type RopgProvider } from 'mfa-kit';
import { Shell } from './shell.tsx';

/** The emulator's client id (`npm run emulator` prints it). */
const CLIENT_ID = 'mfa-kit-demo';
/** The emulator's seeded user. */
const SEED = { email: 'ada@example.com', password: 'correct horse battery staple' } as const;

const t = createTranslator();

interface Session {
  email: string;
  provider: RopgProvider;
  client: MfaClient;
}

export function EmulatorMode({ url, domain }: { url: string; domain: string }) {
  const [session, setSession] = useState<Session | null>(null);
  const [signedOut, setSignedOut] = useState(false);

  const signOut = () => {
    session?.provider.signOut();
    setSession(null);
    setSignedOut(true);
  };

  const note = (
    <>
      Emulator mode: the MFA API of <code>{domain}</code> is served by the emulator at <code>{url}</code>. The codes it “sends” by SMS,
      voice and email are printed by <code>npm run emulator</code>.
    </>
  );

  if (!session) {
    return (
      <Shell note={note}>
        <SignInForm url={url} domain={domain} focusOnMount={signedOut} onSignedIn={setSession} />
      </Shell>
    );
  }
  return (
    <Shell
      note={note}
      account={
        <div className="app-account">
          <p>
            Signed in as <strong>{session.email}</strong>
          </p>
          <button type="button" className="app-button" onClick={signOut}>
            Sign out
          </button>
        </div>
      }
    >
      <SecurityPage client={session.client} email={session.email} />
    </Shell>
  );
}

function SecurityPage({ client, email }: { client: MfaClient; email: string }) {
  // Land keyboard and screen-reader users on the page they just signed in to.
  useEffect(() => document.getElementById('page-title')?.focus(), []);
  return (
    <>
      <p className="app-lead">Manage how you confirm it’s you when you sign in.</p>
      <MfaProvider client={client} accountEmail={email}>
        <TwoFactorSettings />
      </MfaProvider>
    </>
  );
}

function SignInForm({ url, domain, focusOnMount, onSignedIn }: { url: string; domain: string; focusOnMount: boolean; onSignedIn: (session: Session) => void }) {
  const id = useId();
  const [email, setEmail] = useState<string>(SEED.email);
  const [password, setPassword] = useState<string>(SEED.password);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const emailRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (focusOnMount) emailRef.current?.focus();
  }, [focusOnMount]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!email.trim() || !password) {
      setError('Enter your email and password.');
      return;
    }
    setBusy(true);
    setError(null);
    const provider = createRopgProvider({ username: email.trim(), password });
    const client = createMfaClient({ baseUrl: url, domain, clientId: CLIENT_ID, tokenProvider: provider });
    try {
      // Checks the password now (and caches the credential the page then lists with): a user with
      // a factor gets the list-only mfa_token and "Verify to manage"; one without, a full token.
      await client.getCredential();
      onSignedIn({ email: email.trim(), provider, client });
    } catch (caught) {
      provider.signOut();
      setBusy(false);
      if (isMfaError(caught) && caught.code === 'network') {
        setError(`Can’t reach the emulator at ${url}. Start it with “npm run emulator”, or set VITE_EMULATOR_URL.`);
      } else {
        setError(isMfaError(caught) ? t.error(caught) : t('error.unknown'));
      }
    }
  };

  return (
    <section className="app-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Sign in</h2>
      <p id={`${id}-hint`} className="app-hint">
        The emulator’s user is <strong>{SEED.email}</strong> with the password <strong>{SEED.password}</strong>.
      </p>
      <form className="app-form" onSubmit={(event) => void submit(event)} aria-describedby={`${id}-hint`} noValidate>
        <div className="app-field">
          <label htmlFor={`${id}-email`}>Email</label>
          <input
            ref={emailRef}
            id={`${id}-email`}
            type="email"
            name="email"
            autoComplete="username"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
          />
        </div>
        <div className="app-field">
          <label htmlFor={`${id}-password`}>Password</label>
          <input
            id={`${id}-password`}
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
          />
        </div>
        <p id={`${id}-error`} role="alert" className="app-error">
          {error}
        </p>
        <button type="submit" className="app-button app-button-primary" disabled={busy} aria-busy={busy || undefined}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </section>
  );
}
