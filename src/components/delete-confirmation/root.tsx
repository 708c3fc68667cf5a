'use client';
import * as Dialog from '@radix-ui/react-dialog';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { MfaError } from '../../core/errors.ts';
import type { AuthenticatorEntry, Removal } from '../../core/model.ts';
import { useDelete } from '../../hooks/use-delete.ts';
import { useMfaToken } from '../../hooks/use-mfa-token.ts';
import type { MessageId, Messages } from '../../i18n/messages.ts';
import type { Translator } from '../../i18n/translator.ts';
import { useTranslator } from '../../hooks/use-messages.ts';
import { defaults } from '../../i18n/components/delete-confirmation.ts';
import { createPartContext } from '../primitives/index.ts';
/** What the dialog's parts read from {@link DeleteConfirmationRoot} (internal). */
export interface DeleteContextValue {
  entry: AuthenticatorEntry;
  t: Translator;
  /** The entry's name, e.g. "SMS and voice calls to •••• 9167". */
  name: string;
  /** The texts of the warnings that apply, by `DeleteConfirmationWarning` type, in reading order. */
  warnings: Partial<Record<'pair' | 'last-factor', string>>;
  pending: boolean;
  /** The last failure, or why this entry cannot be removed at all (then there is no Remove to press). */
  error: MfaError | undefined;
  /** Removal is impossible here (auto-listed email, or a credential that cannot delete): no Remove is offered. */
  blocked: boolean;
  /** Base of the parts' ids: `${id}pair`, `${id}last-factor`, `${id}error`. */
  id: string;
  // Plain `{ current }` objects: React 18's and 19's RefObject types disagree about null.
  cancelRef: { current: HTMLButtonElement | null };
  deleted: { current: boolean };
  confirm(): void;
  finalFocus: ((deleted: boolean) => HTMLElement | null | undefined) | undefined;
}

/** The Root's context, and its reader for parts (throws outside the Root). */
export const [DeleteContext, useDeleteContext] = createPartContext<DeleteContextValue>('DeleteConfirmationRoot');

/** Which pair warning applies: from the live removal preview, else from what the entry knows. */
function pairWarningOf(entry: AuthenticatorEntry, removal: Removal | undefined): MessageId | undefined {
  const factor = removal?.target.factor ?? entry.primary.factor;
  if (removal ? removal.removes.length > 1 : entry.pair?.certainty === 'certain') {
    return factor === 'sms' || factor === 'voice' ? 'delete.pair_phone' : factor === 'push' || factor === 'otp' ? 'delete.pair_push' : undefined;
  }
  if (factor === 'push') return 'delete.pair_push_unknown';
  if (factor === 'otp' && (removal ? removal.mayAlsoRemove.length > 0 : entry.pair?.certainty === 'unknown-twin')) return 'delete.pair_otp_unknown';
  return undefined;
}

/** Props of {@link DeleteConfirmationRoot}. */
export interface DeleteConfirmationRootProps {
  /** The list entry to remove (a pair is removed as one). */
  entry: AuthenticatorEntry;
  /** Controlled open state. */
  open?: boolean;
  /** Initial open state when uncontrolled. @default false */
  defaultOpen?: boolean;
  onOpenChange?: (open: boolean) => void;
  /** Called once the removal succeeded, just before the dialog closes. */
  onDeleted?: (entry: AuthenticatorEntry) => void;
  /**
   * Where focus goes when the dialog closes (`deleted` tells whether the entry is gone). Return
   * nothing to let it return to the Trigger. Give one whenever the trigger may disappear.
   */
  finalFocus?: (deleted: boolean) => HTMLElement | null | undefined;
  /** Message overrides for this dialog. */
  messages?: Partial<Messages>;
  children?: ReactNode;
}

/**
 * Holds the removal state (via `useDelete`) and the Radix Dialog. Renders no element.
 * While the DELETE is in flight the dialog cannot be dismissed; on failure it stays open to retry.
 */
export function DeleteConfirmationRoot({ entry, open: openProp, defaultOpen = false, onOpenChange, onDeleted, finalFocus, messages, children }: DeleteConfirmationRootProps): ReactNode {
  const t = useTranslator(defaults, messages);
  const { trigger, isMutating, error, reset, preview } = useDelete();
  const token = useMfaToken();
  // Say why up front instead of offering a Remove that must fail (DESIGN: rules are visible).
  const blockedBy = !entry.removable ? 'cannot_delete' : token.status !== 'loading' && !token.canDelete ? 'step_up_required' : undefined;
  const [uncontrolled, setUncontrolled] = useState(defaultOpen);
  const open = openProp ?? uncontrolled;
  const setOpen = (next: boolean) => {
    if (openProp === undefined) setUncontrolled(next);
    onOpenChange?.(next);
  };
  const busy = useRef(false);
  const deleted = useRef(false);
  const cancelRef = useRef<HTMLButtonElement | null>(null);
  const id = useId();

  useEffect(() => {
    if (open) {
      reset();
      deleted.current = false;
    }
  }, [open, reset]);

  // The optimistic update drops the entry from the cache as soon as the DELETE starts: keep the
  // last preview so the warnings stay put while "Removing…" shows (and after a rollback).
  const last = useRef<Removal | undefined>(undefined);
  const live = preview(entry);
  if (live) last.current = live;
  const removal = live ?? (last.current?.target.id === entry.primary.id ? last.current : undefined);

  const name = t.entryName(entry);
  const pair = pairWarningOf(entry, removal);
  const warnings: DeleteContextValue['warnings'] = {};
  if (pair) warnings.pair = t(pair, { name });
  if (!entry.pending && removal?.leavesNoSecondFactor) warnings['last-factor'] = t('delete.last_factor');

  // No useMemo: cheap to rebuild, and nearly every render of the Root (its open state, the
  // removal's progress, the list's revalidation) changes what the parts show anyway.
  const value: DeleteContextValue = {
    entry,
    t,
    name,
    warnings,
    pending: isMutating,
    error: error ?? (blockedBy && new MfaError(blockedBy, 'delete')),
    blocked: !!blockedBy,
    id,
    cancelRef,
    deleted,
    confirm: () => {
      // A second click while the first is in flight must not send a second DELETE or call onDeleted twice.
      if (busy.current) return;
      busy.current = true;
      trigger(entry)
        .then(
          () => {
            deleted.current = true;
            onDeleted?.(entry);
            setOpen(false);
          },
          () => undefined, // shown through `error`; the dialog stays open to retry
        )
        .finally(() => {
          busy.current = false;
        });
    },
    finalFocus,
  };

  return (
    <DeleteContext.Provider value={value}>
      <Dialog.Root open={open} onOpenChange={(next) => (next || !busy.current) && setOpen(next)}>
        {children}
      </Dialog.Root>
    </DeleteContext.Provider>
  );
}
