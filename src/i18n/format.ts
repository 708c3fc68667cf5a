/** Strong right-to-left letters: Hebrew, Arabic, Syriac, Thaana, N'Ko… and their presentation forms. */
const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;

/**
 * Fills `{name}` placeholders with values. The result is plain text: React renders it as a text
 * node, so a phone number or device name from the API can never become markup.
 *
 * Where right-to-left text is involved (in the message or in a value), each value is wrapped in
 * Unicode's first-strong isolate (U+2068 … U+2069), so "•••• 9167" or a device named in Hebrew
 * keeps its own order inside the sentence instead of being reordered with its neighbours
 * (Unicode bidi, UAX #9 §2.7; what Fluent does by default). Left-to-right messages with
 * left-to-right values stay exactly as written.
 */
export function format(template: string, values?: Readonly<Record<string, string | number | undefined>>): string {
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => {
    const value = values[name];
    if (value === undefined) return match;
    const text = String(value);
    return RTL.test(template + text) ? `\u2068${text}\u2069` : text;
  });
}
