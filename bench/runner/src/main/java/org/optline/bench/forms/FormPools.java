package org.optline.bench.forms;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The layout of the form benchmark's contacts: four contiguous id ranges, one per pool, added after
 * the generated data. Each Optline contact has one conversation, one app part and one form, whose ids
 * are the contact id plus a fixed offset. The layout is stored in {@value #FILE} in the work folder, so
 * that the later commands find the same rows.
 *
 * @param optlineWarmup   contacts whose forms are submitted during the warm-up only
 * @param optlineMeasured contacts whose forms are submitted during the measured load
 * @param baselineWarmup  contacts that the bare baseline opts in during its warm-up
 * @param baselineMeasured contacts that the bare baseline opts in during its measured load
 */
public record FormPools(Range optlineWarmup, Range optlineMeasured, Range baselineWarmup, Range baselineMeasured,
                 long conversationOffset, long partOffset, long formOffset, long formVersionId) {

    static final String FILE = "pools.properties";

    /** The contact ids {@code first} to {@code first + count - 1}. */
    public record Range(String name, long first, int count) {

        long last() {
            return first + count - 1;
        }
    }

    long conversationId(long contactId) {
        return contactId + conversationOffset;
    }

    long partId(long contactId) {
        return contactId + partOffset;
    }

    long formId(long contactId) {
        return contactId + formOffset;
    }

    long contactOfForm(long formId) {
        return formId - formOffset;
    }

    /** Returns the visitor id that the widget script would have stored for the contact's lead. */
    static String visitorId(long contactId) {
        return String.format("bench-visitor-%012d", contactId);
    }

    void save(Path workDir) throws IOException {
        Properties properties = new Properties();
        for (Range range : new Range[]{optlineWarmup, optlineMeasured, baselineWarmup, baselineMeasured}) {
            properties.setProperty(range.name() + ".first", String.valueOf(range.first()));
            properties.setProperty(range.name() + ".count", String.valueOf(range.count()));
        }
        properties.setProperty("conversation-offset", String.valueOf(conversationOffset));
        properties.setProperty("part-offset", String.valueOf(partOffset));
        properties.setProperty("form-offset", String.valueOf(formOffset));
        properties.setProperty("form-version-id", String.valueOf(formVersionId));
        try (Writer writer = Files.newBufferedWriter(workDir.resolve(FILE))) {
            properties.store(writer, "Layout of the form benchmark's contacts, written by forms-setup");
        }
    }

    public static FormPools load(Path workDir) throws IOException {
        Path file = workDir.resolve(FILE);
        if (!Files.exists(file)) {
            throw new IllegalStateException(file + " is missing. Run forms-setup with --work-dir=" + workDir + " first.");
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        return new FormPools(range(properties, "optline-warmup"), range(properties, "optline-measured"),
                range(properties, "baseline-warmup"), range(properties, "baseline-measured"),
                Long.parseLong(properties.getProperty("conversation-offset")),
                Long.parseLong(properties.getProperty("part-offset")),
                Long.parseLong(properties.getProperty("form-offset")),
                Long.parseLong(properties.getProperty("form-version-id")));
    }

    private static Range range(Properties properties, String name) {
        return new Range(name, Long.parseLong(properties.getProperty(name + ".first")),
                Integer.parseInt(properties.getProperty(name + ".count")));
    }
}
