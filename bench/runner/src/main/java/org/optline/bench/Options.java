package org.optline.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The {@code --name=value} options of a runner command. */
final class Options {

    private final Map<String, String> values;

    private Options(Map<String, String> values) {
        this.values = values;
    }

    static Options parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 3) {
                throw new IllegalArgumentException("Option '" + arg + "' is not of the form --name=value.");
            }
            values.put(arg.substring(2, equals), arg.substring(equals + 1));
        }
        return new Options(values);
    }

    String text(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("Option --" + name + " is missing.");
        }
        return value;
    }

    int integer(String name) {
        String value = text(name);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Option --" + name + "=" + value + " is not a whole number.", e);
        }
    }

    Path path(String name) {
        return Path.of(text(name));
    }
}
