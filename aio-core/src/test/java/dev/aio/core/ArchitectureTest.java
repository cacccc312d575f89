package dev.aio.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** aio-core stays light and keeps its engine internals to itself. */
@AnalyzeClasses(packages = "dev.aio.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreNeverDependsOnAProviderSdk = noClasses()
            .that().resideInAPackage("dev.aio.core..")
            .should().dependOnClassesThat().resideInAnyPackage("io.minio..", "io.weaviate..", "dev.langchain4j..",
                    "ai.djl..", "org.apache.lucene..", "ai.onnxruntime..", "org.jsoup..", "org.apache.pdfbox..")
            .because("aio-core knows interfaces only; provider SDKs belong in provider modules");

    @ArchTest
    static final ArchRule coreDependsOnlyOnItsDeclaredLibraries = classes()
            .that().resideInAPackage("dev.aio.core..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.aio.core..", "java..", "org.slf4j..",
                    "com.fasterxml.jackson..", "io.github.resilience4j..", "com.github.benmanes.caffeine..")
            .because("aio-core depends on slf4j-api, jackson-databind, resilience4j and caffeine, nothing heavier");

    @ArchTest
    static final ArchRule theEngineInternalsAreUsedOnlyByThePipelinePackage = classes()
            .that().resideInAPackage("dev.aio.core.pipeline.internal..")
            .should().onlyHaveDependentClassesThat().resideInAnyPackage("dev.aio.core.pipeline",
                    "dev.aio.core.pipeline.internal..")
            .because("internal packages are not part of the contract");

    @ArchTest
    static final ArchRule thePublicPipelineApiDoesNotDependOnTheTestingPackage = noClasses()
            .that().resideInAnyPackage("dev.aio.core", "dev.aio.core.pipeline..")
            .should().dependOnClassesThat().resideInAPackage("dev.aio.core.testing..")
            .because("test doubles depend on the API, never the other way round");

    @ArchTest
    static final ArchRule theStorageSpiStandsAloneFromTheEngineAndTheTestDoubles = noClasses()
            .that().resideInAPackage("dev.aio.core.storage..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.aio.core.pipeline..", "dev.aio.core.testing..")
            .because("ObjectStore is an SPI that providers implement without the pipeline engine");
}
