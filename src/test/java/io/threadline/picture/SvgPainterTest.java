package io.threadline.picture;

import io.threadline.trace.Trace;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The SVG is well-formed XML that names what it shows and keeps the picture's geometry. */
class SvgPainterTest {
    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> attributes(Document d, String element, String attribute) {
        List<String> out = new ArrayList<>();
        NodeList nodes = d.getElementsByTagNameNS("http://www.w3.org/2000/svg", element);
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(((Element) nodes.item(i)).getAttribute(attribute));
        }
        return out;
    }

    @Test
    void theChefSoupIsAnSvgDocumentOfThePicturesSizeWithItsWordsKept() throws Exception {
        Trace t = TimelinePictureTest.chefSoup();
        TimelinePicture p = TimelinePicture.of(t, PictureOptions.defaults().withTitle("Chef soup", "seed 0"));

        Document d = parse(SvgPainter.render(p, "Chef soup"));

        Element svg = d.getDocumentElement();
        assertThat(svg.getLocalName()).isEqualTo("svg");
        assertThat(svg.getAttribute("viewBox")).isEqualTo("0 0 1200 " + SvgPainter.num(p.height()));
        assertThat(d.getElementsByTagNameNS("http://www.w3.org/2000/svg", "title").item(0).getTextContent())
                .isEqualTo("Chef soup");
        List<String> words = attributes(d, "g", "aria-label");
        assertThat(words).contains("Chef soup", "Barron", "Olivia", "main", "sleep 0.5 s", "join Olivia", "sleep 3 s",
                "THREADS", "waiting", "running");
        assertThat(attributes(d, "rect", "fill")).contains("#d6ecfa", "#00866b");
        // the runnable legend swatch is hatched with a pattern
        assertThat(attributes(d, "pattern", "patternTransform")).containsExactly("rotate(45)");
        // no text element: words are outlines
        assertThat(attributes(d, "text", "x")).isEmpty();
    }

    @Test
    void editableTextIsTextNamingTheFacesAndItsMeasuredLength() throws Exception {
        Trace t = TimelinePictureTest.chefSoup();
        TimelinePicture p = TimelinePicture.of(t, PictureOptions.defaults());

        Document d = parse(SvgPainter.render(p, "Chef soup", false));

        NodeList texts = d.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
        List<String> words = new ArrayList<>();
        for (int i = 0; i < texts.getLength(); i++) {
            words.add(texts.item(i).getTextContent());
        }
        assertThat(words).contains("Barron", "join Olivia");
        assertThat(d.getDocumentElement().getAttribute("font-family")).startsWith("Inter, ");
        assertThat(attributes(d, "text", "textLength")).allMatch(l -> Double.parseDouble(l) > 0);
    }

    @Test
    void numbersAreShortAndTextIsEscaped() {
        assertThat(SvgPainter.num(12)).isEqualTo("12");
        assertThat(SvgPainter.num(12.5)).isEqualTo("12.5");
        assertThat(SvgPainter.num(-0.254)).isEqualTo("-0.25");
        assertThat(SvgPainter.num(Double.NaN)).isEqualTo("0");
        assertThat(SvgPainter.escape("a<b & \"c\"\u0001\ttab")).isEqualTo("a&lt;b &amp; &quot;c&quot; tab");
        assertThat(SvgPainter.escape("\ud83e\uddf5 thread")).isEqualTo("\ud83e\uddf5 thread");
        assertThat(SvgPainter.escape("lone \ud83e surrogate")).isEqualTo("lone  surrogate");
    }
}
