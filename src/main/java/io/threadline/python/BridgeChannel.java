package io.threadline.python;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The connection to one CPython process of a run: lines of tab-separated fields, requests from
 * the Python thread that runs, replies from its proxy. Only the proxy holding the baton reads
 * or writes, so there is no lock here; the scheduler's handoffs order the proxies' accesses.
 */
final class BridgeChannel implements AutoCloseable {
    private final SocketChannel socket;
    private final ByteBuffer in = ByteBuffer.allocate(1 << 16);
    private ByteBuffer out = ByteBuffer.allocate(1 << 12);
    private byte[] line = new byte[1 << 10];

    BridgeChannel(SocketChannel socket) {
        this.socket = socket;
        in.flip();
    }

    /** The next request's fields (text fields still escaped); EOFException when the process has gone. */
    String[] read() throws IOException {
        int n = 0;
        for (;;) {
            while (in.hasRemaining()) {
                byte b = in.get();
                if (b == '\n') {
                    return split(line, n);
                }
                if (n == line.length) {
                    line = java.util.Arrays.copyOf(line, n * 2);
                }
                line[n++] = b;
            }
            in.clear();
            int got = socket.read(in);
            in.flip();
            if (got < 0) {
                throw new EOFException("the Python process closed the channel");
            }
        }
    }

    private static String[] split(byte[] bytes, int n) {
        List<String> fields = new ArrayList<>(8);
        int start = 0;
        for (int i = 0; i <= n; i++) {
            if (i == n || bytes[i] == '\t') {
                fields.add(new String(bytes, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        return fields.toArray(new String[0]);
    }

    /** Writes one reply line: the fields joined by tabs (each already escaped where needed). */
    void write(String... fields) throws IOException {
        out.clear();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                put((byte) '\t');
            }
            byte[] b = fields[i].getBytes(StandardCharsets.UTF_8);
            for (byte x : b) {
                put(x);
            }
        }
        put((byte) '\n');
        out.flip();
        while (out.hasRemaining()) {
            socket.write(out);
        }
    }

    private void put(byte b) {
        if (!out.hasRemaining()) {
            ByteBuffer bigger = ByteBuffer.allocate(out.capacity() * 2);
            out.flip();
            bigger.put(out);
            out = bigger;
        }
        out.put(b);
    }

    /** The text of an escaped field (backslash escapes for tab, newline, return and backslash). */
    static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char d = s.charAt(++i);
                b.append(switch (d) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> d;
                });
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing: nothing to do
        }
    }
}
