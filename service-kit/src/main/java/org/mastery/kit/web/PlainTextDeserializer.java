package org.mastery.kit.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import java.io.IOException;

/**
 * Strings in request bodies are text: control characters other than tab, line feed and carriage return
 * (NUL, ESC, …) are refused — they have no place in a name, a title or a note, some stores cannot hold
 * them (PostgreSQL text refuses NUL) and they are a favourite of log and terminal injection.
 */
final class PlainTextDeserializer extends StringDeserializer {

    /** A string held a control character; answered 400 naming the field. */
    static final class ControlCharactersException extends JsonMappingException {
        ControlCharactersException(JsonParser parser) {
            super(parser, "control characters are not allowed in text");
        }
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        String value = super.deserialize(p, ctxt);
        if (value != null) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
                    throw new ControlCharactersException(p);
                }
            }
        }
        return value;
    }
}
