package io.ftpseq;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Data flows one way: the hand-over of batches between threads, protocol, session, rules (with the
 * server profiles), then the capture decoder and the readers, explanations and reports, live
 * checking of Commons Net clients, probing of real servers, the validating proxy, what the two
 * command lines say of their own use, the walk of the inputs both share, and the command line and
 * the Spark job last. Only the command line and the Spark job's entry point touch standard streams
 * or exit.
 */
@AnalyzeClasses(packages = "io.ftpseq", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule layersPointInward =
      layeredArchitecture()
          .consideringOnlyDependenciesInLayers()
          .layer("handover")
          .definedBy("io.ftpseq.handover..")
          .layer("protocol")
          .definedBy("io.ftpseq.protocol..")
          .layer("session")
          .definedBy("io.ftpseq.session..")
          .layer("rules")
          .definedBy("io.ftpseq.rules..")
          .layer("capture")
          .definedBy("io.ftpseq.transcript.capture..")
          .layer("transcript")
          .definedBy("io.ftpseq.transcript")
          .layer("explain")
          .definedBy("io.ftpseq.explain..")
          .layer("report")
          .definedBy("io.ftpseq.report..")
          .layer("live")
          .definedBy("io.ftpseq.live..")
          .layer("probe")
          .definedBy("io.ftpseq.probe..")
          .layer("proxy")
          .definedBy("io.ftpseq.proxy..")
          .layer("usage")
          .definedBy("io.ftpseq.usage..")
          .layer("listing")
          .definedBy("io.ftpseq.listing..")
          .layer("spark")
          .definedBy("io.ftpseq.spark..")
          .layer("cli")
          .definedBy("io.ftpseq.cli..")
          .whereLayer("cli")
          .mayNotBeAccessedByAnyLayer()
          .whereLayer("spark")
          .mayNotBeAccessedByAnyLayer()
          .whereLayer("listing")
          .mayOnlyBeAccessedByLayers("spark", "cli")
          .whereLayer("usage")
          .mayOnlyBeAccessedByLayers("listing", "spark", "cli")
          .whereLayer("live")
          .mayOnlyBeAccessedByLayers("cli")
          .whereLayer("probe")
          .mayOnlyBeAccessedByLayers("cli")
          .whereLayer("proxy")
          .mayOnlyBeAccessedByLayers("cli")
          .whereLayer("report")
          .mayOnlyBeAccessedByLayers("live", "proxy", "listing", "spark", "cli")
          .whereLayer("explain")
          .mayOnlyBeAccessedByLayers(
              "report", "live", "probe", "proxy", "usage", "listing", "spark", "cli")
          .whereLayer("transcript")
          .mayOnlyBeAccessedByLayers("listing", "spark", "cli")
          .whereLayer("capture")
          .mayOnlyBeAccessedByLayers("transcript")
          .whereLayer("rules")
          .mayOnlyBeAccessedByLayers(
              "capture",
              "transcript",
              "explain",
              "report",
              "live",
              "probe",
              "proxy",
              "spark",
              "cli")
          .whereLayer("handover")
          .mayOnlyBeAccessedByLayers("transcript", "report")
          .whereLayer("session")
          .mayOnlyBeAccessedByLayers(
              "rules",
              "capture",
              "transcript",
              "explain",
              "report",
              "live",
              "probe",
              "proxy",
              "usage",
              "listing",
              "spark",
              "cli");

  /**
   * Every package is a slice of its own, sub-packages included, so no two packages form a cycle.
   */
  @ArchTest
  static final ArchRule noCycles = slices().matching("io.ftpseq.(**)").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule onlyTheCommandLineUsesStandardStreams =
      noClasses()
          .that()
          .resideOutsideOfPackage("io.ftpseq.cli..")
          // the Spark job's entry point, which spark-submit runs and whose exit code it passes on
          .and()
          .doNotHaveFullyQualifiedName("io.ftpseq.spark.SparkCheck")
          // the JUnit extension: a test's standard output is where Surefire's XML keeps findings
          .and()
          .doNotHaveFullyQualifiedName("io.ftpseq.live.FtpSeqExtension")
          .should()
          .accessField(System.class, "out")
          .orShould()
          .accessField(System.class, "err")
          .orShould()
          .callMethod(System.class, "exit", int.class);

  /**
   * The walk of the inputs is the local one both {@code ftpseq check} and the Spark job use: it
   * knows nothing of Hadoop or Spark, so the command line never loads them, and lists what the
   * command line lists.
   */
  @ArchTest
  static final ArchRule theInputWalkIsSparkFree =
      noClasses()
          .that()
          .resideInAPackage("io.ftpseq.listing..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.apache.hadoop..", "org.apache.spark..", "scala..");

  /**
   * The command line and the Spark job list local inputs through the one walk, not each its own.
   */
  @ArchTest
  static final ArchRule bothListThroughTheOneWalk =
      noClasses()
          .that()
          .resideInAnyPackage("io.ftpseq.cli..", "io.ftpseq.spark..")
          .should()
          .callMethod(
              java.nio.file.Files.class,
              "walkFileTree",
              java.nio.file.Path.class,
              java.nio.file.FileVisitor.class)
          .orShould()
          .callMethod(
              java.nio.file.Files.class,
              "walk",
              java.nio.file.Path.class,
              java.nio.file.FileVisitOption[].class)
          .orShould()
          .callMethod(java.nio.file.Files.class, "list", java.nio.file.Path.class);

  @ArchTest
  static final ArchRule protocolDoesNoIo =
      noClasses()
          .that()
          .resideInAPackage("io.ftpseq.protocol..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("java.io..", "java.nio.file..", "java.net..");
}
