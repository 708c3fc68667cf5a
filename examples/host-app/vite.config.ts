/**
 * The example host app: a plain Vite + React app. It has no node_modules of its own: `mfa-kit`
 * resolves to the kit's source (so edits show up live) and React & co. come from the repository
 * root's node_modules. `npm run example` from the root serves it on http://127.0.0.1:5173.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));
const kit = path.resolve(here, '../../src');

export default defineConfig({
  root: here,
  plugins: [react()],
  resolve: {
    alias: [
      // What a host app installing the package imports, mapped to the source.
      { find: /^mfa-kit\/styles\.css$/, replacement: path.join(kit, 'styles/mfa-kit.css') },
      { find: /^mfa-kit$/, replacement: path.join(kit, 'index.ts') },
    ],
  },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
  build: { outDir: 'dist', emptyOutDir: true },
});
