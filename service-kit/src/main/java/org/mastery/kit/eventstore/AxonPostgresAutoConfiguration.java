package org.mastery.kit.eventstore;

import com.zaxxer.hikari.HikariDataSource;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotterFactoryBean;
import org.mastery.kit.environment.ServiceDatabaseCreator;
import org.mastery.kit.web.CorrelationIdDispatchInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Axon's JDBC storage engine on PostgreSQL, tuned as the stack notes say: PostgreSQL's
 * duplicate-key errors become concurrency conflicts, conflicting commands are retried, snapshots
 * are taken off the command thread, and aggregate streams are read in large batches (the next one
 * while the caller applies the current one).
 */
@AutoConfiguration(beforeName = {
        "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration",
        "org.axonframework.springboot.autoconfig.AxonAutoConfiguration"})
@ConditionalOnClass(JdbcEventStorageEngine.class)
public class AxonPostgresAutoConfiguration {

    /** The correlation id of the HTTP request (or inbound event) that caused a message. */
    public static final String CORRELATION_ID = "correlationId";

    @Bean
    @ConditionalOnMissingBean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return new DuplicateKeyResolver();
    }

    /**
     * The JDBC storage engine. A service may supply a bean named {@code snapshotSerializer} to write
     * its snapshots differently from its events (say, in a compact binary form); events stay JSON.
     */
    @Bean
    @ConditionalOnMissingBean({EventStorageEngine.class})
    public EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                                 @Qualifier("snapshotSerializer") ObjectProvider<Serializer> snapshotSerializer,
                                                 PersistenceExceptionResolver persistenceExceptionResolver,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 Configuration configuration,
                                                 ConnectionProvider connectionProvider,
                                                 TransactionManager transactionManager,
                                                 ReadAheadConnections readAheadConnections,
                                                 @Value("${mastery.eventstore.batch-size:1000}") int batchSize) {
        JdbcEventStorageEngine.Builder builder = JdbcEventStorageEngine.builder()
                .snapshotSerializer(snapshotSerializer.getIfAvailable(() -> defaultSerializer))
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(EventSchema.builder().build())
                // one round trip per 1000 events when an aggregate's stream is read
                .batchSize(batchSize);
        HikariDataSource ahead = readAheadConnections.dataSource();
        return ahead == null ? new AggregateStreamReadingEngine(builder, null, null)
                : new AggregateStreamReadingEngine(builder, aggregateReadAhead(), ahead::getConnection);
    }

    /**
     * Two connections of their own for reading aggregate streams ahead (opened when first needed);
     * none, and no reading ahead, when the service's pool is not HikariCP's.
     */
    public record ReadAheadConnections(HikariDataSource dataSource) implements AutoCloseable {
        @Override
        public void close() {
            if (dataSource != null) {
                dataSource.close();
            }
        }
    }

    @Bean
    public ReadAheadConnections readAheadConnections(DataSource dataSource) {
        if (!(dataSource instanceof HikariDataSource main)) {
            return new ReadAheadConnections(null);
        }
        HikariDataSource readAhead = new HikariDataSource();
        readAhead.setJdbcUrl(main.getJdbcUrl());
        readAhead.setUsername(main.getUsername());
        readAhead.setPassword(main.getPassword());
        readAhead.setDataSourceProperties(main.getDataSourceProperties());
        readAhead.setPoolName("event-read-ahead");
        readAhead.setMaximumPoolSize(2);
        readAhead.setMinimumIdle(0);
        readAhead.setReadOnly(true);
        return new ReadAheadConnections(readAhead);
    }

    /**
     * Reads the next batch of a long aggregate stream: two threads at most; when both are busy the
     * reader fetches its next batch itself, as it would without them.
     */
    private static Executor aggregateReadAhead() {
        return new ThreadPoolExecutor(0, 2, 30, TimeUnit.SECONDS,
                new SynchronousQueue<>(), r -> {
                    Thread t = new Thread(r, "event-read-ahead");
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
    }

    @Bean(destroyMethod = "shutdown")
    public ScheduledExecutorService commandRetryExecutor() {
        return Executors.newScheduledThreadPool(1, r -> {
            Thread t = new Thread(r, "command-retry");
            t.setDaemon(true);
            return t;
        });
    }

    @Bean
    @ConditionalOnMissingBean
    public CommandGateway commandGateway(CommandBus commandBus, ScheduledExecutorService commandRetryExecutor,
                                         @Value("${mastery.commands.max-retries:10}") int maxRetries) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(new ConcurrencyRetryScheduler(commandRetryExecutor, maxRetries, 20, 1000))
                .dispatchInterceptors(new CorrelationIdDispatchInterceptor())
                .build();
    }

    /** Snapshots are written by a background thread, not by the command that triggered them. */
    @Bean
    @ConditionalOnMissingBean
    public SpringAggregateSnapshotterFactoryBean aggregateSnapshotter() {
        SpringAggregateSnapshotterFactoryBean factory = new SpringAggregateSnapshotterFactoryBean();
        factory.setExecutor(Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "snapshotter");
            t.setDaemon(true);
            return t;
        }));
        return factory;
    }

    /** Events carry the request's correlation id, and Axon's causation chain under its own keys. */
    @Bean
    public CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider("causationId", "traceId");
    }

    @Bean
    public CorrelationDataProvider requestCorrelationProvider() {
        return new SimpleCorrelationDataProvider(CORRELATION_ID);
    }

    /**
     * Every event processor streams from the event store with one segment and batches of 100, and a
     * failing handler stops its processor (which retries with back-off) instead of skipping the
     * event: a view that silently misses an event is worse than a view that is late.
     * <p>Tracking processors, not pooled streaming ones: the embedded event store's streams offer no
     * availability callback, so an idle pooled processor looks for new events only every 500 ms (a
     * median 404 ms from storing to publishing was measured); a tracking processor blocks on the
     * store's own signal, which a commit in this process gives at once (other writers are found by
     * the store's poll of the table).
     */
    @Bean
    public ConfigurerModule eventProcessingDefaults(@Value("${mastery.eventhandling.batch-size:100}") int batchSize) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .usingTrackingEventProcessors()
                .registerTrackingEventProcessorConfiguration(config -> singleSegment(batchSize))
                .registerDefaultListenerInvocationErrorHandler(config -> PropagatingErrorHandler.instance()));
    }

    /** One segment (the whole log in order, one thread) and the given batch size. */
    public static TrackingEventProcessorConfiguration singleSegment(int batchSize) {
        return TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                .andInitialSegmentsCount(1)
                .andBatchSize(batchSize);
    }

    @Bean
    @ConditionalOnProperty(name = "spring.flyway.enabled", havingValue = "true", matchIfMissing = true)
    public ServiceDatabaseCreator serviceDatabaseCreator(
            @Value("${mastery.database.server-url:}") String serverUrl,
            @Value("${spring.datasource.username:postgres}") String user,
            @Value("${spring.datasource.password:}") String password,
            @Value("${mastery.database.name:}") String database) {
        return new ServiceDatabaseCreator(serverUrl, user, password, database);
    }
}
