package org.mastery.kit.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.AntPathMatcher;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies above a size limit with 413 problem+json, before anything reads them: by the
 * declared {@code Content-Length}, and for bodies of unknown length by counting while they are read.
 * The limit is {@code mastery.web.max-body-size} (1 MB) unless {@code mastery.web.body-size-limits}
 * gives one for the path (Ant patterns, e.g. imports). Multipart uploads are bounded by
 * {@code spring.servlet.multipart.*} as well.
 */
public class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final long defaultLimit;
    private final Map<String, Long> limits = new LinkedHashMap<>();
    private final AntPathMatcher paths = new AntPathMatcher();
    private final ObjectMapper objectMapper;

    public RequestBodyLimitFilter(DataSize defaultLimit, Map<String, DataSize> limits, ObjectMapper objectMapper) {
        this.defaultLimit = defaultLimit.toBytes();
        limits.forEach((pattern, size) -> this.limits.put(pattern, size.toBytes()));
        this.objectMapper = objectMapper;
    }

    long limitFor(String path) {
        for (Map.Entry<String, Long> limit : limits.entrySet()) {
            if (paths.match(limit.getKey(), path)) {
                return limit.getValue();
            }
        }
        return defaultLimit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limitFor(request.getRequestURI().substring(request.getContextPath().length()));
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            tooLarge(response, limit);
            return;
        }
        chain.doFilter(declared >= 0 ? request : new Limited(request, limit), response);
    }

    private void tooLarge(HttpServletResponse response, long limit) throws IOException {
        response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        // the body was not read: do not let the connection be reused with it still pending
        response.setHeader("Connection", "close");
        objectMapper.writeValue(response.getOutputStream(), ProblemDetailsAdvice.problem(HttpStatus.PAYLOAD_TOO_LARGE,
                "Request too large", tooLargeDetail(limit)));
    }

    static String tooLargeDetail(long limit) {
        return "The request body is larger than this endpoint accepts (" + DataSize.ofBytes(limit).toKilobytes() + " KB)";
    }

    /** Thrown while a body of undeclared length is read past the limit; answered 413. */
    public static class BodyTooLargeException extends IOException {
        private final long limit;

        public BodyTooLargeException(long limit) {
            super(tooLargeDetail(limit));
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }
    }

    private static final class Limited extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    private void count(long n) throws IOException {
                        if (n > 0) {
                            read += n;
                            if (read > limit) {
                                throw new BodyTooLargeException(limit);
                            }
                        }
                    }

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        count(b < 0 ? 0 : 1);
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = in.read(buffer, offset, length);
                        count(n);
                        return n;
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
