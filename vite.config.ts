import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';

const dirname = path.dirname(fileURLToPath(import.meta.url));

// One config for Vitest's projects. `node`: core, emulator and (later) hooks tests in Node.
// `storybook`: every story (render + play function + axe) as a test in headless Chromium.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/**/*.test.ts', 'test/ssr/**/*.test.tsx'],
          exclude: ['test/browser/**'],
          typecheck: { enabled: false },
        },
      },
      {
        test: {
          name: 'dom',
          // Hooks and components under Testing Library, against the emulator: a DOM, no browser.
          environment: 'jsdom',
          setupFiles: ['test/setup-dom.ts'],
          include: ['test/hooks/**/*.test.tsx', 'test/components/**/*.test.tsx'],
        },
      },
      {
        plugins: [storybookTest({ configDir: path.join(dirname, '.storybook') })],
        test: {
          name: 'storybook',
          setupFiles: ['.storybook/vitest.setup.ts'],
          browser: {
            enabled: true,
            headless: true,
            // Debian's Chromium, never a downloaded browser; flags keep it off the network.
            provider: playwright({
              launchOptions: {
                executablePath: '/usr/bin/chromium',
                args: [
                  '--no-sandbox',
                  '--disable-gpu',
                  '--disable-background-networking',
                  '--disable-component-update',
                  '--disable-sync',
                  '--no-first-run',
                ],
              },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
