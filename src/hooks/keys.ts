/** The SWR key of `GET /mfa/authenticators`. Each `MfaProvider` has its own cache, so keys need not carry the client. */
export const LIST_KEY = 'mfa-kit/authenticators';

/**
 * SWR cache keys. Each `MfaProvider` has its own cache, so keys need not carry the client.
 */
export const keys = {
  /** `GET /mfa/authenticators`. */
  authenticators: LIST_KEY,
} as const;
