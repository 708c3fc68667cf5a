/**
 * SWR cache keys. Each `MfaProvider` has its own cache, so keys need not carry the client.
 */
export const keys = {
  /** `GET /mfa/authenticators`. */
  authenticators: 'mfa-kit/authenticators',
} as const;
