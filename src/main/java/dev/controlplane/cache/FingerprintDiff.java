package dev.controlplane.cache;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What changed between two fingerprints, by path: what a {@code state:stale} event names. */
public final class FingerprintDiff {
    private FingerprintDiff() {
    }

    /**
     * Paths that differ between two fingerprints (added, removed or modified), at most {@code limit}, in
     * path order.
     */
    public static List<String> changed(Fingerprint before, Fingerprint after, int limit) {
        List<String> changed = new ArrayList<>();
        for (Map.Entry<String, PatternScan> part : after.parts().entrySet()) {
            PatternScan old = before.parts().get(part.getKey());
            if (old == null || !old.digest().equals(part.getValue().digest())) {
                diff(old, part.getValue(), changed, limit);
            }
            if (changed.size() >= limit) {
                break;
            }
        }
        for (Map.Entry<String, String> racy : before.racy().entrySet()) {
            if (changed.size() >= limit) {
                break;
            }
            String now = after.racy().get(racy.getKey());
            if (now != null && !now.equals(racy.getValue()) && !changed.contains(racy.getKey())) {
                changed.add(racy.getKey());
            }
        }
        return changed;
    }

    private static void diff(PatternScan old, PatternScan now, List<String> out, int limit) {
        int i = 0;
        int j = 0;
        int oldSize = old == null ? 0 : old.size();
        while ((i < oldSize || j < now.size()) && out.size() < limit) {
            int cmp = i >= oldSize ? 1 : j >= now.size() ? -1 : old.path(i).compareTo(now.path(j));
            if (cmp < 0) {
                addOnce(out, old.path(i++));
            } else if (cmp > 0) {
                addOnce(out, now.path(j++));
            } else {
                if (old.mtime(i) != now.mtime(j) || old.fileSize(i) != now.fileSize(j)) {
                    addOnce(out, now.path(j));
                }
                i++;
                j++;
            }
        }
    }

    private static void addOnce(List<String> out, String path) {
        if (!out.contains(path)) {
            out.add(path);
        }
    }
}
