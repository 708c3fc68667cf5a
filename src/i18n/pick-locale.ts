/**
 * Picks the best of the locales an app ships for the user's preferred languages, in order:
 * the exact tag, then the same language and script (`zh-HK` → `zh-TW`, `pt` → `pt-BR` if listed
 * first), then the same language. Falls back to `fallback` when nothing matches.
 *
 * @example
 * const locale = pickLocale(['en', 'de', 'fr', 'ja']); // from navigator.languages
 */
export function pickLocale<L extends string>(available: readonly L[], requested?: readonly string[], fallback?: L): L | undefined {
  const wanted = requested ?? (typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]));
  const shipped = available.map((tag) => ({ tag, ...parts(tag) }));
  for (const want of wanted) {
    const w = parts(want);
    if (!w) continue;
    const match =
      shipped.find((s) => s.exact === w.exact) ??
      shipped.find((s) => s.language === w.language && s.script === w.script && s.region === w.region) ??
      shipped.find((s) => s.language === w.language && s.script === w.script) ??
      shipped.find((s) => s.language === w.language);
    if (match) return match.tag;
  }
  return fallback;
}

/** The tag's canonical form and its likely language, script and region; undefined if malformed. */
function parts(tag: string) {
  try {
    const locale = new Intl.Locale(tag);
    const full = locale.maximize();
    return { exact: locale.toString().toLowerCase(), language: full.language, script: full.script, region: full.region };
  } catch {
    return undefined;
  }
}
