/**
 * The internal HTTP client against a real local server: outcomes pass through as Results, an upstream
 * that cannot answer becomes 503/504 errors, only idempotent calls are retried, and the breaker opens.
 */
import express from 'express';
import { pino } from 'pino';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UpstreamTimeoutError, UpstreamUnavailableError } from '../../common/errors.js';
import { listen, type RunningServer } from '../../common/server.js';
import { ServiceFailedError } from './errors.js';
import { ServiceClient } from './service-client.js';

const budgets = { idempotent: { attemptTimeoutMs: 150, retries: 2, totalTimeoutMs: 1_000 }, oneShotTimeoutMs: 150, breakAfterFailures: 3, halfOpenAfterMs: 300 };
const logger = pino({ level: 'silent' });

describe('ServiceClient', () => {
  let server: RunningServer;
  const hits = new Map<string, number>();

  beforeAll(async () => {
    const app = express();
    app.use((req, _res, next) => { hits.set(`${req.method} ${req.path}`, (hits.get(`${req.method} ${req.path}`) ?? 0) + 1); next(); });
    app.get('/ok', (_req, res) => { res.json({ hello: 'world' }); });
    app.get('/missing', (_req, res) => { res.status(404).json({ error: { code: 'CART.NOT_FOUND', message: 'no cart x' } }); });
    app.get('/relayed', (_req, res) => { res.status(503).json({ error: { code: 'UPSTREAM.UNAVAILABLE', message: 'payment is unavailable: down', upstream: 'payment', reason: 'down' } }); });
    app.get('/broken', (_req, res) => { res.status(500).json({ error: { code: 'INTERNAL', message: 'internal error' } }); });
    app.all('/slow', async (_req, res) => { await sleep(400); res.json({}); });
    server = await listen(app, 0);
  });
  afterAll(async () => { await server.stop(); });

  const client = () => new ServiceClient('cart', server.url, budgets, logger);

  it('passes values and business failures through as Results', async () => {
    const c = client();
    expect(await c.get('/ok')).toEqual({ ok: true, value: { hello: 'world' } });
    expect(await c.get('/missing')).toEqual({ ok: false, error: { code: 'CART.NOT_FOUND', message: 'no cart x' } });
  });

  it('passes a relayed outage on, naming the service that is down, without opening its own breaker', async () => {
    const c = client();
    for (let i = 0; i < 4; i++) await expect(c.get('/relayed')).rejects.toMatchObject({ name: 'UpstreamUnavailableError', upstream: 'payment' });
    expect(await c.get('/ok')).toMatchObject({ ok: true });
  });

  it('retries a slow GET, never a slow POST, and reports a timeout', async () => {
    hits.clear();
    await expect(client().get('/slow')).rejects.toBeInstanceOf(UpstreamTimeoutError);
    expect(hits.get('GET /slow')).toBe(3);
    await expect(client().call('POST', '/slow')).rejects.toBeInstanceOf(UpstreamTimeoutError);
    expect(hits.get('POST /slow')).toBe(1);
  });

  it('reports a refused connection as unavailable, and fails fast once the breaker is open', async () => {
    const c = new ServiceClient('recommendation', 'http://127.0.0.1:9', budgets, logger);
    await expect(c.get('/ok')).rejects.toBeInstanceOf(UpstreamUnavailableError);
    await expect(c.get('/ok')).rejects.toThrow(/the circuit of every instance \(1\) is open/);
  });

  it('keeps an unexpected 5xx apart from an outage', async () => {
    await expect(client().get('/broken')).rejects.toBeInstanceOf(ServiceFailedError);
  });
});
