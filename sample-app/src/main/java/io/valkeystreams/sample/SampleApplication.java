package io.valkeystreams.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The sample service: publishes to all seven platform streams and runs a consumer for every seed group. */
@SpringBootApplication
public class SampleApplication {

    /** Starts the service. */
    public static void main(String[] args) {
        SpringApplication.run(SampleApplication.class, args);
    }
}
