import { useId, useState } from 'react';
import type { SectionProps } from './tenant-sections.tsx';
import { FAULT_PRESETS } from './faults.ts';

/** Latency and "fail the next request(s)" with a canned Auth0 / network failure. */
export function FaultControls({ emulator }: SectionProps) {
  const id = useId();
  const [latency, setLatency] = useState(0);
  const [presetId, setPresetId] = useState(FAULT_PRESETS[0]?.id ?? '');
  const [count, setCount] = useState(1);
  const [match, setMatch] = useState('');
  const [status, setStatus] = useState('');

  function arm() {
    const preset = FAULT_PRESETS.find((p) => p.id === presetId);
    if (!preset) return;
    const n = Math.max(1, Math.floor(count));
    const scope = match.trim();
    emulator.faults.failNext(n, { ...preset.fault(emulator.clock.now()), ...(scope ? { match: scope } : {}) });
    setStatus(`Armed: the next ${n === 1 ? 'request' : `${n} requests`}${scope ? ` matching “${scope}”` : ''} will fail with ${preset.label}.`);
  }

  return (
    <section className="emu-section" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>Faults</h3>
      <div className="emu-field">
        <label htmlFor={`${id}-latency`}>Latency (ms)</label>
        <input id={`${id}-latency`} type="number" min={0} step={100} value={latency}
               onChange={(e) => {
                 const ms = Math.max(0, Number(e.currentTarget.value) || 0);
                 setLatency(ms);
                 emulator.faults.latency(ms);
               }} />
      </div>
      <form className="emu-form" onSubmit={(e) => { e.preventDefault(); arm(); }}>
        <div className="emu-field">
          <label htmlFor={`${id}-preset`}>Failure</label>
          <select id={`${id}-preset`} value={presetId} onChange={(e) => setPresetId(e.currentTarget.value)}>
            {FAULT_PRESETS.map((p) => <option key={p.id} value={p.id}>{p.label}</option>)}
          </select>
        </div>
        <div className="emu-field">
          <label htmlFor={`${id}-count`}>Requests</label>
          <input id={`${id}-count`} type="number" min={1} step={1} value={count}
                 onChange={(e) => setCount(Number(e.currentTarget.value) || 1)} />
        </div>
        <div className="emu-field">
          <label htmlFor={`${id}-match`}>Only matching <span className="emu-muted">(optional)</span></label>
          <input id={`${id}-match`} type="text" value={match} placeholder="POST /oauth/token" spellCheck={false}
                 onChange={(e) => setMatch(e.currentTarget.value)} />
        </div>
        <div className="emu-actions">
          <button type="submit">Fail next request</button>
          <button type="button" className="emu-secondary" onClick={() => {
            emulator.faults.clear();
            emulator.faults.latency(0);
            setLatency(0);
            setStatus('Faults cleared.');
          }}>Clear faults</button>
        </div>
      </form>
      <p role="status" className="emu-muted">{status}</p>
    </section>
  );
}
