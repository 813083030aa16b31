package io.github.tcvod.example;

import com.google.gson.GsonBuilder;
import io.github.tcvod.VodClient;
import io.github.tcvod.auth.Credentials;
import io.github.tcvod.auth.CredentialsProvider;
import io.github.tcvod.auth.DefaultCredentialsProvider;
import io.github.tcvod.emulator.VodEmulator;
import io.github.tcvod.exception.CredentialsException;
import io.github.tcvod.exception.VodException;
import io.github.tcvod.model.AiCutOutConfig;
import io.github.tcvod.model.DescribeProcessImageAsyncTemplatesRequest;
import io.github.tcvod.model.DescribeProcessImageAsyncTemplatesResponse;
import io.github.tcvod.model.ImageBeautyConfig;
import io.github.tcvod.model.ImageEnhanceConfig;
import io.github.tcvod.model.ProcessImageAsyncTask;
import io.github.tcvod.model.ProcessImageAsyncTemplateItem;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Lists image-processing templates as a table. With no credentials in the environment or the
 * profile file it starts the embedded emulator; with credentials it calls the real endpoint.
 */
public final class ListTemplates {
  private static final String USAGE = "usage: ListTemplates [--sub-app-id N] [--definitions ID,ID,...] [--limit 0-100]"
      + " [--offset N] [--endpoint URL] [--emulator] [--json] [--debug]";

  private final PrintStream out;
  private final PrintStream err;
  private final CredentialsProvider credentials;

  ListTemplates(PrintStream out, PrintStream err, CredentialsProvider credentials) {
    this.out = out;
    this.err = err;
    this.credentials = credentials;
  }

  public static void main(String[] args) {
    System.exit(new ListTemplates(System.out, System.err, DefaultCredentialsProvider.create()).run(args));
  }

