export { AuthenticatorList, type AuthenticatorListProps } from './authenticator-list.tsx';
export { AuthenticatorListRoot, type AuthenticatorListRootProps, type AuthenticatorListState, type HeadingLevel } from './root.tsx';
export {
  AuthenticatorListHeading,
  AuthenticatorListStatus,
  AuthenticatorListError,
  AuthenticatorListRetry,
  AuthenticatorListEmpty,
  AuthenticatorListRecoveryCode,
  AuthenticatorListStepUpNote,
  AuthenticatorListStepUp,
  AuthenticatorListAdd,
} from './parts.tsx';
export {
  AuthenticatorListItems,
  AuthenticatorListPendingHeading,
  AuthenticatorListItem,
  AuthenticatorListItemName,
  AuthenticatorListItemNote,
  AuthenticatorListItemResume,
  AuthenticatorListItemRemove,
  type AuthenticatorListItemsProps,
  type AuthenticatorListItemProps,
} from './items.tsx';
