package org.mastery.assessment.config;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class ClockConfiguration {

    /** Command handlers and controllers take the time from here, so tests can move it. */
    @Bean
    public Clock clock() {
        return Clock.systemUTC();
    }
}
