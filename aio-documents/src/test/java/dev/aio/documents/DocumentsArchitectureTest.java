package dev.aio.documents;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The parsers build on aio-core's public document SPI, jsoup and PDFBox, and nothing else. */
@AnalyzeClasses(packages = "dev.aio.documents", importOptions = ImportOption.DoNotIncludeTests.class)
class DocumentsArchitectureTest {

    @ArchTest
    static final ArchRule parsersUseOnlyTheCoreApiJsoupAndPdfbox = classes()
            .that().resideInAPackage("dev.aio.documents..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.aio.documents..", "dev.aio.core",
                    "dev.aio.core.document..", "java..", "org.jsoup..", "org.apache.pdfbox..")
            .because("a provider module depends on aio-core's SPI and its own libraries, never on a sibling provider");
}
