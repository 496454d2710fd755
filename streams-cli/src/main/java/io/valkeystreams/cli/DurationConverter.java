package io.valkeystreams.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses durations such as {@code 10ms}, {@code 250us}, {@code 2s}, {@code 1m}. */
public final class DurationConverter implements ITypeConverter<Duration> {

    private static final Pattern FORMAT = Pattern.compile("(\\d+(?:\\.\\d+)?)(us|ms|s|m)");

    @Override
    public Duration convert(String value) {
        Matcher matcher = FORMAT.matcher(value.trim());
        if (!matcher.matches()) {
            throw new TypeConversionException("'" + value + "' is not a duration; use a number with us, ms, s or m "
                    + "(for example 10ms)");
        }
        double amount = Double.parseDouble(matcher.group(1));
        long nanos = switch (matcher.group(2)) {
            case "us" -> (long) (amount * 1_000);
            case "ms" -> (long) (amount * 1_000_000);
            case "s" -> (long) (amount * 1_000_000_000);
            default -> (long) (amount * 60_000_000_000L);
        };
        return Duration.ofNanos(nanos);
    }
}
