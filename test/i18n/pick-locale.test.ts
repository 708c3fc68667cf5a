import { describe, expect, it } from 'vitest';
import { pickLocale } from '../../src/index.ts';

const shipped = ['en', 'de', 'pt-BR', 'pt-PT', 'zh-CN', 'zh-TW', 'es', 'es-419'] as const;

describe('pickLocale', () => {
  it('takes the first preferred language that ships, exact tag first', () => {
    expect(pickLocale(shipped, ['xx', 'pt-PT', 'de'])).toBe('pt-PT');
    expect(pickLocale(shipped, ['DE-de'])).toBe('de');
  });
  it('matches by script: Traditional Chinese regions get zh-TW, Simplified get zh-CN', () => {
    expect(pickLocale(shipped, ['zh-HK'])).toBe('zh-TW');
    expect(pickLocale(shipped, ['zh-SG'])).toBe('zh-CN');
    expect(pickLocale(shipped, ['zh'])).toBe('zh-CN');
  });
  it('falls back to the same language, then to the fallback', () => {
    expect(pickLocale(shipped, ['pt'])).toBe('pt-BR');
    expect(pickLocale(shipped, ['es-MX'])).toBe('es');
    expect(pickLocale(shipped, ['ko', 'not a tag!'], 'en')).toBe('en');
    expect(pickLocale(shipped, [])).toBeUndefined();
  });
});
