package io.github.tcvod.example;

import com.google.gson.GsonBuilder;
import io.github.tcvod.VodClient;
import io.github.tcvod.auth.Credentials;
import io.github.tcvod.auth.CredentialsProvider;
import io.github.tcvod.auth.DefaultCredentialsProvider;
import io.github.tcvod.emulator.VodEmulator;
import io.github.tcvod.exception.CredentialsException;
import io.github.tcvod.exception.VodException;
import io.github.tcvod.model.CreateProcessImageAsyncTemplateRequest;
import io.github.tcvod.model.DeleteProcessImageAsyncTemplateRequest;
import io.github.tcvod.model.DescribeTaskDetailResponse;
import io.github.tcvod.model.ImageEncodeConfig;
import io.github.tcvod.model.ProcessImageAsyncTaskInput;
import io.github.tcvod.model.ProcessImageAsyncRequest;
import io.github.tcvod.model.ProcessImageAsyncTask;
import io.github.tcvod.waiter.WaiterFailureException;
import io.github.tcvod.waiter.WaiterOptions;
import io.github.tcvod.waiter.WaiterTimeoutException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The whole image workflow: create a template, process an image URL with it, wait for the task,
 * print the output file's URL, delete the template. With no credentials in the environment or the
 * profile file it runs against the embedded emulator; with credentials, against the real endpoint.
 */
public final class ProcessImage {
  private static final String USAGE = "usage: ProcessImage [--url URL] [--format JPEG|PNG|BMP|WebP] [--sub-app-id N]"
      + " [--max-wait SECONDS] [--poll-ms N] [--endpoint URL] [--emulator] [--json] [--debug]";

  private final PrintStream out;
  private final PrintStream err;
  private final CredentialsProvider credentials;
  private final Consumer<VodEmulator> emulatorSetup;

  ProcessImage(PrintStream out, PrintStream err, CredentialsProvider credentials) {
    this(out, err, credentials, emulator -> { });
  }

  /** @param emulatorSetup prepares the embedded emulator, e.g. a task failure for a test */
  ProcessImage(PrintStream out, PrintStream err, CredentialsProvider credentials, Consumer<VodEmulator> emulatorSetup) {
    this.out = out;
    this.err = err;
    this.credentials = credentials;
    this.emulatorSetup = emulatorSetup;
  }

  public static void main(String[] args) {
    System.exit(new ProcessImage(System.out, System.err, DefaultCredentialsProvider.create()).run(args));
  }

  /** @return the exit status: 0 on success, 1 when a call or the task failed, 2 for a bad option */
  int run(String[] args) {
    Options options;
    WaiterOptions waiting;
    try {
      options = Options.parse(args);
      if (options.help) {
        out.println(USAGE);
        return 0;
      }
      waiting = WaiterOptions.defaults().withMaxWait(Duration.ofSeconds(options.maxWaitSeconds));
      if (options.pollMillis != null) {
        waiting = waiting.withFirstDelay(Duration.ofMillis(options.pollMillis))
            .withMaxDelay(Duration.ofMillis(Math.max(options.pollMillis, 10 * options.pollMillis)));
      }
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      err.println(USAGE);
      return 2;
    }
    VodEmulator emulator = null;
    try {
      VodClient.Builder builder = VodClient.builder();
      if (options.emulator || !hasCredentials()) {
        emulator = VodEmulator.start();
        emulatorSetup.accept(emulator);
        builder.endpoint(emulator.endpoint()).credentials(Credentials.of(VodEmulator.SECRET_ID, VodEmulator.SECRET_KEY));
        err.println((options.emulator ? "Using" : "No Tencent Cloud credentials found: using")
            + " the embedded VOD emulator at " + emulator.endpoint());
      } else {
        builder.credentialsProvider(credentials);
        if (options.endpoint != null) {
          builder.endpoint(options.endpoint);
        }
      }
      try (VodClient vod = builder.build()) {
        return workflow(vod, options, waiting);
      }
    } catch (WaiterFailureException e) {
      err.println("error: task " + e.taskId() + " failed with ErrCode " + e.errorCode() + ": " + e.errorMessage());
      return 1;
    } catch (WaiterTimeoutException e) {
      err.println("error: task " + e.resourceId() + " still " + e.lastStatus() + " after " + options.maxWaitSeconds + " s");
      return 1;
    } catch (VodException e) {
      err.println("error: " + e.errorCode() + ": " + e.errorMessage()
          + " (RequestId " + (e.requestId() == null ? "none" : e.requestId()) + ")");
      if (options.debug) {
        e.printStackTrace(err);
      }
      return 1;
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return 2;
    } finally {
      if (emulator != null) {
        emulator.close();
      }
    }
  }

