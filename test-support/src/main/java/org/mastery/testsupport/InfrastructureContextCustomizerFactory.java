package org.mastery.testsupport;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Points every {@link UsesInfrastructure} test context at the test infrastructure through the same
 * knobs an operator uses ({@code DATABASE_URL}, {@code MONGODB_URI}, {@code KAFKA_BOOTSTRAP_SERVERS},
 * {@code OIDC_ISSUER_URI}), plus an instance suffix that gives the context its own databases.
 */
public class InfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

    private static final AtomicInteger CONTEXTS = new AtomicInteger();

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        if (!TestContextAnnotationUtils.hasAnnotation(testClass, UsesInfrastructure.class)) {
            return null;
        }
        return new InfrastructureCustomizer();
    }

    /** All instances are equal, so test classes that share a configuration share one context. */
    static final class InfrastructureCustomizer implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("masteryTestInfrastructure", properties()));
        }

        static Map<String, Object> properties() {
            return TestInfrastructure.springProperties("_t" + CONTEXTS.incrementAndGet());
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof InfrastructureCustomizer;
        }

        @Override
        public int hashCode() {
            return InfrastructureCustomizer.class.hashCode();
        }
    }
}
