package org.mastery.kit.environment;

import java.io.IOException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/** Adds {@code mastery-kit-defaults.properties} with the lowest precedence of all property sources. */
public class KitDefaults implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE_NAME = "masteryKitDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            environment.getPropertySources().addLast(
                    new ResourcePropertySource(SOURCE_NAME, new ClassPathResource("mastery-kit-defaults.properties")));
        } catch (IOException e) {
            throw new IllegalStateException("mastery-kit-defaults.properties is missing from the service kit", e);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 10;
    }
}
