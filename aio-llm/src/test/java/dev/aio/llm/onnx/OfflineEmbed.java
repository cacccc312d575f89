package dev.aio.llm.onnx;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;

/** Run by {@link NoNetworkTest} in a child JVM: proves the network is gone, then embeds. */
public final class OfflineEmbed {

    private OfflineEmbed() {
    }

    public static void main(String[] args) throws Exception {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("1.1.1.1", 443), 2000);
            System.out.println("NETWORK-REACHABLE");
            System.exit(3);
        } catch (java.io.IOException expected) {
            System.out.println("no network: " + expected.getMessage());
        }
        try (OnnxEmbedder e = OnnxEmbedder.builder().sessions(1).build()) {
            List<float[]> v = e.embed(List.of("It's so sunny outside!", "The weather is lovely today."));
            System.out.printf(java.util.Locale.ROOT, "EMBEDDED %d %.4f%n", v.get(0).length,
                    Texts.cosine(v.get(0), v.get(1)));
        }
    }
}
