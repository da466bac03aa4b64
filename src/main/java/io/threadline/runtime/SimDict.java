package io.threadline.runtime;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A DictProxy: a dict that lives in a {@link SimManager}'s server process. Every operation is a
 * round trip to the server (the caller waits, result); values go there and back as copies, so
 * changing a value taken out does not change the dict, as with CPython's proxies.
 */
public final class SimDict<K, V> {
    private final SimManager manager;
    private final Map<Object, Object> data = new LinkedHashMap<>();

    SimDict(SimManager manager) {
        this.manager = manager;
    }

    @SuppressWarnings("unchecked")
    private Map<K, V> map(Object target) {
        return (Map<K, V>) target;
    }

    /** d[key] = value. */
    @SuppressWarnings("unchecked")
    public void put(K key, V value) {
        Object k = ForkCopy.value(key);
        Object v = ForkCopy.value(value);
        manager.call(data, t -> {
            map(t).put((K) k, (V) v);
            return null;
        }, "d[" + PyText.repr(key) + "] = ...");
    }

    /** d[key]; KeyError if absent. */
    @SuppressWarnings("unchecked")
    public V get(K key) {
        Object k = ForkCopy.value(key);
        return (V) manager.call(data, t -> {
            if (!map(t).containsKey(k)) {
                throw new PyError("KeyError", PyText.repr(k));
            }
            return map(t).get(k);
        }, "d[" + PyText.repr(key) + "]");
    }

    /** d.get(key, default). */
    @SuppressWarnings("unchecked")
    public V getOrDefault(K key, V otherwise) {
        Object k = ForkCopy.value(key);
        return (V) manager.call(data, t -> map(t).getOrDefault(k, otherwise), "d.get(" + PyText.repr(key) + ")");
    }

    /** d.update(other). */
    @SuppressWarnings("unchecked")
    public void update(Map<K, V> other) {
        Object copy = ForkCopy.value(other);
        manager.call(data, t -> {
            map(t).putAll(map(copy));
            return null;
        }, "d.update(...)");
    }

    /** len(d). */
    public int size() {
        return (Integer) manager.call(data, t -> map(t).size(), "len(d)");
    }

    /** dict(d): a copy of the whole dict, in insertion order. */
    @SuppressWarnings("unchecked")
    public Map<K, V> toMap() {
        return (Map<K, V>) manager.call(data, t -> new LinkedHashMap<>(map(t)), "dict(d)");
    }
}
