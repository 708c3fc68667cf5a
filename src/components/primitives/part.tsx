'use client';
import { Children, cloneElement, forwardRef, isValidElement, type ElementType, type ForwardRefExoticComponent, type HTMLAttributes, type MouseEvent, type PropsWithoutRef, type ReactNode, type Ref, type RefAttributes, type RefObject } from 'react';
import { composeHandlers, composeRefs } from './compose.ts';
import { Slot } from './slot.tsx';

/**
 * What a part renders, computed from its Root's context: the element (`as`, default `p`), its
 * attributes, `children` = the default content, `label` = an `aria-label` used only with the
 * default content. `ref` and every `on…` handler are composed with the user's. `data-slot`
 * defaults to the one derived from the part's name. `key`: a fresh element whenever it changes.
 * `children` as a function wraps the user's content instead of replacing it (with `asChild`, the
 * child's own content, inside the child). With `asChild`, a child without content of its own gets
 * the default content (and `label`). Falsy: render nothing.
 */
export type PartSpec =
  | (Record<string, unknown> & {
      as?: ElementType;
      // A `useRef(null)` object too: React 18's types give it `current: T | null` under another name.
      ref?: Ref<HTMLElement> | RefObject<HTMLElement | null>;
      key?: string;
      onClick?: (event: MouseEvent<HTMLElement>) => void;
      label?: string;
      children?: ReactNode | ((own: ReactNode) => ReactNode);
    })
  | null
  | undefined
  | false
  | '';

/** Props of a part made by {@link createPart}: the element's attributes plus `asChild`. */
export type PartProps<E extends HTMLElement = HTMLElement> = HTMLAttributes<E> & {
  /** Render the child element instead, merging props (Radix `asChild`). @default false */
  asChild?: boolean;
};

/**
 * The start of a button part's spec: a `type="button"` `<button>` with the shared `data-variant`
 * styles; `disabled`: `aria-disabled`, so it keeps focus while pending.
 */
export const buttonSpec = (variant: 'primary' | 'secondary' | 'danger' | 'ghost', disabled?: boolean) =>
  ({ as: 'button', type: 'button', 'data-variant': variant, 'aria-disabled': disabled || undefined }) as const;

/** The house `data-slot` of a part: 'RecoveryCodeTitle' → 'mfa-recovery-code-title'. */
export const slotOf = (name: string): string => 'mfa' + name.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());

/**
 * Makes a part that renders one element from its Root's context. One shape for every simple
 * part keeps the kit small; user props win over the part's, handlers and refs are composed
 * (the user's handler first; the part's runs unless it called `preventDefault()`).
 * A Radix part given as `as` receives `asChild` itself, so it keeps its own wiring. `P` types
 * the part's props when its element takes more than the common attributes (a button, an input);
 * the spec sees them, and the props named in `consumes` (a heading's `level`) stay off the element.
 */
export function createPart<C, E extends HTMLElement = HTMLElement, P = PartProps<E>>(
  name: string,
  use: (part: string) => C,
  spec: (context: C, props: P) => PartSpec,
  consumes: readonly string[] = [],
): ForwardRefExoticComponent<PropsWithoutRef<P> & RefAttributes<E>> {
  const slot = slotOf(name);
  const Part = forwardRef<E, PartProps<E>>(function Part({ asChild, children, ...props }, ref) {
    const s = spec(use(name), props as P);
    if (!s) return null;
    const { as = 'p', ref: own, key, children: fallback, label, ...attrs } = s;
    const native = typeof as === 'string';
    // With `asChild` the child brings its own content (as in Radix); a child that brings none gets
    // the part's default content inside it, so `<RecoveryCodeStatus asChild><span /></…>` still
    // announces and `<…Copy asChild><MyButton /></…>` is still labelled.
    const child = asChild ? Children.only(children) : undefined;
    const childContent = isValidElement<{ children?: ReactNode }>(child) ? child.props.children : undefined;
    const ownContent = asChild ? childContent : children;
    const user = props as Record<string, unknown>;
    const merged: Record<string, unknown> = { 'data-slot': slot, 'aria-label': ownContent == null ? label : undefined, ...attrs, ...user };
    for (const key in attrs) {
      const handle = attrs[key];
      if (/^on[A-Z]/.test(key) && typeof handle === 'function') merged[key] = composeHandlers(user[key] as never, handle as never);
    }
    for (const key of consumes) delete merged[key];
    if (!native) merged.asChild = asChild;
    const Comp: ElementType = asChild && native ? Slot : as;
    const inner = typeof fallback === 'function' ? fallback(ownContent) : (ownContent ?? fallback);
    const content = isValidElement(child) ? (inner === childContent ? child : cloneElement(child, undefined, inner)) : inner;
    return (
      <Comp key={key} {...merged} ref={own ? composeRefs(ref, own as Ref<E>) : ref}>
        {content}
      </Comp>
    );
  });
  if (process.env.NODE_ENV !== 'production') Part.displayName = name;
  return Part as unknown as ForwardRefExoticComponent<PropsWithoutRef<P> & RefAttributes<E>>;
}

/**
 * `createPart` for one compound component: `const part = partsOf('RecoveryCode', useRecoveryCode)`,
 * then `part('Title', spec)` makes the part named `RecoveryCodeTitle` (and slotted `mfa-recovery-code-title`).
 */
export function partsOf<C>(prefix: string, use: (part: string) => C) {
  return <E extends HTMLElement = HTMLElement, P = PartProps<E>>(name: string, spec: (context: C, props: P) => PartSpec, consumes?: readonly string[]) =>
    createPart<C, E, P>(prefix + name, use, spec, consumes);
}
