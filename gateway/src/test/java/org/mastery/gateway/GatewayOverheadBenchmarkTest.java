package org.mastery.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mastery.gateway.support.GatewayTestBase;
import org.mastery.gateway.support.TestTokens;

/**
 * Benchmark, not a timing test: measures what the gateway adds to a request (JWT validation, rate
 * limit, size check, breaker, retry wrapper, proxying) against the same stub service called
 * directly, in the same run, with the same client. It prints the numbers and asserts only that
 * every answer was correct.
 */
class GatewayOverheadBenchmarkTest extends GatewayTestBase {

    private static final int WARM_UP = 200;
    private static final int MEASURED = 600;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void gatewayOverheadAgainstCallingTheServiceDirectly() throws Exception {
        String path = "/api/reports/classes/k-bench/mastery-map";
        // tokens enough that the test's rate limit (20 per subject) never refuses
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < (WARM_UP + MEASURED) / 15 + 1; i++) {
            tokens.add(TestTokens.token("bench-" + i + "-" + System.nanoTime(), "TEACHER"));
        }

        long[] direct = run(URI.create(REPORTING.url() + path), i -> "Bearer " + tokens.get(0));
        long[] gateway = run(URI.create("http://127.0.0.1:" + port + path), i -> "Bearer " + tokens.get(i / 15));

        System.out.printf("[benchmark] %d sequential GETs after %d warm-up, 2-core shared machine%n", MEASURED, WARM_UP);
        System.out.printf("[benchmark] direct to stub service : p50 %.2f ms  p95 %.2f ms  p99 %.2f ms%n",
                pct(direct, 50), pct(direct, 95), pct(direct, 99));
        System.out.printf("[benchmark] through the gateway    : p50 %.2f ms  p95 %.2f ms  p99 %.2f ms%n",
                pct(gateway, 50), pct(gateway, 95), pct(gateway, 99));
        System.out.printf("[benchmark] gateway overhead at p50: %.2f ms%n", pct(gateway, 50) - pct(direct, 50));
    }

    private long[] run(URI uri, java.util.function.IntFunction<String> authorization) throws Exception {
        long[] nanos = new long[MEASURED];
        for (int i = 0; i < WARM_UP + MEASURED; i++) {
            HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", authorization.apply(i)).GET().build();
            long started = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long took = System.nanoTime() - started;
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"service\":\"reporting-service\"");
            if (i >= WARM_UP) {
                nanos[i - WARM_UP] = took;
            }
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private static double pct(long[] sorted, int percentile) {
        int index = Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1);
        return sorted[index] / 1_000_000.0;
    }
}
