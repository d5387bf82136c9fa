/**
 * The frontends a load balancer is started with, checked once before anything starts: every name and
 * path goes into HAProxy's config and runtime commands as is, so only what needs no quoting passes.
 */
import { z } from 'zod';
import { InvalidLoadBalancerOptionsError } from './errors.js';
import type { BackendServer, FrontendSpec } from './types.js';

const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/;
const NAME_RULE = 'letters, digits, "_", "." and "-", starting with a letter or digit';

const name = z.string().regex(NAME, { message: NAME_RULE });

export const backendServerSchema = z.object({
  name,
  url: z.string().refine((url) => serverAddressOrUndefined(url) !== undefined, { message: 'must be http://127.0.0.1:PORT' }),
});

const frontendSchema = z.object({
  name,
  port: z.number().int().min(0).max(65_535),
  healthPath: z.string().regex(/^\/[^\s#"'\\]*$/, { message: 'must start with "/" and hold no spaces, quotes, "#" or "\\"' }),
  servers: z.array(backendServerSchema).refine(uniqueNames, { message: 'names a server twice' }),
});

const frontendsSchema = z.array(frontendSchema).min(1).refine(uniqueNames, { message: 'names a frontend twice' });

export function parseFrontends(frontends: readonly FrontendSpec[]): FrontendSpec[] {
  return parseOrThrow('frontends', frontendsSchema, frontends);
}

export function parseBackendServer(server: BackendServer): BackendServer {
  return parseOrThrow('server', backendServerSchema, server);
}

/** A server name, checked before it goes into a runtime command (where `;` would start another one). */
export function parseServerName(serverName: string): string {
  return parseOrThrow('server', name, serverName);
}

/** `127.0.0.1:PORT`, the address HAProxy connects to, from a server's `http://127.0.0.1:PORT`. */
export function serverAddress(url: string): string {
  const address = serverAddressOrUndefined(url);
  if (address === undefined) throw new InvalidLoadBalancerOptionsError([`${url}: must be http://127.0.0.1:PORT`]);
  return address;
}

function serverAddressOrUndefined(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const plain = parsed.protocol === 'http:' && parsed.hostname === '127.0.0.1' && parsed.pathname === '/' && parsed.search === '';
  return plain ? `127.0.0.1:${parsed.port || '80'}` : undefined;
}

function uniqueNames(items: readonly { readonly name: string }[]): boolean {
  return new Set(items.map((item) => item.name)).size === items.length;
}

function parseOrThrow<Schema extends z.ZodType>(what: string, schema: Schema, input: unknown): z.output<Schema> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => `${[what, ...issue.path].join('.')}: ${issue.message}`);
  throw new InvalidLoadBalancerOptionsError(issues, { cause: parsed.error });
}
