'use client';
import { Children, cloneElement, forwardRef, isValidElement, type HTMLAttributes, type ReactNode, type Ref } from 'react';
import { composeRefs } from './compose.ts';

/**
 * Renders its only child with the part's props merged in (Radix's `asChild`): handlers composed
 * (child first), `className` joined, `style` merged, refs combined.
 */
export const Slot = forwardRef<HTMLElement, HTMLAttributes<HTMLElement> & { children?: ReactNode }>(function Slot({ children, ...slotProps }, ref) {
  const child = Children.only(children);
  if (!isValidElement<Record<string, unknown>>(child)) return null;
  const childProps = child.props;
  const merged: Record<string, unknown> = { ...slotProps, ...childProps };
  for (const key of Object.keys(slotProps)) {
    const slotValue = (slotProps as Record<string, unknown>)[key];
    const childValue = childProps[key];
    if (/^on[A-Z]/.test(key) && typeof slotValue === 'function' && typeof childValue === 'function') {
      merged[key] = (...args: unknown[]) => {
        (childValue as (...a: unknown[]) => void)(...args);
        (slotValue as (...a: unknown[]) => void)(...args);
      };
    } else if (key === 'className' && childValue) {
      merged[key] = `${String(slotValue)} ${String(childValue)}`;
    } else if (key === 'style' && childValue) {
      merged[key] = { ...(slotValue as object), ...(childValue as object) };
    }
  }
  const childRef = (child as unknown as { props: { ref?: Ref<HTMLElement> } }).props.ref ?? (child as unknown as { ref?: Ref<HTMLElement> }).ref;
  merged.ref = composeRefs(ref, childRef);
  return cloneElement(child, merged);
});
