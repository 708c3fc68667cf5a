export { Slot } from './slot.tsx';
export { composeHandlers, composeRefs } from './compose.ts';
export { createPartContext } from './context.ts';
export { Primitive, buttonAttrs, ownContent, withDefault, type AsChildProps, type PartProps, type PrimitiveNode } from './primitive.tsx';
export { useReturnFocus } from './return-focus.ts';
