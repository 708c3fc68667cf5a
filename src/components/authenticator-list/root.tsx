'use client';
import { forwardRef, useId, useRef, useState, type ElementType, type HTMLAttributes, type RefObject } from 'react';
import type { MfaError } from '../../core/errors.ts';
import type { AuthenticatorEntry, AuthenticatorModel } from '../../core/model.ts';
import { useAuthenticators } from '../../hooks/use-authenticators.ts';
import { useMfaToken, type UseMfaTokenResult } from '../../hooks/use-mfa-token.ts';
import type { Messages } from '../../i18n/messages.ts';
import type { Translator } from '../../i18n/translator.ts';
import { useTranslator } from '../../hooks/use-messages.ts';
import { defaults } from '../../i18n/components/authenticator-list.ts';
import { DeleteConfirmation } from '../delete-confirmation/delete-confirmation.tsx';
import { createPartContext, Slot } from '../primitives/index.ts';

/** What the list shows: `data-state` of the Root. */
export type AuthenticatorListState = 'loading' | 'error' | 'empty' | 'ready';

/** Heading level of the list title (pending group: one below). */
export type HeadingLevel = 2 | 3 | 4 | 5;

/** What the list's parts read from {@link AuthenticatorListRoot} (internal). */
export interface ListContextValue {
  t: Translator;
  state: AuthenticatorListState;
  data: AuthenticatorModel | undefined;
  error: MfaError | undefined;
  isValidating: boolean;
  token: UseMfaTokenResult;
  level: HeadingLevel;
  headingId: string;
  headingRef: RefObject<HTMLHeadingElement | null>;
  setLabelled(labelled: boolean): void;
  /** Last "… removed." text for the status region. */
  announcement: string;
  retry(): void;
  stepUp(): void;
  /** Opens the confirmation for `entry`. */
  remove(entry: AuthenticatorEntry): void;
  /** Records a row's Remove button (focus goes back to it, or to a neighbour, after the dialog). */
  register(key: string, button: HTMLElement | null): void;
  onAdd: (() => void) | undefined;
  onResume: ((entry: AuthenticatorEntry) => void) | undefined;
}

/** The Root's context, and its reader for parts (throws outside the Root). */
export const [ListContext, useListContext] = createPartContext<ListContextValue>('AuthenticatorListRoot');

/** Props of {@link AuthenticatorListRoot}. */
export interface AuthenticatorListRootProps extends HTMLAttributes<HTMLElement> {
  /** Opens your enrollment UI. The Add button shows only when given and the credential can enroll. */
  onAdd?: () => void;
  /** Resumes a pending enrollment. The Resume buttons show only when given. */
  onResume?: (entry: AuthenticatorEntry) => void;
  /** Runs your step-up UI ("Verify to manage"). @default the token's `stepUp()` */
  onStepUp?: () => void;
  /** Called after an entry (and its pair) was removed. */
  onDeleted?: (entry: AuthenticatorEntry) => void;
  /** Message overrides for the list and its confirmation dialog. */
  messages?: Partial<Messages>;
  /** Level of the list heading; the pending group's heading is one below. @default 2 */
  headingLevel?: HeadingLevel;
  /** Render the child element instead of a `section` (Radix `asChild`). @default false */
  asChild?: boolean;
}

/**
 * A `section` holding the list's state (from `useAuthenticators` and `useMfaToken`) and the one
 * confirmation dialog its rows open. `data-state="loading|error|empty|ready"`, `aria-busy` while loading.
 */
export const AuthenticatorListRoot = forwardRef<HTMLElement, AuthenticatorListRootProps>(function AuthenticatorListRoot(
  { onAdd, onResume, onStepUp, onDeleted, messages, headingLevel = 2, asChild, ...props },
  ref,
) {
  const t = useTranslator(defaults, messages);
  const token = useMfaToken();
  const { data, error, isValidating, mutate } = useAuthenticators();
  const [target, setTarget] = useState<AuthenticatorEntry>();
  const [open, setOpen] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [labelled, setLabelled] = useState(false);
  const headingRef = useRef<HTMLHeadingElement | null>(null);
  // Each row's Remove / Discard button by entry key, and the keys to try for focus after the dialog.
  const buttons = useRef(new Map<string, HTMLElement>()).current;
  const order = useRef<string[]>([]);
  const headingId = useId();
  const state: AuthenticatorListState = data ? (data.entries.length + data.pending.length ? 'ready' : 'empty') : error ? 'error' : 'loading';

  // No useMemo / useCallback: the value changes with the list's data and token anyway, and none of
  // it feeds an effect (the Heading's effect uses `setLabelled`, which is stable).
  const value: ListContextValue = {
    t,
    state,
    data,
    error,
    isValidating,
    token,
    level: headingLevel,
    headingId,
    headingRef,
    setLabelled,
    announcement,
    retry: () => void mutate(),
    // A failed step-up shows through the token's state; nothing to do here.
    stepUp: () => (onStepUp ? onStepUp() : void token.stepUp().catch(() => undefined)),
    remove: (entry) => {
      // Rows' buttons in document order, the opener's first, then the nearest: next rows, then previous.
      const keys = [...buttons].sort(([, a], [, b]) => (a.compareDocumentPosition(b) & 4 ? -1 : 1)).map(([k]) => k);
      const i = keys.indexOf(entry.key);
      order.current = [entry.key, ...keys.slice(i + 1), ...keys.slice(0, Math.max(i, 0)).reverse()];
      setAnnouncement('');
      setTarget(entry);
      setOpen(true);
    },
    register: (key, button) => (button ? buttons.set(key, button) : buttons.delete(key)),
    onAdd,
    onResume,
  };

  // Cancelled: back to the opener (re-mounted if a failed removal was rolled back). Removed: its row
  // is gone, so the nearest row's button, else the heading. Never lost to <body>.
  const finalFocus = (deleted: boolean) => order.current.slice(+deleted).map((key) => buttons.get(key)).find((button) => button?.isConnected) ?? headingRef.current;

  const onDeletedEntry = (entry: AuthenticatorEntry) => {
    setAnnouncement(t('list.removed', { name: t.entryName(entry) }));
    onDeleted?.(entry);
  };

  const Comp: ElementType = asChild ? Slot : 'section';
  return (
    <ListContext.Provider value={value}>
      <Comp
        ref={ref}
        data-slot="mfa-authenticator-list"
        data-state={state}
        aria-busy={state === 'loading' || undefined}
        aria-labelledby={labelled ? headingId : undefined}
        {...props}
      />
      {target && <DeleteConfirmation entry={target} open={open} onOpenChange={setOpen} onDeleted={onDeletedEntry} finalFocus={finalFocus} messages={messages} />}
    </ListContext.Provider>
  );
});
