/** The module gate: every kind of fault reaches every gated operation of its module, and only those; heal restores. */
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { FIRST_CALL_ANSWERED_MESSAGE } from '../../boundary/app-env.js';
import type { ModuleFaultKind } from '../../boundary/control.js';
import { MODULE_NAMES, MODULE_OPERATIONS, type ModuleName } from '../../shared-domain/modules.js';
import { InjectedModuleError, ModuleGateError } from './errors.js';
import { ModuleFaults, type ModuleOperations } from './module-faults.js';

const logger = pino({ level: 'silent' });
const DELAY_MS = 150;

type Call = () => Promise<unknown>;

/** A process hosting every module, each gated with operations that echo their name and arguments. */
function gatedShop() {
  const crashes: InjectedModuleError[] = [];
  const faults = new ModuleFaults(MODULE_NAMES, logger, { crash: (error) => crashes.push(error) });
  const calls = MODULE_NAMES.flatMap((module) => {
    const echoes = Object.fromEntries(MODULE_OPERATIONS[module].map((name) => [name, async (arg: string) => `${module}.${name}(${arg})`]));
    const gated = faults.gate(module, echoes as unknown as ModuleOperations<typeof module>) as unknown as Record<string, (arg: string) => Promise<string>>;
    return MODULE_OPERATIONS[module].map((name) => ({ module, name, call: () => gated[name]!('x'), answer: `${module}.${name}(x)` }));
  });
  const inject = (module: ModuleName, kind: ModuleFaultKind) => faults.apply({ type: 'module-fault', action: 'inject', module, kind, delayMs: DELAY_MS });
  const heal = (module: ModuleName) => faults.apply({ type: 'module-fault', action: 'heal', module });
  return { faults, calls, crashes, inject, heal };
}

/** How long `call` held the event loop before returning its promise, and how long until it settled. */
async function timed(call: Call): Promise<{ blockedMs: number; totalMs: number; outcome: PromiseSettledResult<unknown> }> {
  const startedAt = performance.now();
  const pending = call();
  const blockedMs = performance.now() - startedAt;
  const [outcome] = await Promise.allSettled([pending]);
  return { blockedMs, totalMs: performance.now() - startedAt, outcome: outcome! };
}

