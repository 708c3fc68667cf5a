'use client';
import { Children, cloneElement, forwardRef, isValidElement, type ComponentPropsWithoutRef, type ElementType, type ForwardRefExoticComponent, type ReactNode, type RefAttributes } from 'react';
import { Slot } from './slot.tsx';

// What Radix's `Primitive` does (packages/react/primitive): one `forwardRef` component per element
// that renders the element, or its only child through `Slot` when `asChild` is set. A part renders
// `<Primitive.button asChild={asChild} …>` and keeps the element's own prop and ref types.
const NODES = ['a', 'button', 'code', 'div', 'form', 'h2', 'h3', 'h4', 'h5', 'h6', 'input', 'label', 'li', 'p', 'select', 'span', 'ul'] as const;

/** An element a part can render. */
export type PrimitiveNode = (typeof NODES)[number];

/** `asChild`: render the only child instead, with the part's props merged in (Radix). */
export interface AsChildProps {
  /** Render the child element instead, merging props (Radix `asChild`). @default false */
  asChild?: boolean;
}

/** A part's props: every attribute its element takes, plus `asChild`. */
export type PartProps<T extends ElementType> = ComponentPropsWithoutRef<T> & AsChildProps;

type NodeElement<N extends PrimitiveNode> = N extends keyof HTMLElementTagNameMap ? HTMLElementTagNameMap[N] : never;

/** `Primitive.button`, `Primitive.p`, …: the element, or its child with `asChild`. */
export const Primitive = Object.fromEntries(
  NODES.map((node) => {
    const Node = forwardRef<HTMLElement, AsChildProps & { children?: ReactNode }>(function Primitive({ asChild, ...props }, ref) {
      const Comp: ElementType = asChild ? Slot : node;
      return <Comp {...props} ref={ref} />;
    });
    if (process.env.NODE_ENV !== 'production') Node.displayName = `Primitive.${node}`;
    return [node, Node];
  }),
) as unknown as { [N in PrimitiveNode]: ForwardRefExoticComponent<PartProps<N> & RefAttributes<NodeElement<N>>> };

/** The content the user gave a part: its children, or with `asChild` the child's own children. */
export function ownContent(children: ReactNode, asChild: boolean | undefined): ReactNode {
  if (!asChild) return children;
  const child = Children.only(children);
  return isValidElement<{ children?: ReactNode }>(child) ? child.props.children : undefined;
}

/**
 * What a part renders inside itself: the user's children, else the part's default content. With
 * `asChild` the child brings its own content (as in Radix); a child that brings none gets the
 * default inside it, so `<RecoveryCodeStatus asChild><span /></…>` still announces.
 */
export function withDefault(children: ReactNode, fallback: ReactNode, asChild: boolean | undefined): ReactNode {
  if (!asChild) return children ?? fallback;
  const child = Children.only(children);
  return isValidElement<{ children?: ReactNode }>(child) && child.props.children == null && fallback != null ? cloneElement(child, undefined, fallback) : child;
}

/**
 * The attributes every button part starts from: `type="button"`, the shared `data-variant`
 * styles; `disabled` becomes `aria-disabled`, so the button keeps focus while pending.
 */
export const buttonAttrs = (variant: 'primary' | 'secondary' | 'danger' | 'ghost', disabled?: boolean) =>
  ({ type: 'button', 'data-variant': variant, 'aria-disabled': disabled || undefined }) as const;
