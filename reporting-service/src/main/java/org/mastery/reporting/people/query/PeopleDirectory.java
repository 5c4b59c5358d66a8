package org.mastery.reporting.people.query;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mastery.reporting.people.integration.CurriculumPeopleClient;
import org.mastery.reporting.projection.query.ReadModelStore;
import org.mastery.reporting.projection.query.ReadModels;

/**
 * Display names for reports. Events carry ids only; names are read from curriculum-service and cached
 * here, one document per person, and joined into views when they are read, never copied into them.
 * Erasing a person's personal data (roster.PersonalDataErased) deletes their cache entry and leaves a
 * mark (a projection of the erasure event) that stops the name from ever being fetched again.
 */
public class PeopleDirectory {

    public static final String CACHE = "person_names";

    private final ReadModelStore store;
    private final CurriculumPeopleClient client;
    private final Duration ttl;
    private final int maxFetchesPerRequest;
    private final Clock clock;

    public PeopleDirectory(ReadModelStore store, CurriculumPeopleClient client, Duration ttl, int maxFetchesPerRequest, Clock clock) {
        this.store = store;
        this.client = client;
        this.ttl = ttl;
        this.maxFetchesPerRequest = maxFetchesPerRequest;
        this.clock = clock;
    }

    /** Names of the people that have one and may be named; people without a name are absent. */
    public Map<String, String> names(Collection<String> personIds, String bearerToken) {
        Set<String> ids = new LinkedHashSet<>(personIds);
        ids.removeIf(id -> id == null || id.isBlank());
        Map<String, String> names = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        Set<String> erased = store.findAll(ReadModels.ERASED_PEOPLE, ids).keySet();
        Map<String, ObjectNode> cached = store.findAll(CACHE, ids);
        Instant now = clock.instant();
        int fetches = 0;
        for (String id : ids) {
            if (erased.contains(id)) {
                continue;
            }
            ObjectNode entry = cached.get(id);
            if (entry != null && fresh(entry, now)) {
                names.put(id, entry.path("displayName").asText());
                continue;
            }
            if (fetches >= maxFetchesPerRequest || !client.available()) {
                if (entry != null) {
                    names.put(id, entry.path("displayName").asText()); // stale beats nothing
                }
                continue;
            }
            fetches++;
            Optional<String> name = client.displayName(id, bearerToken);
            if (name.isPresent()) {
                remember(id, name.get(), now);
                names.put(id, name.get());
            } else if (entry != null) {
                names.put(id, entry.path("displayName").asText());
            }
        }
        return names;
    }

    public Optional<String> name(String personId, String bearerToken) {
        return Optional.ofNullable(names(java.util.List.of(personId), bearerToken).get(personId));
    }

    /** Drops a person's cached name (their personal data was erased). */
    public void forget(String personId) {
        store.delete(CACHE, personId);
    }

    public boolean isCached(String personId) {
        return store.find(CACHE, personId).isPresent();
    }

    private void remember(String id, String name, Instant now) {
        ObjectNode entry = ReadModels.JSON.createObjectNode();
        entry.put("personId", id);
        entry.put("displayName", name);
        entry.put("fetchedAt", now.toString());
        store.replace(CACHE, id, entry);
        // an erasure that raced with this fetch wins
        if (store.find(ReadModels.ERASED_PEOPLE, id).isPresent()) {
            store.delete(CACHE, id);
        }
    }

    private boolean fresh(ObjectNode entry, Instant now) {
        try {
            return Instant.parse(entry.path("fetchedAt").asText()).plus(ttl).isAfter(now);
        } catch (RuntimeException e) {
            return false;
        }
    }
}
