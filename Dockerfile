# CBP E-Commerce Assistant — container image.
#
#   docker build -t cbp-ecommerce-assistant .
#   docker run -p 3978:3978 -e MicrosoftAppId=… -e MicrosoftAppPassword=… \
#     -e STATE_STORAGE=blob -e AZURE_STORAGE_CONNECTION_STRING=… -e SMTP_URL=… cbp-ecommerce-assistant
#
# Three stages on the same Debian base: `base` (Node 24 LTS, the official slim image, + the npm
# the lockfile was written with; package.json "engines" allows Node 22.12 and later), `build`
# (all dependencies, TypeScript → dist/), `runtime` (production dependencies, dist/, knowledge/,
# web/; runs as the unprivileged `node` user). See README.md, "Deployment".

# ---------------------------------------------------------------------------------------------
FROM node:24-bookworm-slim AS base
# The npm bundled with the image may predate package.json "allowScripts" (which install scripts
# may run) and the lockfile's npm; the project's machines and CI use npm 11.19. Same npm, same install.
ARG NPM_VERSION=11.19.1
RUN npm install --global "npm@${NPM_VERSION}" \
 && npm cache clean --force
WORKDIR /app

# ---------------------------------------------------------------------------------------------
FROM base AS build
# Dependencies first, so this layer is reused while only the sources change. .npmrc carries
# yes=true: botbuilder-dialogs' postinstall runs `npx rimraf …`, which must not stop at a prompt.
# scripts/: the `prepare` script (scripts/build-at-install.js) skips the build here, with no
# tsconfig.json yet; the build runs below, once the sources are in.
COPY package.json package-lock.json .npmrc ./
COPY scripts ./scripts
RUN npm ci
# The whole context (less .dockerignore): tsconfig.json compiles src/, dialogs/, bench/ and
# teams/ and whatever they import (a test helper, should a benchmark use one). The country table,
# like the rules, is data read at run time from knowledge/ (copied below), not compiled in.
# Only dist/ leaves this stage.
COPY . .
RUN npm run build \
 && rm -f dist/*.tsbuildinfo

# ---------------------------------------------------------------------------------------------
FROM base AS runtime
# The production memory profile (issue 15; README "Performance"): V8 would let the old space grow
# to ~300 MB between full collections (peak RSS 440-530 MB under load); 128 MB of old space keeps
# the peak under 250 MB (bench:load: 206-236 MB). The live heap is ~50 MB plus the conversations
# in memory (~4 KB each, ~9 KB for a long one; at most STATE_MAX_CONVERSATIONS): with many long
# conversations lower that cap or raise this limit. The young generation is capped at 8 MB per
# semi-space: the turns' short-lived garbage otherwise grew it to V8's default cap and kept ~15 MB
# more RSS (bench:memory peak 255-260 MB → 240 MB, bench:load 243-246 → 229-235 MB, CPU per turn
# unchanged). bench:load, bench:memory and bench:startup read this line and run the bot with it.
ENV NODE_ENV=production \
    BOT_ENV=production \
    HOST=0.0.0.0 \
    PORT=3978 \
    NODE_OPTIONS="--max-old-space-size=128 --max-semi-space-size=8"
# Production dependencies only (botframework-webchat is one: the bot serves its bundle).
# scripts/: `prepare` (skips the build: no TypeScript here) and the Node version check the entry
# point makes (scripts/check-node.js).
COPY package.json package-lock.json .npmrc ./
COPY scripts ./scripts
RUN npm ci --omit=dev \
 && npm cache clean --force
# The compiled app, and what it reads at run time relative to the working directory /app:
#   knowledge/ (KNOWLEDGE_DIR, RULES_FILE = knowledge/rules/duty-free.yaml, which reads
#   countries.json beside it; knowledge/synonyms.yaml) and web/ (the page and widget, found
#   next to the nearest package.json above dist/src/channels, i.e. /app/web).
COPY --from=build /app/dist ./dist
COPY knowledge ./knowledge
COPY web ./web
# var/: the outbox and usage records on local files when STATE_STORAGE=memory (one instance;
# mount a volume there to keep them). With STATE_STORAGE=blob nothing is written here.
# The rest of /app stays owned by root: the app cannot change its own code or content.
RUN mkdir -p var \
 && chown node:node var
USER node
EXPOSE 3978
# No curl in the slim image: Node's own fetch. /healthz answers once the server listens.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3978) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Not `npm start`: its prestart runs a build (tsc is not installed here). node is PID 1 and
# index.ts handles SIGTERM itself (drains turns in flight, stops the mailer).
CMD ["node", "dist/src/index.js"]
