/**
 * Strings of the recovery-code component: English first, then every shipped locale with the same keys
 * (the type makes a missing translation a compile error). Ids are prefixed `recovery.`.
 * `{app}` is the host app's name, `{file}` the download's file name: plain text, never markup.
 */
import { defaultsOf } from '../defaults.ts';

export const en = {
  'recovery.title': 'Save your recovery code',
  'recovery.description': 'If you lose access to your other methods, sign in with this code. It is shown only once and works one time.',
  'recovery.copy': 'Copy code',
  'recovery.copy_failed': 'Couldn’t copy automatically. The code is selected: copy it with your keyboard.',
  'recovery.download': 'Download as .txt',
  'recovery.downloaded': 'Downloaded {file}',
  'recovery.download_failed': 'Couldn’t download the file. Copy the code instead.',
  'recovery.acknowledge': 'I have saved my recovery code',
  'recovery.acknowledge_required': 'Confirm that you have saved your recovery code before you continue.',
  'recovery.file_title': 'Recovery code for two-factor authentication',
  'recovery.file_title_app': 'Recovery code for two-factor authentication on {app}',
  'recovery.file_body': 'Use this code to sign in if you lose access to your two-factor authentication methods, for example if you lose your phone. It works once; when you use it, you get a new one. Keep it private and somewhere safe.',
} satisfies Record<string, string>;

/** This component's message ids. */
export type Messages = typeof en;

export const de: Messages = {
  'recovery.title': 'Speichern Sie Ihren Wiederherstellungscode',
  'recovery.description': 'Wenn Sie keinen Zugriff mehr auf Ihre anderen Methoden haben, melden Sie sich mit diesem Code an. Er wird nur einmal angezeigt und funktioniert einmal.',
  'recovery.copy': 'Code kopieren',
  'recovery.copy_failed': 'Automatisches Kopieren nicht möglich. Der Code ist markiert: Kopieren Sie ihn mit der Tastatur.',
  'recovery.download': 'Als .txt herunterladen',
  'recovery.downloaded': '{file} heruntergeladen',
  'recovery.download_failed': 'Die Datei konnte nicht heruntergeladen werden. Kopieren Sie stattdessen den Code.',
  'recovery.acknowledge': 'Ich habe meinen Wiederherstellungscode gespeichert',
  'recovery.acknowledge_required': 'Bestätigen Sie, dass Sie Ihren Wiederherstellungscode gespeichert haben, bevor Sie fortfahren.',
  'recovery.file_title': 'Wiederherstellungscode für die Zwei-Faktor-Authentifizierung',
  'recovery.file_title_app': 'Wiederherstellungscode für die Zwei-Faktor-Authentifizierung bei {app}',
  'recovery.file_body': 'Mit diesem Code melden Sie sich an, wenn Sie keinen Zugriff mehr auf Ihre Methoden der Zwei-Faktor-Authentifizierung haben, zum Beispiel wenn Sie Ihr Smartphone verlieren. Er funktioniert einmal; wenn Sie ihn verwenden, erhalten Sie einen neuen. Bewahren Sie ihn vertraulich und sicher auf.',
};

export const fr: Messages = {
  'recovery.title': 'Enregistrez votre code de récupération',
  'recovery.description': 'Si vous perdez l’accès à vos autres méthodes, connectez-vous avec ce code. Il n’est affiché qu’une fois et ne fonctionne qu’une fois.',
  'recovery.copy': 'Copier le code',
  'recovery.copy_failed': 'Copie automatique impossible. Le code est sélectionné : copiez-le avec votre clavier.',
  'recovery.download': 'Télécharger en .txt',
  'recovery.downloaded': '{file} téléchargé',
  'recovery.download_failed': 'Impossible de télécharger le fichier. Copiez plutôt le code.',
  'recovery.acknowledge': 'J’ai enregistré mon code de récupération',
  'recovery.acknowledge_required': 'Confirmez que vous avez enregistré votre code de récupération avant de continuer.',
  'recovery.file_title': 'Code de récupération pour l’authentification à deux facteurs',
  'recovery.file_title_app': 'Code de récupération pour l’authentification à deux facteurs sur {app}',
  'recovery.file_body': 'Utilisez ce code pour vous connecter si vous perdez l’accès à vos méthodes d’authentification à deux facteurs, par exemple si vous perdez votre téléphone. Il ne fonctionne qu’une fois ; lorsque vous l’utilisez, vous en recevez un nouveau. Gardez-le confidentiel et en lieu sûr.',
};

export const es: Messages = {
  'recovery.title': 'Guarda tu código de recuperación',
  'recovery.description': 'Si pierdes el acceso a tus otros métodos, inicia sesión con este código. Solo se muestra una vez y funciona una sola vez.',
  'recovery.copy': 'Copiar código',
  'recovery.copy_failed': 'No se pudo copiar automáticamente. El código está seleccionado: cópialo con el teclado.',
  'recovery.download': 'Descargar como .txt',
  'recovery.downloaded': '{file} descargado',
  'recovery.download_failed': 'No se pudo descargar el archivo. Copia el código en su lugar.',
  'recovery.acknowledge': 'He guardado mi código de recuperación',
  'recovery.acknowledge_required': 'Confirma que has guardado tu código de recuperación antes de continuar.',
  'recovery.file_title': 'Código de recuperación para la autenticación en dos pasos',
  'recovery.file_title_app': 'Código de recuperación para la autenticación en dos pasos en {app}',
  'recovery.file_body': 'Usa este código para iniciar sesión si pierdes el acceso a tus métodos de autenticación en dos pasos, por ejemplo si pierdes el teléfono. Funciona una sola vez; al usarlo recibirás uno nuevo. Guárdalo en un lugar privado y seguro.',
};

export const ja: Messages = {
  'recovery.title': 'リカバリーコードを保存してください',
  'recovery.description': '他の方法が使えなくなった場合は、このコードでサインインできます。コードは一度だけ表示され、一回だけ使用できます。',
  'recovery.copy': 'コードをコピー',
  'recovery.copy_failed': '自動でコピーできませんでした。コードを選択したので、キーボードでコピーしてください。',
  'recovery.download': '.txt でダウンロード',
  'recovery.downloaded': '{file} をダウンロードしました',
  'recovery.download_failed': 'ファイルをダウンロードできませんでした。代わりにコードをコピーしてください。',
  'recovery.acknowledge': 'リカバリーコードを保存しました',
  'recovery.acknowledge_required': '続行する前に、リカバリーコードを保存したことを確認してください。',
  'recovery.file_title': '二要素認証のリカバリーコード',
  'recovery.file_title_app': '{app} の二要素認証のリカバリーコード',
  'recovery.file_body': '電話をなくした場合など、二要素認証の方法が使えなくなったときは、このコードでサインインしてください。コードは一回だけ使用でき、使用すると新しいコードが発行されます。他人に見せず、安全な場所に保管してください。',
};

/** What this component's parts translate with: the shared English strings and these. */
export const defaults = /* @__PURE__ */ defaultsOf(en);
