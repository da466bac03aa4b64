package io.threadline.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.UTF8StreamJsonParser;
import io.threadline.trace.Trace;

import java.io.BufferedInputStream;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a Threadline trace file (layout in {@link TraceFormat}) back into a {@link Trace}.
 *
 * <p>The file is streamed with Jackson's parser: one event is held at a time, so memory
 * follows the size of the trace being built, never a count the file claims. Anything that is
 * not a valid trace ends the read with one {@link TraceFormatException} naming the problem and,
 * where it has one, its line and column.
 *
 * <p>The reading is in two layers: this class knows the Chrome JSON envelope (the top-level
 * object, {@code otherData}, the {@code traceEvents} array, the fields of one event) and hands
 * each raw event to a builder that knows what the events mean. {@link TraceBuilder} is the
 * builder for Threadline's own files (otherData names the format, before traceEvents);
 * {@link ForeignTraceBuilder} reads any other Chrome trace, in the object form or the bare array
 * form (whose closing bracket the format lets a tool leave out).
 */
public final class TraceJsonReader {
    private static final JsonFactory JSON = JsonFactory.builder()
            // Read so that the message can say "got NaN" rather than "not valid JSON".
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private static final String TRUNCATED = "the file ends in the middle of the trace (truncated?)";

    private TraceJsonReader() {
    }

