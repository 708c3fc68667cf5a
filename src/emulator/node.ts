/**
 * Serve an emulator over real HTTP with node:http (for `npm run emulator`, manual testing and
 * any Auth0 SDK pointed at it). Node-only: browsers use `emulator.fetch` or the MSW handlers.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createEmulator } from './emulator.ts';
import type { Emulator, EmulatorOptions } from './types.ts';

/** Options for {@link startEmulatorServer}. */
export interface EmulatorServerOptions {
  /** Port to listen on; 0 picks a free one. @default 4010 */
  port?: number;
  /** Interface to bind. @default '127.0.0.1' */
  host?: string;
  /** Serve this emulator instead of creating one (its `baseUrl` is then left as it is). */
  emulator?: Emulator;
  /** Options for the emulator created when `emulator` is not given (`baseUrl` is set to the server's URL). */
  emulatorOptions?: Omit<EmulatorOptions, 'baseUrl'>;
}

/** A running emulator server. */
export interface EmulatorServer {
  /** e.g. `http://127.0.0.1:4010`. */
  url: string;
  emulator: Emulator;
  /** Stop listening and drop open connections. */
  close(): Promise<void>;
}

function readRequestBody(req: IncomingMessage): Promise<Uint8Array<ArrayBuffer>> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    req.on('data', (chunk: Uint8Array) => chunks.push(chunk));
    req.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    req.on('error', reject);
  });
}

async function toRequest(req: IncomingMessage, origin: string): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const method = (req.method ?? 'GET').toUpperCase();
  const body = method === 'GET' || method === 'HEAD' ? undefined : await readRequestBody(req);
  return new Request(new URL(req.url ?? '/', origin), { method, headers, ...(body && body.length ? { body } : {}) });
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const body = new Uint8Array(await response.arrayBuffer());
  res.writeHead(response.status, headers);
  res.end(body);
}

/**
 * Start an emulator HTTP server on 127.0.0.1 with CORS (preflight included).
 *
 * @example
 * ```ts
 * const server = await startEmulatorServer({ port: 0 });
 * await fetch(`${server.url}/oauth/token`, { method: 'POST', body: new URLSearchParams({ … }) });
 * await server.close();
 * ```
 */
export async function startEmulatorServer(options: EmulatorServerOptions = {}): Promise<EmulatorServer> {
  const host = options.host ?? '127.0.0.1';
  let emulator = options.emulator;
  let origin = '';
  const server = createServer((req, res) => {
    void (async () => {
      try {
        const request = await toRequest(req, origin);
        const response = await emulator!.handle(request);
        await send(res, response);
      } catch (e) {
        if (e instanceof TypeError && e.message === 'Failed to fetch') {
          // An injected network fault: drop the connection, as an unreachable server would.
          req.socket.destroy();
          return;
        }
        if (!res.headersSent) {
          res.writeHead(400, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' });
        }
        res.end(JSON.stringify({ error: 'invalid_request', error_description: 'The request could not be read.' }));
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4010, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  origin = url;
  emulator ??= createEmulator({ ...options.emulatorOptions, baseUrl: url });
  return {
    url,
    emulator,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
