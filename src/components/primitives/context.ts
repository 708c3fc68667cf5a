'use client';
import { createContext, useContext, type Context } from 'react';

/**
 * A context for a compound component's parts. Using a part outside its Root throws an error that
 * names both, like Radix does.
 */
export function createPartContext<T>(root: string): [Context<T | null>, (part: string) => T] {
  const context = createContext<T | null>(null);
  const use = (part: string): T => {
    const value = useContext(context);
    if (value === null) throw new Error(`<${part}> must be used within <${root}>.`);
    return value;
  };
  return [context, use];
}
