import { configure } from '@testing-library/react';

// The tests run every flow under StrictMode (test/setup-dom.ts), which mounts effects twice and can
// add a request a production app never sends. The bench counts what production sends.
configure({ reactStrictMode: false });
