import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

// Only the bench's request-count flows (jsdom, Testing Library, the real hooks and components on
// the emulator). Not part of `npm test`: `npm run bench` runs it and reads what it writes.
export default defineConfig({
  root,
  test: {
    name: 'bench-requests',
    environment: 'jsdom',
    include: ['bench/requests/**/*.flows.tsx'],
    setupFiles: ['test/setup-dom.ts', 'bench/requests/setup.ts'],
    fileParallelism: false,
    testTimeout: 20_000,
  },
});
