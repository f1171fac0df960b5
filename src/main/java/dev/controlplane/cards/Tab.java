package dev.controlplane.cards;

/** The dashboard tabs. Each tab's id is also the name of its bust scope. */
public enum Tab {
    DEVOPS("devops", "DevOps"),
    INTEGRATIONS("integrations", "Integrations"),
    AUDIT("audit", "Audit");

    private final String id;
    private final String label;

    Tab(String id, String label) {
        this.id = id;
        this.label = label;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }
}
