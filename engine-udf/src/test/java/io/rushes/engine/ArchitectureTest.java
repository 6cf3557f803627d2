package io.rushes.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The engine core imports no Spark or Hadoop: those live in the thin adapters (package udf, module jobs). */
@AnalyzeClasses(packages = "io.rushes.engine", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule coreIsFreeOfSparkAndHadoop = noClasses().that().resideOutsideOfPackage("io.rushes.engine.udf..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "org.apache.hadoop..", "scala..");
}
