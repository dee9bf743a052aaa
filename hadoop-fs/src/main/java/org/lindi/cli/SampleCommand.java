package org.lindi.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.lindi.LindiFile;

/** {@code lindi sample}: info and the first rows of the sample lindi1 file embedded in the jar. */
final class SampleCommand {
  static final String SAMPLE = "/samples/ephys_int16_gzip.lindi";

  private final Configuration conf;
  private final PrintStream out;

  SampleCommand(Configuration conf, PrintStream out) {
    this.conf = conf;
    this.out = out;
  }

  int run(String[] args) throws IOException {
    java.nio.file.Path tmp = Files.createTempFile("lindi-sample-", ".lindi");
    try {
      try (InputStream in = SampleCommand.class.getResourceAsStream(SAMPLE)) {
        if (in == null) {
          throw new IOException("sample " + SAMPLE + " missing from the classpath");
        }
        Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
      }
      try (LindiFile file = LindiFile.open(new Path(tmp.toUri()), conf)) {
        out.println("== lindi info (sample: a lindi1 file written by LINDI's Python package)");
        new InfoCommand(conf, out).print(file);
        CatCommand cat = new CatCommand(conf, out);
        out.println();
        out.println("== lindi cat acquisition/ephys/data --rows 0:5   (int16, 16 channels, gzip)");
        cat.print(file.array("acquisition/ephys/data"), new long[] {0, 5});
        out.println();
        out.println("== lindi cat acquisition/ephys/timestamps --rows 0:5   (float64, blosc lz4)");
        cat.print(file.array("acquisition/ephys/timestamps"), new long[] {0, 5});
        out.println();
        out.println("== lindi cat acquisition/ephys/channel_ids   (int32, inline chunk)");
        cat.print(file.array("acquisition/ephys/channel_ids"), null);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
    return LindiCli.OK;
  }
}
