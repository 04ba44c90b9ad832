namespace GovAssistant.KnowledgeBase.Tests.Store;

// The bank contracts on PostgreSQL (PostgresBankStore): each test on an empty database of the test server.

public sealed class PostgresBankStoreTests : BankStoreContract
{
    protected override TestBank CreateBank() => new PostgresTestBank();
}

public sealed class PostgresBankDraftTests : BankDraftContract
{
    protected override TestBank CreateBank() => new PostgresTestBank();
}

public sealed class PostgresBankConcurrencyTests : BankConcurrencyContract
{
    protected override TestBank CreateBank() => new PostgresTestBank();
}
