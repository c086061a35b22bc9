# career-bot's release image: the single-file bundle, its V8 startup snapshot and the `career-bot`
# command, on Node.js 24 (LTS). A careers project's bot jobs run in it (templates/career-bot.yml), and
# `docker run IMAGE career-bot serve --host 0.0.0.0` is the long-running webhook receiver.
# Built by the `image` job of .gitlab-ci.yml on a tag.
#
# Both stages start from the same base, so the snapshot is built by the very node binary that loads
# it (a snapshot fits only the node that made it: same version, platform and architecture).
ARG NODE_IMAGE=node:24-alpine

FROM ${NODE_IMAGE} AS base

FROM base AS build
WORKDIR /src
COPY package.json package-lock.json ./
# --ignore-scripts: `prepare` would build before the sources are copied; the bundle is built below.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json ./
COPY scripts/ scripts/
COPY src/ src/
COPY templates/ templates/
COPY .gitlab/issue_templates/ .gitlab/issue_templates/
# What `career-bot init` writes besides the issue templates: the commented config and the CI include.
COPY .gitlab/career-bot.yml .gitlab/career-bot.yml
COPY scaffold/ scaffold/
# Where `career-bot init` points new careers projects (scripts/bundle.mjs); the image job passes them.
ARG CAREER_BOT_COMPONENT
ARG CAREER_BOT_IMAGE
RUN node scripts/bundle.mjs --outfile /opt/career-bot/career-bot.mjs \
 && node --snapshot-blob /opt/career-bot/career-bot.blob -- --help > /dev/null

FROM base
COPY --from=build /opt/career-bot/ /opt/career-bot/
COPY --chmod=755 scripts/image/career-bot.sh /usr/local/bin/career-bot
# The bot needs no rights in the image; GitLab's runner runs job scripts as this user too.
USER node
# No ENTRYPOINT of its own: GitLab's runner starts a shell in the image (node's entrypoint passes
# commands through); `docker run IMAGE` alone prints the help.
CMD ["career-bot", "--help"]
