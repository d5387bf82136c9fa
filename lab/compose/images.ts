/** Every image the generated compose files use, pinned here and nowhere else. */
export const BROKER_IMAGES = {
  rabbitmq: 'rabbitmq:3.13.7-alpine',
  nats: 'nats:2.10.22-alpine',
} as const;

/** The load balancer in front of each variant's public edge (the lab runs Debian's haproxy 2.6 too). */
export const LB_IMAGE = 'haproxy:2.6-alpine';

export const NODE_IMAGE = 'node:20.18.1-bookworm-slim';
export const APP_IMAGE = 'archlab-app:local';
/** Port every app listens on inside its container. */
export const APP_PORT = 8080;
/** Credentials of the containerised RabbitMQ: `guest` may only log in from loopback. */
export const RABBITMQ_USER = 'archlab';
