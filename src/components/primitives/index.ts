export { Slot } from './slot.tsx';
export { composeHandlers, composeRefs } from './compose.ts';
export { createPartContext } from './context.ts';
