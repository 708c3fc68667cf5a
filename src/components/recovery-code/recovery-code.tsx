'use client';
import { forwardRef, useId, useRef, useState, type HTMLAttributes, type ReactNode, type RefObject } from 'react';
import type { MessageId, Messages } from '../../i18n/messages.ts';
import type { Translator } from '../../i18n/translator.ts';
import { useTranslator } from '../../hooks/use-messages.ts';
import { defaults } from '../../i18n/components/recovery-code.ts';
import { Primitive, Slot, buttonAttrs, composeHandlers, composeRefs, createPartContext, withDefault, type PartProps } from '../primitives/index.ts';

/** What the parts' status line says last: copied, copy failed, downloaded, download failed. */
export type RecoveryCodeStatusKind = 'copied' | 'copy-failed' | 'downloaded' | 'download-failed';

interface RecoveryCodeContextValue {
  t: Translator;
  code: string;
  /** Base of the parts' ids: `${id}t` title, `d` description, `h` hint, `c` checkbox. */
  id: string;
  valueRef: RefObject<HTMLElement | null>;
  status: RecoveryCodeStatusKind | undefined;
  /** The checkbox is checked: the user says they saved the code. */
  checked: boolean;
  check(checked: boolean): void;
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
  const t = useTranslator(defaults, messages);
  const id = useId();
  const valueRef = useRef<HTMLElement | null>(null);
  const [status, setStatus] = useState<RecoveryCodeStatusKind>();
  const [checked, setChecked] = useState(false);
  const [blocked, setBlocked] = useState(false);
  const raw = code.replace(/\s/g, '');

  // No useMemo: the value changes with every state change of the Root anyway, and the parts are
  // its children, so a memo would save nothing but cost its dependency list.
  const value: RecoveryCodeContextValue = {
    t,
    code: raw,
    fileName,
    id,
    valueRef,
    status,
    checked,
    blocked,
    check: (v) => {
      setChecked(v);
      if (v) setBlocked(false);
    },
    copy: () => {
      const fail = () => {
        const node = valueRef.current;
        if (node) window.getSelection()?.selectAllChildren(node);
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
        const href = URL.createObjectURL(new Blob([`${title}\n\n${raw}\n\n${t('recovery.file_body')}\n`], { type: 'text/plain;charset=utf-8' }));
        const a = Object.assign(document.createElement('a'), { href, download: fileName, hidden: true });
        a.dataset.slot = 'mfa-recovery-code-link';
        document.body.append(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(href), 1000);
        setStatus('downloaded');
      } catch {
        setStatus('download-failed');
      }
    },
    confirm: () => (checked ? onConfirm() : setBlocked(true)),
  };

  const Comp = asChild ? Slot : 'div';
  return (
    <Context.Provider value={value}>
      <Comp
        ref={ref}
        role="group"
        aria-labelledby={id + 't'}
        aria-describedby={id + 'd'}
        data-slot="mfa-recovery-code"
        data-state={checked ? 'acknowledged' : 'unacknowledged'}
        {...props}
      />
    </Context.Provider>
  );
});

// Each part renders one element, slotted `mfa-recovery-code-<name in kebab case>`; the user's
// props win, and the user's handler runs first (the part's unless it called `preventDefault()`).

/** Props of {@link RecoveryCodeTitle}. */
export interface RecoveryCodeTitleProps extends PartProps<'h2'> {
  /** Heading level, to fit the host page's outline. @default 2 */
  level?: 2 | 3 | 4;
}

/** The heading ("Save your recovery code"); names the Root. */
export const RecoveryCodeTitle = forwardRef<HTMLHeadingElement, RecoveryCodeTitleProps>(function RecoveryCodeTitle({ level = 2, children, ...props }, ref) {
  const c = useRecoveryCode('RecoveryCodeTitle');
  const Heading = Primitive[`h${level}`];
  return (
    <Heading ref={ref} data-slot="mfa-recovery-code-title" id={c.id + 't'} {...props}>
      {withDefault(children, c.t('recovery.title'), props.asChild)}
    </Heading>
  );
});

/** What the code is for and that it is shown once; describes the Root. */
export const RecoveryCodeDescription = forwardRef<HTMLParagraphElement, PartProps<'p'>>(function RecoveryCodeDescription({ children, ...props }, ref) {
  const c = useRecoveryCode('RecoveryCodeDescription');
  return (
    <Primitive.p ref={ref} data-slot="mfa-recovery-code-description" id={c.id + 'd'} {...props}>
      {withDefault(children, c.t('recovery.description'), props.asChild)}
    </Primitive.p>
  );
});

/**
 * The code in monospace, grouped in fours for reading. Copying a selection of it with the
 * keyboard copies it without the spaces.
 */
export const RecoveryCodeValue = forwardRef<HTMLElement, PartProps<'code'>>(function RecoveryCodeValue({ children, onCopy, ...props }, ref) {
  const c = useRecoveryCode('RecoveryCodeValue');
  return (
    <Primitive.code
      data-slot="mfa-recovery-code-value"
      translate="no"
      {...props}
      ref={composeRefs(ref, c.valueRef)}
      onCopy={composeHandlers(onCopy, (e) => {
        e.clipboardData.setData('text/plain', String(window.getSelection()).replace(/\s/g, ''));
        e.preventDefault();
      })}
    >
      {withDefault(children, groupCode(c.code), props.asChild)}
    </Primitive.code>
  );
});

