package dev.holdfast.platform.sim;

/** What a simulated customer writes in about; {@link #tag()} goes into the conversation's tags. */
public enum Topic {
    ORDERS("order"),
    REFUNDS("refund"),
    DELIVERY("delivery"),
    PASSWORDS("password"),
    BILLING("billing"),
    PLAN_CHANGES("plan");

    private final String tag;

    Topic(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }
}
