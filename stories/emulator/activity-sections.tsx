import type { OutboxMessage } from '../../src/emulator/types.ts';
import type { SectionProps } from './tenant-sections.tsx';
import { formatTime, shortGrant } from './use-emulator.ts';

const CHANNEL_LABEL: Record<OutboxMessage['channel'], string> = { sms: 'SMS', voice: 'Voice call', email: 'Email' };

/** Codes the tenant "sent" by SMS, voice and email, newest first; the newest is announced. */
export function OutboxSection({ emulator }: SectionProps) {
  const messages = emulator.outbox().slice().reverse();
  const newest = messages[0];
  return (
    <section className="emu-section">
      <table className="emu-table">
        <caption>Outbox <span className="emu-muted">(codes sent by SMS, voice and email; newest first)</span></caption>
        <thead><tr><th scope="col">Time</th><th scope="col">Channel</th><th scope="col">To</th><th scope="col">Code</th><th scope="col">Purpose</th></tr></thead>
        <tbody>
          {messages.length === 0
            ? <tr><td colSpan={5} className="emu-muted">Nothing sent yet.</td></tr>
            : messages.map((m) => (
              <tr key={m.id}>
                <td>{formatTime(m.sentAt)}</td>
                <td>{CHANNEL_LABEL[m.channel]}</td>
                <td>{m.to}</td>
                <td><code className="emu-code">{m.code}</code></td>
                <td>{m.purpose}</td>
              </tr>
            ))}
        </tbody>
      </table>
      {/* Always mounted so screen readers hear each new code as it arrives. */}
      <p className="emu-muted" aria-live="polite">
        {newest ? `Newest: ${CHANNEL_LABEL[newest.channel]} code ${newest.code} to ${newest.to}.` : ''}
      </p>
    </section>
  );
}

/** Push notifications; pending ones can be approved or rejected as the user's phone would. */
export function PushSection({ emulator }: SectionProps) {
  const requests = emulator.pushRequests().slice().reverse();
  return (
    <section className="emu-section">
      <table className="emu-table">
        <caption>Push requests <span className="emu-muted">(the user's phone; newest first)</span></caption>
        <thead><tr><th scope="col">Time</th><th scope="col">Authenticator</th><th scope="col">Status</th><th scope="col">Actions</th></tr></thead>
        <tbody>
          {requests.length === 0
            ? <tr><td colSpan={4} className="emu-muted">No push notifications.</td></tr>
            : requests.map((r) => (
              <tr key={r.id} data-state={r.status}>
                <td>{formatTime(r.createdAt)}</td>
                <td><code>{r.authenticatorId}</code></td>
                <td>{r.status} <span className="emu-muted">({r.purpose})</span></td>
                <td>
                  {r.status === 'pending' ? (
                    <span className="emu-actions">
                      {/* The names carry the purpose and time so several pending rows stay distinguishable. */}
                      <button type="button" aria-label={`Approve push (${r.purpose}, ${formatTime(r.createdAt)})`}
                              onClick={() => emulator.approvePush(r.id)}>Approve</button>
                      <button type="button" className="emu-secondary" aria-label={`Reject push (${r.purpose}, ${formatTime(r.createdAt)})`}
                              onClick={() => emulator.rejectPush(r.id)}>Reject</button>
                    </span>
                  ) : '—'}
                </td>
              </tr>
            ))}
        </tbody>
      </table>
    </section>
  );
}

/** How many log rows to show; older ones stay in `emulator.requests()`. */
const LOG_ROWS = 50;

/** Every request the emulator answered, newest first. */
export function RequestLogSection({ emulator }: SectionProps) {
  const all = emulator.requests();
  const rows = all.slice(-LOG_ROWS).reverse();
  return (
    <section className="emu-section">
      <table className="emu-table">
        <caption>Request log <span className="emu-muted">(newest first)</span></caption>
        <thead>
          <tr><th scope="col">Time</th><th scope="col">Method</th><th scope="col">Path</th><th scope="col">Grant type</th>
              <th scope="col">Status</th><th scope="col">Error</th></tr>
        </thead>
        <tbody>
          {rows.length === 0
            ? <tr><td colSpan={6} className="emu-muted">No requests yet.</td></tr>
            : rows.map((r, i) => (
              <tr key={`${all.length - i}`} data-invalid={r.status >= 400 || r.status === 0 ? '' : undefined}>
                <td>{formatTime(r.at)}</td>
                <td>{r.method}</td>
                <td><code>{r.path}</code></td>
                <td>{shortGrant(r.grantType)}</td>
                <td>{r.status === 0 ? 'network' : r.status}</td>
                <td className="emu-break">{r.error ?? ''}{r.injected ? ' (injected)' : ''}</td>
              </tr>
            ))}
        </tbody>
      </table>
      <p className="emu-muted">
        {all.length > LOG_ROWS ? `Showing the newest ${LOG_ROWS} of ${all.length} requests.` : `${all.length} request(s).`}{' '}
        <button type="button" className="emu-secondary" onClick={() => emulator.clearRequests()} disabled={all.length === 0}>Clear log</button>
      </p>
    </section>
  );
}
