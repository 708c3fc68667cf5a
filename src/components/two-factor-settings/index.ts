export { TwoFactorSettings, type TwoFactorSettingsProps } from './two-factor-settings.tsx';
