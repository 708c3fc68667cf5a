/**
 * Type test (checked by `tsc` in npm test): the object `useAuth0()` returns is accepted as is.
 */
import type { useAuth0 } from '@auth0/auth0-react';
import { createUniversalLoginProvider } from '../../src/core/index.ts';

declare const auth0: ReturnType<typeof useAuth0>;
createUniversalLoginProvider({ auth0, domain: 'tenant.eu.auth0.com', mode: 'redirect', appState: { returnTo: '/security' } });
