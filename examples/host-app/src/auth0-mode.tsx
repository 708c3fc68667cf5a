/**
 * Mode (2): a real Auth0 tenant through `@auth0/auth0-react` (Universal Login). The login asks for
 * the MFA API audience `https://{domain}/mfa/` and its scopes, and the kit's Universal Login
 * provider gets (and renews) MFA API tokens from the same SDK — popup step-up when Auth0 needs the
 * user again. Tokens stay in the SDK's in-memory cache (its default).
 *
 * Needs a tenant: VITE_MFA_MODE=auth0, VITE_AUTH0_DOMAIN, VITE_AUTH0_CLIENT_ID (see ../README.md).
 */
import { Auth0Provider, useAuth0 } from '@auth0/auth0-react';
import { useMemo } from 'react';
import { MFA_SCOPE, MfaProvider, TwoFactorSettings, createUniversalLoginProvider, joinScopes, mfaAudience } from 'mfa-kit';
import { Shell } from './shell.tsx';

export function Auth0Mode({ domain, clientId }: { domain: string; clientId: string }) {
  return (
    <Auth0Provider
      domain={domain}
      clientId={clientId}
      authorizationParams={{
        redirect_uri: window.location.origin,
        audience: mfaAudience(domain),
        scope: joinScopes('openid profile email', MFA_SCOPE),
      }}
    >
      <Auth0Page domain={domain} clientId={clientId} />
    </Auth0Provider>
  );
}

function Auth0Page({ domain, clientId }: { domain: string; clientId: string }) {
  const { isLoading, isAuthenticated, user, error, loginWithRedirect, logout, getAccessTokenSilently, getAccessTokenWithPopup } = useAuth0();
  // useAuth0()'s object changes with every auth state change, its methods do not: build the
  // provider from them so its token cache survives re-renders.
  const tokenProvider = useMemo(
    () => createUniversalLoginProvider({ auth0: { getAccessTokenSilently, getAccessTokenWithPopup, loginWithRedirect }, domain }),
    [getAccessTokenSilently, getAccessTokenWithPopup, loginWithRedirect, domain],
  );
  const note = (
    <>
      Auth0 mode: Universal Login on the tenant <code>{domain}</code>.
    </>
  );

  if (isLoading) {
    return (
      <Shell note={note}>
        <p role="status">Loading…</p>
      </Shell>
    );
  }
  if (!isAuthenticated || !user) {
    return (
      <Shell note={note}>
        <section className="app-card" aria-labelledby="auth0-signin-title">
          <h2 id="auth0-signin-title">Sign in</h2>
          {error ? (
            <p role="alert" className="app-error">
              Sign-in failed: {error.message}
            </p>
          ) : null}
          <p>Sign in with your Acme account to manage your two-factor authentication.</p>
          <button type="button" className="app-button app-button-primary" onClick={() => void loginWithRedirect()}>
            Sign in
          </button>
        </section>
      </Shell>
    );
  }

  const signOut = () => {
    tokenProvider.reset();
    void logout({ logoutParams: { returnTo: window.location.origin } });
  };
  return (
    <Shell
      note={note}
      account={
        <div className="app-account">
          <p>
            Signed in as <strong>{user.email ?? user.name ?? 'you'}</strong>
          </p>
          <button type="button" className="app-button" onClick={signOut}>
            Sign out
          </button>
        </div>
      }
    >
      <p className="app-lead">Manage how you confirm it’s you when you sign in.</p>
      <MfaProvider domain={domain} clientId={clientId} tokenProvider={tokenProvider} accountEmail={user.email}>
        <TwoFactorSettings />
      </MfaProvider>
    </Shell>
  );
}
