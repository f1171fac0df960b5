package dev.controlplane.cards.audit;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import dev.controlplane.analysis.CodeAnalysis;
import dev.controlplane.cards.Card;
import dev.controlplane.cards.CardContext;
import dev.controlplane.cards.CardJson;
import dev.controlplane.cards.CardSpec;
import dev.controlplane.cards.Pref;
import dev.controlplane.cards.Tab;

/**
 * What the Audit L2 (deep analysis) cards share: the Audit tab, on demand ({@code manual}), and their own bust
 * scope {@code audit:l2}, so "Refresh Audit" and "Refresh all" leave their results in place (marked outdated)
 * and only "Analyze" recomputes them.
 */
abstract class L2Card implements Card {
    static final String SCOPE = "audit:l2";
    /** Long lists are capped at this length with {@code <list>_total} beside. */
    static final int CAP = 50;
    /** The default of {@code controlplane.audit.l2-max-files}, for cards built without the configuration. */
    static final int MAX_FILES = 100_000;

    /** The one pass of the code cards (structure, quality) over the tree's sources, shared between them. */
    static CodeAnalysis.Result analyse(CardContext context, L2Sources.Tree tree, int maxFiles)
            throws InterruptedException {
        return CodeAnalysis.analyse(context.root(), tree.manifests(), tree.sources(), maxFiles, CAP);
    }

    /** The warning of a code card whose tree has more sources than it analyses. */
    static void truncation(CodeAnalysis.Result analysis, ArrayNode warnings) {
        if (analysis.truncated()) {
            warnings.add("only the first " + analysis.files() + " of " + analysis.filesTotal()
                    + " source files were analysed (controlplane.audit.l2-max-files)");
        }
    }

    /** The declaration every L2 card starts from: the Audit tab, on demand. */
    static CardSpec.Builder declare(String key) {
        return CardSpec.card(key).tab(Tab.AUDIT).defaultPref(Pref.MANUAL);
    }

    /** Not the tab's scope (see above); a CardSpec has no scopes, so this stays an override. */
    @Override
    public Set<String> scopes() {
        return Set.of(SCOPE);
    }

    /** Whole-tree analyses: the long compute limit (see {@link Card#deepAnalysis()}). */
    @Override
    public boolean deepAnalysis() {
        return true;
    }

    /** A peer's result; a failing peer counts as empty and is named in the warnings. */
    static JsonNode peer(CardContext context, String key, ArrayNode warnings) throws InterruptedException {
        try {
            return context.peer(key);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            warnings.add(key + " is unavailable (" + e.getMessage() + ")");
            return CardJson.object();
        }
    }
}
