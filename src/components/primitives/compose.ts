import type { Ref, RefCallback } from 'react';

/** Calls the user's handler first; the part's runs unless the user called `preventDefault()`. */
export function composeHandlers<E extends { defaultPrevented: boolean }>(user: ((event: E) => void) | undefined, own: (event: E) => void): (event: E) => void {
  return (event) => {
    user?.(event);
    if (!event.defaultPrevented) own(event);
  };
}

/** One ref callback that sets every given ref. */
export function composeRefs<T>(...refs: Array<Ref<T> | undefined>): RefCallback<T> {
  return (node) => {
    for (const ref of refs) {
      if (typeof ref === 'function') ref(node);
      else if (ref) (ref as { current: T | null }).current = node;
    }
  };
}
