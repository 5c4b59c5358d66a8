package org.mastery.kit.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.util.List;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * How request bodies are read, the same in every service: JSON of exactly the documented shape.
 *
 * <ul>
 *   <li>unknown fields are refused with 400 naming the field ({@code mastery.web.unknown-fields=refuse}, the
 *       default; {@code ignore} accepts and drops them) — a misspelt {@code expiresAt} must not silently
 *       make an override permanent;</li>
 *   <li>no guessing of types: {@code 42} is not a string, {@code "3"} not a number, {@code 2.5} not a whole
 *       number, {@code 1} not an enum constant, {@code null} not a {@code false};</li>
 *   <li>one JSON value per body (trailing content is refused) and no duplicate keys;</li>
 *   <li>strings are text: control characters other than tab and line breaks are refused;</li>
 *   <li>dates and instants are ISO-8601 strings, never epoch numbers;</li>
 *   <li>an endpoint that takes no body refuses one ({@link UnexpectedBodyInterceptor}).</li>
 * </ul>
 *
 * Only the MVC converter that reads request bodies is replaced: the application's {@link ObjectMapper}
 * (used for events, where consumers must ignore unknown fields, and for HTTP clients) is left alone.
 * Bodies bound to {@code JsonNode} (standard formats such as CASE packages and xAPI statements, which have
 * extension points) are parsed whole and checked by their own parsers.
 */
public final class StrictJsonRequests implements WebMvcConfigurer {

    private final ObjectMapper strict;
    private final boolean refuseUnknownFields;

    public StrictJsonRequests(ObjectMapper applicationMapper, boolean refuseUnknownFields) {
        this.strict = strict(applicationMapper, refuseUnknownFields);
        this.refuseUnknownFields = refuseUnknownFields;
    }

    /** Endpoints that take no body refuse one (unless unknown fields are ignored). */
    @Override
    public void addInterceptors(org.springframework.web.servlet.config.annotation.InterceptorRegistry registry) {
        if (refuseUnknownFields) {
            registry.addInterceptor(new UnexpectedBodyInterceptor(strict));
        }
    }

    public static ObjectMapper strict(ObjectMapper applicationMapper, boolean refuseUnknownFields) {
        ObjectMapper mapper = applicationMapper.copy();
        mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, refuseUnknownFields);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.registerModule(new com.fasterxml.jackson.databind.module.SimpleModule("mastery-plain-text")
                .addDeserializer(String.class, new PlainTextDeserializer()));
        mapper.registerModule(TextualTimeDeserializers.module());
        for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Enum).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        for (LogicalType type : new LogicalType[] {LogicalType.POJO, LogicalType.Map, LogicalType.Collection, LogicalType.Array}) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        return mapper;
    }

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        for (int i = 0; i < converters.size(); i++) {
            if (converters.get(i) instanceof MappingJackson2HttpMessageConverter json
                    && json.getClass() == MappingJackson2HttpMessageConverter.class) {
                MappingJackson2HttpMessageConverter replacement = new MappingJackson2HttpMessageConverter(strict);
                replacement.setSupportedMediaTypes(json.getSupportedMediaTypes());
                converters.set(i, replacement);
            }
        }
    }
}
