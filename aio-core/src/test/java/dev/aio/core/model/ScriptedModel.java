package dev.aio.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A test double for {@link LanguageModel}: answers each prompt with what a function of the prompt
 * says, or throws what it throws, and remembers every prompt it was given. Streams its answer in
 * two pieces so tests can tell a streamed answer from a whole one.
 */
public final class ScriptedModel implements LanguageModel {

    private final String id;
    private final Function<Prompt, Generation> script;
    private final List<Prompt> prompts = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger closes = new AtomicInteger();

    private ScriptedModel(String id, Function<Prompt, Generation> script) {
        this.id = id;
        this.script = script;
    }

    /** A model that echoes the last message, upper-cased, charging 10 tokens in and 5 out. */
    public static ScriptedModel echo(String id) {
        return new ScriptedModel(id, p -> new Generation(last(p).toUpperCase(), FinishReason.STOP,
                new TokenUsage(10, 5), id));
    }

    /** A model that answers as the script says. */
    public static ScriptedModel scripted(String id, Function<Prompt, Generation> script) {
        return new ScriptedModel(id, script);
    }

    /** A model whose every call throws. */
    public static ScriptedModel failing(String id, RuntimeException failure) {
        return new ScriptedModel(id, p -> {
            throw failure;
        });
    }

    public static String last(Prompt p) {
        return p.messages().get(p.messages().size() - 1).text();
    }

    @Override
    public Generation generate(Prompt prompt) {
        prompts.add(prompt);
        return script.apply(prompt);
    }

    @Override
    public Generation stream(Prompt prompt, java.util.function.Consumer<String> onToken) {
        Generation g = generate(prompt);
        int half = g.text().length() / 2;
        onToken.accept(g.text().substring(0, half));
        onToken.accept(g.text().substring(half));
        return g;
    }

    @Override
    public String modelId() {
        return id;
    }

    @Override
    public void close() {
        closes.incrementAndGet();
    }

    public int calls() {
        return prompts.size();
    }

    public List<Prompt> prompts() {
        return List.copyOf(prompts);
    }

    public int closes() {
        return closes.get();
    }
}
