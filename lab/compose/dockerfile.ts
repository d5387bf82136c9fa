import { GENERATED_HEADER } from './compose-file.js';
import { NODE_IMAGE } from './images.js';

/** One image for every app component; the compose command picks the entry. */
export function dockerfile(): string {
  return `${GENERATED_HEADER('lab/compose/dockerfile.ts')}
FROM ${NODE_IMAGE} AS build
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts && npm rebuild better-sqlite3
COPY tsconfig.json tsconfig.build.json ./
COPY shared-domain ./shared-domain
COPY boundary ./boundary
COPY variants ./variants
COPY lab ./lab
COPY scenarios ./scenarios
COPY bench ./bench
COPY scripts/bundle-apps.mjs ./scripts/bundle-apps.mjs
RUN npm run build && npm prune --omit=dev

FROM ${NODE_IMAGE}
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 8080
CMD ["node", "dist/variants/monolith/main.js"]
`;
}
