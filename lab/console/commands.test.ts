import { describe, expect, it } from 'vitest';
import { microTopology } from '../../variants/micro/topology.js';
import { monolithTopology } from '../../variants/monolith/topology.js';
import { soaTopology } from '../../variants/soa/topology.js';
import { parseConsoleCommand } from './commands.js';

const parse = (line: string, topology = microTopology) => parseConsoleCommand(line, topology);

describe('the fault console language', () => {
  it('turns each command into a fault of the lab\'s kinds, lasting until healed', () => {
    expect(parse('crash recommendations')).toMatchObject({ type: 'inject', spec: { kind: 'module-crash', target: 'recommendations', atMs: 0, durationMs: 3_600_000 } });
    expect(parse('  slow   payment 1500 ')).toMatchObject({ spec: { kind: 'module-slow', target: 'payment', params: { delayMs: 1500 } } });
    expect(parse('hog search')).toMatchObject({ spec: { kind: 'module-hog', params: { delayMs: 500 } } });
    expect(parse('pause inventory')).toMatchObject({ spec: { kind: 'pause', target: 'inventory' } });
    expect(parse('partition gateway->cart')).toMatchObject({ spec: { kind: 'partition', target: 'gateway->cart' } });
    expect(parse('latency gateway->catalog 300')).toMatchObject({ spec: { kind: 'latency', params: { latencyMs: 300, jitterMs: 0 } } });
    expect(parse('kill broker')).toMatchObject({ spec: { kind: 'broker-outage', target: 'nats' } });
    expect(parse('kill broker', soaTopology)).toMatchObject({ spec: { kind: 'broker-outage', target: 'rabbitmq' } });
    expect(parse('kill catalog')).toMatchObject({ spec: { kind: 'kill', target: 'catalog' } });
    expect(parse('heal')).toEqual({ type: 'heal', all: false });
    expect(parse('heal all')).toEqual({ type: 'heal', all: true });
    expect(parse('status')).toEqual({ type: 'status' });
    expect(parse('   ')).toBeUndefined();
  });

  it('says what is valid when a command is wrong', () => {
    expect(() => parse('explode catalog')).toThrow(/unknown command "explode"; valid: crash, error, slow/);
    expect(() => parse('crash')).toThrow(/crash needs a target: catalog, search, recommendations/);
    expect(() => parse('crash billing')).toThrow(/crash billing: not a valid target; valid: catalog/);
    expect(() => parse('kill catalogue')).toThrow(/kill catalogue: .*catalog/);
    expect(() => parse('partition gateway->payment')).toThrow(/gateway->payment/);
    expect(() => parse('partition nowhere', monolithTopology)).toThrow(/valid: none: this variant has no network edge/);
    expect(() => parse('slow payment fast')).toThrow(/"fast" is not a duration/);
    expect(() => parse('latency gateway->cart')).toThrow(/latency needs milliseconds/);
    expect(() => parse('pause inventory 5')).toThrow(/pause takes no amount/);
    expect(() => parse('kill broker', monolithTopology)).toThrow(/has no broker/);
    expect(() => parse('heal everything')).toThrow(/heal takes nothing or "all"/);
    expect(() => parse('crash cart now please')).toThrow(/too many words/);
  });
});
