package dev.holdfast.platform.auth;

class MemoryRefreshLedgerTest extends RefreshLedgerContract {
    private final MemoryRefreshLedger ledger = new MemoryRefreshLedger();

    @Override
    protected RefreshLedger ledger() {
        return ledger;
    }
}