  private int workflow(VodClient vod, Options options, WaiterOptions waiting) {
    long definition = vod.createProcessImageAsyncTemplate(CreateProcessImageAsyncTemplateRequest.builder()
        .subAppId(options.subAppId).name("tcvod-sdk example").comment("created and deleted by ProcessImage")
        .processImageConfigure(ProcessImageAsyncTask.builder()
            .encodeConfig(ImageEncodeConfig.builder().format(options.format).build()).build())
        .build()).definition();
    err.println("Created template " + definition);
    try {
      String taskId = vod.processImageAsync(ProcessImageAsyncRequest.builder().subAppId(options.subAppId)
          .url(options.url).imageTaskInput(ProcessImageAsyncTaskInput.builder().definition(definition).build()).build()).taskId();
      err.println("Started task " + taskId + "; waiting for it");
      DescribeTaskDetailResponse task = vod.waiters().waitForProcessImageAsync(taskId, waiting);
      if (options.json) {
        out.println(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(task));
      } else {
        out.println(task.processImageAsyncTask().output().fileInfo().fileUrl());
      }
      return 0;
    } finally {
      vod.deleteProcessImageAsyncTemplate(DeleteProcessImageAsyncTemplateRequest.builder()
          .subAppId(options.subAppId).definition(definition).build());
      err.println("Deleted template " + definition);
    }
  }

  private boolean hasCredentials() {
    try {
      credentials.resolveCredentials();
      return true;
    } catch (CredentialsException e) {
      return false;
    }
  }

  static final class Options {
    String url = "https://example.com/images/cat.png";
    String format = "PNG";
    long subAppId;
    long maxWaitSeconds = 600;
    Long pollMillis;
    String endpoint;
    boolean emulator;
    boolean json;
    boolean debug;
    boolean help;

    static Options parse(String[] args) {
      Options options = new Options();
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        switch (arg) {
          case "--json": options.json = true; break;
          case "--emulator": options.emulator = true; break;
          case "--debug": options.debug = true; break;
          case "-h": case "--help": options.help = true; break;
          case "--url": options.url = value(args, ++i, arg); break;
          case "--format": options.format = value(args, ++i, arg); break;
          case "--endpoint": options.endpoint = value(args, ++i, arg); break;
          case "--sub-app-id": options.subAppId = number(arg, value(args, ++i, arg), 0); break;
          case "--max-wait": options.maxWaitSeconds = number(arg, value(args, ++i, arg), 1); break;
          case "--poll-ms": options.pollMillis = number(arg, value(args, ++i, arg), 1); break;
          default:
            throw new IllegalArgumentException("unknown option " + arg);
        }
      }
      return options;
    }

    private static String value(String[] args, int index, String option) {
      if (index >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      return args[index];
    }

    private static long number(String option, String text, long min) {
      long value;
      try {
        value = Long.parseLong(text);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(option + " takes a whole number, not '" + text + "'");
      }
      if (value < min) {
        throw new IllegalArgumentException(option + " must be at least " + min + ", was " + value);
      }
      return value;
    }
  }
}
