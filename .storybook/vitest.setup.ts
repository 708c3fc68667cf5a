import * as a11yAddonAnnotations from '@storybook/addon-a11y/preview';
import { setProjectAnnotations } from '@storybook/react-vite';
import * as projectAnnotations from './preview.tsx';

// Stories run in Vitest with the same annotations as in Storybook; the a11y ones add the axe
// check after every story (its `afterEach`), which fails the test because `a11y.test` is 'error'.
setProjectAnnotations([a11yAddonAnnotations, projectAnnotations]);
