package dev.controlplane.project.files;

import java.util.List;
import java.util.Set;

/** The {@code .env} family's names, shared by the env and security cards. */
public final class EnvFileNames {
    /** Always listed by the env card, present or not. */
    public static final List<String> STANDARD = List.of(".env", ".env.local", ".env.development", ".env.staging",
            ".env.production", ".env.test", ".env.example");

    /** Holds the name of the active environment, not variables. */
    public static final String ACTIVE_MARKER = ".env.active";

    /**
     * Meant to be committed: templates without real values, and dotenv-vault's encrypted file. Everything else
     * in the family is expected to hold real values and to stay out of git.
     */
    public static final Set<String> COMMITTABLE = Set.of(".env.example", ".env.sample", ".env.template", ".env.dist",
            ".env.defaults", ".env.vault", ACTIVE_MARKER);

    private EnvFileNames() {
    }

    /** {@code .env} or {@code .env.<something>} (not {@code .envrc}, which is direnv's script). */
    public static boolean isEnvFile(String name) {
        return name.equals(".env") || (name.startsWith(".env.") && name.length() > ".env.".length());
    }

    /** An env file that is expected to hold real values. */
    public static boolean holdsValues(String name) {
        return isEnvFile(name) && !COMMITTABLE.contains(name);
    }
}
