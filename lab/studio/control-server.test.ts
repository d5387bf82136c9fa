/**
 * The studio's control server on a real monolith: a POST without the token, or from another Origin,
 * gets 403 and changes nothing; the studio's own page crashes and heals recommendations; a bad body is
 * a 400 that names the field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultConsole } from '../console/fault-console.js';
import { EdgeProxies } from '../faults/edge-proxies.js';
import { monolithTopology } from '../../variants/monolith/topology.js';
import { startTopology, type VariantFixture } from '../../tests/support/variant-fixture.js';
import { startControlServer, TOKEN_HEADER, type ControlServer } from './control-server.js';

let fixture: VariantFixture;
let faults: FaultConsole;
let server: ControlServer;

beforeAll(async () => {
  fixture = await startTopology(monolithTopology);
  faults = new FaultConsole(fixture.running, monolithTopology, EdgeProxies.none());
  server = await startControlServer({ variants: new Map([['monolith', faults]]) });
}, 60_000);

afterAll(async () => {
  await server?.close();
  await faults?.healAll();
  await fixture?.dispose();
});

const post = (body: unknown, headers: Record<string, string>) =>
  fetch(`${server.url}/api/commands`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
const own = () => ({ origin: server.url, [TOKEN_HEADER]: server.token });
const faultsInEffect = async () => ((await (await fetch(`${server.url}/api/state`)).json()) as { variants: Array<{ faults: unknown[] }> }).variants[0]!.faults;

describe('the studio control server', () => {
  it('refuses a command without the token, or from another Origin, and changes nothing', async () => {
    const crash = { variant: 'monolith', command: 'crash recommendations' };
    expect((await post(crash, { origin: server.url })).status).toBe(403);
    expect((await post(crash, { origin: server.url, [TOKEN_HEADER]: 'guessed' })).status).toBe(403);
    expect((await post(crash, { origin: 'http://evil.example', [TOKEN_HEADER]: server.token })).status).toBe(403);
    expect((await post(crash, { [TOKEN_HEADER]: server.token })).status).toBe(403); // no Origin at all
    expect(await faultsInEffect()).toEqual([]);
    expect((await fetch(`${fixture.running.edgeUrl}/api/products/p0042`)).status).toBe(200);
  });

  it('from its own page: crashes recommendations in the monolith, then heals it', async () => {
    const injected = await post({ variant: 'all', command: 'crash recommendations' }, own());
    expect(injected.status).toBe(200);
    expect(await injected.json()).toEqual({ answers: [{ variant: 'monolith', ok: true, message: 'module-crash recommendations: in effect (heal to undo)' }] });
    expect(await faultsInEffect()).toMatchObject([{ kind: 'module-crash', target: 'recommendations' }]);
    const healed = await post({ variant: 'monolith', command: 'heal all' }, own());
    expect((await healed.json() as { answers: Array<{ message: string }> }).answers[0]!.message).toBe('module-crash recommendations: healed');
    expect(await faultsInEffect()).toEqual([]);
  });

  it('answers a bad body with a 400 naming the field, and a bad command with what is valid', async () => {
    const unknownVariant = await post({ variant: 'mainframe', command: 'help' }, own());
    expect(unknownVariant.status).toBe(400);
    expect(((await unknownVariant.json()) as { error: string }).error).toMatch(/^variant: /);
    expect(((await (await post({ variant: 'monolith', command: '' }, own())).json()) as { error: string }).error).toMatch(/^command: /);
    expect(((await (await post({ variant: 'monolith', command: 'help', extra: 1 }, own())).json()) as { error: string }).error).toMatch(/extra/);
    const notJson = await fetch(`${server.url}/api/commands`, { method: 'POST', headers: { 'content-type': 'application/json', ...own() }, body: '{ nope' });
    expect(notJson.status).toBe(400);
    const badCommand = await post({ variant: 'monolith', command: 'explode shop' }, own());
    expect(badCommand.status).toBe(400);
    expect(await badCommand.text()).toContain('valid: crash, error, slow');
    expect((await fetch(`${server.url}/api/commands`, { method: 'PUT' })).status).toBe(405);
    expect((await fetch(`${server.url}/api/commands`)).status).toBe(404);
  });
});
