# One image per deployable, all built from this file; pick one with --target:
#
#   docker build --target identity  -t kz-identity  .    # port 4001
#   docker build --target groups    -t kz-groups    .    # port 4002
#   docker build --target messaging -t kz-messaging .    # port 4003
#   docker build --target import    -t kz-import    .    # port 4004
#   docker build --target webhooks  -t kz-webhooks  .    # port 4005
#   docker build --target gateway   -t kz-gateway   .    # port 4000, with the web app
#
# docker-compose.yml builds all six. The build context is the repository root;
# .dockerignore keeps host node_modules, dist and local state out of it.
# Nothing here needs BuildKit-only syntax, so the classic builder works too.
#
# Stages: manifests -> build (npm ci with dev deps, tsc -b, supergraph check)
#         manifests -> prod-deps (npm ci --omit=dev for the deployables only)
#         runtime (prod-deps + compiled libs) -> identity | groups | messaging | import | webhooks | gateway
#
# Install scripts: npm honours package.json "allowScripts", which approves only
# `node` (the npm package that downloads a Node 24 binary for host development).
# Images use the base image's Node 24 instead, so every install runs with
# --ignore-scripts: the same result on any npm version, and no binary download.

ARG NODE_IMAGE=node:24-bookworm-slim

# ---------------------------------------------------------------------------
# manifests: only the files `npm ci` reads, paths kept. Copying these alone
# into the install stages means a source edit does not reinstall node_modules.
FROM ${NODE_IMAGE} AS manifests
WORKDIR /src
COPY . .
RUN node deploy/docker/workspace-manifests.js /manifests

# ---------------------------------------------------------------------------
# build: everything compiled with the project's own TypeScript (project
# references, dist/ per project), and the checked-in supergraph verified
# against the subgraphs' SDL, as the gateway's nx build does.
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY --from=manifests /manifests/ ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
RUN npx tsc -b \
 && node gateway/dist/scripts/compose-supergraph.js --check \
 && (cd services/portal && npx vite build --logLevel warn)
# What the deployables load at run time, gathered under /runtime with the same
# layout: each workspace's package.json (its "main" is what node_modules/@kz/*
# links resolve to) and dist/; each subgraph's src/schema.graphql (read at
# start, relative to dist/); the gateway's supergraph.graphql (read relative to
# its dist/, see GATEWAY_SUPERGRAPH_PATH in gateway/src/config.ts) and its
# subscription SDL (src/subscriptions/subscription.graphql, likewise); the web
# app's build (services/portal/dist), which the gateway serves.
RUN set -eu; \
    for dir in libs/* services/* gateway; do \
      [ "$dir" = libs/testing ] && continue; \
      [ "$dir" = libs/stack ] && continue; \
      mkdir -p "/runtime/$dir"; \
      cp "$dir/package.json" "/runtime/$dir/"; \
      cp -R "$dir/dist" "/runtime/$dir/dist"; \
    done; \
    for schema in services/*/src/schema.graphql; do \
      mkdir -p "/runtime/${schema%/*}"; \
      cp "$schema" "/runtime/$schema"; \
    done; \
    cp gateway/supergraph.graphql /runtime/gateway/; \
    mkdir -p /runtime/gateway/src/subscriptions; \
    cp gateway/src/subscriptions/subscription.graphql /runtime/gateway/src/subscriptions/; \
    rm -rf /runtime/gateway/dist/scripts; \
    find /runtime -name '*.tsbuildinfo' -delete

# ---------------------------------------------------------------------------
# prod-deps: production dependencies of the deployables only (not the bench
# or test helpers), with the node_modules/@kz/* workspace links. A new
# deployable gets a --workspace line here and a target at the end.
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
COPY --from=manifests /manifests/ ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
      --workspace=@kz/identity-service \
      --workspace=@kz/groups-service \
      --workspace=@kz/messaging-service \
      --workspace=@kz/import-service \
      --workspace=@kz/webhooks-service \
      --workspace=@kz/gateway

