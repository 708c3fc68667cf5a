'use client';
import { forwardRef, useId, useMemo, useRef, useState, type ButtonHTMLAttributes, type HTMLAttributes, type InputHTMLAttributes, type LabelHTMLAttributes, type ReactNode, type RefObject } from 'react';
import type { Messages } from '../../i18n/messages.ts';
import type { Translator } from '../../i18n/translator.ts';
import { useMessages } from '../../i18n/use-messages.ts';
import { Slot, composeHandlers, composeRefs, createPartContext } from '../primitives/index.ts';

/** What the parts' status line says last: copied, copy failed, downloaded, download failed. */
export type RecoveryCodeStatusKind = 'copied' | 'copy-failed' | 'downloaded' | 'download-failed';

interface RecoveryCodeContextValue {
  t: Translator;
  code: string;
  ids: { title: string; description: string; hint: string; checkbox: string };
  valueRef: RefObject<HTMLElement | null>;
  status: RecoveryCodeStatusKind | undefined;
  acknowledged: boolean;
  setAcknowledged(value: boolean): void;
  /** Confirm was pressed before the checkbox was checked. */
  blocked: boolean;
  copy(): void;
  download(): void;
  confirm(): void;
  fileName: string;
}

const [Context, useRecoveryCode] = createPartContext<RecoveryCodeContextValue>('RecoveryCodeRoot');

/** The code in groups of four, for reading aloud or typing from paper. */
export const groupCode = (code: string): string => code.replace(/\s/g, '').replace(/(.{4})(?=.)/g, '$1 ');

/** Props of {@link RecoveryCodeRoot}. */
export interface RecoveryCodeRootProps extends HTMLAttributes<HTMLDivElement> {
  /** The recovery code, as Auth0 returned it. Shown once; never stored by the kit. */
  code: string;
  /** Called when the user confirms they saved the code (only after the checkbox is checked). */
  onConfirm: () => void;
  messages?: Partial<Messages>;
  /** Name of the downloaded file. @default 'recovery-code.txt' */
  fileName?: string;
  /** The host app's name, written into the downloaded file. */
  appName?: string;
  asChild?: boolean;
}

/** Holds a recovery code's state: copied, downloaded, acknowledged. Renders a `<div>` labelled by its title. */
export const RecoveryCodeRoot = forwardRef<HTMLDivElement, RecoveryCodeRootProps>(function RecoveryCodeRoot(
  { code, onConfirm, messages, fileName = 'recovery-code.txt', appName, asChild, ...props },
  ref,
) {
  const t = useMessages(messages);
  const id = useId();
  const valueRef = useRef<HTMLElement | null>(null);
  const [status, setStatus] = useState<RecoveryCodeStatusKind>();
  const [acknowledged, setAck] = useState(false);
  const [blocked, setBlocked] = useState(false);
  const raw = code.replace(/\s/g, '');

  const value = useMemo<RecoveryCodeContextValue>(() => {
    const selectValue = () => {
      const node = valueRef.current;
      const selection = node && window.getSelection();
      if (node && selection) selection.selectAllChildren(node);
    };
    return {
      t,
      code: raw,
      fileName,
      ids: { title: `${id}t`, description: `${id}d`, hint: `${id}h`, checkbox: `${id}c` },
      valueRef,
      status,
      acknowledged,
      blocked,
      setAcknowledged: (v) => {
        setAck(v);
        if (v) setBlocked(false);
      },
      copy: () => {
        const fail = () => {
          selectValue();
          setStatus('copy-failed');
        };
        setStatus(undefined);
        try {
          navigator.clipboard.writeText(raw).then(() => setStatus('copied'), fail);
        } catch {
          fail();
        }
      },
      download: () => {
        try {
          const title = appName ? t('recovery.file_title_app', { app: appName }) : t('recovery.file_title');
          const url = URL.createObjectURL(new Blob([`${title}\n\n${raw}\n\n${t('recovery.file_body')}\n`], { type: 'text/plain;charset=utf-8' }));
          const a = document.createElement('a');
          a.href = url;
          a.download = fileName;
          a.dataset.slot = 'mfa-recovery-code-link';
          a.hidden = true;
          document.body.append(a);
          a.click();
          a.remove();
          setTimeout(() => URL.revokeObjectURL(url), 1000);
          setStatus('downloaded');
        } catch {
          setStatus('download-failed');
        }
      },
      confirm: () => (acknowledged ? onConfirm() : setBlocked(true)),
    };
  }, [t, raw, fileName, appName, id, status, acknowledged, blocked, onConfirm]);

  const Comp = asChild ? Slot : 'div';
  return (
    <Context.Provider value={value}>
      <Comp
        ref={ref}
        role="group"
        aria-labelledby={value.ids.title}
        aria-describedby={value.ids.description}
        data-slot="mfa-recovery-code"
        data-state={acknowledged ? 'acknowledged' : 'unacknowledged'}
        {...props}
      />
    </Context.Provider>
  );
});

