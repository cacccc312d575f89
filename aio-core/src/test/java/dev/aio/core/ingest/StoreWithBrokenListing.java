package dev.aio.core.ingest;

import dev.aio.core.storage.ObjectInfo;
import dev.aio.core.storage.ObjectStore;
import dev.aio.core.storage.StorageUnavailableException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Wraps a store so that every listing fails after its first object, as a dropped connection would. */
final class StoreWithBrokenListing {

    private StoreWithBrokenListing() {
    }

    static ObjectStore wrap(ObjectStore real) {
        InvocationHandler h = (proxy, method, args) -> {
            if (method.getName().equals("list") && method.getParameterCount() == 2) {
                @SuppressWarnings("unchecked")
                Iterator<ObjectInfo> it = ((Stream<ObjectInfo>) method.invoke(real, args)).iterator();
                Iterator<ObjectInfo> broken = new Iterator<>() {
                    int served;

                    @Override
                    public boolean hasNext() {
                        if (served >= 1) {
                            throw new StorageUnavailableException(real.name(), (String) args[0], null,
                                    "listing broke off (test)", null);
                        }
                        return it.hasNext();
                    }

                    @Override
                    public ObjectInfo next() {
                        served++;
                        return it.next();
                    }
                };
                return StreamSupport.stream(Spliterators.spliteratorUnknownSize(broken, Spliterator.ORDERED), false);
            }
            try {
                return method.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (ObjectStore) Proxy.newProxyInstance(ObjectStore.class.getClassLoader(),
                new Class<?>[] {ObjectStore.class}, h);
    }
}
