import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// Vitest runs without globals, so Testing Library cannot register its own cleanup.
afterEach(() => cleanup());

// Every hook and component test runs under StrictMode, as host apps in development do: effects are
// torn down and run again, which must never strand a flow.
configure({ reactStrictMode: true });
