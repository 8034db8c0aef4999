# syntax=docker/dockerfile:1
#
# One image for every Quizgraph process: the router, the users, quizzes and results subgraphs, and the
# migrate one-shot. The command picks the process (see docker-compose.yml), e.g.
#   docker run … quizgraph pnpm --filter @quizgraph/users start
# TypeScript runs through tsx: there is no build step.
FROM node:20-bookworm-slim

# tini as PID 1, signalling the whole process group (-g). `pnpm --filter X start` runs a service as
# pnpm → sh → tsx → node, and pnpm does not pass SIGTERM on: without -g, `docker stop` would end in a
# SIGKILL instead of the service's graceful shutdown (finish in-flight requests, close the pool).
RUN apt-get update \
  && apt-get install -y --no-install-recommends tini \
  && rm -rf /var/lib/apt/lists/*

# The pnpm of package.json's packageManager, installed globally so the non-root user runs it as is.
RUN npm install -g pnpm@10.34.9 && npm cache clean --force

WORKDIR /app

# Dependencies first: this layer is rebuilt only when the lockfile (or the workspace settings:
# catalog, overrides, onlyBuiltDependencies) changes, never for a source change.
COPY pnpm-lock.yaml pnpm-workspace.yaml ./
RUN --mount=type=cache,id=quizgraph-pnpm-store,target=/pnpm/store \
  pnpm fetch --prod --store-dir /pnpm/store

# Then the sources, and an install from the store filled above (network only if that cache was
# pruned). Runtime dependencies only: tsx, prisma and the rest are dependencies, not devDependencies.
# The root postinstall generates the Prisma clients (no network needed).
COPY . .
RUN --mount=type=cache,id=quizgraph-pnpm-store,target=/pnpm/store \
  pnpm install --frozen-lockfile --prefer-offline --prod --store-dir /pnpm/store

# The sources stay root-owned (read-only to the processes). Only the development key folder is
# writable: a named volume mounted there starts with this owner (docker-compose.yml's `keys`).
RUN mkdir -p /app/.data/keys && chown -R node:node /app/.data

# Production unless told otherwise: keys must then come from the environment (see docker-compose.yml).
ENV NODE_ENV=production
USER node

EXPOSE 4000 4001 4002 4003
ENTRYPOINT ["/usr/bin/tini", "-g", "--"]
CMD ["pnpm", "--filter", "@quizgraph/router", "start"]
