'use client';
import { useRef, type RefObject } from 'react';

/**
 * Focus return for a Radix dialog that may be opened from outside its own Trigger (a controlled
 * dialog opened by another component): Radix returns focus to its Trigger only, so remember what
 * had focus when the dialog opened and go back there; if that element is gone (often removed by
 * the update that closed the dialog), use `fallback` rather than leaving users on `<body>`.
 * Spread the result on `Dialog.Content`.
 */
export function useReturnFocus(hasTrigger: boolean, fallback?: RefObject<HTMLElement | null>) {
  const returnTo = useRef<Element | null>(null);
  return {
    onOpenAutoFocus: () => {
      returnTo.current = document.activeElement;
    },
    onCloseAutoFocus: (event: Event) => {
      const el = returnTo.current;
      if (el instanceof HTMLElement && el.isConnected) {
        if (!hasTrigger) {
          event.preventDefault();
          el.focus();
        }
        return;
      }
      const target = fallback?.current;
      if (target?.isConnected) {
        event.preventDefault();
        target.focus();
      }
    },
  };
}