# ---------------------------------------------------------------------------
# runtime: what every deployable shares. Files stay owned by root and the
# process runs as the image's unprivileged `node` user (uid 1000): the app
# writes nothing to disk. Compose and Kubernetes override NODE_ENV as needed;
# in production identity requires SIGN_IN_CODE_PEPPER, SMS_SENDER and APP_PUBLIC_URL.
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
# V8's young generation capped at 8 MiB per semi-space, as scripts/stack-setup.sh
# does for npm start: 20–35 % lower peaks in a large import, no slower (README, "Memory").
ENV NODE_OPTIONS=--max-semi-space-size=8
# At most two glibc malloc arenas per process, as scripts/stack-setup.sh (README, "Memory").
ENV MALLOC_ARENA_MAX=2
WORKDIR /app
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /runtime/libs ./libs
COPY --from=build /app/deploy/docker/healthcheck.js ./deploy/docker/healthcheck.js
USER node

# Each service listens on 0.0.0.0 in a container (its own default, 127.0.0.1,
# would be unreachable from outside). The health check asks /healthz on the
# configured port; the process traps SIGTERM and drains before exiting.

FROM runtime AS identity
COPY --from=build /runtime/services/identity ./services/identity
ENV IDENTITY_HOST=0.0.0.0 IDENTITY_PORT=4001
EXPOSE 4001
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "/app/deploy/docker/healthcheck.js", "IDENTITY_PORT", "4001"]
CMD ["node", "services/identity/dist/main.js"]

FROM runtime AS groups
COPY --from=build /runtime/services/groups ./services/groups
ENV GROUPS_HOST=0.0.0.0 GROUPS_PORT=4002
EXPOSE 4002
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "/app/deploy/docker/healthcheck.js", "GROUPS_PORT", "4002"]
CMD ["node", "services/groups/dist/main.js"]

FROM runtime AS messaging
COPY --from=build /runtime/services/messaging ./services/messaging
# Attachments on disk (ATTACHMENTS_STORE=disk); a named volume mounted here keeps this owner.
USER root
RUN mkdir -p /var/lib/kz/attachments && chown node:node /var/lib/kz/attachments
USER node
ENV ATTACHMENTS_DIR=/var/lib/kz/attachments
ENV MESSAGING_HOST=0.0.0.0 MESSAGING_PORT=4003
EXPOSE 4003
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "/app/deploy/docker/healthcheck.js", "MESSAGING_PORT", "4003"]
CMD ["node", "services/messaging/dist/main.js"]

FROM runtime AS import
COPY --from=build /runtime/services/import ./services/import
# Uploaded files cut into chunks; a named volume mounted here keeps this owner.
USER root
RUN mkdir -p /var/lib/kz/imports && chown node:node /var/lib/kz/imports
USER node
ENV IMPORT_STORAGE_DIR=/var/lib/kz/imports
ENV IMPORT_HOST=0.0.0.0 IMPORT_PORT=4004
EXPOSE 4004
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "/app/deploy/docker/healthcheck.js", "IMPORT_PORT", "4004"]
CMD ["node", "services/import/dist/main.js"]

FROM runtime AS webhooks
COPY --from=build /runtime/services/webhooks ./services/webhooks
ENV WEBHOOKS_HOST=0.0.0.0 WEBHOOKS_PORT=4005
EXPOSE 4005
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "/app/deploy/docker/healthcheck.js", "WEBHOOKS_PORT", "4005"]
CMD ["node", "services/webhooks/dist/main.js"]

# Last, so a plain `docker build .` produces the gateway.
FROM runtime AS gateway
COPY --from=build /runtime/gateway ./gateway
# The web app, served at / (GATEWAY_WEB_APP_DIR defaults to this path, relative to gateway/dist).
COPY --from=build /runtime/services/portal/dist ./services/portal/dist
ENV GATEWAY_HOST=0.0.0.0 GATEWAY_PORT=4000
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "/app/deploy/docker/healthcheck.js", "GATEWAY_PORT", "4000"]
CMD ["node", "gateway/dist/main.js"]
