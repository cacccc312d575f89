package dev.aio.cli;

import picocli.CommandLine.Option;

/** How to reach an S3 source; the secret key comes from the environment only, never an option. */
public final class S3Options {

    @Option(names = "--endpoint", paramLabel = "URL",
            description = "The S3 endpoint, such as http://127.0.0.1:9000 (default: $" + Source.ENDPOINT_ENV
                    + ", else AWS).")
    String endpoint;

    @Option(names = "--access-key", paramLabel = "KEY",
            description = "The S3 access key id (default: $" + Source.ACCESS_KEY_ENV + ").")
    String accessKey;
}
