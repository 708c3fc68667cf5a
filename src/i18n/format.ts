/**
 * Fills `{name}` placeholders with values. The result is plain text: React renders it as a text
 * node, so a phone number or device name from the API can never become markup.
 */
export function format(template: string, values?: Readonly<Record<string, string | number | undefined>>): string {
  return values ? template.replace(/\{(\w+)\}/g, (match, name: string) => String(values[name] ?? match)) : template;
}