/** Copies the code (without spaces) to the clipboard; when the clipboard is unavailable, selects it and says so. `data-state="copied"` after a copy. */
export const RecoveryCodeCopy = forwardRef<HTMLButtonElement, PartProps<'button'>>(function RecoveryCodeCopy({ children, onClick, ...props }, ref) {
  const c = useRecoveryCode('RecoveryCodeCopy');
  return (
    <Primitive.button ref={ref} data-slot="mfa-recovery-code-copy" {...buttonAttrs('secondary')} data-state={c.status === 'copied' ? 'copied' : undefined} {...props} onClick={composeHandlers(onClick, c.copy)}>
      {withDefault(children, c.t('recovery.copy'), props.asChild)}
    </Primitive.button>
  );
});

/** Downloads the code as a .txt file that explains what it is for. */
export const RecoveryCodeDownload = forwardRef<HTMLButtonElement, PartProps<'button'>>(function RecoveryCodeDownload({ children, onClick, ...props }, ref) {
  const c = useRecoveryCode('RecoveryCodeDownload');
  return (
    <Primitive.button ref={ref} data-slot="mfa-recovery-code-download" {...buttonAttrs('secondary')} {...props} onClick={composeHandlers(onClick, c.download)}>
      {withDefault(children, c.t('recovery.download'), props.asChild)}
    </Primitive.button>
  );
});

/** A polite live region announcing "Copied", "Downloaded …" or what went wrong. Empty until then. */
export const RecoveryCodeStatus = forwardRef<HTMLParagraphElement, PartProps<'p'>>(function RecoveryCodeStatus({ children, ...props }, ref) {
  const c = useRecoveryCode('RecoveryCodeStatus');
  // The status line's text: `recovery.<status>` (`copy-failed` → `recovery.copy_failed`), except the shared "Copied".
  const text = c.status ? c.t(c.status === 'copied' ? 'common.copied' : (`recovery.${c.status.replace('-', '_')}` as MessageId), { file: c.fileName }) : '';
  return (
    <Primitive.p ref={ref} data-slot="mfa-recovery-code-status" role="status" data-state={c.status} {...props}>
      {withDefault(children, text, props.asChild)}
    </Primitive.p>
  );
});

/** Props of {@link RecoveryCodeAcknowledge}. */
export interface RecoveryCodeAcknowledgeProps extends PartProps<'label'> {
  /** Replaces the default content, the {@link RecoveryCodeCheckbox} and its text: include a checkbox part yourself. */
  children?: ReactNode;
}

/**
 * "I have saved my recovery code": the `<label>` of the {@link RecoveryCodeCheckbox}. By default it
 * wraps the checkbox and its text; `children` replace both, so a custom checkbox can go inside or
 * next to it (the label points at it with `htmlFor` either way).
 */
export const RecoveryCodeAcknowledge = forwardRef<HTMLLabelElement, RecoveryCodeAcknowledgeProps>(function RecoveryCodeAcknowledge({ children, ...props }, ref) {
  const c = useRecoveryCode('RecoveryCodeAcknowledge');
  const text = (
    <>
      <RecoveryCodeCheckbox />
      {c.t('recovery.acknowledge')}
    </>
  );
  return (
    <Primitive.label ref={ref} data-slot="mfa-recovery-code-acknowledge" htmlFor={c.id + 'c'} data-state={c.checked ? 'checked' : 'unchecked'} {...props}>
      {withDefault(children, text, props.asChild)}
    </Primitive.label>
  );
});

/** The checkbox the user checks once the code is saved; Confirm stays blocked until then. `aria-invalid` after an early Confirm. */
export const RecoveryCodeCheckbox = forwardRef<HTMLInputElement, PartProps<'input'>>(function RecoveryCodeCheckbox({ onChange, ...props }, ref) {
  const c = useRecoveryCode('RecoveryCodeCheckbox');
  return (
    <Primitive.input
      ref={ref}
      data-slot="mfa-recovery-code-checkbox"
      type="checkbox"
      id={c.id + 'c'}
      checked={c.checked}
      aria-invalid={c.blocked || undefined}
      aria-describedby={c.blocked ? c.id + 'h' : undefined}
      {...props}
      onChange={composeHandlers(onChange, (e) => c.check(e.currentTarget.checked))}
    />
  );
});

/** The explanation shown (as an alert) when Confirm is pressed before the checkbox is checked. Renders nothing otherwise. */
export const RecoveryCodeHint = forwardRef<HTMLParagraphElement, PartProps<'p'>>(function RecoveryCodeHint({ children, ...props }, ref) {
  const c = useRecoveryCode('RecoveryCodeHint');
  if (!c.blocked) return null;
  return (
    <Primitive.p ref={ref} data-slot="mfa-recovery-code-hint" id={c.id + 'h'} role="alert" data-tone="warning" {...props}>
      {withDefault(children, c.t('recovery.acknowledge_required'), props.asChild)}
    </Primitive.p>
  );
});

/**
 * Continue / Done: calls `onConfirm` once the checkbox is checked. Until then it stays focusable
 * with `aria-disabled="true"` and, when pressed, shows the Hint.
 */
export const RecoveryCodeConfirm = forwardRef<HTMLButtonElement, PartProps<'button'>>(function RecoveryCodeConfirm({ children, onClick, ...props }, ref) {
  const c = useRecoveryCode('RecoveryCodeConfirm');
  return (
    <Primitive.button
      ref={ref}
      data-slot="mfa-recovery-code-confirm"
      {...buttonAttrs('primary', !c.checked)}
      aria-describedby={c.blocked ? c.id + 'h' : undefined}
      {...props}
      onClick={composeHandlers(onClick, c.confirm)}
    >
      {withDefault(children, c.t('common.continue'), props.asChild)}
    </Primitive.button>
  );
});
