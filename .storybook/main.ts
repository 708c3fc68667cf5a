import type { StorybookConfig } from '@storybook/react-vite';
import type { PluginOption } from 'vite';

/** True when some plugin (possibly nested) is one of @vitejs/plugin-react's. */
function hasReactPlugin(plugins: readonly PluginOption[] | undefined): boolean {
  return (plugins ?? []).some((p) => {
    if (Array.isArray(p)) return hasReactPlugin(p);
    return typeof p === 'object' && p !== null && 'name' in p && String(p.name).startsWith('vite:react');
  });
}

/** Runtime dependencies the stories import (see viteFinal). */
const PREBUNDLE = ['@radix-ui/react-dialog', 'swr', 'react', 'react-dom', 'react-dom/client', 'react/jsx-runtime', 'react/jsx-dev-runtime'];

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  framework: { name: '@storybook/react-vite', options: { strictMode: true } },
  // Belt and braces with STORYBOOK_DISABLE_TELEMETRY=1 in the scripts: nothing leaves the machine.
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // The preview iframe declares no icon, so Chromium asks for /favicon.ico and logs a 404 on every story.
  previewHead: (head) => `${head}<link rel="icon" href="data:,">`,
  // The builder already sets `base: './'`, so `storybook build` output loads from any folder.
  async viteFinal(viteConfig) {
    // Pre-bundle the runtime dependencies up front: discovering them on the first story makes Vite
    // re-optimise and reload mid-run, which fails every story of a cold test run.
    const optimizeDeps = { ...viteConfig.optimizeDeps, include: [...(viteConfig.optimizeDeps?.include ?? []), ...PREBUNDLE] };
    // @storybook/react-vite doesn't add the React plugin; add it unless the root vite config already did.
    if (hasReactPlugin(viteConfig.plugins)) return { ...viteConfig, optimizeDeps };
    const { default: react } = await import('@vitejs/plugin-react');
    return { ...viteConfig, optimizeDeps, plugins: [...(viteConfig.plugins ?? []), react()] };
  },
};

export default config;
