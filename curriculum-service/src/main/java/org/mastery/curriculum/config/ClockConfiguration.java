package org.mastery.curriculum.config;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class ClockConfiguration {

    /** Command handlers take the time from here, so tests can fix it. */
    @Bean
    public Clock clock() {
        return Clock.systemUTC();
    }
}
