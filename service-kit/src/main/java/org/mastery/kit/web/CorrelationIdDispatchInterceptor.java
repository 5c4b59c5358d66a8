package org.mastery.kit.web;

import java.util.List;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.slf4j.MDC;

/** Copies the correlation id of the current request or inbound event into each command's metadata. */
public class CorrelationIdDispatchInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            String correlationId = MDC.get(CorrelationIdFilter.MDC_KEY);
            if (correlationId == null || command.getMetaData().containsKey(CorrelationIdFilter.MDC_KEY)) {
                return command;
            }
            return command.andMetaData(java.util.Map.of(CorrelationIdFilter.MDC_KEY, correlationId));
        };
    }
}