/** Props of {@link RecoveryCodeTitle}. */
export interface RecoveryCodeTitleProps extends HTMLAttributes<HTMLHeadingElement> {
  /** Heading level, to fit the host page's outline. @default 2 */
  level?: 2 | 3 | 4;
  asChild?: boolean;
}

/** The heading ("Save your recovery code"); names the Root. */
export const RecoveryCodeTitle = forwardRef<HTMLHeadingElement, RecoveryCodeTitleProps>(function RecoveryCodeTitle({ level = 2, asChild, children, ...props }, ref) {
  const { t, ids } = useRecoveryCode('RecoveryCodeTitle');
  const Comp = asChild ? Slot : (`h${level}` as const);
  return (
    <Comp ref={ref} id={ids.title} data-slot="mfa-recovery-code-title" {...props}>
      {children ?? t('recovery.title')}
    </Comp>
  );
});

/** What the code is for and that it is shown once; describes the Root. */
export const RecoveryCodeDescription = forwardRef<HTMLParagraphElement, HTMLAttributes<HTMLParagraphElement> & { asChild?: boolean }>(function RecoveryCodeDescription({ asChild, children, ...props }, ref) {
  const { t, ids } = useRecoveryCode('RecoveryCodeDescription');
  const Comp = asChild ? Slot : 'p';
  return (
    <Comp ref={ref} id={ids.description} data-slot="mfa-recovery-code-description" {...props}>
      {children ?? t('recovery.description')}
    </Comp>
  );
});

/**
 * The code in monospace, grouped in fours for reading. Copying a selection of it with the
 * keyboard copies it without the spaces.
 */
export const RecoveryCodeValue = forwardRef<HTMLElement, HTMLAttributes<HTMLElement> & { asChild?: boolean }>(function RecoveryCodeValue({ asChild, ...props }, ref) {
  const { code, valueRef } = useRecoveryCode('RecoveryCodeValue');
  const Comp = asChild ? Slot : 'code';
  return (
    <Comp
      ref={composeRefs(ref, valueRef)}
      data-slot="mfa-recovery-code-value"
      translate="no"
      onCopy={composeHandlers(props.onCopy, (e) => {
        e.clipboardData.setData('text/plain', String(window.getSelection()).replace(/\s/g, ''));
        e.preventDefault();
      })}
      {...props}
    >
      {props.children ?? groupCode(code)}
    </Comp>
  );
});

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & { asChild?: boolean };

function partButton(part: string, slot: string, action: 'copy' | 'download', label: 'recovery.copy' | 'recovery.download') {
  const C = forwardRef<HTMLButtonElement, ButtonProps>(({ asChild, children, ...props }, ref) => {
    const ctx = useRecoveryCode(part);
    const Comp = asChild ? Slot : 'button';
    return (
      <Comp ref={ref} type="button" data-slot={slot} data-variant="secondary" data-state={action === 'copy' && ctx.status === 'copied' ? 'copied' : undefined} {...props} onClick={composeHandlers(props.onClick, ctx[action])}>
        {children ?? ctx.t(label)}
      </Comp>
    );
  });
  C.displayName = part;
  return C;
}

/** Copies the code (without spaces) to the clipboard; when the clipboard is unavailable, selects it and says so. `data-state="copied"` after a copy. */
export const RecoveryCodeCopy = partButton('RecoveryCodeCopy', 'mfa-recovery-code-copy', 'copy', 'recovery.copy');

/** Downloads the code as a .txt file that explains what it is for. */
export const RecoveryCodeDownload = partButton('RecoveryCodeDownload', 'mfa-recovery-code-download', 'download', 'recovery.download');

