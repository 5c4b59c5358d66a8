package org.mastery.kit.eventstore;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Spliterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * Axon's JDBC storage engine, reading an aggregate's stream the way this log allows.
 *
 * <ul>
 *   <li><b>A short batch is the last one.</b> Axon's JDBC engine asks once more after a short batch,
 *   in case a stream has holes; this log never has any (sequence numbers are contiguous from 0,
 *   guarded by the unique (aggregate, sequence) key, and no event is ever deleted), so loading an
 *   aggregate takes one query, not two.</li>
 *   <li><b>The next batch is read while the caller works.</b> A long stream (more than one batch) is
 *   read on a second thread, a batch ahead: the database sends batch k+1 while the aggregate is
 *   rebuilt from batch k, instead of the two waiting for each other. The events after a snapshot
 *   are read there too, from the moment they are asked for, while the caller deserializes the
 *   snapshot.</li>
 * </ul>
 * Both change only how the stream is read, not what it holds: events come in sequence order, each once.
 */
public class AggregateStreamReadingEngine extends JdbcEventStorageEngine {

    private final Executor readAhead;
    private final Reader aheadReader;

    /**
     * @param readAhead the read-ahead thread(s); null reads every batch on the caller's thread
     * @param readAheadConnections the reads ahead take their connections from here, never from the
     *     callers' pool: a caller holding a connection in its transaction waits for a read ahead, and
     *     the two must not wait for the same pool
     */
    public AggregateStreamReadingEngine(JdbcEventStorageEngine.Builder builder, Executor readAhead,
                                        ConnectionProvider readAheadConnections) {
        super(builder);
        this.readAhead = readAhead;
        this.aheadReader = readAhead == null ? null
                : new Reader(builder.connectionProvider(readAheadConnections).transactionManager(NoTransactionManager.INSTANCE));
    }

    /** A batch read on the read-ahead thread, with a read-ahead connection. */
    protected List<? extends DomainEventData<?>> fetchAhead(String aggregateIdentifier, long firstSequenceNumber, int batchSize) {
        return aheadReader.fetchDomainEvents(aggregateIdentifier, firstSequenceNumber, batchSize);
    }

    /** The plain engine over the read-ahead connections, for its batch query. */
    private static final class Reader extends JdbcEventStorageEngine {
        Reader(JdbcEventStorageEngine.Builder builder) {
            super(builder);
        }

        /** Declared here only so that the enclosing engine may call it on this other engine. */
        @Override
        protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier, long firstSequenceNumber, int batchSize) {
            return super.fetchDomainEvents(aggregateIdentifier, firstSequenceNumber, batchSize);
        }
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readEventData(String identifier, long firstSequenceNumber) {
        return StreamSupport.stream(new Batches(identifier, firstSequenceNumber), false);
    }

    /** One aggregate's events, a batch at a time, with the following batch already on its way. */
    private final class Batches implements Spliterator<DomainEventData<?>> {
        private final String aggregate;
        private final Deque<DomainEventData<?>> current = new ArrayDeque<>();
        private CompletableFuture<List<? extends DomainEventData<?>>> next;
        private long nextSequence;
        private boolean last;

        Batches(String aggregate, long firstSequenceNumber) {
            this.aggregate = aggregate;
            this.nextSequence = firstSequenceNumber;
            if (firstSequenceNumber > 0 && readAhead != null) {
                // the tail after a snapshot: read while the caller deserializes the snapshot
                next = CompletableFuture.supplyAsync(() -> fetchAhead(aggregate, firstSequenceNumber, batchSize()), readAhead);
            }
        }

        @Override
        public boolean tryAdvance(Consumer<? super DomainEventData<?>> action) {
            if (current.isEmpty() && !last) {
                take(next == null ? fetchDomainEvents(aggregate, nextSequence, batchSize()) : await(next));
            }
            DomainEventData<?> event = current.poll();
            if (event == null) {
                return false;
            }
            action.accept(event);
            return true;
        }

        private void take(List<? extends DomainEventData<?>> batch) {
            current.addAll(batch);
            next = null;
            last = batch.size() < batchSize();
            if (!last) {
                nextSequence = batch.get(batch.size() - 1).getSequenceNumber() + 1;
                long from = nextSequence;
                if (readAhead != null) {
                    next = CompletableFuture.supplyAsync(() -> fetchAhead(aggregate, from, batchSize()), readAhead);
                }
            }
        }

        private List<? extends DomainEventData<?>> await(CompletableFuture<List<? extends DomainEventData<?>>> batch) {
            try {
                return batch.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }

        @Override
        public Spliterator<DomainEventData<?>> trySplit() {
            return null;
        }

        @Override
        public long estimateSize() {
            return Long.MAX_VALUE;
        }

        @Override
        public int characteristics() {
            return ORDERED | NONNULL;
        }
    }
}
