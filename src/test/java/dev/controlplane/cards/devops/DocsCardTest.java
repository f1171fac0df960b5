package dev.controlplane.cards.devops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.cards.CardContext;
import dev.controlplane.cards.Pref;
import dev.controlplane.cards.Tab;
import dev.controlplane.project.files.LicenseNames;

class DocsCardTest {
    private final DocsCard card = new DocsCard();

    @TempDir
    Path dir;

    private ObjectNode compute() {
        return card.compute(CardContext.standalone(dir));
    }

    @Test
    void describesItselfAsTheSpecSays() {
        assertEquals("docs", card.key());
        assertEquals("/api/docs/status", card.alias());
        assertEquals(Tab.DEVOPS, card.tab());
        assertEquals(60, card.order());
        assertEquals(List.of("docs/", "README.md", "CHANGELOG.md", "LICENSE", "CONTRIBUTING.md", "openapi.yaml",
                "openapi.json"), card.watchPaths());
        assertEquals(Set.of("devops"), card.scopes());
        assertEquals(Set.of(), card.peers());
        assertEquals(Pref.AUTO, card.defaultPref());
    }

    @Test
    void reportsEveryKindOfDocumentation() {
        SecdocsFixtures.copy("docs", dir);
        ObjectNode result = compute();

        assertEquals("{\"exists\":true,\"path\":\"README.md\",\"size\":290,\"lines\":27,\"headings\":[\"Demo Project\","
                + "\"Install\",\"Usage\",\"Configuration\",\"Topic 1\",\"Topic 2\",\"Topic 3\",\"Topic 4\",\"Topic 5\","
                + "\"Topic 6\"],\"heading_count\":11}", result.get("readme").toString());
        assertEquals("[{\"path\":\"docs\",\"file_count\":5,\"doc_count\":4,\"total_size\":55},"
                + "{\"path\":\"wiki\",\"file_count\":1,\"doc_count\":1,\"total_size\":12}]",
                result.get("doc_dirs").toString());
        assertEquals("{\"exists\":true,\"path\":\"CHANGELOG.md\"}", result.get("changelog").toString());
        assertEquals("{\"exists\":true,\"path\":\"LICENSE\",\"name\":\"MIT\",\"files\":[\"LICENSE\"]}",
                result.get("license").toString());
        assertEquals("{\"exists\":true,\"path\":\"docs/CONTRIBUTING.md\"}", result.get("contributing").toString());
        assertEquals("{\"exists\":true,\"path\":\"CODE_OF_CONDUCT.md\"}", result.get("code_of_conduct").toString());
        assertEquals("{\"exists\":true,\"path\":\".github/SECURITY.md\"}", result.get("security_policy").toString());
        // openapitools.json is a generator config: named like a spec, but it declares no openapi/swagger version.
        assertEquals("[{\"path\":\"openapi.yaml\",\"format\":\"openapi\",\"version\":\"3.0.3\",\"title\":\"Demo API\"},"
                + "{\"path\":\"src/main/resources/META-INF/swagger.json\",\"format\":\"swagger\",\"version\":\"2.0\","
                + "\"title\":\"Legacy API\"}]", result.get("api_specs").toString());
        // README, CHANGELOG, LICENSE, CODE_OF_CONDUCT, .github/SECURITY.md, 4 in docs/ (CONTRIBUTING among
        // them, counted once), wiki/Home.md.
        assertEquals(10, result.get("doc_files").asInt());
        assertEquals("[]", result.get("warnings").toString());
        assertEquals("10 docs", result.at("/summary/text").asText());
        assertEquals("ok", result.at("/summary/level").asText());
    }

