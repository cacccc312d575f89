package dev.aio.core.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownParserTest {

    private static Document parse(String markdown) {
        return new MarkdownParser().parse(DocumentInput.of(DocumentSource.named("guide.md", "text/markdown"),
                markdown.getBytes(StandardCharsets.UTF_8)), ParseLimits.DEFAULTS);
    }

    private static List<String> section(Document d, String containing) {
        int at = d.text().indexOf(containing);
        return d.sections().stream().filter(s -> s.start() <= at && at < s.end()).findFirst().orElseThrow().headingPath();
    }

    @Test
    void headingsBecomeSectionsWithTheirPathAndTheFirstTopHeadingIsTheTitle() {
        String md = "intro text\n\n# Guide\nwelcome\n## Install\nsteps\n### On Linux\napt\n## Use\nrun it\n# Appendix\nmore";
        Document d = parse(md);
        assertThat(d.text()).isEqualTo(md);
        assertThat(d.metadata()).containsEntry("title", "Guide");
        assertThat(d.sections()).extracting(Section::headingPath).containsExactly(List.of("Guide"),
                List.of("Guide", "Install"), List.of("Guide", "Install", "On Linux"), List.of("Guide", "Use"),
                List.of("Appendix"));
        assertThat(d.sections().get(0).start()).isEqualTo(md.indexOf("# Guide"));
        assertThat(d.sections().get(0).end()).isEqualTo(md.indexOf("## Install"));
        assertThat(d.sections().get(4).end()).isEqualTo(md.length());
        assertThat(section(d, "apt")).containsExactly("Guide", "Install", "On Linux");
    }

    @Test
    void hashesInsideFencedCodeAreNotHeadings() {
        Document d = parse("# Script\n```bash\n# not a heading\necho hi\n```\n~~~\n## nor this\n~~~\n## Real\nx");
        assertThat(d.sections()).extracting(Section::headingPath)
                .containsExactly(List.of("Script"), List.of("Script", "Real"));
    }

    @Test
    void setextHeadingsCountAndClosingHashesAreDropped() {
        Document d = parse("Title\n=====\ntext\nPart two\n--------\nbody\n### Deep ###\nz");
        assertThat(d.sections()).extracting(Section::headingPath).containsExactly(List.of("Title"),
                List.of("Title", "Part two"), List.of("Title", "Part two", "Deep"));
        assertThat(d.sections().get(1).start()).isEqualTo(d.text().indexOf("Part two"));
        assertThat(d.metadata()).containsEntry("title", "Title");
    }

    @Test
    void aHashWithoutASpaceIsATagNotAHeading() {
        assertThat(parse("#hashtag and text\nmore").sections()).isEmpty();
    }
}
