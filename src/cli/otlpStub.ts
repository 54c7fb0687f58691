/**
 * A stand-in OpenTelemetry Collector for `npm run telemetry-overhead`: an OTLP/HTTP endpoint on 127.0.0.1 that
 * answers 200 `{}` (a healthy collector), 503 (one that is overloaded) or never (one that hangs), and notes each
 * request's arrival and size. It keeps no payloads: the overhead run only needs when, where and how many bytes.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type StubMode = 'ok' | '503' | 'hang';

export interface StubRequest {
  /** e.g. /v1/metrics */
  path: string;
  /** Date.now() when the whole body had arrived. */
  at: number;
  bytes: number;
  mode: StubMode;
}

export class OtlpStubCollector {
  mode: StubMode = 'ok';
  readonly requests: StubRequest[] = [];
  private readonly hanging = new Set<ServerResponse>();

  private constructor(private readonly server: Server) {}

  static async start(): Promise<OtlpStubCollector> {
    let stub: OtlpStubCollector | null = null;
    const server = createServer((req, res) => stub?.handle(req, res));
    stub = new OtlpStubCollector(server);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', resolve);
    });
    return stub;
  }

  /** Base URL: what `SEGMETER_OTLP_TARGET` (the preview server's /otlp proxy) points at. */
  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    let bytes = 0;
    req.on('data', (c: Buffer) => {
      bytes += c.length;
    });
    req.on('end', () => {
      const mode = this.mode;
      this.requests.push({ path: req.url ?? '', at: Date.now(), bytes, mode });
      if (mode === 'hang') {
        this.hanging.add(res);
        res.on('close', () => this.hanging.delete(res));
        return;
      }
      const status = mode === '503' ? 503 : 200;
      res.writeHead(status, { 'Content-Type': 'application/json' }).end('{}');
    });
  }

  /** Requests whose body arrived within [from, to] (Date.now() times). */
  between(from: number, to: number): StubRequest[] {
    return this.requests.filter((r) => r.at >= from && r.at <= to);
  }

  async close(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.hanging.clear();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
