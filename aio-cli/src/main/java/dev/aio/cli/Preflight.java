package dev.aio.cli;

/**
 * Checks a source before a run starts, so a wrong endpoint, bad credentials or a missing bucket
 * give one clear line instead of a run that fails on its first object.
 */
final class Preflight {

    private Preflight() {
    }

    static void check(Source src) {
        if (!src.store().bucketExists(src.bucket())) {
            throw new CliException("no bucket '" + src.bucket() + "' in " + src.label()
                    + (src.label().startsWith("s3://") ? " (check the bucket name and --endpoint)" : ""));
        }
    }
}
