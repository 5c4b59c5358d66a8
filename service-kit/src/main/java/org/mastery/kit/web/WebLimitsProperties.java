package org.mastery.kit.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Input limits of a service's HTTP API.
 *
 * @param maxBodySize     the largest request body accepted (default 1 MB)
 * @param bodySizeLimits  larger (or smaller) limits by Ant path pattern, e.g. {@code "[/api/frameworks/import/case]": 50MB}
 * @param unknownFields   {@code refuse} (default: 400 naming the field) or {@code ignore} unknown fields in JSON bodies
 */
@ConfigurationProperties("mastery.web")
public record WebLimitsProperties(DataSize maxBodySize, Map<String, DataSize> bodySizeLimits, String unknownFields) {

    public WebLimitsProperties {
        maxBodySize = maxBodySize == null ? DataSize.ofMegabytes(1) : maxBodySize;
        bodySizeLimits = bodySizeLimits == null ? Map.of() : new LinkedHashMap<>(bodySizeLimits);
        unknownFields = unknownFields == null ? "refuse" : unknownFields.trim().toLowerCase();
        if (!unknownFields.equals("refuse") && !unknownFields.equals("ignore")) {
            throw new IllegalArgumentException("mastery.web.unknown-fields is 'refuse' or 'ignore', not '" + unknownFields + "'");
        }
    }

    public boolean refuseUnknownFields() {
        return unknownFields.equals("refuse");
    }
}
