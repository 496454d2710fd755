package io.valkeystreams.cli;

import io.valkeystreams.cli.compare.CompareCommand;
import io.valkeystreams.core.StreamsException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code bin/valkey-streams}: operator and benchmark commands. */
@Command(name = "valkey-streams",
        mixinStandardHelpOptions = true,
        version = "valkey-streams 0.1.0",
        description = "Operate the valkey-streams event backbone.",
        subcommands = {InitCommand.class, StatusCommand.class, TrimCommand.class, PublishCommand.class,
                PerfCommand.class, CompareCommand.class, DlqCommand.class, AclCommand.class, DemoLoadCommand.class,
                IntegrationCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Examples:",
                "  valkey-streams init --url redis://127.0.0.1:6379",
                "  valkey-streams status --json",
                "  valkey-streams trim",
                "  valkey-streams dlq list reputation.events",
                "  valkey-streams compare --quick"})
public final class ValkeyStreamsCli {

    /** Exit code for a failed command (server down, bad URL, wrong-type key …). */
    static final int EXIT_FAILURE = 1;
    /** Exit code for wrong usage (unknown option, missing argument). */
    static final int EXIT_USAGE = 2;

    private ValkeyStreamsCli() {
    }

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the command line with the given output streams and returns the exit code. */
    static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new ValkeyStreamsCli());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExitCodeExceptionMapper(e -> EXIT_FAILURE);
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            cmd.getErr().println("valkey-streams " + cmd.getCommandName() + ": " + oneLine(exception));
            cmd.getErr().flush();
            return EXIT_FAILURE;
        });
        commandLine.setParameterExceptionHandler((exception, argv) -> {
            CommandLine cmd = exception.getCommandLine();
            cmd.getErr().println("valkey-streams: " + exception.getMessage()
                    + " (see 'valkey-streams " + cmd.getCommandName() + " --help')");
            cmd.getErr().flush();
            return EXIT_USAGE;
        });
        return commandLine.execute(args);
    }

    static String oneLine(Throwable exception) {
        String message = exception instanceof StreamsException || exception.getMessage() != null
                ? exception.getMessage()
                : exception.getClass().getSimpleName();
        return message == null ? exception.getClass().getSimpleName() : message.replace('\n', ' ');
    }
}