    /** Reads the trace file at {@code file}. */
    public static Trace read(Path file) throws IOException, TraceFormatException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return read(in);
        }
    }

    /**
     * Reads a trace from {@code in} (UTF-8 JSON); does not close it. A trace too large for the
     * memory free now is refused with a message saying so.
     */
    public static Trace read(InputStream in) throws IOException, TraceFormatException {
        return read(in, ReadBudget.ofFreeHeap());
    }

    /** Reads a trace whose content may take at most what {@code budget} allows. */
    static Trace read(InputStream in, ReadBudget budget) throws IOException, TraceFormatException {
        JsonParser p = JSON.createParser(in);
        try {
            p.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
            return new Session(p, budget).readFile();
        } catch (JsonEOFException e) {
            JsonLocation at = where(e, p);
            throw new TraceFormatException(line(at), column(at), TRUNCATED);
        } catch (StreamConstraintsException e) {
            JsonLocation at = where(e, p);
            // Jackson names its own setting after the numbers; the user needs only the numbers.
            String problem = firstLine(e.getOriginalMessage()).replaceAll(", from `[^`]*`", "");
            throw new TraceFormatException(line(at), column(at), "not a usable trace: " + problem);
        } catch (JsonProcessingException e) {
            JsonLocation at = where(e, p);
            String problem = firstLine(e.getOriginalMessage());
            if (problem.startsWith("Unexpected end-of-input")) {
                // Some of Jackson's end-of-input checks throw this rather than JsonEOFException.
                throw new TraceFormatException(line(at), column(at), TRUNCATED);
            }
            throw new TraceFormatException(line(at), column(at), "not valid JSON: " + problem);
        } catch (CharConversionException e) {
            throw new TraceFormatException("not valid text (UTF-8 JSON expected): " + firstLine(e.getMessage()));
        } finally {
            p.close();
        }
    }

    private static JsonLocation where(JsonProcessingException e, JsonParser p) {
        return e.getLocation() != null ? e.getLocation() : p.currentLocation();
    }

    private static int line(JsonLocation at) {
        return at == null ? 0 : Math.max(0, at.getLineNr());
    }

    private static int column(JsonLocation at) {
        return at == null ? 0 : Math.max(0, at.getColumnNr());
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown problem";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }

    /** One read of one file. */
    private static final class Session {
        private final JsonParser p;
        private final RawEvent event = new RawEvent();
        private final ReadBudget budget;
        private EventBuilder builder;

        Session(JsonParser p, ReadBudget budget) {
            this.p = p;
            this.budget = budget;
        }

        Trace readFile() throws IOException, TraceFormatException {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new TraceFormatException("the file is empty");
            }
            if (first == JsonToken.START_ARRAY) {
                return readArrayForm();
            }
            if (first != JsonToken.START_OBJECT) {
                throw error("not a Threadline trace: expected a JSON object, got " + here().describe());
            }
            boolean sawEvents = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                int keyLine = line();
                int keyColumn = column();
                p.nextToken();
                switch (key) {
                    case "otherData" -> {
                        if (builder instanceof ForeignTraceBuilder) {
                            // another tool's trace: its otherData means nothing to the lanes
                            p.skipChildren();
                            continue;
                        }
                        if (builder != null) {
                            throw new TraceFormatException(keyLine, keyColumn, "'otherData' appears twice");
                        }
                        if (sawEvents) {
                            throw new TraceFormatException(keyLine, keyColumn,
                                    "not a Threadline trace: otherData must come before traceEvents");
                        }
                        builder = builderFor(tree());
                    }
                    case "traceEvents" -> {
                        if (sawEvents) {
                            throw new TraceFormatException(keyLine, keyColumn, "'traceEvents' appears twice");
                        }
                        if (builder == null) {
                            // Threadline writes otherData first: this is another tool's trace
                            builder = new ForeignTraceBuilder();
                        }
                        sawEvents = true;
                        readEvents();
                    }
                    default -> p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                throw error("unexpected content after the end of the trace");
            }
            if (!sawEvents) {
                throw new TraceFormatException("not a Threadline trace: no traceEvents array");
            }
            return builder.finish(line(), column());
        }

        /**
         * Threadline's own builder if otherData names its format, else one for another tool's
         * trace. An otherData of the wrong shape, or one that is Threadline's but for its format,
         * is refused rather than read quietly as another tool's (whose lanes would mean nothing).
         */
        private EventBuilder builderFor(JsonValue header) throws TraceFormatException {
            if (header.kind != JsonValue.Kind.OBJECT) {
                // the Trace Event Format makes it a dictionary, for every tool
                throw new TraceFormatException(header.line, header.column,
                        "'otherData' must be an object, got " + header.describe());
            }
            JsonValue format = header.fields.get("format");
            if (format == null) {
                if (header.fields.containsKey("outcome") && header.fields.containsKey("end")) {
                    throw new TraceFormatException(header.line, header.column, "otherData has Threadline's fields"
                            + " but no 'format' (expected \"format\":\"" + TraceFormat.FORMAT + "\")");
                }
                return new ForeignTraceBuilder();
            }
            if (format.kind != JsonValue.Kind.STRING) {
                throw new TraceFormatException(format.line, format.column,
                        "'otherData.format' must be a string, got " + format.describe());
            }
            if (format.text.equals(TraceFormat.FORMAT)) {
                return TraceBuilder.forHeader(header, budget);
            }
            if (format.text.toLowerCase(Locale.ROOT).startsWith("threadline")) {
                throw new TraceFormatException(format.line, format.column, "unknown trace format "
                        + JsonValue.quote(format.text) + " (this Threadline reads '" + TraceFormat.FORMAT + "')");
            }
            return new ForeignTraceBuilder();
        }

        /** Chrome's array form: events only; a tool still writing it may not have closed the array. */
        private Trace readArrayForm() throws IOException, TraceFormatException {
            builder = new ForeignTraceBuilder();
            JsonToken t;
            while (true) {
                try {
                    t = p.nextToken();
                } catch (JsonProcessingException e) {
                    if (!(e instanceof JsonEOFException)
                            && !String.valueOf(e.getOriginalMessage()).startsWith("Unexpected end-of-input")) {
                        throw e;
                    }
                    // the array was never closed (allowed by the format), perhaps after a comma
                    return builder.finish(line(), column());
                }
                if (t == null || t == JsonToken.END_ARRAY) {
                    break;
                }
                if (t != JsonToken.START_OBJECT) {
                    throw error("each trace event must be an object, got " + here().describe());
                }
                readEvent();
                builder.event(event);
            }
            if (t != null && p.nextToken() != null) {
                throw error("unexpected content after the end of the trace");
            }
            return builder.finish(line(), column());
        }

        private void readEvents() throws IOException, TraceFormatException {
            if (p.currentToken() != JsonToken.START_ARRAY) {
                throw error("'traceEvents' must be an array, got " + here().describe());
            }
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t != JsonToken.START_OBJECT) {
                    throw error("each trace event must be an object, got " + here().describe());
                }
                readEvent();
                builder.event(event);
            }
        }

        /** Fills {@link #event} from the object the parser is at. */
        private void readEvent() throws IOException, TraceFormatException {
            event.clear(line(), column());
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                p.nextToken();
                switch (key) {
                    case "ph" -> event.ph = scalar();
                    case "name" -> event.name = scalar();
                    case "cat" -> event.cat = scalar();
                    case "ts" -> event.ts = scalar();
                    case "dur" -> event.dur = scalar();
                    case "pid" -> event.pid = scalar();
                    case "tid" -> event.tid = scalar();
                    case "args" -> readArgs();
                    default -> p.skipChildren();
                }
            }
        }

        private void readArgs() throws IOException {
            event.argsValue = here();
            if (p.currentToken() != JsonToken.START_OBJECT) {
                p.skipChildren();
                return;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                p.nextToken();
                event.args.put(key, scalar());
            }
        }

        /** The value at the parser; a container is skipped and kept as its kind only. */
        private JsonValue scalar() throws IOException {
            JsonValue v = here();
            p.skipChildren();
            return v;
        }

        /** The value at the parser, containers with their content (held whole: counted in the budget). */
        private JsonValue tree() throws IOException, TraceFormatException {
            JsonToken t = p.currentToken();
            int line = line();
            int column = column();
            budget.charge(ReadBudget.VALUE_BYTES
                    + (t.isScalarValue() ? ReadBudget.text(p.getText()) : 0), line, column);
            if (t == JsonToken.START_OBJECT) {
                Map<String, JsonValue> fields = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    p.nextToken();
                    fields.put(key, tree());
                }
                return JsonValue.object(fields, line, column);
            }
            if (t == JsonToken.START_ARRAY) {
                List<JsonValue> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(tree());
                }
                return JsonValue.array(items, line, column);
            }
            return here();
        }

        /** The current token as a value; a container's content is not read. */
        private JsonValue here() throws IOException {
            int line = line();
            int column = column();
            switch (p.currentToken()) {
                case VALUE_STRING:
                    return JsonValue.string(p.getText(), line, column);
                case VALUE_NUMBER_INT:
                    if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                        return JsonValue.bigInteger(p.getText(), line, column);
                    }
                    return JsonValue.integer(p.getLongValue(), p.getText(), line, column);
                case VALUE_NUMBER_FLOAT:
                    return JsonValue.floating(p.getDoubleValue(), p.getText(), line, column);
                case VALUE_TRUE:
                    return JsonValue.bool(true, line, column);
                case VALUE_FALSE:
                    return JsonValue.bool(false, line, column);
                case VALUE_NULL:
                    return JsonValue.nullValue(line, column);
                case START_OBJECT:
                    return JsonValue.object(null, line, column);
                case START_ARRAY:
                    return JsonValue.array(null, line, column);
                default:
                    throw new IllegalStateException("unexpected token " + p.currentToken());
            }
        }

        // Read from the parser's fields: currentTokenLocation() makes an object per call, and
        // every value asks for its place. For a value token of the UTF-8 parser (the one an
        // InputStream gets) that object holds exactly these fields; anything else asks for it.
        private int line() {
            if (p instanceof UTF8StreamJsonParser u && p.currentToken() != JsonToken.FIELD_NAME) {
                return Math.max(0, u.getTokenLineNr());
            }
            return TraceJsonReader.line(p.currentTokenLocation());
        }

        private int column() {
            if (p instanceof UTF8StreamJsonParser u && p.currentToken() != JsonToken.FIELD_NAME) {
                return Math.max(0, u.getTokenColumnNr() - 1);
            }
            return TraceJsonReader.column(p.currentTokenLocation());
        }

        private TraceFormatException error(String problem) {
            return new TraceFormatException(line(), column(), problem);
        }
    }
}
