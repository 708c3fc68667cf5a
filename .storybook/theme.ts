/**
 * The Themes toolbar: light, dark, a custom brand theme made only with --mfa-* variables, and
 * unstyled (the kit's CSS not loaded at all). The kit's stylesheet is injected as a <style> so
 * "unstyled" can really remove it.
 */
import kitCss from '../src/styles/mfa-kit.css?inline';

export type ThemeName = 'light' | 'dark' | 'brand' | 'unstyled';

/** A brand theme built from variables only: what a design team would ship without forking. */
const BRAND = `
@layer brand {
  [data-theme='brand'] {
    --mfa-font: Georgia, 'Times New Roman', serif;
    --mfa-radius: 1.25rem;
    --mfa-surface: #fffaf3;
    --mfa-foreground: #2b1d0e;
    --mfa-muted: #f3e8d8;
    --mfa-muted-foreground: #5c4630;
    --mfa-border: #8a6a45;
    --mfa-primary: #7c2d12;
    --mfa-primary-foreground: #fffaf3;
    --mfa-danger: #9f1239;
    --mfa-danger-foreground: #fffaf3;
    --mfa-focus: #c2410c;
    background: var(--mfa-surface);
    color: var(--mfa-foreground);
  }
}`;

function styleElement(id: string): HTMLStyleElement {
  let el = document.getElementById(id) as HTMLStyleElement | null;
  if (!el) {
    el = document.createElement('style');
    el.id = id;
    document.head.append(el);
  }
  return el;
}

/** Applies a theme and text direction to the preview document. */
export function applyTheme(theme: ThemeName, dir: 'ltr' | 'rtl'): void {
  const root = document.documentElement;
  styleElement('mfa-kit-css').textContent = theme === 'unstyled' ? '' : kitCss;
  styleElement('mfa-kit-brand').textContent = theme === 'brand' ? BRAND : '';
  root.dataset.theme = theme === 'unstyled' ? 'light' : theme;
  root.dir = dir;
  // The page behind the components follows the theme so contrast is checked on the real surface.
  document.body.style.background = theme === 'dark' ? '#0b1120' : theme === 'brand' ? '#fffaf3' : '#ffffff';
  document.body.style.color = theme === 'dark' ? '#e2e8f0' : theme === 'brand' ? '#2b1d0e' : '#0f172a';
}
