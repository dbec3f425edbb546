# syntax=docker/dockerfile:1

# Build: type-check, then bundle the bot into one file (tools/build/bundle.ts), with the dev dependencies.
# --workspaces=false: the workspace packages (packages/: the Telegram emulator for tests and the
# preview) are neither copied nor installed; only src is type-checked (tsconfig.build.json) and bundled.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --workspaces=false --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY tools/build ./tools/build
COPY miniapp ./miniapp
COPY events ./events
RUN npm run build

# Run: production dependencies only, as the unprivileged `node` user.
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --workspaces=false --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY events ./events
USER node
# `node` is PID 1's direct command (no npm or shell in between), so SIGTERM reaches the bot
# and it shuts down gracefully.
# V8 heap sizing as in npm start (bench/README.md has the measurements).
CMD ["node", "--max-semi-space-size=16", "--heap-growing-percent=50", "dist/server/main.js"]
