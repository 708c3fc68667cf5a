import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  RecoveryCode,
  RecoveryCodeAcknowledge,
  RecoveryCodeCheckbox,
  RecoveryCodeConfirm,
  RecoveryCodeCopy,
  RecoveryCodeHint,
  RecoveryCodeRoot,
  RecoveryCodeStatus,
  RecoveryCodeTitle,
  de,
} from '../../src/index.ts';
import { expectNoAxeViolations, renderWithMfa } from './harness.tsx';

const CODE = 'ABCD1234EFGH5678IJKL9012';

describe('RecoveryCode', () => {
  afterEach(() => vi.restoreAllMocks());

  it('shows the code grouped in fours, copies it without spaces and announces it', async () => {
    const { user } = renderWithMfa(<RecoveryCode code={CODE} onConfirm={() => {}} />);
    expect(screen.getByRole('heading', { level: 2, name: 'Save your recovery code' })).toBeTruthy();
    expect(screen.getByText('ABCD 1234 EFGH 5678 IJKL 9012')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Copy code' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Copied'));
    expect(await navigator.clipboard.readText()).toBe(CODE);
    await expectNoAxeViolations();
  });

  it('falls back to selecting the code when the clipboard fails', async () => {
    const { user } = renderWithMfa(<RecoveryCode code={CODE} onConfirm={() => {}} />);
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('denied'));
    await user.click(screen.getByRole('button', { name: 'Copy code' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/copy it with your keyboard/));
    expect(String(window.getSelection())).toContain('ABCD 1234');
  });

  it('downloads a .txt that explains the code and names the app', async () => {
    const blobs: Blob[] = [];
    const create = vi.fn((b: Blob) => (blobs.push(b), 'blob:recovery'));
    Object.assign(URL, { createObjectURL: create, revokeObjectURL: () => {} });
    const clicks: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this);
    });
    const { user } = renderWithMfa(<RecoveryCode code={CODE} onConfirm={() => {}} appName="Acme" fileName="acme-recovery.txt" />);
    await user.click(screen.getByRole('button', { name: 'Download as .txt' }));
    expect(clicks[0]?.download).toBe('acme-recovery.txt');
    expect(clicks[0]?.isConnected).toBe(false);
    const text = await blobs[0]!.text();
    expect(text).toContain(CODE);
    expect(text).toContain('on Acme');
    expect(screen.getByRole('status').textContent).toContain('Downloaded acme-recovery.txt');
  });

  it('says so when a download is impossible', async () => {
    Object.assign(URL, { createObjectURL: () => { throw new Error('no blobs'); } });
    const { user } = renderWithMfa(<RecoveryCode code={CODE} onConfirm={() => {}} />);
    await user.click(screen.getByRole('button', { name: 'Download as .txt' }));
    expect(screen.getByRole('status').textContent).toMatch(/Copy the code instead/);
  });

  it('blocks Continue until the checkbox is checked, with an explanation', async () => {
    const onConfirm = vi.fn();
    const { user } = renderWithMfa(<RecoveryCode code={CODE} onConfirm={onConfirm} headingLevel={3} />);
    const confirm = screen.getByRole('button', { name: 'Continue' });
    expect(confirm.getAttribute('aria-disabled')).toBe('true');
    await user.click(confirm);
    expect(onConfirm).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toMatch(/saved your recovery code/);
    expect(document.activeElement).toBe(confirm);
    await expectNoAxeViolations();
    await user.click(screen.getByRole('checkbox', { name: 'I have saved my recovery code' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(confirm.hasAttribute('aria-disabled')).toBe(false);
    await user.click(confirm);
    expect(onConfirm).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('heading', { level: 3 })).toBeTruthy();
  });

  it('puts the default content into an asChild child that brings none: the copy button is labelled, the status announces', async () => {
    const { user } = renderWithMfa(
      <RecoveryCodeRoot code={CODE} onConfirm={vi.fn()}>
        <RecoveryCodeTitle />
        <RecoveryCodeCopy asChild>
          <button type="button" className="host-copy" />
        </RecoveryCodeCopy>
        <RecoveryCodeStatus asChild>
          <span className="host-status" />
        </RecoveryCodeStatus>
      </RecoveryCodeRoot>,
    );
    const copy = screen.getByRole('button', { name: 'Copy code' });
    expect(copy.className).toBe('host-copy');
    await user.click(copy);
    const status = screen.getByRole('status');
    expect(status.className).toBe('host-status');
    expect(status.dataset.slot).toBe('mfa-recovery-code-status');
    await waitFor(() => expect(status.textContent).toBe('Copied'));
  });

  it('takes the host’s own label and checkbox with asChild', async () => {
    const onConfirm = vi.fn();
    const onChange = vi.fn();
    const { user } = renderWithMfa(
      <RecoveryCodeRoot code={CODE} onConfirm={onConfirm}>
        <RecoveryCodeTitle />
        <RecoveryCodeCheckbox asChild>
          <input type="checkbox" className="host-checkbox" onChange={onChange} />
        </RecoveryCodeCheckbox>
        <RecoveryCodeAcknowledge asChild>
          <label className="host-label">I wrote it down</label>
        </RecoveryCodeAcknowledge>
        <RecoveryCodeHint />
        <RecoveryCodeConfirm />
      </RecoveryCodeRoot>,
    );
    // The label sits next to the checkbox, not around it: htmlFor names it.
    const checkbox = screen.getByRole('checkbox', { name: 'I wrote it down' }) as HTMLInputElement;
    expect(checkbox.className).toBe('host-checkbox');
    expect(checkbox.dataset.slot).toBe('mfa-recovery-code-checkbox');
    const label = screen.getByText('I wrote it down');
    expect(label.className).toBe('host-label');
    expect(label.dataset.slot).toBe('mfa-recovery-code-acknowledge');
    expect(label.dataset.state).toBe('unchecked');
    expect(label.getAttribute('for')).toBe(checkbox.id);

    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(checkbox.getAttribute('aria-invalid')).toBe('true');
    expect(checkbox.getAttribute('aria-describedby')).toBe(screen.getByRole('alert').id);

    await user.click(label);
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(checkbox.checked).toBe(true);
    expect(label.dataset.state).toBe('checked');
    expect(checkbox.hasAttribute('aria-invalid')).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(onConfirm).toHaveBeenCalledTimes(1);
    await expectNoAxeViolations();
  });

  it('speaks German', () => {
    renderWithMfa(<RecoveryCode code={CODE} onConfirm={() => {}} />, { messages: de });
    expect(screen.getByRole('checkbox', { name: 'Ich habe meinen Wiederherstellungscode gespeichert' })).toBeTruthy();
  });
});
