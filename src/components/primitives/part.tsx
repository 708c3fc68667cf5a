'use client';
import { forwardRef, type ElementType, type HTMLAttributes, type MouseEvent, type Ref } from 'react';
import { composeHandlers, composeRefs } from './compose.ts';
import { Slot } from './slot.tsx';

/**
 * What a part renders, computed from its Root's context: the element (`as`, default `p`), its
 * attributes, `children` = the default content, `label` = an `aria-label` used only with the
 * default content. `ref` and `onClick` are composed with the user's. Falsy: render nothing.
 */
export type PartSpec =
  | (Record<string, unknown> & { as?: ElementType; ref?: Ref<HTMLElement>; onClick?: (event: MouseEvent<HTMLElement>) => void; label?: string })
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
 * Makes a part that renders one element from its Root's context. One shape for every simple
 * part keeps the kit small; user props win over the part's, handlers and refs are composed.
 * A Radix part given as `as` receives `asChild` itself, so it keeps its own wiring.
 */
export function createPart<C, E extends HTMLElement = HTMLElement>(name: string, use: (part: string) => C, spec: (context: C) => PartSpec) {
  return forwardRef<E, PartProps<E>>(function Part({ asChild, children, onClick, ...props }, ref) {
    const s = spec(use(name));
    if (!s) return null;
    const { as = 'p', ref: own, children: fallback, onClick: handle, label, ...attrs } = s;
    const native = typeof as === 'string';
    const Comp: ElementType = asChild && native ? Slot : as;
    return (
      <Comp
        ref={own ? composeRefs(ref, own) : ref}
        aria-label={children === undefined ? label : undefined}
        {...(native ? {} : { asChild })}
        {...attrs}
        {...props}
        onClick={handle ? composeHandlers(onClick, handle) : onClick}
      >
        {children ?? fallback}
      </Comp>
    );
  });
}
