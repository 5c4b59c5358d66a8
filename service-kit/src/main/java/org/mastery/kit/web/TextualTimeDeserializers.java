package org.mastery.kit.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

/**
 * Dates and instants in request bodies are ISO-8601 strings only: not epoch numbers
 * ({@code "observedAt": 12345} is 1970, not a mistake the service should guess around), not arrays.
 */
final class TextualTimeDeserializers {

    private TextualTimeDeserializers() {
    }

    static SimpleModule module() {
        SimpleModule module = new SimpleModule("mastery-textual-time");
        module.addDeserializer(Instant.class, textual(Instant.class, InstantDeserializer.INSTANT));
        module.addDeserializer(OffsetDateTime.class, textual(OffsetDateTime.class, InstantDeserializer.OFFSET_DATE_TIME));
        module.addDeserializer(ZonedDateTime.class, textual(ZonedDateTime.class, InstantDeserializer.ZONED_DATE_TIME));
        module.addDeserializer(LocalDate.class, textual(LocalDate.class, LocalDateDeserializer.INSTANCE));
        return module;
    }

    private static <T> JsonDeserializer<T> textual(Class<T> type, JsonDeserializer<? extends T> delegate) {
        return new StdDeserializer<T>(type) {
            @Override
            public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                if (!p.hasToken(JsonToken.VALUE_STRING)) {
                    @SuppressWarnings("unchecked")
                    T refused = (T) ctxt.handleUnexpectedToken(type, p);
                    return refused;
                }
                return delegate.deserialize(p, ctxt);
            }
        };
    }
}
