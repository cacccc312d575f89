package dev.aio.boot.example;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A question-answering web service on {@code aio-spring-boot-starter}: everything aio needs comes
 * from {@code application.properties}; this application adds only {@link AskController}.
 */
@SpringBootApplication
public class AskApplication {

    /**
     * Starts the service.
     *
     * @param args Spring Boot arguments, such as {@code --aio.object-store.filesystem.root=/data}
     */
    public static void main(String[] args) {
        SpringApplication.run(AskApplication.class, args);
    }
}
