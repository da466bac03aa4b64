package io.threadline.python;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Where a run's CPython processes connect: the main process once it has compiled the program,
 * each multiprocessing child once forked. A Unix domain socket in the run's folder where the
 * platform has one, else a loopback TCP port.
 */
final class BridgeServer implements AutoCloseable {
    private final ServerSocketChannel server;
    private final String address;

    private BridgeServer(ServerSocketChannel server, String address) {
        this.server = server;
        this.address = address;
    }

    static BridgeServer listen(Path dir) throws IOException {
        if (!System.getProperty("os.name", "").startsWith("Windows")) {
            try {
                Path file = dir.resolve("channel");
                ServerSocketChannel s = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
                s.bind(UnixDomainSocketAddress.of(file));
                return new BridgeServer(s, file.toString());
            } catch (UnsupportedOperationException | IOException e) {
                // fall back to loopback below
            }
        }
        ServerSocketChannel s = ServerSocketChannel.open();
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        InetSocketAddress at = (InetSocketAddress) s.getLocalAddress();
        return new BridgeServer(s, "tcp:" + at.getAddress().getHostAddress() + ":" + at.getPort());
    }

    /** What the bridge is told to connect to: a socket file, or tcp:HOST:PORT. */
    String address() {
        return address;
    }

    /**
     * The next connection, waited for until {@code deadline} (System.nanoTime) or as long as
     * the process is {@code alive}; {@code why} tells what it wrote if it never connects.
     */
    BridgeChannel accept(long deadline, BooleanSupplier alive, Supplier<String> why) throws IOException {
        server.configureBlocking(false);
        for (;;) {
            SocketChannel s = server.accept();
            if (s != null) {
                s.configureBlocking(true);
                if (address.startsWith("tcp:")) {
                    s.setOption(StandardSocketOptions.TCP_NODELAY, true);
                }
                return new BridgeChannel(s);
            }
            if (!alive.getAsBoolean()) {
                String said = why.get();
                throw new IOException("the interpreter exited" + (said.isEmpty() ? "" : ": " + said));
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("no answer from the interpreter");
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            }
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing: nothing to do
        }
    }
}
