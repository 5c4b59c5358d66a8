package org.mastery.curriculum.config;

import java.util.function.Supplier;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.mastery.kit.web.CorrelationIdDispatchInterceptor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Several commands (and writes beside the log, such as personal data) in one database transaction:
 * the command bus handles commands on the calling thread and Axon's Spring transaction manager joins
 * the surrounding transaction, so everything commits or rolls back together. This gateway does not
 * retry on another thread (a retry would run outside the transaction); the caller sees a conflict.
 */
@Component
public class TransactionalCommands {

    private final CommandGateway gateway;
    private final TransactionTemplate transactions;

    public TransactionalCommands(CommandBus commandBus, PlatformTransactionManager transactionManager) {
        this.gateway = DefaultCommandGateway.builder().commandBus(commandBus)
                .dispatchInterceptors(new CorrelationIdDispatchInterceptor()).build();
        this.transactions = new TransactionTemplate(transactionManager);
    }

    public <R> R send(Object command) {
        return gateway.sendAndWait(command);
    }

    public <T> T inTransaction(Supplier<T> work) {
        return transactions.execute(status -> work.get());
    }
}