describe('module gate', () => {
  it('passes every operation through, arguments and answer, while no fault is active', async () => {
    const { calls } = gatedShop();
    expect(calls).toHaveLength(Object.values(MODULE_OPERATIONS).flat().length);
    for (const { call, answer } of calls) await expect(call()).resolves.toBe(answer);
  });

  describe.each(MODULE_NAMES)('a fault on %s', (module) => {
    it('error: every operation of the module rejects, every other module answers; healed: all answer', async () => {
      const { calls, inject, heal } = gatedShop();
      inject(module, 'error');
      for (const { module: owner, call, answer } of calls) {
        if (owner === module) await expect(call()).rejects.toBeInstanceOf(InjectedModuleError);
        else await expect(call()).resolves.toBe(answer);
      }
      heal(module);
      for (const { call, answer } of calls) await expect(call()).resolves.toBe(answer);
    });

    it('slow: every operation of the module answers, at least delayMs later, without holding the event loop', async () => {
      const { calls, inject, heal } = gatedShop();
      inject(module, 'slow');
      const own = calls.filter((c) => c.module === module);
      const results = await Promise.all(own.map(({ call }) => timed(call)));
      results.forEach(({ blockedMs, totalMs, outcome }, i) => {
        expect(outcome).toEqual({ status: 'fulfilled', value: own[i]!.answer });
        expect(totalMs).toBeGreaterThanOrEqual(DELAY_MS - 1);
        expect(blockedMs).toBeLessThan(DELAY_MS);
      });
      heal(module);
      for (const { call } of own) expect((await timed(call)).totalMs).toBeLessThan(DELAY_MS);
    });

    it('hog: every operation of the module holds the event loop for delayMs, then answers', async () => {
      const { calls, inject, heal } = gatedShop();
      inject(module, 'hog');
      for (const { call, answer } of calls.filter((c) => c.module === module)) {
        const { blockedMs, outcome } = await timed(call);
        expect(blockedMs).toBeGreaterThanOrEqual(DELAY_MS - 1);
        expect(outcome).toEqual({ status: 'fulfilled', value: answer });
      }
      heal(module);
      for (const { call } of calls) expect((await timed(call)).blockedMs).toBeLessThan(DELAY_MS);
    });

    it('crash: every operation of the module rejects and takes the process down; healed: no more crashes', async () => {
      const { calls, crashes, inject, heal } = gatedShop();
      inject(module, 'crash');
      const own = calls.filter((c) => c.module === module);
      for (const { call } of own) await expect(call()).rejects.toBeInstanceOf(InjectedModuleError);
      expect(crashes.map((error) => error.module)).toEqual(own.map(() => module));
      heal(module);
      for (const { call, answer } of calls) await expect(call()).resolves.toBe(answer);
      expect(crashes).toHaveLength(own.length);
    });
  });

  it('logs the first answered call of each module once, not its later calls, nor a call refused by a fault', async () => {
    const lines: Array<{ module?: string; msg?: string }> = [];
    const recording = pino({ level: 'info' }, { write: (text: string) => { lines.push(JSON.parse(text) as { module?: string; msg?: string }); } });
    const faults = new ModuleFaults(['search', 'catalog'], recording);
    const search = faults.gate('search', { search: async (q: string) => q });
    const catalog = faults.gate('catalog', { getProduct: async (id: string) => id });
    faults.apply({ type: 'module-fault', action: 'inject', module: 'search', kind: 'error' });
    await expect(search.search('q')).rejects.toBeInstanceOf(InjectedModuleError);
    faults.apply({ type: 'module-fault', action: 'heal', module: 'search' });
    const firstCalls = () => lines.filter((l) => l.msg === FIRST_CALL_ANSWERED_MESSAGE).map((l) => l.module);
    expect(firstCalls()).toEqual([]);
    await search.search('a');
    await search.search('b');
    await catalog.getProduct('p');
    expect(firstCalls()).toEqual(['search', 'catalog']);
  });

  it('ignores faults on modules this process does not host', async () => {
    const faults = new ModuleFaults(['search'], logger);
    const search = faults.gate('search', { search: async (q: string) => q });
    faults.apply({ type: 'module-fault', action: 'inject', module: 'catalog', kind: 'error' });
    await expect(search.search('q')).resolves.toBe('q');
  });

  it('records what it gated, in the map\'s order, parts included', () => {
    const faults = new ModuleFaults(['cart', 'orders'], logger);
    faults.gatePart('orders', { get: async () => undefined });
    faults.gate('cart', {
      clear: async () => undefined, create: async () => undefined, get: async () => undefined, addItem: async () => undefined, removeItem: async () => undefined,
    });
    expect(faults.gated()).toEqual({ orders: ['get'], cart: ['create', 'get', 'addItem', 'removeItem', 'clear'] });
  });

  it('refuses, when built, a gate that does not match the map or what the process hosts', () => {
    const faults = new ModuleFaults(['orders'], logger);
    const refused = (build: () => unknown) => expect(build).toThrow(ModuleGateError);
    refused(() => faults.gate('search', { search: async () => undefined }));
    refused(() => faults.gate('orders', { checkout: async () => undefined } as never));
    refused(() => faults.gatePart('orders', { create: async () => undefined } as never));
    refused(() => faults.gatePart('orders', {}));
    faults.gatePart('orders', { checkout: async () => undefined });
    refused(() => faults.gate('orders', { checkout: async () => undefined, get: async () => undefined }));
    expect(faults.gated()).toEqual({ orders: ['checkout'] });
  });
});