/** A polite live region announcing "Copied", "Downloaded …" or what went wrong. Empty until then. */
export const RecoveryCodeStatus = forwardRef<HTMLParagraphElement, HTMLAttributes<HTMLParagraphElement> & { asChild?: boolean }>(function RecoveryCodeStatus({ asChild, ...props }, ref) {
  const { t, status, fileName } = useRecoveryCode('RecoveryCodeStatus');
  const text = status === 'copied' ? t('common.copied') : status === 'downloaded' ? t('recovery.downloaded', { file: fileName }) : status ? t(`recovery.${status === 'copy-failed' ? 'copy_failed' : 'download_failed'}`) : '';
  const Comp = asChild ? Slot : 'p';
  return (
    <Comp ref={ref} role="status" data-slot="mfa-recovery-code-status" data-state={status} {...props}>
      {text}
    </Comp>
  );
});

/** Props of {@link RecoveryCodeAcknowledge}. */
export interface RecoveryCodeAcknowledgeProps extends LabelHTMLAttributes<HTMLLabelElement> {
  /** Replaces the default content, the {@link RecoveryCodeCheckbox} and its text: include a checkbox part yourself. */
  children?: ReactNode;
  asChild?: boolean;
}

/**
 * "I have saved my recovery code": the `<label>` of the {@link RecoveryCodeCheckbox}. By default it
 * wraps the checkbox and its text; `children` replace both, so a custom checkbox can go inside or
 * next to it (the label points at it with `htmlFor` either way).
 */
export const RecoveryCodeAcknowledge = forwardRef<HTMLLabelElement, RecoveryCodeAcknowledgeProps>(function RecoveryCodeAcknowledge({ asChild, children, ...props }, ref) {
  const { t, ids, acknowledged } = useRecoveryCode('RecoveryCodeAcknowledge');
  const Comp = asChild ? Slot : 'label';
  return (
    <Comp ref={ref} htmlFor={ids.checkbox} data-slot="mfa-recovery-code-acknowledge" data-state={acknowledged ? 'checked' : 'unchecked'} {...props}>
      {children ?? (
        <>
          <RecoveryCodeCheckbox />
          {t('recovery.acknowledge')}
        </>
      )}
    </Comp>
  );
});

/** The checkbox the user checks once the code is saved; Confirm stays blocked until then. `aria-invalid` after an early Confirm. */
export const RecoveryCodeCheckbox = forwardRef<HTMLInputElement, InputHTMLAttributes<HTMLInputElement> & { asChild?: boolean }>(function RecoveryCodeCheckbox({ asChild, onChange, ...props }, ref) {
  const { ids, acknowledged, setAcknowledged, blocked } = useRecoveryCode('RecoveryCodeCheckbox');
  const Comp = asChild ? Slot : 'input';
  return (
    <Comp
      ref={ref}
      type="checkbox"
      id={ids.checkbox}
      data-slot="mfa-recovery-code-checkbox"
      checked={acknowledged}
      aria-invalid={blocked || undefined}
      aria-describedby={blocked ? ids.hint : undefined}
      {...props}
      onChange={composeHandlers(onChange, (e) => setAcknowledged(e.currentTarget.checked))}
    />
  );
});

/** The explanation shown (as an alert) when Confirm is pressed before the checkbox is checked. Renders nothing otherwise. */
export const RecoveryCodeHint = forwardRef<HTMLParagraphElement, HTMLAttributes<HTMLParagraphElement> & { asChild?: boolean }>(function RecoveryCodeHint({ asChild, children, ...props }, ref) {
  const { t, ids, blocked } = useRecoveryCode('RecoveryCodeHint');
  if (!blocked) return null;
  const Comp = asChild ? Slot : 'p';
  return (
    <Comp ref={ref} id={ids.hint} role="alert" data-slot="mfa-recovery-code-hint" data-tone="warning" {...props}>
      {children ?? t('recovery.acknowledge_required')}
    </Comp>
  );
});

/**
 * Continue / Done: calls `onConfirm` once the checkbox is checked. Until then it stays focusable
 * with `aria-disabled="true"` and, when pressed, shows the Hint.
 */
export const RecoveryCodeConfirm = forwardRef<HTMLButtonElement, ButtonProps>(function RecoveryCodeConfirm({ asChild, children, ...props }, ref) {
  const { t, ids, acknowledged, blocked, confirm } = useRecoveryCode('RecoveryCodeConfirm');
  const Comp = asChild ? Slot : 'button';
  return (
    <Comp
      ref={ref}
      type="button"
      data-slot="mfa-recovery-code-confirm"
      data-variant="primary"
      aria-disabled={!acknowledged || undefined}
      aria-describedby={blocked ? ids.hint : undefined}
      {...props}
      onClick={composeHandlers(props.onClick, confirm)}
    >
      {children ?? t('common.continue')}
    </Comp>
  );
});
