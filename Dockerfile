# syntax=docker/dockerfile:1
# landed: the web app, JSON API and CLI in one small image.
#   docker build -t landed .
#   docker run -p 8080:8080 -e LANDED_SECRET=… -e LANDED_PUBLIC_URL=https://landed.example.org landed
# Stage 1 builds a release binary; stage 2 is distroless (glibc, CA certificates, no shell),
# running as the non-root user 65532.

FROM rust:1.95-bookworm AS build
WORKDIR /src
# Everything the build reads: the workspace, its embedded data and the shared rules reference
# is not needed (tests only).
COPY Cargo.toml Cargo.lock ./
COPY crates ./crates
COPY data ./data
COPY docs ./docs
RUN cargo build --release --locked -p landed \
 && install -D -m 0755 target/release/landed /out/landed \
 && install -d -m 0750 /out/data

FROM gcr.io/distroless/cc-debian12:nonroot
COPY --from=build /out/landed /usr/local/bin/landed
COPY --from=build --chown=65532:65532 /out/data /data
USER 65532:65532
WORKDIR /data
ENV LANDED_ADDR=0.0.0.0:8080 \
    DATABASE_URL=sqlite:///data/landed.db \
    LANDED_DRAWS_FILE=/data/ee_rounds_123_en.json
EXPOSE 8080
VOLUME ["/data"]
HEALTHCHECK NONE
ENTRYPOINT ["/usr/local/bin/landed"]
CMD ["serve"]
