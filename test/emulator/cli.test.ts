import { execFile } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('npm run emulator -- --help', () => {
  it('prints the flags and exits without starting a server', async () => {
    const out = await new Promise<string>((resolve, reject) =>
      execFile(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'src/emulator/cli.ts', '--help'], { cwd: ROOT, timeout: 30_000 }, (error, stdout) =>
        error ? reject(error) : resolve(stdout),
      ),
    );
    expect(out).toMatch(/--port <n>/);
    expect(out).toMatch(/--scenario <name>.*otp-only/);
    expect(out).not.toMatch(/listening/);
  });
});
