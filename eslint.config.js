import tseslint from 'typescript-eslint';

const forbiddenInDomain = ['express', 'amqplib', '@nats-io/transport-node', '@nats-io/jetstream', '@nats-io/kv', 'better-sqlite3', 'undici', 'pino', 'cockatiel'];
const forbiddenNodeModules = ['fs', 'fs/promises', 'net', 'http', 'https', 'http2', 'dgram', 'dns', 'child_process', 'tls', 'cluster', 'worker_threads'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'results/**', '.archlab/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The dependency rule: the shop's domain is pure. No transport, database, logger or I/O module.
    files: ['shared-domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          ...forbiddenInDomain.map((name) => ({ name, message: 'shared-domain/ is pure: wire transports and databases in variants/.' })),
          ...forbiddenNodeModules.flatMap((name) => [name, `node:${name}`]).map((name) => ({ name, message: 'shared-domain/ does no I/O.' })),
        ],
        patterns: [{ group: ['**/variants/**', '**/lab/**'], message: 'shared-domain/ depends on nothing outside itself.' }],
      }],
    },
  },
  {
    // The boundary: variants/ and lab/ meet only in boundary/ (topology types, the ARCHLAB_* environment,
    // control messages) and shared-domain/. An app never reaches into the lab that starts and breaks it.
    files: ['variants/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/lab/**'], message: 'variants/ may not import lab/: put what both need in boundary/.' }],
      }],
    },
  },
  {
    files: ['boundary/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/lab/**', '**/variants/**'], message: 'boundary/ depends only on shared-domain/ and zod.' }],
      }],
    },
  },
);
