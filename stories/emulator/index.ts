export { EmulatorPanel } from './EmulatorPanel.tsx';
export type { EmulatorPanelProps } from './EmulatorPanel.tsx';
export { FAULT_PRESETS } from './faults.ts';
export type { FaultPreset } from './faults.ts';
export { useEmulatorVersion } from './use-emulator.ts';
