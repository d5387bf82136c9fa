/**
 * The skeleton every micro service shares: correlation id from `x-request-id`, JSON bodies, `/healthz`,
 * `/readyz`, the service's routes, and one error handler. Business failures are `{ error: { code,
 * message } }` with the status of `STATUS_OF`; an unreachable or slow upstream is a 503/504 naming it.
 */
import type express from 'express';
import type { ErrorRequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { Result } from '../../../shared-domain/result.js';
import type { Readiness } from '../../../shared-domain/shop.js';
import { UpstreamTimeoutError, UpstreamUnavailableError } from '../../common/errors.js';
import { createBaseApp } from '../../common/http/base-app.js';
import { describeIssues } from '../../common/http/schemas.js';
import { STATUS_OF } from '../../common/http/status.js';
import type { ReadinessChecks } from '../../common/readiness-checks.js';
import { upstreamErrorBody } from './error-body.js';
import { ServiceFailedError } from './errors.js';

export interface ServiceAppOptions {
  readonly logger: Logger;
  readonly readiness: () => Readiness;
  /** Checks added from outside the app (the component's registration); none unless given. */
  readonly checks?: ReadinessChecks;
  readonly routes: (app: express.Express) => void;
}

export function createServiceApp({ logger, readiness, checks, routes }: ServiceAppOptions): express.Express {
  const app = createBaseApp();
  app.get('/healthz', (_req, res) => { res.json({ status: 'ok' }); });
  app.get('/readyz', (_req, res) => {
    const state = checks ? checks.merge(readiness()) : readiness();
    res.status(state.ready ? 200 : 503).json(state);
  });
  routes(app);
  app.use((req, res) => { sendError(res, 404, 'ROUTE.NOT_FOUND', `no route ${req.method} ${req.path}`); });
  app.use(errorHandler(logger));
  return app;
}

/** A use case's Result as the answer: the value with `okStatus`, or the failure with its status. */
export function sendResult<T>(res: Response, okStatus: number, result: Result<T>): void {
  if (!result.ok) return sendError(res, STATUS_OF[result.error.code], result.error.code, result.error.message);
  if (result.value === undefined) res.status(204).end();
  else res.status(okStatus).json(result.value);
}

/** The parsed input, or undefined after answering 400 `REQUEST.INVALID`. */
export function parseOr400<T>(schema: z.ZodType<T>, input: unknown, res: Response): T | undefined {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  sendError(res, 400, 'REQUEST.INVALID', describeIssues(parsed.error));
  return undefined;
}

export function sendError(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ error: { code, message } });
}

function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    if (res.headersSent) return next(err);
    if (err instanceof UpstreamUnavailableError || err instanceof UpstreamTimeoutError) {
      logger.warn({ err, method: req.method, path: req.path }, 'upstream failed');
      res.status(err instanceof UpstreamTimeoutError ? 504 : 503).json(upstreamErrorBody(err));
      return;
    }
    if (err instanceof ServiceFailedError) {
      // A downstream's own failure (or its refusal of what this service sent) is not the client's fault.
      logger.warn({ err, method: req.method, path: req.path }, 'downstream failed');
      return sendError(res, 502, 'UPSTREAM.FAILED', err.message);
    }
    const status = typeof err === 'object' && err !== null && 'status' in err ? Number(err.status) : 500;
    if (status >= 400 && status < 500) {
      const type = (err as { type?: string }).type;
      return sendError(res, status, type === 'entity.too.large' ? 'REQUEST.TOO_LARGE' : 'REQUEST.INVALID', (err as Error).message);
    }
    logger.error({ err, method: req.method, path: req.path }, 'request failed');
    sendError(res, 500, 'INTERNAL', 'internal error');
  };
}
