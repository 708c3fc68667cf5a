/**
 * The My Account API's audience and the scope each operation needs (OAS `security` per path).
 */

/** Every My Account operation the kit calls. */
export type MyAccountOperation = 'listFactors' | 'list' | 'get' | 'enroll' | 'verify' | 'update' | 'delete';

/** The scope each operation requires (OAS: `Bearer-DPoP` security requirement per operation). */
export const MY_ACCOUNT_SCOPES: Readonly<Record<MyAccountOperation, string>> = {
  listFactors: 'read:me:factors',
  list: 'read:me:authentication_methods',
  get: 'read:me:authentication_methods',
  enroll: 'create:me:authentication_methods',
  verify: 'create:me:authentication_methods',
  update: 'update:me:authentication_methods',
  delete: 'delete:me:authentication_methods',
};

/** The My Account audience for a tenant domain (canonical or custom): `https://{domain}/me/`. */
export const myAccountAudience = (domain: string): string => `https://${domain.replace(/^https?:\/\//, '').replace(/\/+$/, '')}/me/`;
