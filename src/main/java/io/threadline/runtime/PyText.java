package io.threadline.runtime;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import java.util.StringJoiner;

/** Python's str() of a Java value, so printed lines read as the Python program's do. */
final class PyText {
    private PyText() {
    }

    static String of(Object v) {
        if (v == null) {
            return "None";
        }
        if (v instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (v instanceof Double || v instanceof Float) {
            return floatRepr(((Number) v).doubleValue());
        }
        if (v instanceof Collection<?> c) {
            StringJoiner j = new StringJoiner(", ", "[", "]");
            c.forEach(x -> j.add(repr(x)));
            return j.toString();
        }
        if (v instanceof Map<?, ?> m) {
            StringJoiner j = new StringJoiner(", ", "{", "}");
            m.forEach((k, x) -> j.add(repr(k) + ": " + repr(x)));
            return j.toString();
        }
        if (v instanceof int[] a) {
            StringJoiner j = new StringJoiner(", ", "[", "]");
            for (int x : a) {
                j.add(Integer.toString(x));
            }
            return j.toString();
        }
        return String.valueOf(v);
    }

    /** Inside a list Python shows repr(): strings quoted, as Python quotes them. */
    static String repr(Object v) {
        return v instanceof String s ? stringRepr(s) : of(v);
    }

    /** repr(str): single quotes unless the text has one and no double quote; escapes as Python's. */
    static String stringRepr(String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder b = new StringBuilder(s.length() + 2).append(quote);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c == quote) {
                        b.append('\\').append(c);
                    } else if (c < 0x20 || c == 0x7f) {
                        b.append(String.format("\\x%02x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append(quote).toString();
    }

    /**
     * repr(float): the shortest digits that read back the same, written out in full from 1e-4
     * up to 1e16 and with an exponent ("1e+16", "1.5e-05") beyond, as Python writes them; Java
     * switches to its "1.0E7" form at other bounds.
     */
    static String floatRepr(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0.0" : "0.0";
        }
        BigDecimal exact = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        String digits = exact.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - exact.scale();
        String sign = d < 0 ? "-" : "";
        if (exponent >= -4 && exponent < 16) {
            String plain = exact.abs().toPlainString();
            return sign + (plain.indexOf('.') < 0 ? plain + ".0" : plain);
        }
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        int e = Math.abs(exponent);
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (e < 10 ? "0" + e : Integer.toString(e));
    }
}
