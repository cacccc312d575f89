package dev.aio.core.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Markdown: the source text unchanged (so offsets point into the file as written), with one
 * {@link Section} per heading whose path holds the enclosing headings, and the first level-1
 * heading as the {@code title} metadata. ATX ({@code ## Title}) and setext (a line underlined
 * with {@code ===} or {@code ---}) headings count; lines inside fenced code blocks do not.
 * Text before the first heading belongs to no section. Content types {@code text/markdown},
 * {@code text/x-markdown}; extensions {@code md}, {@code markdown}. Stateless and thread-safe.
 */
public final class MarkdownParser implements DocumentParser {

    /** The name this parser registers under. */
    public static final String NAME = "markdown";

    private static final Pattern ATX = Pattern.compile("^ {0,3}(#{1,6})(?:[ \\t]+(.*?))?(?:[ \\t]+#+)?[ \\t]*$");
    private static final Pattern SETEXT = Pattern.compile("^ {0,3}(=+|-+)[ \\t]*$");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");

    /** Creates the parser; it has no settings. */
    public MarkdownParser() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> mediaTypes() {
        return Set.of("text/markdown", "text/x-markdown");
    }

    @Override
    public Set<String> extensions() {
        return Set.of("md", "markdown");
    }

    @Override
    public Document parse(DocumentInput input, ParseLimits limits) {
        String text = TextDecoding.decode(input, NAME, limits);
        List<Heading> headings = headings(text);
        Document.Builder doc = Document.builder(input.source(), NAME, text);
        String[] path = new String[6];
        for (int i = 0; i < headings.size(); i++) {
            Heading h = headings.get(i);
            path[h.level - 1] = h.title;
            for (int deeper = h.level; deeper < 6; deeper++) {
                path[deeper] = null;
            }
            List<String> headingPath = new ArrayList<>();
            for (String p : path) {
                if (p != null) {
                    headingPath.add(p);
                }
            }
            int end = i + 1 < headings.size() ? headings.get(i + 1).start : text.length();
            doc.section(Section.of(headingPath, h.start, end));
        }
        headings.stream().filter(h -> h.level == 1).findFirst().ifPresent(h -> doc.metadata("title", h.title));
        return doc.build();
    }

    private static List<Heading> headings(String text) {
        List<Heading> headings = new ArrayList<>();
        String fence = null;
        int previousStart = -1;
        String previous = null;
        int lineStart = 0;
        while (lineStart < text.length()) {
            int newline = text.indexOf('\n', lineStart);
            int lineEnd = newline < 0 ? text.length() : newline;
            String line = text.substring(lineStart, lineEnd).replace("\r", "");
            Matcher fenceMatch = FENCE.matcher(line);
            if (fence != null) {
                // Inside a fence nothing is a heading; it closes on a fence of the same kind.
                if (fenceMatch.find() && fenceMatch.group(1).charAt(0) == fence.charAt(0)
                        && fenceMatch.group(1).length() >= fence.length()) {
                    fence = null;
                }
                previous = null;
            } else if (fenceMatch.find()) {
                fence = fenceMatch.group(1);
                previous = null;
            } else {
                Matcher atx = ATX.matcher(line);
                Matcher setext = SETEXT.matcher(line);
                if (atx.matches()) {
                    String title = atx.group(2) == null ? "" : atx.group(2).trim();
                    headings.add(new Heading(atx.group(1).length(), title, lineStart));
                    previous = null;
                } else if (setext.matches() && previous != null && !previous.isBlank()) {
                    headings.add(new Heading(setext.group(1).charAt(0) == '=' ? 1 : 2, previous.trim(), previousStart));
                    previous = null;
                } else {
                    previous = line;
                    previousStart = lineStart;
                }
            }
            lineStart = lineEnd + 1;
        }
        return headings;
    }

    private record Heading(int level, String title, int start) {
    }
}
