package dev.controlplane.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/** Job output is masked with the security card's secret rules before it is stored or sent. */
class SecretMaskTest {

    @Test
    void masksTheSecretPartOfEachRuleAndKeepsTheRest() {
        SecretMask mask = new SecretMask();
        String token = "ghp_" + "A1b2C3d4E5".repeat(3) + "abcdef";
        assertEquals("token=**** ok", mask.apply("token=" + token + " ok"));
        assertEquals("key **** and ****", mask.apply("key AKIAABCDEFGHIJKLMNOP and AKIAQRSTUVWXYZ234567"));
        assertEquals("postgres://app:****@db:5432/x", mask.apply("postgres://app:hunter22@db:5432/x"));
        assertEquals("nothing to hide here", mask.apply("nothing to hide here"));
    }

    @Test
    void masksTheBodyOfAPrintedPrivateKey() {
        SecretMask mask = new SecretMask();
        assertEquals("****", mask.apply("-----BEGIN RSA PRIVATE KEY-----"));
        assertEquals("****", mask.apply("MIIEowIBAAKCAQEAx4x"));
        assertEquals("-----END RSA PRIVATE KEY-----", mask.apply("-----END RSA PRIVATE KEY-----"));
        assertEquals("after", mask.apply("after"));
        assertFalse(mask.apply("MIIEowIBAAKCAQEAx4x").contains(SecretMask.MASK));
    }
}
