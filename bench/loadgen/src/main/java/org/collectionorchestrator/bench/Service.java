package org.collectionorchestrator.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

/** The service under test, over HTTP/1.1 on loopback. */
final class Service {

    record Response(int status, JsonNode body) {
    }

    final ObjectMapper json = new ObjectMapper();
    private final String base;
    private final HttpClient http;

    Service(String base) {
        URI uri = URI.create(base);
        if (!"127.0.0.1".equals(uri.getHost()) && !"localhost".equals(uri.getHost())) {
            throw new IllegalArgumentException("the benchmark only sends traffic to 127.0.0.1, not " + base);
        }
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(4))
                .build();
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
    }

    HttpRequest post(String path, Object body) {
        return request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(body))).build();
    }

    HttpRequest put(String path, Object body) {
        return request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes(body))).build();
    }

    HttpRequest get(String path) {
        return request(path).GET().build();
    }

    Response send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        return new Response(response.statusCode(), parse(response.body()));
    }

    /** Status, headers and body as they came (for answers whose headers matter). */
    HttpResponse<byte[]> sendRaw(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    JsonNode json(byte[] body) {
        return parse(body);
    }

    CompletableFuture<Response> sendAsync(HttpRequest request) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(r -> new Response(r.statusCode(), parse(r.body())));
    }

    /** Text of a GET, or null on 404 (used to probe optional endpoints). */
    String getText(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(get(path), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? response.body() : null;
    }

    void putCreditor(String id) throws IOException, InterruptedException {
        Response r = send(put("/api/v1/creditors/" + id, Payloads.creditor("Bench " + id)));
        if (r.status() != 200 && r.status() != 201) {
            throw new IllegalStateException("PUT creditor " + id + " answered " + r.status() + ": " + r.body());
        }
    }

    private JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return json.nullNode();
        }
        try {
            return json.readTree(body);
        } catch (IOException e) {
            return json.getNodeFactory().textNode(new String(body));
        }
    }

    private byte[] bytes(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
