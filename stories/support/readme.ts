/** A component README (imported with `?raw`) as autodocs text: its parts, states, data-* attributes and CSS variables. */
export function withReadme(summary: string, readme: string): string {
  // The docs page already shows the component's name as its title.
  return `${summary}\n\n${readme.replace(/^# .*\n+/, '')}`;
}
