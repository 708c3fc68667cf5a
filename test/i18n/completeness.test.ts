/**
 * Every shipped locale is a complete translation of the English source: every id, every
 * placeholder, no extra key, and no text left in English unless listed below as intentionally
 * identical (brand names, codes). A failure names the locale and the ids to add or remove.
 */
import { describe, expect, it } from 'vitest';
import { de, en, es, fr, ja } from '../../src/index.ts';

const locales: Record<string, Record<string, string>> = { de, fr, es, ja };

/** Ids whose text may equal English in the named locales (brand names, codes, bare placeholders). */
const sameAsEnglish: Record<string, readonly string[]> = { '*': ['factor.sms'] };

const placeholders = (text: string) => [...new Set(text.match(/\{[a-zA-Z_]+\}/g) ?? [])].sort();
const english = en as Record<string, string>;

/** The ids a table lacks and the ids English does not have. */
const keyDiff = (table: Record<string, string>) => ({
  missing: Object.keys(english).filter((id) => !(id in table)),
  extra: Object.keys(table).filter((id) => !(id in english)),
});

it('the key check reports a missing and an extra id', () => {
  const { 'factor.sms': _dropped, ...rest } = de as Record<string, string>;
  expect(keyDiff({ ...rest, 'no.such_id': 'x' })).toEqual({ missing: ['factor.sms'], extra: ['no.such_id'] });
});

describe.each(Object.entries(locales))('locale %s', (name, table) => {
  it('has every English id and no other', () => {
    expect(keyDiff(table)).toEqual({ missing: [], extra: [] });
  });

  it('keeps every placeholder of the English text', () => {
    const wrong = Object.keys(english)
      .filter((id) => id in table && placeholders(table[id]!).join() !== placeholders(english[id]!).join())
      .map((id) => `${id}: ${placeholders(english[id]!).join(' ')} ≠ ${placeholders(table[id]!).join(' ')}`);
    expect(wrong).toEqual([]);
  });

  it('translates every text (or lists it as intentionally identical)', () => {
    const allowed = new Set([...(sameAsEnglish['*'] ?? []), ...(sameAsEnglish[name] ?? [])]);
    const untranslated = Object.keys(english).filter(
      (id) => table[id] === english[id] && !allowed.has(id) && placeholders(english[id]!).join('') !== english[id]!.trim(),
    );
    expect(untranslated).toEqual([]);
  });
});
