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
      // Still there: with a Trigger Radix returns focus itself; without one, go back to it here.
      const target = el instanceof HTMLElement && el.isConnected ? !hasTrigger && el : fallback?.current?.isConnected && fallback.current;
      if (target) {
        event.preventDefault();
        target.focus();
      }
    },
  };
}
