import { createPart, type PartSpec } from '../primitives/part.tsx';

/**
 * `createPart` whose `data-slot` comes from the part's name, the kit's naming rule:
 * `StepUpCodeLabel` → `mfa-step-up-code-label`. (Small enough to move to primitives.)
 */
export function slotPart<C, E extends HTMLElement = HTMLElement>(name: string, use: (part: string) => C, spec: (context: C) => PartSpec) {
  const slot = 'mfa' + name.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());
  return createPart<C, E>(name, use, (context) => {
    const s = spec(context);
    return s && { 'data-slot': slot, ...s };
  });
}

/** The attributes every action button of the step-up and the expiry notice shares. */
export const button = (variant: string, disabled?: boolean) => ({ as: 'button' as const, type: 'button', 'data-variant': variant, 'aria-disabled': disabled || undefined });
