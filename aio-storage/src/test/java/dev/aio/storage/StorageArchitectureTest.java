package dev.aio.storage;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Each store stands alone: the filesystem store never touches MinIO, and neither store the other. */
@AnalyzeClasses(packages = "dev.aio.storage", importOptions = ImportOption.DoNotIncludeTests.class)
class StorageArchitectureTest {

    @ArchTest
    static final ArchRule theFilesystemStoreNeedsNoS3Client = noClasses()
            .that().resideInAPackage("dev.aio.storage.fs..")
            .should().dependOnClassesThat().resideInAnyPackage("io.minio..", "okhttp3..", "dev.aio.storage.minio..")
            .because("the embedded default stays free of the S3 client, so the two can be split into separate artifacts");

    @ArchTest
    static final ArchRule theMinioStoreDoesNotUseTheFilesystemStore = noClasses()
            .that().resideInAPackage("dev.aio.storage.minio..")
            .should().dependOnClassesThat().resideInAPackage("dev.aio.storage.fs..")
            .because("stores are siblings");

    @ArchTest
    static final ArchRule storesUseNoInternalsOfCore = noClasses()
            .that().resideInAPackage("dev.aio.storage..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.aio.core..internal..", "dev.aio.core.testing..")
            .because("providers build on aio-core's public SPI only");
}
