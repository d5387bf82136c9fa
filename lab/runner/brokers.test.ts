import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findBrokerBinary } from '../brokers/index.js';
import type { Topology } from '../../boundary/topology.js';
import type { BrokerLauncher } from './broker-launcher.js';
import { BrokerStartError } from './errors.js';
import { fixtureApp } from './fixtures/fixture-topology.js';
import { isAlive, temporaryRunDir } from './fixtures/process-probes.js';
import { startVariant } from './start-variant.js';

const withBroker: Topology = {
  variant: 'micro', description: 'fixture with a broker', edge: 'app',
  components: [{ kind: 'broker', name: 'nats', role: 'events', broker: 'nats', dependsOn: [] }, fixtureApp('app', ['nats'])],
};

/** A broker that is only an object: the runner's side of the contract, without a broker install. */
function fakeBroker(calls: string[], failWith?: Error): BrokerLauncher {
  return async (kind, { dir, onLog }) => {
    calls.push(`start ${kind} in ${dir}`);
    if (failWith) throw failWith;
    onLog?.('[INF] Server is ready', 'stderr');
    let up = true;
    return {
      kind, url: 'nats://127.0.0.1:4999', port: 4999, pid: () => undefined, isRunning: () => up,
      kill: async () => { calls.push('kill'); up = false; },
      restart: async () => { calls.push('restart'); up = true; },
      stop: async () => { calls.push('stop'); up = false; },
    };
  };
}

describe('brokers', () => {
  it('start before the apps, reach them through the env, show in events and the log, stop last', async () => {
    const calls: string[] = [];
    const runDir = temporaryRunDir();
    const running = await startVariant(withBroker, { runDir, startBroker: fakeBroker(calls) });
    const { env } = (await (await fetch(`${running.edgeUrl}/env`)).json()) as { env: Record<string, string> };
    expect(env.ARCHLAB_NATS_URL).toBe('nats://127.0.0.1:4999');
    expect(calls).toEqual([`start nats in ${runDir}/brokers/nats`]);
    expect(running.components.find((c) => c.name === 'nats')).toMatchObject({ kind: 'broker', ports: [4999], urls: ['nats://127.0.0.1:4999'] });

    await running.broker('nats').kill();
    await running.broker('nats').restart();
    await running.stop();
    expect(calls.slice(1)).toEqual(['kill', 'restart', 'stop']);
    const sequence = running.events().map((e) => `${e.component} ${e.type}`);
    expect(sequence).toEqual([
      'nats starting', 'nats ready', 'app starting', 'app ready',
      'nats fault', 'nats exited', 'nats restarting', 'nats starting', 'nats ready',
      'app stopped', 'nats stopped',
    ]);
    const brokerLine = readFileSync(running.centralLogPath, 'utf8').split('\n').find((l) => l.includes('Server is ready'));
    expect(JSON.parse(brokerLine!)).toMatchObject({ component: 'nats', instance: 0, stream: 'stderr', msg: '[INF] Server is ready' });
  });

  it('a broker that fails to start: BrokerStartError with the cause, no app started', async () => {
    const calls: string[] = [];
    const events: string[] = [];
    const cause = new Error('nats-server not found');
    const error = await startVariant(withBroker, {
      runDir: temporaryRunDir(), startBroker: fakeBroker(calls, cause), onEvent: (e) => events.push(`${e.component} ${e.type}`),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BrokerStartError);
    expect((error as BrokerStartError).cause).toBe(cause);
    expect(events).toEqual(['nats starting']);
  });
});

describe.skipIf(!findBrokerBinary('nats').found)('a real broker (nats-server)', () => {
  it('is started by lab/brokers before the apps and stopped after them', async () => {
    const running = await startVariant(withBroker, { runDir: temporaryRunDir() });
    try {
      const { env } = (await (await fetch(`${running.edgeUrl}/env`)).json()) as { env: Record<string, string> };
      expect(env.ARCHLAB_NATS_URL).toBe(running.broker('nats').url);
      expect(env.ARCHLAB_NATS_URL).toMatch(/^nats:\/\/127\.0\.0\.1:\d+$/);
      const brokerPid = running.instance('nats').pid!;
      expect(isAlive(brokerPid)).toBe(true);
      await running.stop();
      expect(isAlive(brokerPid)).toBe(false);
      expect(running.events().map((e) => `${e.component} ${e.type}`).slice(-2)).toEqual(['app stopped', 'nats stopped']);
    } finally {
      await running.stop();
    }
  });
});
