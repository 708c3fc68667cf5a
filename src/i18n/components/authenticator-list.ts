/**
 * Strings of the authenticator-list component: English first, then every shipped locale with the same keys
 * (the type makes a missing translation a compile error). Ids are prefixed `list.`.
 * `{name}` is an entry's name from `t.entryName` (plain text, never markup).
 */
import { defaultsOf } from '../defaults.ts';

export const en = {
  'list.title': 'Two-factor authentication',
  'list.loading': 'Loading your two-factor methods…',
  'list.empty': 'No two-factor methods yet',
  'list.add': 'Add method',
  'list.pending_title': 'Unfinished setup',
  'list.pending_note': 'Setup not finished',
  'list.email_note': 'Your account’s verified email can’t be removed here.',
  'list.maybe_push_note': 'May be the one-time codes of push notifications in Guardian.',
  'list.recovery_code': 'Recovery code: set up',
  'list.remove': 'Remove',
  'list.remove_named': 'Remove {name}',
  'list.discard': 'Discard',
  'list.discard_named': 'Discard unfinished setup of {name}',
  'list.resume': 'Resume',
  'list.resume_named': 'Resume setup of {name}',
  'list.step_up': 'Verify to manage',
  'list.step_up_note': 'To add or remove methods, first verify it’s you.',
  'list.verify': 'Verify it’s you',
  'list.verify_note': 'Your session for managing these methods has ended. Verify it’s you to continue.',
  'list.removed': '{name} removed.',
} satisfies Record<string, string>;

/** This component's message ids. */
export type Messages = typeof en;

export const de: Messages = {
  'list.title': 'Zwei-Faktor-Authentifizierung',
  'list.loading': 'Ihre Zwei-Faktor-Methoden werden geladen …',
  'list.empty': 'Noch keine Zwei-Faktor-Methoden',
  'list.add': 'Methode hinzufügen',
  'list.pending_title': 'Unvollständige Einrichtung',
  'list.pending_note': 'Einrichtung nicht abgeschlossen',
  'list.email_note': 'Die bestätigte E-Mail-Adresse Ihres Kontos kann hier nicht entfernt werden.',
  'list.maybe_push_note': 'Möglicherweise die Einmalcodes der Push-Benachrichtigungen in Guardian.',
  'list.recovery_code': 'Wiederherstellungscode: eingerichtet',
  'list.remove': 'Entfernen',
  'list.remove_named': '{name} entfernen',
  'list.discard': 'Verwerfen',
  'list.discard_named': 'Unvollständige Einrichtung von {name} verwerfen',
  'list.resume': 'Fortsetzen',
  'list.resume_named': 'Einrichtung von {name} fortsetzen',
  'list.step_up': 'Zum Verwalten bestätigen',
  'list.step_up_note': 'Bestätigen Sie zuerst Ihre Identität, um Methoden hinzuzufügen oder zu entfernen.',
  'list.verify': 'Identität bestätigen',
  'list.verify_note': 'Ihre Sitzung zur Verwaltung dieser Methoden ist abgelaufen. Bestätigen Sie Ihre Identität, um fortzufahren.',
  'list.removed': 'Entfernt: {name}.',
};

export const fr: Messages = {
  'list.title': 'Authentification à deux facteurs',
  'list.loading': 'Chargement de vos méthodes à deux facteurs…',
  'list.empty': 'Aucune méthode à deux facteurs pour l’instant',
  'list.add': 'Ajouter une méthode',
  'list.pending_title': 'Configuration inachevée',
  'list.pending_note': 'Configuration non terminée',
  'list.email_note': 'L’adresse e-mail vérifiée de votre compte ne peut pas être supprimée ici.',
  'list.maybe_push_note': 'Peut-être les codes à usage unique des notifications push dans Guardian.',
  'list.recovery_code': 'Code de récupération : configuré',
  'list.remove': 'Supprimer',
  'list.remove_named': 'Supprimer {name}',
  'list.discard': 'Abandonner',
  'list.discard_named': 'Abandonner la configuration inachevée de {name}',
  'list.resume': 'Reprendre',
  'list.resume_named': 'Reprendre la configuration de {name}',
  'list.step_up': 'Vérifier pour gérer',
  'list.step_up_note': 'Pour ajouter ou supprimer des méthodes, confirmez d’abord votre identité.',
  'list.verify': 'Confirmer votre identité',
  'list.verify_note': 'Votre session de gestion de ces méthodes a pris fin. Confirmez votre identité pour continuer.',
  'list.removed': 'Suppression effectuée : {name}.',
};

export const es: Messages = {
  'list.title': 'Autenticación en dos pasos',
  'list.loading': 'Cargando tus métodos de autenticación en dos pasos…',
  'list.empty': 'Aún no tienes métodos de autenticación en dos pasos',
  'list.add': 'Añadir método',
  'list.pending_title': 'Configuración sin terminar',
  'list.pending_note': 'Configuración no terminada',
  'list.email_note': 'El correo verificado de tu cuenta no se puede eliminar aquí.',
  'list.maybe_push_note': 'Pueden ser los códigos de un solo uso de las notificaciones push en Guardian.',
  'list.recovery_code': 'Código de recuperación: configurado',
  'list.remove': 'Eliminar',
  'list.remove_named': 'Eliminar {name}',
  'list.discard': 'Descartar',
  'list.discard_named': 'Descartar la configuración sin terminar de {name}',
  'list.resume': 'Reanudar',
  'list.resume_named': 'Reanudar la configuración de {name}',
  'list.step_up': 'Verificar para gestionar',
  'list.step_up_note': 'Para añadir o eliminar métodos, primero verifica tu identidad.',
  'list.verify': 'Verificar tu identidad',
  'list.verify_note': 'Tu sesión para gestionar estos métodos ha terminado. Verifica tu identidad para continuar.',
  'list.removed': 'Se eliminó {name}.',
};

export const ja: Messages = {
  'list.title': '二要素認証',
  'list.loading': '二要素認証の方法を読み込んでいます…',
  'list.empty': '二要素認証の方法はまだありません',
  'list.add': '方法を追加',
  'list.pending_title': '未完了の設定',
  'list.pending_note': '設定が完了していません',
  'list.email_note': 'アカウントの確認済みメールアドレスはここでは削除できません。',
  'list.maybe_push_note': 'Guardian のプッシュ通知のワンタイムコードである可能性があります。',
  'list.recovery_code': 'リカバリーコード: 設定済み',
  'list.remove': '削除',
  'list.remove_named': '{name}を削除',
  'list.discard': '破棄',
  'list.discard_named': '{name}の未完了の設定を破棄',
  'list.resume': '再開',
  'list.resume_named': '{name}の設定を再開',
  'list.step_up': '本人確認して管理',
  'list.step_up_note': '方法を追加または削除するには、まず本人確認を行ってください。',
  'list.verify': '本人確認',
  'list.verify_note': 'これらの方法を管理するセッションが終了しました。続行するには本人確認を行ってください。',
  'list.removed': '{name}を削除しました。',
};

/** What this component's parts translate with: the shared English strings and these. */
export const defaults = /* @__PURE__ */ defaultsOf(en);