  /** @return the exit status: 0 on success, 1 when the call failed, 2 for a bad option */
  int run(String[] args) {
    Options options;
    DescribeProcessImageAsyncTemplatesRequest request;
    try {
      options = Options.parse(args);
      if (options.help) {
        out.println(USAGE);
        return 0;
      }
      request = DescribeProcessImageAsyncTemplatesRequest.builder()
          .subAppId(options.subAppId).definitions(options.definitions).offset(options.offset).limit(options.limit).build();
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      err.println(USAGE);
      return 2;
    }
    VodEmulator emulator = null;
    boolean debug = options.debug;
    try {
      VodClient.Builder builder = VodClient.builder();
      if (options.emulator || !hasCredentials()) {
        emulator = VodEmulator.start();
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
        DescribeProcessImageAsyncTemplatesResponse response = vod.describeProcessImageAsyncTemplates(request);
        if (options.json) {
          out.println(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(response));
        } else {
          printTable(response, options.offset == null ? 0 : options.offset);
        }
      }
      return 0;
    } catch (VodException e) {
      err.println("error: " + e.errorCode() + ": " + e.errorMessage()
          + " (RequestId " + (e.requestId() == null ? "none" : e.requestId()) + ")");
      if (debug) {
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

  private boolean hasCredentials() {
    try {
      credentials.resolveCredentials();
      return true;
    } catch (CredentialsException e) {
      return false;
    }
  }

  private void printTable(DescribeProcessImageAsyncTemplatesResponse response, long offset) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"ID", "NAME", "TYPE", "FORMAT", "ENHANCEMENTS", "UPDATED"});
    for (ProcessImageAsyncTemplateItem item : response.processImageAsyncTemplateSet()) {
      if (item == null) {
        continue;
      }
      ProcessImageAsyncTask task = item.processImageConfigure();
      String format = task == null || task.encodeConfig() == null || task.encodeConfig().formatAsString() == null
          ? "source" : task.encodeConfig().formatAsString();
      rows.add(new String[] {String.valueOf(item.definition()), text(item.name()), text(item.type()), format,
          enhancements(task), text(item.updateTime())});
    }
    int[] widths = new int[rows.get(0).length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], width(row[i]));
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        line.append(row[i]);
        if (i < row.length - 1) {
          for (int pad = width(row[i]); pad < widths[i] + 2; pad++) {
            line.append(' ');
          }
        }
      }
      out.println(line.toString().replaceAll("\\s+$", ""));
    }
    long shown = rows.size() - 1;
    out.println();
    out.println(shown == 0 ? "No templates on this page; " + response.totalCount() + " match."
        : "Templates " + (offset + 1) + "-" + (offset + shown) + " of " + response.totalCount()
            + ". RequestId " + response.requestId());
  }

  private static String enhancements(ProcessImageAsyncTask task) {
    List<String> on = new ArrayList<>();
    if (task != null && task.enhanceConfig() != null) {
      ImageEnhanceConfig e = task.enhanceConfig();
      addIfOn(on, "SuperResolution", e.superResolution() == null ? null : e.superResolution().switchValueAsString(), false);
      addIfOn(on, "AdvancedSuperResolution", e.advancedSuperResolution() == null ? null : e.advancedSuperResolution().switchValueAsString(), e.advancedSuperResolution() != null);
      addIfOn(on, "Denoise", e.denoise() == null ? null : e.denoise().switchValueAsString(), e.denoise() != null);
      addIfOn(on, "ImageQuality", e.imageQualityEnhance() == null ? null : e.imageQualityEnhance().switchValueAsString(), false);
      addIfOn(on, "Color", e.colorEnhance() == null ? null : e.colorEnhance().switchValueAsString(), false);
      addIfOn(on, "Sharp", e.sharpEnhance() == null ? null : e.sharpEnhance().switchValueAsString(), false);
      addIfOn(on, "Face", e.faceEnhance() == null ? null : e.faceEnhance().switchValueAsString(), false);
      addIfOn(on, "LowLight", e.lowLightEnhance() == null ? null : e.lowLightEnhance().switchValueAsString(), false);
    }
    if (task != null && task.beautyConfig() != null) {
      ImageBeautyConfig beauty = task.beautyConfig();
      if (!beauty.beautyEffectItems().isEmpty() || !beauty.beautyFilterItems().isEmpty()) {
        on.add("Beauty");
      }
    }
    if (task != null && task.aiCutOutConfig() != null) {
      AiCutOutConfig cutOut = task.aiCutOutConfig();
      addIfOn(on, "AiCutOut" + (cutOut.typeAsString() == null ? "" : "(" + cutOut.typeAsString() + ")"), cutOut.switchValueAsString(), true);
    }
    return on.isEmpty() ? "-" : String.join(",", on);
  }

  /** A feature is on when its Switch says ON, or is absent where the spec's default is ON. */
  private static void addIfOn(List<String> on, String name, String switchValue, boolean onByDefault) {
    if ("ON".equals(switchValue) || (switchValue == null && onByDefault)) {
      on.add(name);
    }
  }

  private static String text(String value) {
    return value == null || value.isEmpty() ? "-" : value.replaceAll("[\\r\\n\\t\\x00-\\x1f]", " ");
  }

  /** Columns of East Asian wide characters take two cells. */
  private static int width(String text) {
    int cells = 0;
    for (int i = 0; i < text.length(); ) {
      int codePoint = text.codePointAt(i);
      cells += Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN || codePoint >= 0x1F300 ? 2 : 1;
      i += Character.charCount(codePoint);
    }
    return cells;
  }

  static final class Options {
    Long subAppId;
    List<Long> definitions;
    Long limit;
    Long offset;
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
          case "--sub-app-id": options.subAppId = number(arg, value(args, ++i, arg)); break;
          case "--limit": options.limit = number(arg, value(args, ++i, arg)); break;
          case "--offset": options.offset = number(arg, value(args, ++i, arg)); break;
          case "--endpoint": options.endpoint = value(args, ++i, arg); break;
          case "--definitions":
            options.definitions = new ArrayList<>();
            for (String id : value(args, ++i, arg).split(",")) {
              options.definitions.add(number(arg, id.trim()));
            }
            break;
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

    private static Long number(String option, String text) {
      try {
        return Long.parseLong(text);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(option + " takes a whole number, not '" + text + "'");
      }
    }

    @Override
    public String toString() {
      return Arrays.asList(subAppId, definitions, limit, offset, endpoint).toString();
    }
  }
}
