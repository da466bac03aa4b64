package io.threadline.runtime;

/**
 * The body of an {@code async def}: code that runs as an asyncio task and may await (through
 * {@link Asyncio#sleep}, {@link Program#await}, {@link Asyncio#gather}). Calling one directly from
 * a coroutine is Python's {@code await coro()}: it runs in the calling task.
 */
@FunctionalInterface
public interface Coroutine<T> {
    T run();
}
