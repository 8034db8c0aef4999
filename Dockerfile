# syntax=docker/dockerfile:1
#
# One image for every Quizgraph process, compiled to JavaScript and run with plain `node`. The command
# picks the process (docker-compose.yml does), e.g.
#   docker run … quizgraph node dist/<process>.mjs
# Bundles in /app/dist (`pnpm build`, build/src/build.ts), one per entry of the service list
# (packages/topology) and its commands:
#   router.mjs, <subgraph>.mjs                     the services (default: the router)
#   migrate.mjs                                    one-shot: create the databases if missing, apply migrations;
#                                                  --check / --wait [--service <name>]: is a database migrated
#   seed-demo-data.mjs                             one-shot: the demo data, through a running router (development)
#   set-role.mjs <email> <PLAYER|AUTHOR|ADMIN>     give a role outside the API (the first admin)
#   password-hasher.mjs                            not run by hand: the access-token issuer forks it to hash passwords at nice 19
# Two stages: the build stage installs the whole workspace and bundles; the runtime stage gets the
# bundles and the production node_modules of the npm packages they load (build/package.json), and
# nothing else: no pnpm, no TypeScript, no tsx, no vitest, no Prisma CLI, no embedded Postgres.

FROM node:20-bookworm-slim AS build
# The pnpm of package.json's packageManager.
RUN npm install -g pnpm@10.34.9 && npm cache clean --force
WORKDIR /repo

# Dependencies first: this layer is rebuilt only when the lockfile (or the workspace settings:
# catalog, overrides, onlyBuiltDependencies) changes, never for a source change.
COPY pnpm-lock.yaml pnpm-workspace.yaml ./
RUN --mount=type=cache,id=quizgraph-pnpm-store,target=/pnpm/store \
  pnpm fetch --store-dir /pnpm/store

# Then the sources, an install from the store filled above (network only if that cache was pruned;
# the root postinstall generates the Prisma clients), and the bundles.
COPY . .
RUN --mount=type=cache,id=quizgraph-pnpm-store,target=/pnpm/store \
  pnpm install --frozen-lockfile --prefer-offline --store-dir /pnpm/store
RUN pnpm build

# build/ with its production dependencies only, resolved from the workspace lockfile (a deploy reads
# the shared lockfile when workspace packages are injected; build/ depends on none of them at run time).
RUN --mount=type=cache,id=quizgraph-pnpm-store,target=/pnpm/store \
  pnpm --config.inject-workspace-packages=true --filter @quizgraph/build --prod \
    deploy --store-dir /pnpm/store /prod

FROM node:20-bookworm-slim AS runtime
# tini as PID 1: it passes SIGTERM to node (whose graceful shutdown drains requests and closes the
# pools) and reaps zombies. node is its only child: no pnpm or shell in between to swallow signals.
# npm, npx, corepack and yarn go: nothing runs them here.
RUN apt-get update \
  && apt-get install -y --no-install-recommends tini \
  && rm -rf /var/lib/apt/lists/* \
  && rm -rf /usr/local/lib/node_modules /usr/local/bin/npm /usr/local/bin/npx /usr/local/bin/corepack \
    /usr/local/bin/yarn /usr/local/bin/yarnpkg /opt/yarn-*

WORKDIR /app
# Root-owned, read-only to the processes. dist/ holds the bundles and what they read beside them
# (supergraph.graphql, each subgraph's schema.graphql, each database's schema and migrations).
COPY --from=build /prod/node_modules ./node_modules
COPY --from=build /prod/dist ./dist

# Only the development key folder is writable: a named volume mounted there starts with this owner
# (docker-compose.yml's `keys`). Production reads keys from the environment or secret files instead.
RUN mkdir -p /app/.data/keys && chown -R node:node /app/.data

# Production unless told otherwise: keys must then come from the environment or *_FILE secrets (see
# docker-compose.prod.yml). Source maps turn stack traces back into TypeScript file names and lines.
ENV NODE_ENV=production \
  NODE_OPTIONS=--enable-source-maps
USER node

EXPOSE 4000 4001 4002 4003
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "dist/router.mjs"]
