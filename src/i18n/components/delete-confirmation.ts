/**
 * Strings of the delete-confirmation component: English first, then every shipped locale with the same keys
 * (the type makes a missing translation a compile error). Ids are prefixed `delete.`.
 * `{name}` is an entry's name from `t.entryName` (plain text, never markup).
 */
import { defaultsOf } from '../defaults.ts';

export const en = {
  'delete.trigger': 'Remove',
  'delete.trigger_named': 'Remove {name}',
  'delete.title': 'Remove {name}?',
  'delete.title_pending': 'Discard unfinished setup?',
  'delete.description': 'You won’t be able to use {name} to verify it’s you any more.',
  'delete.description_pending': 'The unfinished setup of {name} will be discarded. You can start again at any time.',
  'delete.pair_phone': '{name} will both be removed.',
  'delete.pair_push': 'Removing push notifications also removes the one-time codes from Guardian.',
  'delete.pair_push_unknown': 'Removing push notifications also removes its one-time codes from Guardian, so one of your authenticator app entries goes too.',
  'delete.pair_otp_unknown': 'If these codes come from Guardian, push notifications on that phone are removed too.',
  'delete.last_factor': 'You will have no second factor left: only your password will protect your account until you add another method.',
  'delete.confirm': 'Remove',
  'delete.confirm_pending': 'Discard',
  'delete.removing': 'Removing…',
} satisfies Record<string, string>;

/** This component's message ids. */
export type Messages = typeof en;

export const de: Messages = {
  'delete.trigger': 'Entfernen',
  'delete.trigger_named': '{name} entfernen',
  'delete.title': '{name} entfernen?',
  'delete.title_pending': 'Unvollständige Einrichtung verwerfen?',
  'delete.description': 'Sie können {name} danach nicht mehr zur Bestätigung Ihrer Identität verwenden.',
  'delete.description_pending': 'Die unvollständige Einrichtung von {name} wird verworfen. Sie können jederzeit neu beginnen.',
  'delete.pair_phone': '{name} werden beide entfernt.',
  'delete.pair_push': 'Mit den Push-Benachrichtigungen werden auch die Einmalcodes aus Guardian entfernt.',
  'delete.pair_push_unknown': 'Mit den Push-Benachrichtigungen werden auch ihre Einmalcodes aus Guardian entfernt, daher verschwindet auch einer Ihrer Authenticator-App-Einträge.',
  'delete.pair_otp_unknown': 'Falls diese Codes aus Guardian stammen, werden auch die Push-Benachrichtigungen auf diesem Smartphone entfernt.',
  'delete.last_factor': 'Sie haben dann keinen zweiten Faktor mehr: Ihr Konto ist nur noch durch Ihr Passwort geschützt, bis Sie eine andere Methode hinzufügen.',
  'delete.confirm': 'Entfernen',
  'delete.confirm_pending': 'Verwerfen',
  'delete.removing': 'Wird entfernt …',
};

export const fr: Messages = {
  'delete.trigger': 'Supprimer',
  'delete.trigger_named': 'Supprimer {name}',
  'delete.title': 'Supprimer {name} ?',
  'delete.title_pending': 'Abandonner la configuration inachevée ?',
  'delete.description': 'Vous ne pourrez plus utiliser {name} pour confirmer votre identité.',
  'delete.description_pending': 'La configuration inachevée de {name} sera abandonnée. Vous pourrez recommencer à tout moment.',
  'delete.pair_phone': '{name} seront tous deux supprimés.',
  'delete.pair_push': 'Supprimer les notifications push supprime aussi les codes à usage unique de Guardian.',
  'delete.pair_push_unknown': 'Supprimer les notifications push supprime aussi leurs codes à usage unique de Guardian : l’une de vos entrées d’application d’authentification disparaîtra aussi.',
  'delete.pair_otp_unknown': 'Si ces codes viennent de Guardian, les notifications push sur ce téléphone seront aussi supprimées.',
  'delete.last_factor': 'Vous n’aurez plus de second facteur : seul votre mot de passe protégera votre compte jusqu’à ce que vous ajoutiez une autre méthode.',
  'delete.confirm': 'Supprimer',
  'delete.confirm_pending': 'Abandonner',
  'delete.removing': 'Suppression…',
};

export const es: Messages = {
  'delete.trigger': 'Eliminar',
  'delete.trigger_named': 'Eliminar {name}',
  'delete.title': '¿Eliminar {name}?',
  'delete.title_pending': '¿Descartar la configuración sin terminar?',
  'delete.description': 'Ya no podrás usar {name} para verificar tu identidad.',
  'delete.description_pending': 'Se descartará la configuración sin terminar de {name}. Puedes empezar de nuevo cuando quieras.',
  'delete.pair_phone': 'Se eliminarán ambos: {name}.',
  'delete.pair_push': 'Al eliminar las notificaciones push también se eliminan los códigos de un solo uso de Guardian.',
  'delete.pair_push_unknown': 'Al eliminar las notificaciones push también se eliminan sus códigos de un solo uso de Guardian, así que también desaparecerá una de tus entradas de app de autenticación.',
  'delete.pair_otp_unknown': 'Si estos códigos vienen de Guardian, también se eliminarán las notificaciones push de ese teléfono.',
  'delete.last_factor': 'No te quedará ningún segundo factor: solo tu contraseña protegerá tu cuenta hasta que añadas otro método.',
  'delete.confirm': 'Eliminar',
  'delete.confirm_pending': 'Descartar',
  'delete.removing': 'Eliminando…',
};

export const ja: Messages = {
  'delete.trigger': '削除',
  'delete.trigger_named': '{name}を削除',
  'delete.title': '{name}を削除しますか？',
  'delete.title_pending': '未完了の設定を破棄しますか？',
  'delete.description': '今後、{name}を本人確認に使用できなくなります。',
  'delete.description_pending': '{name}の未完了の設定を破棄します。いつでも最初からやり直せます。',
  'delete.pair_phone': '{name}の両方が削除されます。',
  'delete.pair_push': 'プッシュ通知を削除すると、Guardian のワンタイムコードも削除されます。',
  'delete.pair_push_unknown': 'プッシュ通知を削除すると、Guardian のワンタイムコードも削除されるため、認証アプリの項目が 1 つ消えます。',
  'delete.pair_otp_unknown': 'これらのコードが Guardian のものである場合、そのスマートフォンのプッシュ通知も削除されます。',
  'delete.last_factor': '二要素認証の方法がなくなります。別の方法を追加するまで、アカウントはパスワードだけで保護されます。',
  'delete.confirm': '削除',
  'delete.confirm_pending': '破棄',
  'delete.removing': '削除しています…',
};

/** What this component's parts translate with: the shared English strings and these. */
export const defaults = /* @__PURE__ */ defaultsOf(en);
