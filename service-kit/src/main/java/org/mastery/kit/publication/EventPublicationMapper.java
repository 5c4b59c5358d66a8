package org.mastery.kit.publication;

import java.util.Optional;
import org.axonframework.eventhandling.EventMessage;

/**
 * Maps a stored (internal) event to the contract event published for it, if any. Each service
 * supplies one; events it maps to nothing stay internal. A stored event publishes at most one
 * contract event, whose CloudEvents id is the stored event's id: that is what makes every
 * republication after a crash recognisable as a duplicate.
 */
@FunctionalInterface
public interface EventPublicationMapper {

    Optional<PublishedEvent> map(EventMessage<?> event);
}
