package dev.aio.vector;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** aio-vector depends on core only, and only the SIMD class touches the incubator module. */
@AnalyzeClasses(packages = "dev.aio.vector", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noSiblingProviderModules = noClasses()
            .that().resideInAPackage("dev.aio.vector..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.aio.storage..", "dev.aio.llm..", "dev.aio.gpu..")
            .because("each provider module depends on aio-core only, never on a sibling provider");

    @ArchTest
    static final ArchRule onlyPanamaVectorOpsUsesTheIncubatorModule = noClasses()
            .that().resideInAPackage("dev.aio.vector..").and().doNotHaveSimpleName("PanamaVectorOps")
            .should().dependOnClassesThat().resideInAPackage("jdk.incubator.vector..")
            .because("the module may be absent at run time; only the class loaded behind the check may link to it");

    @ArchTest
    static final ArchRule onlyTheAdapterNeedsLangchain4j = noClasses()
            .that().resideOutsideOfPackage("dev.aio.vector.langchain4j..")
            .should().dependOnClassesThat().resideInAPackage("dev.langchain4j..")
            .because("langchain4j-core is an optional dependency, needed only by the adapter");

    @ArchTest
    static final ArchRule theInMemoryStoreNeedsNoLucene = noClasses()
            .that().resideInAnyPackage("dev.aio.vector.memory..", "dev.aio.vector.internal..")
            .should().dependOnClassesThat().resideInAPackage("org.apache.lucene..")
            .because("the in-memory store must work without Lucene's jar");
}
