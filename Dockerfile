# syntax=docker/dockerfile:1
# The schedlab image of scripts/kubernetes/ (harness/README.md, "Running on a cluster"): the
# checkout with its dependencies in /app. From the checkout:
#
#   docker build -t schedlab:0.1.0 \
#     --build-context fenrir=../shared/data/fenrir \
#     --build-arg SCHEDLAB_GIT_COMMIT="$(git rev-parse HEAD)" .
#
# --build-context fenrir=DIR bakes the replication package's data into /shared/data/fenrir, where
# DATA=fenrir finds it (../shared/data/fenrir from /app); without it the image has the built-in
# data only. The commit goes into every manifest.json (the image has no .git).

# empty unless --build-context fenrir=DIR replaces it
FROM scratch AS fenrir

FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci && npm cache clean --force
COPY . .
COPY --from=fenrir . /shared/data/fenrir/
ARG SCHEDLAB_GIT_COMMIT=""
ENV SCHEDLAB_GIT_COMMIT=${SCHEDLAB_GIT_COMMIT}
# the Kubernetes jobs run their own command; this is a smoke run
CMD ["node", "--import", "tsx", "harness/cli/replicate.ts", "--quick", "--no-figures", "--out", "/tmp/quick"]
