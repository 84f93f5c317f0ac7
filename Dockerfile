# syntax=docker/dockerfile:1
#
# One image for any ChannelOps service, chosen with MODULE and its HTTP port PORT:
#
#   docker build --build-arg MODULE=order-service --build-arg PORT=8083 -t channelops/order-service .
#
# Stage "build" compiles the module (and the platform modules it needs) with the Maven wrapper and
# splits Spring Boot's jar into its layers; the final stage is a JRE that runs those layers as a
# non-root user. deploy/README.md has the module/port table and the reasons for each choice.

ARG BUILD_IMAGE=eclipse-temurin:25-jdk
ARG RUNTIME_IMAGE=eclipse-temurin:25-jre

FROM ${BUILD_IMAGE} AS build
ARG MODULE
ARG PORT
WORKDIR /workspace
COPY . .
# A wrong MODULE or PORT stops the build here instead of producing an image that listens elsewhere.
RUN set -eu; \
    if [ -z "${MODULE:-}" ] || [ ! -f "${MODULE}/pom.xml" ]; then \
      echo "MODULE must name a service module, e.g. --build-arg MODULE=order-service (got '${MODULE:-}')" >&2; exit 1; \
    fi; \
    if ! grep -Eq "port: [\$][{]SERVER_PORT:${PORT:-none}[}]" "${MODULE}/src/main/resources/application.yml"; then \
      echo "PORT must be ${MODULE}'s default port (server.port in its application.yml), got '${PORT:-}'" >&2; exit 1; \
    fi
# The Maven repository (and the wrapper's Maven) live in a build cache shared by all images;
# "locked" because several images may build at once and Maven's local repository is not safe for that.
RUN --mount=type=cache,target=/root/.m2,sharing=locked \
    ./mvnw -B -ntp -pl "${MODULE}" -am package -DskipTests
RUN java -Djarmode=tools -jar "${MODULE}/target/${MODULE}.jar" extract --layers --launcher --destination /layers

FROM ${RUNTIME_IMAGE}
ARG MODULE
ARG PORT
LABEL org.opencontainers.image.title="channelops-${MODULE}" \
      org.opencontainers.image.description="ChannelOps ${MODULE}"
# A fixed numeric user: Kubernetes' runAsNonRoot can verify it without a passwd lookup.
RUN groupadd --system --gid 10001 channelops \
    && useradd --system --uid 10001 --gid 10001 --no-create-home --home-dir /nonexistent \
       --shell /usr/sbin/nologin channelops
WORKDIR /app
# Least to most often changed, so a code change rebuilds only the last, small layer.
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
# The files stay root-owned and read-only; the process writes only to /tmp (Tomcat's work
# directory, JVM perf data, crash logs), so the container runs with a read-only root and a tmpfs /tmp.
ENV SERVER_PORT=${PORT} \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:InitialRAMPercentage=50 -XX:+ExitOnOutOfMemoryError -XX:ErrorFile=/tmp/hs_err_pid%p.log -Djava.io.tmpdir=/tmp"
USER 10001:10001
EXPOSE ${PORT}
# The JRE image has neither curl nor wget: bash's /dev/tcp sends the GET and reads the status line.
HEALTHCHECK --interval=15s --timeout=5s --start-period=180s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${SERVER_PORT} && printf 'GET /actuator/health/liveness HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && read -r -t 4 status <&3 && [[ $status == 'HTTP/1.'?' 200'* ]]"]
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
