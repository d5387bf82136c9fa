import { describe, expect, it } from 'vitest';
import { findBrokerBinary } from './binaries.js';
import { BrokerBinaryMissingError } from './errors.js';

describe('findBrokerBinary', () => {
  it.each(['rabbitmq', 'nats'] as const)('finds %s on this machine (installed by scripts/install-system-deps.sh)', (kind) => {
    expect(findBrokerBinary(kind)).toMatchObject({ found: true, path: expect.stringMatching(/-server$/) });
  });
});

describe('BrokerBinaryMissingError', () => {
  it('names the binary and how to install it', () => {
    const error = new BrokerBinaryMissingError('nats', 'nats-server', 'sudo apt-get install nats-server');
    expect(error.message).toBe('nats-server was not found, so no nats broker can start. Install it: sudo apt-get install nats-server');
  });
});

