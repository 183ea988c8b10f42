# syntax=docker/dockerfile:1
# The image the Helm chart runs: the production jar (no in-memory engine, no embedded broker; .ci/production-jar) on
# a JRE 21, as a non-root user, with a read-only root filesystem in mind (only /tmp is written).
#
#   docker build -t collection-orchestrator:0.1.0 .                                   # builds the jar inside
#   bash .ci/production-jar && docker build --build-arg JAR_STAGE=prebuilt -t ... .   # uses target/ as built by CI

ARG JAR_STAGE=build

FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY src/main src/main
COPY bpmn bpmn
COPY dmn dmn
# -Dproduction leaves out the local stand-ins (and their test engine); tests run in CI, not here.
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q -Dproduction -Dmaven.test.skip=true package \
 && mkdir /out && cp "$(ls target/collection-orchestrator-*.jar | grep -v '\.original$' | head -1)" /out/app.jar

FROM busybox:1.37 AS prebuilt
COPY target/collection-orchestrator-*.jar /in/
RUN mkdir /out && cp "$(ls /in/*.jar | grep -v '\.original$' | head -1)" /out/app.jar

FROM ${JAR_STAGE} AS jar

# Spring Boot's layers: dependencies change less often than the application, so they form their own image layers.
FROM eclipse-temurin:21-jre AS layers
WORKDIR /layers
COPY --from=jar /out/app.jar app.jar
RUN java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted

FROM eclipse-temurin:21-jre AS runtime
ARG UID=10001
RUN groupadd --system --gid ${UID} app \
 && useradd --system --uid ${UID} --gid app --home-dir /app --no-create-home --shell /usr/sbin/nologin app
WORKDIR /app
COPY --from=layers /layers/extracted/dependencies/ ./
COPY --from=layers /layers/extracted/spring-boot-loader/ ./
COPY --from=layers /layers/extracted/snapshot-dependencies/ ./
COPY --from=layers /layers/extracted/application/ ./
USER ${UID}:${UID}
# Heap from the container's memory limit; the JVM reads cgroup limits itself. Temporary files (bank statements,
# uploads, the Camunda client's token cache) go to /tmp, the only writable path under the chart.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75.0 -XX:InitialRAMPercentage=50.0 -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/tmp" \
    CAMUNDA_CLIENT_AUTH_CREDENTIALS_CACHE_PATH=/tmp/camunda/credentials
EXPOSE 8080
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
