package dev.aio.documents;

import dev.aio.core.document.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The visible text of an element as a reader sees it: blocks apart, white space collapsed
 * outside {@code <pre>}, and where each heading starts. jsoup's own {@code text()} puts every
 * block on one line, which would lose the paragraph boundaries chunkers cut at.
 */
final class HtmlText implements NodeVisitor {

    private static final Set<String> PARAGRAPHS = Set.of("p", "div", "section", "article", "main", "header",
            "footer", "blockquote", "pre", "ul", "ol", "dl", "table", "figure", "figcaption", "address", "hr",
            "h1", "h2", "h3", "h4", "h5", "h6", "details", "summary");
    private static final Set<String> LINES = Set.of("li", "tr", "dt", "dd", "caption");
    private static final Set<String> CELLS = Set.of("td", "th");

    private final StringBuilder out = new StringBuilder();
    private final List<int[]> headingStarts = new ArrayList<>();
    private final List<String> headingTitles = new ArrayList<>();
    private int preDepth;

    private HtmlText() {
    }

    static HtmlText of(Element root) {
        HtmlText text = new HtmlText();
        NodeTraversor.traverse(text, root);
        int end = text.out.length();
        while (end > 0 && Character.isWhitespace(text.out.charAt(end - 1))) {
            end--;
        }
        text.out.setLength(end);
        return text;
    }

    String text() {
        return out.toString();
    }

    /** One section per heading that has text, up to the next heading, with the enclosing headings' titles. */
    List<Section> sections() {
        List<Section> sections = new ArrayList<>();
        String[] path = new String[6];
        for (int i = 0; i < headingStarts.size(); i++) {
            int level = headingStarts.get(i)[1];
            path[level - 1] = headingTitles.get(i);
            for (int deeper = level; deeper < 6; deeper++) {
                path[deeper] = null;
            }
            List<String> headingPath = new ArrayList<>();
            for (String p : path) {
                if (p != null) {
                    headingPath.add(p);
                }
            }
            int start = Math.min(headingStarts.get(i)[0], out.length());
            int end = i + 1 < headingStarts.size() ? Math.min(headingStarts.get(i + 1)[0], out.length()) : out.length();
            sections.add(Section.of(headingPath, start, end));
        }
        return sections;
    }

    @Override
    public void head(Node node, int depth) {
        if (node instanceof TextNode t) {
            appendText(preDepth > 0 ? t.getWholeText() : t.getWholeText().replaceAll("\\s+", " "));
            return;
        }
        if (!(node instanceof Element e)) {
            return;
        }
        String tag = e.normalName();
        if (tag.equals("pre")) {
            preDepth++;
        }
        if (tag.equals("br")) {
            trimTrailingSpaces();
            out.append('\n');
        } else if (PARAGRAPHS.contains(tag)) {
            breakWith("\n\n");
        } else if (LINES.contains(tag)) {
            breakWith("\n");
        } else if (CELLS.contains(tag) && out.length() > 0 && !endsWithWhitespace()) {
            out.append(' ');
        }
        if (tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6'
                && !e.text().isBlank()) {
            headingStarts.add(new int[] {out.length(), tag.charAt(1) - '0'});
            headingTitles.add(e.text().strip());
        }
    }

    @Override
    public void tail(Node node, int depth) {
        if (node instanceof Element e) {
            String tag = e.normalName();
            if (tag.equals("pre")) {
                preDepth--;
            }
            if (PARAGRAPHS.contains(tag)) {
                breakWith("\n\n");
            } else if (LINES.contains(tag)) {
                breakWith("\n");
            }
        }
    }

    private void appendText(String s) {
        if (s.isEmpty()) {
            return;
        }
        if (preDepth == 0 && s.charAt(0) == ' ' && (out.length() == 0 || endsWithWhitespace())) {
            s = s.substring(1);
        }
        out.append(s);
    }

    /** Ends the current block with {@code br} unless the text is empty or already ends with it. */
    private void breakWith(String br) {
        trimTrailingSpaces();
        if (out.length() == 0) {
            return;
        }
        int newlines = 0;
        for (int i = out.length() - 1; i >= 0 && out.charAt(i) == '\n'; i--) {
            newlines++;
        }
        for (int i = newlines; i < br.length(); i++) {
            out.append('\n');
        }
    }

    private void trimTrailingSpaces() {
        int end = out.length();
        while (end > 0 && (out.charAt(end - 1) == ' ' || out.charAt(end - 1) == '\t')) {
            end--;
        }
        out.setLength(end);
    }

    private boolean endsWithWhitespace() {
        return out.length() > 0 && Character.isWhitespace(out.charAt(out.length() - 1));
    }
}
