package org.mastery.reporting.catalog;

import org.mastery.access.NoSuchObjectException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class FrameworkCatalogController {

    private final MongoTemplate mongo;

    public FrameworkCatalogController(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @GetMapping("/api/reports/frameworks/{id}")
    public FrameworkCatalogEntry get(@PathVariable String id) {
        FrameworkCatalogEntry entry = mongo.findById(id, FrameworkCatalogEntry.class);
        if (entry == null) {
            throw new NoSuchObjectException("framework", id);
        }
        return entry;
    }
}
