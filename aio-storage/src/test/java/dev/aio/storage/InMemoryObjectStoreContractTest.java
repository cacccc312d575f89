package dev.aio.storage;

import dev.aio.core.storage.ObjectStore;
import dev.aio.core.testing.InMemoryObjectStore;

/** The in-memory test double that aio-core ships behaves like the real stores. */
class InMemoryObjectStoreContractTest extends ObjectStoreContract {

    private static final InMemoryObjectStore STORE = new InMemoryObjectStore();

    @Override
    protected ObjectStore store() {
        return STORE;
    }
}
