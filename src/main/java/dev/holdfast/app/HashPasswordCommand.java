package dev.holdfast.app;

import dev.holdfast.platform.auth.PasswordHasher;
import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code holdfast hash-password}: reads a password and prints its hash for a config file. */
@Command(name = "hash-password", mixinStandardHelpOptions = true,
        description = "Read a password (from the terminal, or one line of standard input) and print its PBKDF2 hash for the platform's config file.")
final class HashPasswordCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        char[] password;
        Console console = System.console();
        if (console != null) {
            password = console.readPassword("Password: ");
        } else {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line = in.readLine();
            password = line == null ? null : line.toCharArray();
        }
        if (password == null || password.length == 0) {
            System.err.println("holdfast hash-password: no password given");
            return 2;
        }
        try {
            System.out.println(PasswordHasher.hash(password));
            return 0;
        } finally {
            Arrays.fill(password, '\0');
        }
    }
}
