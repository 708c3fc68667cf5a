export { Slot } from './slot.tsx';
export { composeHandlers, composeRefs } from './compose.ts';
export { createPartContext } from './context.ts';
export { createPart, type PartProps, type PartSpec } from './part.tsx';
export { useReturnFocus } from './return-focus.ts';
