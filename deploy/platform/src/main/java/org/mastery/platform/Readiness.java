package org.mastery.platform;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/** How the launcher decides that a process is ready. */
@FunctionalInterface
interface Readiness {

    boolean isReady();

    HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    /** A TCP port accepts connections. */
    static Readiness port(String host, int port) {
        return () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), 500);
                return true;
            } catch (IOException e) {
                return false;
            }
        };
    }

    /**
     * Spring Boot's readiness group answers 200; where a part has no readiness group (404),
     * its overall health answering 200 counts instead.
     */
    static Readiness springBoot(String baseUrl) {
        return () -> {
            int readiness = get(baseUrl + "/actuator/health/readiness");
            if (readiness == 404) {
                return get(baseUrl + "/actuator/health") == 200;
            }
            return readiness == 200;
        };
    }

    /** The status code of a GET, or -1 if nothing answers. */
    static int get(String url) {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** A line containing {@code text} was written to the log (which is fresh for each start). */
    static Readiness logContains(Path log, String text) {
        return () -> {
            try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
                byte[] bytes = new byte[(int) Math.min(file.length(), 16 * 1024 * 1024)];
                file.readFully(bytes);
                return new String(bytes, StandardCharsets.UTF_8).contains(text);
            } catch (IOException e) {
                return false;
            }
        };
    }

    default Readiness and(Readiness other) {
        return () -> isReady() && other.isReady();
    }
}
