package dev.controlplane.project.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The secret patterns one by one (all values are fake, shaped like the real thing). */
class SecretScannerTest {

    private static List<SecretScanner.Finding> scan(String file, String text) {
        return SecretScanner.scan(file, text).findings();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "conf.txt   | AKIAIOSFODNN7EXAMPLE                                          | aws-access-key      | critical",
        "conf.txt   | ASIAIOSFODNN7EXAMPLE                                          | aws-access-key      | critical",
        "conf.ini   | aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY | aws-secret-key | critical",
        "conf.txt   | ghp_FAKEfakeFAKEfakeFAKEfakeFAKEfake1234                      | github-token        | critical",
        "conf.txt   | gho_FAKEfakeFAKEfakeFAKEfakeFAKEfake1234                      | github-token        | critical",
        "conf.txt   | ghu_FAKEfakeFAKEfakeFAKEfakeFAKEfake1234                      | github-token        | critical",
        "conf.txt   | ghs_FAKEfakeFAKEfakeFAKEfakeFAKEfake1234                      | github-token        | critical",
        "conf.txt   | github_pat_11FAKEFAKE0fakefakefake_FAKEfakeFAKEfakeFAKEfakeFAKEfake | github-token  | critical",
        "conf.txt   | sk_live_FAKEfakeFAKEfake1234                                  | stripe-live-key     | critical",
        "conf.txt   | rk_live_FAKEfakeFAKEfake1234                                  | stripe-live-key     | critical",
        "key.pem    | -----BEGIN OPENSSH PRIVATE KEY-----                           | private-key         | critical",
        "key.pem    | -----BEGIN EC PRIVATE KEY-----                                | private-key         | critical",
        "key.asc    | -----BEGIN PGP PRIVATE KEY BLOCK-----                         | private-key         | critical",
        "conf.txt   | AIzaSyFAKEfakeFAKEfakeFAKEfakeFAKEfake1                       | google-api-key      | high",
        "conf.txt   | xoxb-123456789012-FAKEfakeFAKE                                | slack-token         | high",
        "conf.txt   | https://hooks.slack.com/services/T0FAKE000/B0FAKE000/FAKEfakeFAKEfake1234 | slack-webhook | high",
        "conf.txt   | mysql://root:R3al-Looking-Pw@db.internal/app                  | db-url-password     | high",
        "conf.txt   | jdbc:postgresql://app:R3al-Looking-Pw@db.internal:5432/app    | db-url-password     | high",
        "conf.txt   | mongodb+srv://app:R3al-Looking-Pw@cluster0.fake.net/db        | db-url-password     | high",
        "conf.txt   | redis://:R3al-Looking-Pw@cache.internal:6379                  | db-url-password     | high",
        "conf.txt   | eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJmYWtlLXVzZXIifQ.ZmFrZS1zaWduYXR1cmU | jwt           | medium",
        "app.yml    | db_password: R3al-Looking-Pw                                  | password-assignment | medium",
        "app.env.sh | export ADMIN_PASSWORD=R3al-Looking-Pw                         | password-assignment | medium",
        "app.py     | SECRET_KEY = 'R3al-Looking-Pw'                                | password-assignment | medium",
        "App.java   | String password = \"R3al-Looking-Pw\";                        | password-assignment | medium",
        "app.json   | {\"client_secret\": \"R3al-Looking-Pw\"}                      | password-assignment | medium",
    })
    void eachPatternIsFound(String file, String line, String pattern, String severity) {
        List<SecretScanner.Finding> findings = scan(file, "first line\n" + line + "\n");
        assertEquals(1, findings.size(), () -> "findings: " + findings);
        SecretScanner.Finding finding = findings.get(0);
        assertEquals(pattern, finding.pattern());
        assertEquals(severity, finding.severity());
        assertEquals(2, finding.line());
        assertEquals(file, finding.file());
        assertFalse(finding.matchPreview().contains("R3al-Looking-Pw"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "password=changeme",
        "password: ${DB_PASSWORD}",
        "password: \"{{ vault_db_password }}\"",
        "password=$DB_PASSWORD",
        "password: <your-password>",
        "password = ********",
        "secret: xxxxxxxx",
        "api_password: your_password_here",
        "password=example-pass",
        "client_secret = settings.client_secret",
        "password: null",
        "db.url=postgres://app:password@localhost/app",
        "db.url=postgres://app:${DB_PASS}@localhost/app",
        "if (password == null) {",
        "password=abc",
        "AKIAIOSFODNN7EXAMPL is nineteen characters",
    })
    void placeholdersAndNonSecretsAreNotFindings(String line) {
        assertEquals(List.of(), scan("app.properties", line));
    }

    @Test
    void unquotedRightHandSidesInCodeAreExpressionsNotSecrets() {
        assertEquals(List.of(), scan("Login.java", "password = userInput;"));
        assertEquals(List.of(), scan("login.py", "password = get_password()"));
        assertEquals(1, scan("login.properties", "password = userInput").size());
    }

    @Test
    void nosecSuppressesEveryMatchOnItsLineAndCountsThem() {
        SecretScanner.FileScan scan = SecretScanner.scan("a.txt",
                "AKIAIOSFODNN7EXAMPLE sk_live_FAKEfakeFAKEfake1234 # NOSEC fixture\nAKIAIOSFODNN7EXAMPLE\n");
        assertEquals(2, scan.suppressed());
        assertEquals(1, scan.findings().size());
        assertEquals(2, scan.findings().get(0).line());
    }

    @Test
    void overlappingMatchesAreReportedOnceByTheMostSpecificRule() {
        List<SecretScanner.Finding> findings = scan("app.properties", "STRIPE_SECRET=sk_live_FAKEfakeFAKEfake1234");
        assertEquals(1, findings.size());
        assertEquals("stripe-live-key", findings.get(0).pattern());
    }

    @ParameterizedTest
    @CsvSource({
        "AKIAIOSFODNN7EXAMPLE, AKIA\u2026MPLE",
        "hunter22, hu\u202622",
        "hunter2, h\u20262",
        "abc, \u2026",
    })
    void previewShowsAtMostFourCharactersEachSideAndNeverMoreThanAQuarter(String secret, String preview) {
        assertEquals(preview, SecretScanner.preview(secret));
    }

    @Test
    void binaryAndOversizedFilesAreNotRead(@TempDir Path dir) throws IOException {
        Path binary = Files.write(dir.resolve("blob.dat"), new byte[] {'A', 0, 'B'});
        assertEquals(SecretScanner.Skip.BINARY, SecretScanner.read(binary, 3).skip());
        Path text = Files.writeString(dir.resolve("a.txt"), "plain");
        SecretScanner.Text read = SecretScanner.read(text, 5);
        assertEquals(SecretScanner.Skip.NONE, read.skip());
        assertEquals("plain", read.content());
        assertEquals(SecretScanner.Skip.TOO_LARGE, SecretScanner.read(text, SecretScanner.MAX_BYTES + 1L).skip());
        assertEquals(SecretScanner.Skip.UNREADABLE, SecretScanner.read(dir.resolve("missing.txt"), 1).skip());
    }

    /** The listed size only sizes the first read: a file that changed since it was listed is read as it is now. */
    @Test
    void aFileThatChangedSinceItWasListedIsReadAsItIsNow(@TempDir Path dir) throws IOException {
        Path text = Files.writeString(dir.resolve("a.txt"), "grown since the walk");
        assertEquals("grown since the walk", SecretScanner.read(text, 3).content());
        assertEquals("grown since the walk", SecretScanner.read(text, 0).content());
        assertEquals("grown since the walk", SecretScanner.read(text, 400).content());
        Path big = Files.write(dir.resolve("big.txt"), "x".repeat(SecretScanner.MAX_BYTES + 1).getBytes());
        assertEquals(SecretScanner.Skip.TOO_LARGE, SecretScanner.read(big, 10).skip());
        Path full = Files.write(dir.resolve("full.txt"), "y".repeat(SecretScanner.MAX_BYTES).getBytes());
        assertEquals(SecretScanner.MAX_BYTES, SecretScanner.read(full, 10).content().length());
        String utf8 = "caf\u00e9 \u2603 ok";
        Path unicode = Files.writeString(dir.resolve("u.txt"), utf8);
        assertEquals(utf8, SecretScanner.read(unicode, Files.size(unicode)).content());
    }
}
