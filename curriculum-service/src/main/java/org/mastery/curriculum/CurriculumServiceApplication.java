package org.mastery.curriculum;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class CurriculumServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(CurriculumServiceApplication.class, args);
    }
}
