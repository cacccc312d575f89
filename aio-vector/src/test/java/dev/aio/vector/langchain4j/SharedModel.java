package dev.aio.vector.langchain4j;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;

/** One real MiniLM model for every suite in this JVM: loading it is the slow part. */
final class SharedModel {

    static final EmbeddingModel MODEL = new AllMiniLmL6V2EmbeddingModel();

    private SharedModel() {
    }
}