    @Test
    void otherReadmeFormatsDualLicencesAndBrokenSpecs() {
        SecdocsFixtures.write(dir, "readme.rst", "Title\n=====\n\nSection\n-------\n\ntext\n");
        SecdocsFixtures.write(dir, "LICENSE-MIT", "Permission is hereby granted, free of charge, to any person\n");
        SecdocsFixtures.write(dir, "LICENSE-APACHE", "Apache License\nVersion 2.0, January 2004\n");
        SecdocsFixtures.write(dir, "CHANGES.md", "# Changes\n");
        SecdocsFixtures.write(dir, "api/openapi.json", "{ not json");
        ObjectNode result = compute();

        assertEquals("readme.rst", result.at("/readme/path").asText());
        assertEquals("[\"Title\",\"Section\"]", result.at("/readme/headings").toString());
        assertEquals(7, result.at("/readme/lines").asInt());
        assertEquals("{\"exists\":true,\"path\":\"LICENSE-APACHE\",\"name\":\"Apache-2.0 OR MIT\","
                + "\"files\":[\"LICENSE-APACHE\",\"LICENSE-MIT\"]}", result.get("license").toString());
        assertEquals("CHANGES.md", result.at("/changelog/path").asText());
        assertEquals("[]", result.get("api_specs").toString());
        assertEquals(1, result.get("warnings").size());
        assertEquals(true, result.get("warnings").get(0).asText().startsWith("api/openapi.json: invalid JSON"));
        assertEquals("4 docs", result.at("/summary/text").asText());
    }

    @Test
    void docsWithoutAReadmeAreDegraded() {
        SecdocsFixtures.write(dir, "docs/index.md", "# Docs\n");
        ObjectNode result = compute();
        assertEquals("1 doc", result.at("/summary/text").asText());
        assertEquals("degraded", result.at("/summary/level").asText());
    }

    @ParameterizedTest
    @CsvSource({
        "'Apache License\nVersion 2.0, January 2004', Apache-2.0",
        "'GNU GENERAL PUBLIC LICENSE\nVersion 3, 29 June 2007', GPL-3.0",
        "'GNU GENERAL PUBLIC LICENSE\nVersion 2, June 1991', GPL-2.0",
        "'GNU LESSER GENERAL PUBLIC LICENSE\nVersion 3, 29 June 2007\nGNU General Public License', LGPL-3.0",
        "'GNU AFFERO GENERAL PUBLIC LICENSE\nVersion 3', AGPL-3.0",
        "'Redistribution and use in source and binary forms ... Neither the name of the copyright holder', BSD-3-Clause",
        "'Redistribution and use in source and binary forms, with or without modification', BSD-2-Clause",
        "'Mozilla Public License Version 2.0', MPL-2.0",
        "'This is free and unencumbered software released into the public domain.', Unlicense",
        "'Permission to use, copy, modify, and/or distribute this software for any purpose with or without fee is hereby granted, provided that the above copyright notice', ISC",
        "'// SPDX-License-Identifier: EUPL-1.2', EUPL-1.2",
        "'All rights reserved.', ''",
    })
    void recognisesLicences(String text, String name) {
        assertEquals(name, LicenseNames.detect(text.replace("\\n", "\n")));
    }

    @Test
    void emptyProjectHasTheFullShape() {
        ObjectNode result = compute();

        assertEquals("{\"exists\":false,\"path\":\"\",\"size\":0,\"lines\":0,\"headings\":[],\"heading_count\":0}",
                result.get("readme").toString());
        assertEquals("[]", result.get("doc_dirs").toString());
        assertEquals("{\"exists\":false,\"path\":\"\"}", result.get("changelog").toString());
        assertEquals("{\"exists\":false,\"path\":\"\",\"name\":\"\",\"files\":[]}", result.get("license").toString());
        assertEquals("{\"exists\":false,\"path\":\"\"}", result.get("contributing").toString());
        assertEquals("{\"exists\":false,\"path\":\"\"}", result.get("code_of_conduct").toString());
        assertEquals("{\"exists\":false,\"path\":\"\"}", result.get("security_policy").toString());
        assertEquals("[]", result.get("api_specs").toString());
        assertEquals(0, result.get("doc_files").asInt());
        assertEquals("[]", result.get("warnings").toString());
        assertEquals("0 docs", result.at("/summary/text").asText());
        assertEquals("none", result.at("/summary/level").asText());
    }
}
