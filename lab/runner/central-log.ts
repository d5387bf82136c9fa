/**
 * One NDJSON file for every line of every process of a variant. Each line is tagged with who wrote
 * it; a pino line keeps its fields, anything else becomes `msg`.
 */
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { dirname } from 'node:path';
import type { VariantName } from '../../boundary/topology.js';
import type { LogLine, LogStream } from './types.js';

const TAIL_LINES = 20;

export class CentralLog {
  readonly #file: WriteStream;
  readonly #tails = new Map<string, string[]>();
  #closed?: Promise<void>;

  constructor(
    readonly path: string,
    private readonly variant: VariantName,
    private readonly onLog?: (line: LogLine) => void,
  ) {
    mkdirSync(dirname(path), { recursive: true });
    this.#file = createWriteStream(path, { flags: 'a' });
  }

  write(component: string, instance: number, stream: LogStream, text: string): void {
    if (text.length === 0) return;
    this.#remember(component, instance, text);
    const tags = { t: Date.now(), variant: this.variant, component, instance, stream };
    const fields = parseJsonObject(text);
    // Tags first for the reader, and they win over an app field of the same name.
    const line: LogLine = fields ? Object.assign({ ...tags }, fields, tags) : { ...tags, msg: text };
    if (!this.#closed) this.#file.write(`${JSON.stringify(line)}\n`);
    this.onLog?.(line);
  }

  /** The last lines one process wrote, for error messages. */
  tail(component: string, instance: number, count = 10): string[] {
    return (this.#tails.get(`${component}#${instance}`) ?? []).slice(-count);
  }

  /** Flushes and closes the file; later lines still reach `onLog`. */
  close(): Promise<void> {
    this.#closed ??= new Promise((resolveClose) => this.#file.end(resolveClose));
    return this.#closed;
  }

  #remember(component: string, instance: number, text: string): void {
    const key = `${component}#${instance}`;
    const tail = this.#tails.get(key) ?? [];
    tail.push(text.length > 500 ? `${text.slice(0, 500)}…` : text);
    if (tail.length > TAIL_LINES) tail.shift();
    this.#tails.set(key, tail);
  }
}

function parseJsonObject(text: string): Record<string, unknown> | undefined {
  if (!text.startsWith('{')) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
