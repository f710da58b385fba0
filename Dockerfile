# CBP E-Commerce Assistant — container image.
#
#   docker build -t cbp-ecommerce-assistant .
#   docker run -p 3978:3978 -e MicrosoftAppId=… -e MicrosoftAppPassword=… \
#     -e STATE_STORAGE=blob -e AZURE_STORAGE_CONNECTION_STRING=… -e SMTP_URL=… cbp-ecommerce-assistant
#
# Three stages on the same Debian base: `base` (Node 20 + the npm the lockfile was written
# with), `build` (all dependencies, TypeScript → dist/), `runtime` (production dependencies,
# dist/, knowledge/, web/; runs as the unprivileged `node` user). See README.md, "Deployment".

# ---------------------------------------------------------------------------------------------
FROM node:20-bookworm-slim AS base
# The image's own npm (10.x) ignores package.json "allowScripts" (which install scripts may
# run); the project's machines and CI use npm 11, which honours it. Same npm, same install.
ARG NPM_VERSION=11.19.1
RUN npm install --global "npm@${NPM_VERSION}" \
 && npm cache clean --force
WORKDIR /app

# ---------------------------------------------------------------------------------------------
FROM base AS build
# Dependencies first, so this layer is reused while only the sources change. .npmrc carries
# yes=true: botbuilder-dialogs' postinstall runs `npx rimraf …`, which must not stop at a prompt.
COPY package.json package-lock.json .npmrc ./
RUN npm ci
# The whole context (less .dockerignore): tsconfig.json compiles src/, dialogs/, bench/ and
# teams/ and whatever they import (a test helper, should a benchmark use one). The country table,
# like the rules, is data read at run time from knowledge/ (copied below), not compiled in.
# Only dist/ leaves this stage.
COPY . .
RUN npm run build

# ---------------------------------------------------------------------------------------------
FROM base AS runtime
ENV NODE_ENV=production \
    BOT_ENV=production \
    HOST=0.0.0.0 \
    PORT=3978
# Production dependencies only (botframework-webchat is one: the bot serves its bundle).
COPY package.json package-lock.json .npmrc ./
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
