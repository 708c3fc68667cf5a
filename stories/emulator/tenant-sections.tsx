import { useId, useState } from 'react';
import type { WireAuthenticator } from '../../src/core/wire.ts';
import type { Emulator, ScenarioName } from '../../src/emulator/types.ts';
import { secondsToNextStep } from './use-emulator.ts';

/** What each seed contains, for the picker's description (mirrors `ScenarioName`'s docs). */
const SCENARIO_NOTES: Record<ScenarioName, string> = {
  'new-user': 'Nothing enrolled; the first enrollment returns a recovery code.',
  'otp-only': 'One authenticator app, plus the recovery code.',
  'sms-voice': 'SMS + voice on +1 555 010 9167, plus the recovery code.',
  'push-otp': 'Guardian push ("Pixel 8") with its paired OTP, plus the recovery code.',
  'email-only': 'Only the auto-listed verified email (not removable).',
  pending: 'One active OTP and two pending enrollments.',
  'every-factor': 'OTP, SMS + voice, push + OTP, enrolled email, verified email, recovery code.',
  'list-only': 'OTP enrolled; the default credential is a raw mfa_token (list only).',
};

export interface SectionProps {
  emulator: Emulator;
}

/** Scenario picker + the seeded user and application. */
export function TenantSection({ emulator, scenarios }: SectionProps & { scenarios: readonly ScenarioName[] }) {
  const id = useId();
  const [picked, setPicked] = useState<ScenarioName>(emulator.scenario);
  const user = emulator.users[0];
  return (
    <section className="emu-section" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>Tenant</h3>
      <div className="emu-row">
        <label htmlFor={`${id}-scenario`}>Scenario</label>
        <select id={`${id}-scenario`} value={picked} aria-describedby={`${id}-note`}
                onChange={(e) => setPicked(e.currentTarget.value as ScenarioName)}>
          {scenarios.map((s) => <option key={s} value={s}>{s}</option>)}
        </select>
        <button type="button" onClick={() => {
          emulator.reset(picked);
          // A reset means a fresh tenant: armed faults and latency from before would surprise.
          emulator.faults.clear();
          emulator.faults.latency(0);
        }}>Reset tenant</button>
      </div>
      <p id={`${id}-note`} className="emu-muted">{SCENARIO_NOTES[picked]}</p>
      <dl className="emu-facts">
        <dt>Seeded as</dt><dd><code>{emulator.scenario}</code></dd>
        <dt>User</dt><dd>{user ? <><code>{user.id}</code> · {user.email}</> : 'none'}</dd>
        <dt>Password</dt><dd>{user ? <code>{user.password}</code> : '—'}</dd>
        {user?.phone ? <><dt>Phone</dt><dd><code>{user.phone}</code></dd></> : null}
        <dt>Client id</dt><dd><code>{emulator.clientId}</code></dd>
        <dt>Base URL</dt><dd><code>{emulator.baseUrl}</code></dd>
      </dl>
    </section>
  );
}

/** `otp`, `oob · sms`, `oob · push (auth0)`, plus the tenant's `type` when listed. */
function kindOf(a: WireAuthenticator): string {
  const channel = a.oob_channel === 'auth0' ? 'push (auth0)' : a.oob_channel;
  const kind = channel ? `${a.authenticator_type} · ${channel}` : a.authenticator_type;
  return a.type && a.type !== a.authenticator_type ? `${kind} [${a.type}]` : kind;
}

/** The list exactly as GET /mfa/authenticators answers it. */
export function AuthenticatorsSection({ emulator }: SectionProps) {
  const list = emulator.authenticators();
  return (
    <section className="emu-section">
      <table className="emu-table">
        <caption>Authenticators <span className="emu-muted">(as GET /mfa/authenticators lists them)</span></caption>
        <thead><tr><th scope="col">Id</th><th scope="col">Type / channel</th><th scope="col">State</th><th scope="col">Name</th></tr></thead>
        <tbody>
          {list.length === 0
            ? <tr><td colSpan={4} className="emu-muted">Nothing enrolled.</td></tr>
            : list.map((a) => (
              <tr key={a.id} data-pending={a.active ? undefined : ''}>
                <td><code>{a.id}</code></td>
                <td>{kindOf(a)}</td>
                <td>{a.active ? 'active' : 'pending'}</td>
                <td>{a.name ?? '—'}</td>
              </tr>
            ))}
        </tbody>
      </table>
    </section>
  );
}

/** The panel must keep rendering even if one authenticator has no usable secret. */
function safeTotp(emulator: Emulator, id: string): string {
  try {
    return emulator.totp(id);
  } catch {
    return '—';
  }
}

/** Current TOTP codes of every OTP authenticator (pending included), with the step countdown. */
export function OtpCodesSection({ emulator }: SectionProps) {
  const otps = emulator.authenticators().filter((a) => a.authenticator_type === 'otp');
  const left = secondsToNextStep(emulator.clock.now());
  return (
    <section className="emu-section">
      <table className="emu-table">
        <caption>Authenticator app codes <span className="emu-muted">(next code in {left} s)</span></caption>
        <thead><tr><th scope="col">Authenticator</th><th scope="col">Code</th></tr></thead>
        <tbody>
          {otps.length === 0
            ? <tr><td colSpan={2} className="emu-muted">No authenticator app.</td></tr>
            : otps.map((a) => (
              <tr key={a.id}>
                <td><code>{a.id}</code>{a.active ? '' : ' (pending)'}</td>
                <td><code className="emu-code">{safeTotp(emulator, a.id)}</code></td>
              </tr>
            ))}
        </tbody>
      </table>
      <div className="emu-bar" aria-hidden="true"><div style={{ width: `${(left / 30) * 100}%` }} /></div>
    </section>
  );
}

/** The user's current recovery code. */
export function RecoverySection({ emulator }: SectionProps) {
  const id = useId();
  const code = emulator.recoveryCode();
  return (
    <section className="emu-section" aria-labelledby={id}>
      <h3 id={id}>Recovery code</h3>
      <p>{code ? <code className="emu-code">{code}</code> : <span className="emu-muted">None yet.</span>}</p>
    </section>
  );
}
