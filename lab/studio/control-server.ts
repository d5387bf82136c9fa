/**
 * The studio's control server: the one way a page (or a script) changes what the lab is doing. It
 * listens on loopback only, and every change is a POST that must carry the studio's token in a header
 * and come from the studio's own Origin — so a page from anywhere else, in the same browser, gets 403
 * (it can neither read the token nor send the header without a preflight nobody answers) and changes
 * nothing. Bodies are checked with zod: a bad field is a 400 that names it.
 *
 *   POST /api/commands   { variant: <name> | "all", command: "crash recommendations" }  → per variant { ok, message }
 *   GET  /api/state      the variants and the faults in effect (read-only: no token needed)
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import express, { type NextFunction, type Request, type Response } from 'express';
import { z } from 'zod';
import type { ConsoleAnswer } from '../console/fault-console.js';

export const TOKEN_HEADER = 'x-studio-token';
const BODY_LIMIT = '4kb';

/** What the server controls per variant: a fault console (lab/console). */
export interface VariantControl {
  run(line: string): Promise<ConsoleAnswer | undefined>;
  readonly active: ReadonlyArray<{ readonly kind: string; readonly target: string; readonly sinceMs: number }>;
}

export interface ControlServerOptions {
  readonly variants: ReadonlyMap<string, VariantControl>;
  /** 0 or unset: any free port. */
  readonly port?: number;
  /** Random unless told (tests). */
  readonly token?: string;
  /** Further routes (the page, server-sent events), mounted before the API's. */
  readonly routes?: (app: express.Express) => void;
}

export interface ControlServer {
  readonly url: string;
  readonly token: string;
  close(): Promise<void>;
}

export async function startControlServer(options: ControlServerOptions): Promise<ControlServer> {
  const token = options.token ?? randomBytes(18).toString('base64url');
  const names = [...options.variants.keys()];
  const commandSchema = z.strictObject({
    variant: z.enum(['all', ...names] as [string, ...string[]]),
    command: z.string().trim().min(1).max(200),
  });
  let origin = '';

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  options.routes?.(app);
  app.get('/api/state', (_req, res) => {
    res.json({ variants: names.map((name) => ({ name, faults: options.variants.get(name)!.active })) });
  });
  app.post('/api/commands', guard(() => origin, token), express.json({ limit: BODY_LIMIT }), async (req, res) => {
    const parsed = commandSchema.safeParse(req.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      res.status(400).json({ error: `${issue.path.join('.') || 'body'}: ${issue.message}` });
      return;
    }
    const { variant, command } = parsed.data;
    const targets = variant === 'all' ? names : [variant];
    const answers = await Promise.all(targets.map(async (name) => ({ variant: name, ...((await options.variants.get(name)!.run(command)) ?? { ok: false, message: 'empty command' }) })));
    // One answer refused (a bad command): the request was wrong; a fault that applies to only some variants is not.
    res.status(answers.every((a) => !a.ok) ? 400 : 200).json({ answers });
  });
  app.use('/api', (req, res) => {
    res.status(req.method === 'GET' || req.method === 'POST' ? 404 : 405).json({ error: `no ${req.method} ${req.originalUrl}` });
  });
  app.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    const status = typeof error === 'object' && error !== null && 'status' in error ? Number((error as { status: unknown }).status) : 500;
    res.status(status >= 400 && status < 500 ? status : 500).json({ error: status >= 400 && status < 500 ? (error as Error).message : 'internal error' });
  });

  const server = await new Promise<import('node:http').Server>((resolve, reject) => {
    const listening = app.listen(options.port ?? 0, '127.0.0.1', (error?: Error) => (error ? reject(error) : resolve(listening)));
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: origin,
    token,
    close: () => new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

/** 403 unless the request carries the token and comes from the studio's own Origin. */
function guard(origin: () => string, token: string) {
  const expected = Buffer.from(token);
  return (req: Request, res: Response, next: NextFunction): void => {
    const given = Buffer.from(req.get(TOKEN_HEADER) ?? '');
    if (req.get('origin') !== origin()) {
      res.status(403).json({ error: `only the studio's own page (${origin()}) may send commands` });
      return;
    }
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      res.status(403).json({ error: `the ${TOKEN_HEADER} header is missing or wrong` });
      return;
    }
    next();
  };
}
