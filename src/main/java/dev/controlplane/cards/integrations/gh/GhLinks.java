package dev.controlplane.cards.integrations.gh;

import java.util.regex.Pattern;

/** Only plain https links to web pages reach the page: nothing with credentials, no other scheme. */
final class GhLinks {
    private static final Pattern WEB = Pattern.compile("https://[A-Za-z0-9.-]+(:\\d+)?(/[A-Za-z0-9._~%/+#=&?-]*)?");

    private GhLinks() {
    }

    static String web(String url) {
        return url != null && WEB.matcher(url).matches() ? url : "";
    }
}
