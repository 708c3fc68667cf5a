import type { Decorator, Preview } from '@storybook/react-vite';
import { applyTheme, type ThemeName } from './theme.ts';

/** Theme and direction follow the toolbars; the locale is read by the emulator decorator (withMfa). */
const withTheme: Decorator = (Story, context) => {
  const theme = (context.globals.theme ?? 'light') as ThemeName;
  applyTheme(theme, context.globals.locale === 'rtl' ? 'rtl' : 'ltr');
  return <Story />;
};

const preview: Preview = {
  parameters: {
    controls: { matchers: { color: /(background|color)$/i, date: /Date$/i } },
    // Every axe violation fails the story's test (in Vitest and in the Storybook test widget).
    a11y: { test: 'error' },
    layout: 'padded',
  },
  globalTypes: {
    theme: {
      description: 'Theme',
      toolbar: {
        title: 'Theme',
        icon: 'paintbrush',
        items: [
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
          { value: 'brand', title: 'Brand (variables only)' },
          { value: 'unstyled', title: 'Unstyled (no CSS)' },
        ],
        dynamicTitle: true,
      },
    },
    locale: {
      description: 'Language',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'de', title: 'Deutsch' },
          { value: 'fr', title: 'Français' },
          { value: 'es', title: 'Español' },
          { value: 'ja', title: '日本語' },
          { value: 'rtl', title: 'Right-to-left check' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light', locale: 'en' },
  decorators: [withTheme],
};

export default preview;
