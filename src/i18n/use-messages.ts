'use client';
import { useContext, useMemo } from 'react';
import { MfaContext } from '../hooks/provider.tsx';
import type { Messages } from './messages.ts';
import { createTranslator, type Translator } from './translator.ts';

/**
 * The translator for a component: English, then the provider's `messages`, then the component's
 * own `messages` prop. Works outside an `MfaProvider` too (English plus overrides).
 */
export function useMessages(overrides?: Partial<Messages>): Translator {
  const fromProvider = useContext(MfaContext)?.messages;
  return useMemo(() => createTranslator(fromProvider, overrides), [fromProvider, overrides]);
}
