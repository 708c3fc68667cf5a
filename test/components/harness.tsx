/**
 * Renders a component inside an MfaProvider on a fresh emulator (jsdom, Testing Library), with
 * user-event and an axe check. No module mocks: faults go through the emulator.
 */
import { render, type RenderResult } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import axe from 'axe-core';
import type { ReactElement } from 'react';
import { expect } from 'vitest';
// Not src/index.ts, for the reason given in test/hooks/harness.tsx (the lazy dialog chunk).
import { MfaProvider } from '../../src/hooks/index.ts';
import type { Messages } from '../../src/i18n/index.ts';
import { harness, type Harness, type HarnessOptions } from '../hooks/harness.tsx';

export interface Rendered extends Harness, RenderResult {
  user: UserEvent;
}

/** Render `ui` on a fresh emulator. */
export function renderWithMfa(ui: ReactElement, options: HarnessOptions & { messages?: Partial<Messages> } = {}): Rendered {
  const { messages, ...rest } = options;
  const h = harness(rest);
  const user = userEvent.setup();
  const result = render(
    <MfaProvider client={h.client} messages={messages} accountEmail={rest.accountEmail}>
      {ui}
    </MfaProvider>,
  );
  return { ...h, ...result, user };
}

/**
 * Fails on any axe violation in `root` (default: the whole document, portals included). jsdom
 * cannot compute colours, so contrast is checked by the real-browser story tests instead.
 */
export async function expectNoAxeViolations(root: Element = document.body): Promise<void> {
  const results = await axe.run(root, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary).toEqual([]);
}
