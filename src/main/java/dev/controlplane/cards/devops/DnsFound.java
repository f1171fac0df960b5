package dev.controlplane.cards.devops;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.controlplane.project.files.DomainNames;

/** What the DNS card collects: providers by their files, the domains with the files naming them, candidates. */
final class DnsFound {
    final Map<String, List<String>> providers = new LinkedHashMap<>();
    final Map<String, Set<String>> domains = new TreeMap<>();
    final List<Path> terraform = new ArrayList<>();
    final List<Path> zoneCandidates = new ArrayList<>();
    final List<Path> certificateCandidates = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();

    void provider(String id, String file) {
        providers.computeIfAbsent(id, k -> new ArrayList<>()).add(file);
    }

    void domain(String raw, String file) {
        DomainNames.of(raw).ifPresent(d -> domains.computeIfAbsent(d, k -> new TreeSet<>()).add(file));
    }
}
