package dev.aio.core.pipeline.internal;

import dev.aio.core.pipeline.StageKind;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds the {@code call()} path of a pipeline of plain one-to-one stages as a chain of links,
 * each an instance of its own hidden copy of a link template class.
 *
 * <p>Why copies: a loop over stages calls every stage function from one call site, which the JIT
 * sees as megamorphic and cannot inline, so each stage costs an indirect call plus the engine's
 * bookkeeping. With one class per stage, each link's call to its function and to the next link
 * has a single receiver type, so the JIT inlines the whole chain into the caller, much as if the
 * stages had been written out by hand. Copies are hidden classes (Java 15+), unloaded with the
 * pipeline. When copies cannot be made (no class bytes on this class path, a restricted runtime),
 * the chain uses the shared templates: slower, same behaviour.
 */
final class LinkChain {

    private static final MethodType CONSTRUCTOR = MethodType.methodType(void.class, StageRuntime.class, Link.class);
    private static final Map<Class<?>, byte[]> TEMPLATE_BYTES = new ConcurrentHashMap<>();

    private LinkChain() {
    }

    /** Whether every stage can be a link: one-to-one kinds, no policy, no cache. */
    static boolean supports(StageRuntime[] stages) {
        for (StageRuntime stage : stages) {
            if (!stage.plain || stage.kind == StageKind.FLAT_MAP || stage.kind == StageKind.BATCH
                    || stage.kind == StageKind.UNBATCH) {
                return false;
            }
        }
        return true;
    }

    /** The first link of a chain through all the stages. */
    static Link build(StageRuntime[] stages) {
        Link next = new Link.End();
        for (int i = stages.length - 1; i >= 0; i--) {
            next = link(stages[i], next);
        }
        return next;
    }

    private static Link link(StageRuntime stage, Link next) {
        Class<? extends Link> template = templateFor(stage.kind);
        try {
            MethodHandles.Lookup copy = MethodHandles.lookup().defineHiddenClass(bytesOf(template), true);
            MethodHandle constructor = copy.findConstructor(copy.lookupClass(), CONSTRUCTOR);
            return (Link) constructor.invoke(stage, next);
        } catch (Throwable cannotCopy) {
            return shared(template, stage, next);
        }
    }

    private static Link shared(Class<? extends Link> template, StageRuntime stage, Link next) {
        if (template == MapLink.class) {
            return new MapLink(stage, next);
        }
        if (template == FilterLink.class) {
            return new FilterLink(stage, next);
        }
        return new ConsumerLink(stage, next);
    }

    private static Class<? extends Link> templateFor(StageKind kind) {
        switch (kind) {
            case MAP:
                return MapLink.class;
            case FILTER:
                return FilterLink.class;
            case PEEK:
            case SINK:
                return ConsumerLink.class;
            default:
                throw new IllegalArgumentException("no link for a " + kind + " stage");
        }
    }

    private static byte[] bytesOf(Class<?> template) {
        return TEMPLATE_BYTES.computeIfAbsent(template, t -> {
            String resource = t.getSimpleName() + ".class";
            try (InputStream in = t.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("class bytes of " + t.getName() + " are not on the class path");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + resource, e);
            }
        });
    }
}
