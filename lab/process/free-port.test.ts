import { describe, expect, it } from 'vitest';
import { freePort, freePorts } from './free-port.js';

describe('freePorts', () => {
  it('hands out distinct ports', async () => {
    const ports = await freePorts(5);
    expect(new Set(ports).size).toBe(5);
    for (const port of ports) expect(port).toBeGreaterThan(0);
  });

  it('freePort() gives one', async () => {
    expect(await freePort()).toBeGreaterThan(0);
  });
});
