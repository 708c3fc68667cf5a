import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useMessages, de } from '../../src/index.ts';
import { expectNoAxeViolations, renderWithMfa } from './harness.tsx';

function Probe() {
  const t = useMessages();
  return <button type="button">{t('common.retry')}</button>;
}

describe('component harness', () => {
  it('renders inside a provider with messages and passes axe', async () => {
    renderWithMfa(<Probe />, { messages: de });
    expect(screen.getByRole('button', { name: 'Erneut versuchen' })).toBeTruthy();
    await expectNoAxeViolations();
  });
});
