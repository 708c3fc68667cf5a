/// <reference types="vite/client" />

/** The example's settings (see ../README.md). All optional: the default is the emulator mode. */
interface ImportMetaEnv {
  /** `emulator` (default) or `auth0`. */
  readonly VITE_MFA_MODE?: string;
  /** Emulator mode: the emulator server's origin. @default http://127.0.0.1:4010 */
  readonly VITE_EMULATOR_URL?: string;
  /** Auth0 mode: the tenant's canonical domain (required). Emulator mode: the emulator's domain. */
  readonly VITE_AUTH0_DOMAIN?: string;
  /** Auth0 mode: the SPA application's client id (required). */
  readonly VITE_AUTH0_CLIENT_ID?: string;
}
