/**
 * The public HTTP API, identical in every variant: routes → request schemas → the variant's Shop.
 * Business failures become their mapped status; transport failures 503/504; anything else a logged 500.
 */
import type express from 'express';
import type { ErrorRequestHandler, Request, Response } from 'express';
import type { Logger } from 'pino';
import type { Result } from '../../../shared-domain/result.js';
import type { Shop } from '../../../shared-domain/shop.js';
import { UpstreamTimeoutError, UpstreamUnavailableError } from '../errors.js';
import { createBaseApp } from './base-app.js';
import { addToCartSchema, checkoutSchema, describeIssues, idSchema, idempotencyKeySchema, searchQuerySchema } from './schemas.js';
import { STATUS_OF } from './status.js';


export function createPublicApi(shop: Shop, logger: Logger): express.Express {
  const app = createBaseApp();

  app.get('/healthz', (_req, res) => { res.json({ status: 'ok' }); });
  app.get('/readyz', async (_req, res) => {
    const readiness = await shop.readiness();
    res.status(readiness.ready ? 200 : 503).json(readiness);
  });

  app.get('/api/products', async (req, res) => {
    const query = searchQuerySchema.safeParse(req.query);
    if (!query.success) return invalid(res, describeIssues(query.error));
    send(res, 200, await shop.searchProducts(query.data));
  });
  app.get('/api/products/:id', async (req, res) => {
    send(res, 200, await shop.getProduct(pathId(req)));
  });
  app.get('/api/products/:id/recommendations', async (req, res) => {
    send(res, 200, await shop.getRecommendations(pathId(req)));
  });
  app.post('/api/carts', async (_req, res) => {
    send(res, 201, await shop.createCart());
  });
  app.get('/api/carts/:id', async (req, res) => {
    send(res, 200, await shop.getCart(pathId(req)));
  });
  app.post('/api/carts/:id/items', async (req, res) => {
    const item = addToCartSchema.safeParse(req.body);
    if (!item.success) return invalid(res, describeIssues(item.error));
    send(res, 200, await shop.addToCart(pathId(req), item.data));
  });
  app.delete('/api/carts/:id/items/:productId', async (req, res) => {
    send(res, 200, await shop.removeFromCart(pathId(req), String(req.params.productId)));
  });
  app.post('/api/checkout', async (req, res) => {
    const body = checkoutSchema.safeParse(req.body);
    if (!body.success) return invalid(res, describeIssues(body.error));
    const key = idempotencyKeySchema.safeParse(req.get('idempotency-key'));
    if (!key.success) return invalid(res, describeIssues(key.error, 'Idempotency-Key'));
    send(res, 201, await shop.checkout({ cartId: body.data.cartId, cardNumber: body.data.card.number, idempotencyKey: key.data }));
  });
  app.get('/api/orders/:id', async (req, res) => {
    send(res, 200, await shop.getOrder(pathId(req)));
  });

  app.use((req, res) => { error(res, 404, 'ROUTE.NOT_FOUND', `no route ${req.method} ${req.path}`); });
  app.use(errorHandler(logger));
  return app;
}

function pathId(req: Request): string {
  const id = idSchema.safeParse(req.params.id);
  // An id too long to exist is simply not found: the repositories never see it.
  return id.success ? id.data : '';
}

function send<T>(res: Response, status: number, result: Result<T>): void {
  if (result.ok) res.status(status).json(result.value);
  else error(res, STATUS_OF[result.error.code], result.error.code, result.error.message);
}

function invalid(res: Response, message: string): void {
  error(res, 400, 'REQUEST.INVALID', message);
}

function error(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ error: { code, message } });
}

function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    if (res.headersSent) return next(err);
    if (err instanceof UpstreamUnavailableError) return error(res, 503, err.code, err.message);
    if (err instanceof UpstreamTimeoutError) return error(res, 504, err.code, err.message);
    const status = typeof err === 'object' && err !== null && 'status' in err ? Number(err.status) : 500;
    if (status >= 400 && status < 500) {
      const type = (err as { type?: string }).type;
      const code = type === 'entity.too.large' ? 'REQUEST.TOO_LARGE' : 'REQUEST.INVALID';
      return error(res, status, code, type === 'entity.parse.failed' ? 'body is not valid JSON' : (err as Error).message);
    }
    logger.error({ err, method: req.method, path: req.path }, 'request failed');
    error(res, 500, 'INTERNAL', 'internal error');
  };
}
