import type { Preview } from '@storybook/react-vite';

const preview: Preview = {
  parameters: {
    controls: { matchers: { color: /(background|color)$/i, date: /Date$/i } },
    // Every axe violation fails the story's test (in Vitest and in the Storybook test widget).
    a11y: { test: 'error' },
    layout: 'padded',
  },
};

export default preview;
