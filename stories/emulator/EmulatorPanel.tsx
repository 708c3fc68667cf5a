import { useId } from 'react';
import { SCENARIOS } from '../../src/emulator/index.ts';
import type { Emulator, ScenarioName } from '../../src/emulator/types.ts';
import { OutboxSection, PushSection, RequestLogSection } from './activity-sections.tsx';
import { FaultControls } from './fault-controls.tsx';
import { AuthenticatorsSection, OtpCodesSection, RecoverySection, TenantSection } from './tenant-sections.tsx';
import { useEmulatorVersion } from './use-emulator.ts';
import './emulator-panel.css';

export interface EmulatorPanelProps {
  /** The live tenant to show and operate. */
  emulator: Emulator;
  /** Scenario names for the picker. @default SCENARIOS */
  scenarios?: readonly ScenarioName[];
  /** Heading text. @default 'Auth0 emulator' */
  title?: string;
}

/**
 * The control room for a live `Emulator`: its seed, the user's authenticators, the codes it
 * "sent", pending push requests, the request log and fault injection. Stories render it beside a
 * component so designers and testers can complete flows by hand.
 */
export function EmulatorPanel({ emulator, scenarios, title = 'Auth0 emulator' }: EmulatorPanelProps) {
  const id = useId();
  useEmulatorVersion(emulator);
  return (
    <section className="emu-panel" aria-labelledby={id} data-slot="emulator-panel">
      <h2 id={id}>{title}</h2>
      {/* Controls and codes on the left, what happened on the right; they stack when narrow. */}
      <div className="emu-columns">
        <div className="emu-column emu-side">
          <TenantSection emulator={emulator} scenarios={scenarios ?? SCENARIOS} />
          <OtpCodesSection emulator={emulator} />
          <RecoverySection emulator={emulator} />
          <FaultControls emulator={emulator} />
        </div>
        <div className="emu-column emu-main">
          <PushSection emulator={emulator} />
          <OutboxSection emulator={emulator} />
          <AuthenticatorsSection emulator={emulator} />
          <RequestLogSection emulator={emulator} />
        </div>
      </div>
    </section>
  );
}
