package org.mastery.gateway.web;

import org.springframework.util.unit.DataSize;

/** A request body grew past its route's limit while it streamed (no Content-Length was declared). */
public class PayloadTooLargeException extends RuntimeException {

    private final transient DataSize limit;

    public PayloadTooLargeException(DataSize limit) {
        super("request body larger than " + limit);
        this.limit = limit;
    }

    public DataSize limit() {
        return limit;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this; // an expected refusal, not a failure: no stack needed
    }
}
