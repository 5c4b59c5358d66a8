package org.mastery.progression;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ProgressionServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ProgressionServiceApplication.class, args);
    }
}
