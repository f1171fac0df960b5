package dev.controlplane.project.files;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises a licence from its text and names it with its SPDX id. Only a few phrases each licence is known by
 * are checked, in an order where the more specific text wins (the LGPL's text mentions the GPL). An unrecognised
 * text gives "".
 */
public final class LicenseNames {
    private static final Pattern SPDX = Pattern.compile("SPDX-License-Identifier:\\s*([A-Za-z0-9.+()\\- ]+?)\\s*$",
            Pattern.MULTILINE);

    private LicenseNames() {
    }

    public static String detect(String text) {
        if (text == null) {
            return "";
        }
        Matcher spdx = SPDX.matcher(text);
        if (spdx.find()) {
            return spdx.group(1).strip();
        }
        String t = text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (t.contains("gnu affero general public license")) {
            return "AGPL-3.0";
        }
        if (t.contains("gnu lesser general public license")) {
            return t.contains("version 3") ? "LGPL-3.0" : "LGPL-2.1";
        }
        if (t.contains("gnu general public license")) {
            return t.contains("version 3") ? "GPL-3.0" : t.contains("version 2") ? "GPL-2.0" : "GPL";
        }
        if (t.contains("apache license") && t.contains("version 2.0")) {
            return "Apache-2.0";
        }
        if (t.contains("mozilla public license") && t.contains("2.0")) {
            return "MPL-2.0";
        }
        if (t.contains("eclipse public license")) {
            return t.contains("2.0") ? "EPL-2.0" : "EPL-1.0";
        }
        if (t.contains("permission is hereby granted, free of charge")) {
            return "MIT";
        }
        if (t.contains("redistribution and use in source and binary forms")) {
            return t.contains("neither the name") || t.contains("names of its contributors") ? "BSD-3-Clause"
                    : "BSD-2-Clause";
        }
        if (t.contains("permission to use, copy, modify, and/or distribute this software for any purpose")) {
            return t.contains("provided that the above copyright notice") ? "ISC" : "0BSD";
        }
        if (t.contains("free and unencumbered software released into the public domain")) {
            return "Unlicense";
        }
        if (t.contains("boost software license")) {
            return "BSL-1.0";
        }
        if (t.contains("cc0 1.0 universal")) {
            return "CC0-1.0";
        }
        return "";
    }
}
