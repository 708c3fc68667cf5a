export { en, de, fr, es, ja, type MessageId, type Messages } from './messages.ts';
export { createTranslator, type Translator } from './translator.ts';
export { format } from './format.ts';
export { pickLocale } from './pick-locale.ts';
