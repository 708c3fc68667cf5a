/**
 * `npm run emulator`: serve an emulator on 127.0.0.1 (PORT or 4010) and print how to use it.
 * Flags: `--scenario <name>` (or `--scenario=<name>`), `--port <n>`.
 */
import { SCENARIOS, isScenarioName } from './scenarios.ts';
import { startEmulatorServer } from './node.ts';
import { REALM } from './token.ts';
import type { ScenarioName } from './types.ts';

function flag(name: string): string | undefined {
  const args = process.argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === `--${name}`) return args[i + 1];
    if (arg.startsWith(`--${name}=`)) return arg.slice(name.length + 3);
  }
  return undefined;
}

/** `--help`: what the flags are, without starting a server. */
export function helpText(): string {
  return [
    'Usage: npm run emulator -- [--port <n>] [--scenario <name>] [--help]',
    '',
    'Serves an in-memory Auth0 tenant (MFA API, /oauth/token) on 127.0.0.1 with CORS on, for curl or any Auth0 SDK.',
    'A test tool: never expose it beyond your machine.',
    '',
    'Options:',
    '  --port <n>         port to listen on (default: $PORT, else 4010; 0 picks a free one)',
    `  --scenario <name>  the seeded user's authenticators (default: every-factor). One of: ${SCENARIOS.join(', ')}`,
    '  --help, -h         print this help and exit',
  ].join('\n');
}

/** The CLI's output is its interface: it writes to stdout itself (the seeded test user, never a real secret). */
const say = (line: string): void => void process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  if (process.argv.slice(2).some((a) => a === '--help' || a === '-h')) {
    say(helpText());
    return;
  }
  const scenarioFlag = flag('scenario') ?? 'every-factor';
  if (!isScenarioName(scenarioFlag)) {
    console.error(`Unknown scenario "${scenarioFlag}". One of: ${SCENARIOS.join(', ')}`);
    process.exit(1);
  }
  const scenario: ScenarioName = scenarioFlag;
  const port = Number(flag('port') ?? process.env.PORT ?? 4010);
  const server = await startEmulatorServer({ port, emulatorOptions: { scenario } });
  const { emulator, url } = server;
  const user = emulator.users[0]!;
  const form = [
    'grant_type=password',
    `username=${encodeURIComponent(user.email)}`,
    `password=${encodeURIComponent(user.password)}`,
    `client_id=${encodeURIComponent(emulator.clientId)}`,
    `audience=${encodeURIComponent(emulator.audience)}`,
    `scope=${encodeURIComponent('openid enroll read:authenticators remove:authenticators')}`,
  ].join('&');
  say(`mfa-kit Auth0 emulator listening on ${url}`);
  say(`  scenario:  ${scenario}   (others: ${SCENARIOS.filter((s) => s !== scenario).join(', ')})`);
  say(`  user:      ${user.email} / ${user.password}   (realm ${REALM})`);
  say(`  client_id: ${emulator.clientId}`);
  say(`  audience:  ${emulator.audience}`);
  say('');
  say('Get a token (users with a factor get 403 mfa_required + mfa_token; continue with /mfa/challenge and an MFA grant):');
  say(`  curl -s -X POST ${url}/oauth/token -H 'Content-Type: application/x-www-form-urlencoded' -d '${form}'`);
  say('');
  say('Codes "sent" by SMS / voice / email are printed below as they happen.');

  let seen = 0;
  emulator.subscribe(() => {
    const outbox = emulator.outbox();
    for (const message of outbox.slice(seen)) say(`  [${message.channel} → ${message.to}] code ${message.code} (${message.purpose})`);
    seen = outbox.length;
  });
  const shutdown = () => {
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

void main();
