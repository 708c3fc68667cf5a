/**
 * The passkey ceremony's data conversions (no browser calls here): the My Account API's
 * `authn_params_public_key` (base64url strings) → `PublicKeyCredentialCreationOptions`
 * (ArrayBuffers) for `navigator.credentials.create`, and the resulting credential → the
 * `authn_response` of `POST /authentication-methods/{id}/verify`.
 */
import { fromBase64url, toBase64url } from './base64url';

/** `authn_params_public_key` as the My Account API sends it (OAS `PublicKeyCredentialCreationOptions`). */
export interface WireCreationOptions {
  challenge: string;
  rp: { id?: string; name: string };
  user: { id: string; name: string; displayName: string };
  pubKeyCredParams: { type: 'public-key'; alg: number }[];
  timeout?: number;
  authenticatorSelection?: { residentKey?: 'required'; userVerification?: 'required' | 'preferred' | 'discouraged' };
  excludeCredentials?: { id: string; type: 'public-key'; transports?: string[] }[];
}

/** The verify body's `authn_response` (OAS `AuthenticatorAttestationResponse`), base64url throughout. */
export interface WireAttestationResponse {
  id: string;
  rawId: string;
  type: 'public-key';
  authenticatorAttachment?: 'platform' | 'cross-platform';
  response: { attestationObject: string; clientDataJSON: string; transports?: string[] };
  clientExtensionResults: Record<string, unknown>;
}

/** Convert the API's creation options into what `navigator.credentials.create({ publicKey })` takes. */
export function toCreationOptions(wire: WireCreationOptions): PublicKeyCredentialCreationOptions {
  const options: PublicKeyCredentialCreationOptions = {
    challenge: fromBase64url(wire.challenge),
    rp: { ...wire.rp },
    user: { id: fromBase64url(wire.user.id), name: wire.user.name, displayName: wire.user.displayName },
    pubKeyCredParams: wire.pubKeyCredParams.map((p) => ({ type: p.type, alg: p.alg })),
  };
  if (wire.timeout !== undefined) options.timeout = wire.timeout;
  if (wire.authenticatorSelection) {
    const { residentKey, userVerification } = wire.authenticatorSelection;
    options.authenticatorSelection = {
      ...(residentKey ? { residentKey, requireResidentKey: residentKey === 'required' } : {}),
      ...(userVerification ? { userVerification } : {}),
    };
  }
  if (wire.excludeCredentials) {
    options.excludeCredentials = wire.excludeCredentials.map((c) => ({
      type: c.type,
      id: fromBase64url(c.id),
      ...(c.transports ? { transports: c.transports as AuthenticatorTransport[] } : {}),
    }));
  }
  return options;
}

/** The parts of a `PublicKeyCredential` from `navigator.credentials.create` the verify body needs. */
export interface CreatedCredential {
  id: string;
  rawId: ArrayBuffer;
  type: string;
  authenticatorAttachment?: string | null;
  response: { attestationObject: ArrayBuffer; clientDataJSON: ArrayBuffer; getTransports?: () => string[] };
  getClientExtensionResults?: () => AuthenticationExtensionsClientOutputs;
}

/** Convert a created credential into the verify body's `authn_response`. */
export function toAttestationResponse(credential: CreatedCredential): WireAttestationResponse {
  const transports = credential.response.getTransports?.();
  const attachment = credential.authenticatorAttachment;
  return {
    id: credential.id,
    rawId: toBase64url(credential.rawId),
    type: 'public-key',
    ...(attachment === 'platform' || attachment === 'cross-platform' ? { authenticatorAttachment: attachment } : {}),
    response: {
      attestationObject: toBase64url(credential.response.attestationObject),
      clientDataJSON: toBase64url(credential.response.clientDataJSON),
      ...(transports ? { transports } : {}),
    },
    clientExtensionResults: { ...(credential.getClientExtensionResults?.() ?? {}) },
  };
}
