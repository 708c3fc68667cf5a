export { Slot } from './slot.tsx';
export { composeHandlers, composeRefs } from './compose.ts';
export { createPartContext } from './context.ts';
export { buttonSpec, createPart, partsOf, slotOf, type PartProps, type PartSpec } from './part.tsx';
export { useReturnFocus } from './return-focus.ts';
