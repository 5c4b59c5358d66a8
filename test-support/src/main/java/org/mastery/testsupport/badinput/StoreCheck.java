package org.mastery.testsupport.badinput;

/**
 * How a service's test shows that a refused request stored nothing: a snapshot of what it stores
 * (e.g. the event store's row count, side tables, collections only requests write) taken before the
 * corpus runs against an endpoint, compared after it; {@code correlationPrefix} is the prefix of the
 * {@code X-Correlation-Id} every corpus request carried, which commands copy into the events they store.
 */
public interface StoreCheck {

    Object snapshot();

    void assertNothingStored(Object before, String correlationPrefix);
}
