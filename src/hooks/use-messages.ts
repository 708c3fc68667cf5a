'use client';
import { useContext, useMemo } from 'react';
import { MfaContext } from './provider.tsx';
import { en, type Messages } from '../i18n/messages.ts';
import { translatorFrom, type Translator } from '../i18n/translator.ts';

/**
 * The translator for a component: English, then the provider's `messages`, then the component's
 * own `messages` prop. Works outside an `MfaProvider` too (English plus overrides).
 */
export function useMessages(overrides?: Partial<Messages>): Translator {
  return useTranslator(en, overrides);
}

/**
 * {@link useMessages} over a component's own English strings (`defaultsOf(...)`, a constant),
 * so the component's chunk carries only those.
 */
export function useTranslator(defaults: Partial<Messages>, overrides?: Partial<Messages>): Translator {
  const fromProvider = useContext(MfaContext)?.messages;
  return useMemo(() => translatorFrom(defaults, fromProvider, overrides), [defaults, fromProvider, overrides]);
}
