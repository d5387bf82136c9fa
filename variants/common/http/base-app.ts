/** What every HTTP app of the lab starts with: no framework banner or etags, a correlation id, JSON bodies. */
import express from 'express';
import { withCorrelationId } from '../correlation.js';

export const BODY_LIMIT = '64kb';

export function createBaseApp(): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use((req, res, next) => withCorrelationId(req.get('x-request-id'), (id) => { res.set('x-request-id', id); next(); }));
  app.use(express.json({ limit: BODY_LIMIT }));
  return app;
}
