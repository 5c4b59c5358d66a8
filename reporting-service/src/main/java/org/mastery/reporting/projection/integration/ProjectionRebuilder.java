package org.mastery.reporting.projection.integration;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.GroupNotEmptyException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.mastery.kit.inbound.ProcessedEvents;
import org.mastery.reporting.projection.query.ReadModelStore;
import org.mastery.reporting.projection.query.ReadModels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Rebuilds every reporting projection from offset zero of every stream: stops the listeners, drops
 * the projection collections and the listeners' processed-event marks, deletes the consumer groups
 * (so that they start again from the earliest offset), restarts the listeners and waits until each
 * group's committed offsets reach the end offsets seen when the rebuild began. The time this takes is
 * the measured rebuild time. The names cache is not a projection and is kept.
 */
public class ProjectionRebuilder {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilder.class);

    /** A listener to rebuild: its container (and group) id, its dedupe name, its topics, its collections. */
    public record Projection(String listenerId, String consumerName, List<String> topics, List<String> collections) {
    }

    public enum State { IDLE, RUNNING, DONE, FAILED }

    public record Status(State state, Instant startedAt, Instant finishedAt, Long durationMillis, Long recordsToReplay,
                         String error) {
        static Status idle() {
            return new Status(State.IDLE, null, null, null, null, null);
        }
    }

    private final List<Projection> projections;
    private final KafkaListenerEndpointRegistry registry;
    private final KafkaAdmin kafkaAdmin;
    private final ProcessedEvents processed;
    private final ReadModelStore store;
    private final Duration timeout;
    private final AtomicReference<Status> status = new AtomicReference<>(Status.idle());

    public ProjectionRebuilder(List<Projection> projections, KafkaListenerEndpointRegistry registry, KafkaAdmin kafkaAdmin,
                               ProcessedEvents processed, ReadModelStore store, Duration timeout) {
        this.projections = List.copyOf(projections);
        this.registry = registry;
        this.kafkaAdmin = kafkaAdmin;
        this.processed = processed;
        this.store = store;
        this.timeout = timeout;
    }

    public Status status() {
        return status.get();
    }

    /** Starts a rebuild in the background; false if one is running already. */
    public synchronized boolean start() {
        if (status.get().state() == State.RUNNING) {
            return false;
        }
        Instant startedAt = Instant.now();
        status.set(new Status(State.RUNNING, startedAt, null, null, null, null));
        Thread worker = new Thread(() -> run(startedAt), "projection-rebuild");
        worker.setDaemon(true);
        worker.start();
        return true;
    }

    /** Runs a rebuild in the caller's thread and answers its final status. */
    public Status rebuildNow() {
        synchronized (this) {
            if (status.get().state() == State.RUNNING) {
                throw new IllegalStateException("a rebuild is running");
            }
            status.set(new Status(State.RUNNING, Instant.now(), null, null, null, null));
        }
        run(status.get().startedAt());
        return status.get();
    }

    private void run(Instant startedAt) {
        long t0 = System.nanoTime();
        try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
            for (Projection p : projections) {
                MessageListenerContainer container = container(p);
                container.stop();
                awaitStopped(container);
            }
            for (Projection p : projections) {
                p.collections().forEach(store::drop);
                processed.forget(p.consumerName());
            }
            Map<String, Map<TopicPartition, Long>> targets = new HashMap<>();
            long records = 0;
            for (Projection p : projections) {
                deleteGroup(admin, p.listenerId());
                Map<TopicPartition, Long> ends = endOffsets(admin, p.topics());
                targets.put(p.listenerId(), ends);
                records += ends.values().stream().mapToLong(Long::longValue).sum();
            }
            status.set(new Status(State.RUNNING, startedAt, null, null, records, null));
            for (Projection p : projections) {
                container(p).start();
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            for (Projection p : projections) {
                while (!caughtUp(admin, p.listenerId(), targets.get(p.listenerId()))) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("rebuild of " + p.consumerName() + " did not catch up within " + timeout);
                    }
                    Thread.sleep(20);
                }
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            status.set(new Status(State.DONE, startedAt, Instant.now(), millis, records, null));
            log.info("Rebuilt reporting projections from offset zero: {} records in {} ms", records, millis);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.error("Projection rebuild failed", e);
            projections.forEach(p -> {
                MessageListenerContainer c = registry.getListenerContainer(p.listenerId());
                if (c != null && !c.isRunning()) {
                    c.start();
                }
            });
            status.set(new Status(State.FAILED, startedAt, Instant.now(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0), null, e.getMessage()));
        }
    }

    private MessageListenerContainer container(Projection p) {
        MessageListenerContainer container = registry.getListenerContainer(p.listenerId());
        if (container == null) {
            throw new IllegalStateException("no listener " + p.listenerId());
        }
        return container;
    }

    private static void awaitStopped(MessageListenerContainer container) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (container.isRunning() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    private static void deleteGroup(Admin admin, String group) throws InterruptedException, ExecutionException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                admin.deleteConsumerGroups(List.of(group)).all().get(10, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof GroupIdNotFoundException) {
                    return;
                }
                if (!(e.getCause() instanceof GroupNotEmptyException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100); // the stopped consumer is still leaving the group
            } catch (java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException("Kafka did not answer the deletion of group " + group, e);
            }
        }
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin, List<String> topics) throws InterruptedException, ExecutionException {
        Set<String> existing = admin.listTopics().names().get();
        List<String> present = topics.stream().filter(existing::contains).toList();
        Map<TopicPartition, Long> ends = new HashMap<>();
        if (present.isEmpty()) {
            return ends;
        }
        Map<String, TopicDescription> descriptions = admin.describeTopics(present).allTopicNames().get();
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        descriptions.values().forEach(d -> d.partitions().forEach(p -> request.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
        try {
            for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> e : admin.listOffsets(request).all().get().entrySet()) {
                ends.put(e.getKey(), e.getValue().offset());
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                throw e;
            }
        }
        return ends;
    }

    private static boolean caughtUp(Admin admin, String group, Map<TopicPartition, Long> targets)
            throws InterruptedException, ExecutionException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        List<TopicPartition> behind = new ArrayList<>();
        targets.forEach((partition, end) -> {
            if (end > 0) {
                OffsetAndMetadata at = committed.get(partition);
                if (at == null || at.offset() < end) {
                    behind.add(partition);
                }
            }
        });
        return behind.isEmpty();
    }

    /** The collections of the framework catalog, which is rebuilt alongside. */
    public static List<String> viewCollections() {
        return ReadModels.PROJECTIONS;
    }
}
