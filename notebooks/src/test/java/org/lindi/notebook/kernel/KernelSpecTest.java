package org.lindi.notebook.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** kernel.json runs java with the options and classpath, then KernelMain on the connection file. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class KernelSpecTest {

  @Test
  void kernelJsonIsTheCommandLineJupyterRuns(@TempDir Path dir) throws Exception {
    KernelSpec spec = new KernelSpec("/opt/jdk/bin/java", List.of("-Xmx1g", "--add-opens=java.base/java.nio=ALL-UNNAMED"),
        "/a/classes:/b/with \"quote\" and \\ backslash.jar");
    Path file = spec.writeTo(dir);
    assertEquals(dir.resolve("kernels/lindi-java/kernel.json"), file);

    JsonNode json = new ObjectMapper().readTree(Files.readString(file));
    List<String> argv = new ArrayList<>();
    json.get("argv").forEach(a -> argv.add(a.asText()));
    assertEquals(List.of("/opt/jdk/bin/java", "-Xmx1g", "--add-opens=java.base/java.nio=ALL-UNNAMED",
        "-cp", "/a/classes:/b/with \"quote\" and \\ backslash.jar",
        "org.lindi.notebook.kernel.KernelMain", "{connection_file}"), argv);
    assertEquals("java", json.get("language").asText());
  }

  @Test
  void theBuildStepJoinsClasspathFilesInOrderEachEntryOnce(@TempDir Path dir) throws Exception {
    Path compile = Files.writeString(dir.resolve("compile"), "/x.jar:/spark.jar\n");
    Path runtime = Files.writeString(dir.resolve("runtime"), "/x.jar:/hadoop-runtime.jar");
    KernelSpec.main(new String[] {dir.toString(), "java", "/classes", compile + ":" + runtime, " -Xmx2g  -Dk=v "});

    JsonNode argv = new ObjectMapper().readTree(dir.resolve("kernels/lindi-java/kernel.json").toFile()).get("argv");
    assertEquals("-Xmx2g", argv.get(1).asText());
    assertEquals("-Dk=v", argv.get(2).asText());
    assertEquals("/classes:/x.jar:/spark.jar:/hadoop-runtime.jar", argv.get(4).asText());
  }
}
