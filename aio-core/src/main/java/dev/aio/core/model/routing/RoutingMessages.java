package dev.aio.core.model.routing;

import java.util.List;

/** Builds the routing errors' messages, Retrofit-style: every candidate and why it did not answer. */
final class RoutingMessages {

    private RoutingMessages() {
    }

    static String describe(String router, String verdict, List<RouteAttempt> attempts) {
        StringBuilder s = new StringBuilder("model router '").append(router).append("': ").append(verdict)
                .append(". Models considered, in order:");
        for (RouteAttempt a : attempts) {
            s.append("\n  ").append(a);
        }
        return s.toString();
    }
}
